/**
 * schema.org JSON-LD as plain objects, and a safe way to put them in a page. Dates are ISO 8601
 * with the Tehran offset of their instant; URLs are absolute.
 */
import { toTehranIsoString } from './dates/tehran.ts';

export interface PersonRef {
  name: string;
  url: string;
}

export interface Publisher {
  name: string;
  url: string;
  logoUrl: string;
}

/** A picture of the article: `ImageObject` with its caption and credit when it has them. */
export interface ArticleImage {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
  /** Who made it, as the page credits it («عکس: …»). */
  credit?: string | undefined;
}

export function newsArticleJsonLd(article: {
  url: string;
  headline: string;
  description: string;
  images: ArticleImage[];
  datePublished: Date;
  dateModified?: Date | undefined;
  authors: PersonRef[];
  section: string;
  keywords: string[];
  publisher: Publisher;
  /** Corrections of the story, newest first: schema.org `correction`. */
  corrections?: { date: Date; text: string }[] | undefined;
  /** A live page: makes it a `LiveBlogPosting` with its coverage times and updates (newest first). */
  live?: LiveCoverage | undefined;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': article.live ? 'LiveBlogPosting' : 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    headline: article.headline,
    description: article.description,
    ...(article.images.length > 0 ? { image: article.images.map(imageObject) } : {}),
    datePublished: toTehranIsoString(article.datePublished),
    dateModified: toTehranIsoString(article.dateModified ?? article.datePublished),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    articleSection: article.section,
    ...(article.keywords.length > 0 ? { keywords: article.keywords } : {}),
    inLanguage: 'fa',
    publisher: organization(article.publisher),
    ...(article.corrections?.length
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.text,
            datePublished: toTehranIsoString(correction.date),
          })),
        }
      : {}),
    ...(article.live ? liveBlogFields(article.live) : {}),
  };
}

export interface LiveCoverage {
  /** When coverage began (the article's date). */
  start: Date;
  /** When it ended; absent while it goes on. */
  end?: Date | undefined;
  /** Newest first; `url` is the page's URL with the update's anchor. */
  updates: { url: string; headline: string; date: Date; text: string }[];
}

/** Google shows at most 110 characters of a headline; an update without a title is cut there. */
const HEADLINE_LENGTH = 110;

/** The first words of `text` that fit a headline, with «…» when cut. */
export function headlineOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= HEADLINE_LENGTH) return flat;
  const cut = flat.slice(0, HEADLINE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > HEADLINE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

function liveBlogFields(live: LiveCoverage) {
  return {
    coverageStartTime: toTehranIsoString(live.start),
    ...(live.end ? { coverageEndTime: toTehranIsoString(live.end) } : {}),
    liveBlogUpdate: live.updates.map((update) => ({
      '@type': 'BlogPosting',
      url: update.url,
      headline: update.headline,
      datePublished: toTehranIsoString(update.date),
      articleBody: update.text,
    })),
  };
}

function imageObject(image: ArticleImage) {
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

function organization(publisher: Publisher) {
  return {
    '@type': 'NewsMediaOrganization',
    name: publisher.name,
    url: publisher.url,
    logo: { '@type': 'ImageObject', url: publisher.logoUrl },
  };
}

/** The trail of a page, every item with an absolute URL (the last is the page itself). */
export function breadcrumbListJsonLd(items: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** The home page: the site, its publisher and how to search it. */
export function webSiteJsonLd(site: {
  name: string;
  url: string;
  description: string;
  searchUrlTemplate: string;
  publisher: Publisher;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: site.url,
    description: site.description,
    inLanguage: 'fa',
    publisher: organization(site.publisher),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: site.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so text can never end the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
