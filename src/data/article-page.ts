/**
 * What an article page is made of besides its markup: the props its route hands it (the stories
 * around it, its comments) and what the page says about itself to other sites (the social image,
 * Open Graph's `article:*` data, `NewsArticle` JSON-LD). The page's components only lay these out.
 */
import type { ArticleMeta, SocialImage } from '#layouts/BaseLayout.astro';
import { storiesBeside } from '#lib/archive.ts';
import { bodyImages } from '#lib/body-images.ts';
import { correctionsNewestFirst, lastModified, liveUpdatesNewestFirst, paragraphsOf } from '#lib/article-timeline.ts';
import { toTehranIsoString } from '#lib/dates/tehran.ts';
import { authorPath, homePath } from '#lib/paths.ts';
import { headlineOf, newsArticleJsonLd } from '#lib/structured-data.ts';
import site from '#site.config.ts';
import type { Archive, Article, CommentThreads } from './articles';
import { absoluteUrl, publicUrl } from './urls';

// A type, not an interface: Astro's GetStaticPaths wants props assignable to a string-keyed record.
export type ArticlePageProps = {
  article: Article;
  /** Related stories, most related first (src/lib/archive.ts). */
  related: Article[];
  comments: CommentThreads;
  /** The next newer and older story of the article's section. */
  newer?: Article;
  older?: Article;
};

/**
 * The page (`/news/<id>/<slug>/`) of each of `articles` (those whose pages the build renders,
 * `articlesOfOwnPages`): its params and article, made one at a time.
 */
export function* articlePages(
  articles: Iterable<Article>,
): Generator<{ params: { id: string; slug: string }; article: Article }> {
  for (const article of articles) yield { params: { id: String(article.id), slug: article.slug }, article };
}

/** The props of an article's page. They are also its fingerprint for incremental builds. */
export function articlePageProps(archive: Archive, article: Article): ArticlePageProps {
  const { related, ...neighbours } = storiesBeside(archive, article, site.article.relatedCount);
  return {
    article,
    related,
    comments: archive.comments.get(article.id) ?? [],
    ...neighbours,
  };
}

/** The article's lead picture as link previews show it, when it has one. */
export function articleSocialImage({ data }: Article): SocialImage | undefined {
  return (
    data.image && {
      // Astro's URL of the image, already under the base.
      url: publicUrl(data.image.src),
      alt: data.imageAlt ?? '',
      width: data.image.width,
      height: data.image.height,
    }
  );
}

/** Open Graph's `article:*` data of the page. */
export function articleOpenGraph({ data, category, authors }: Article): ArticleMeta {
  const modified = lastModified(data);
  return {
    publishedTime: toTehranIsoString(data.date),
    modifiedTime: modified && toTehranIsoString(modified),
    section: category.data.name,
    tags: data.tags,
    authors: authors.map((author) => absoluteUrl(authorPath(author.id))),
  };
}

/**
 * The article as schema.org `NewsArticle`, or `LiveBlogPosting` for a live page: its pictures are
 * the lead picture, then those of the body (`bodyHtml`, as the page shows it) with their captions
 * and credits.
 */
export function articleJsonLd(article: Article, image: SocialImage | undefined, bodyHtml: string) {
  const { data, category, authors } = article;
  const url = absoluteUrl(article.path);
  return newsArticleJsonLd({
    url,
    headline: data.title,
    description: data.lead,
    images: [
      ...(image
        ? [
            {
              url: image.url,
              width: image.width,
              height: image.height,
              caption: data.imageCaption,
              credit: data.imageCredit,
            },
          ]
        : []),
      ...bodyImages(bodyHtml).map(({ src, ...rest }) => ({ url: publicUrl(src), ...rest })),
    ],
    datePublished: data.date,
    dateModified: lastModified(data),
    authors: authors.map((author) => ({ name: author.data.name, url: absoluteUrl(authorPath(author.id)) })),
    section: category.data.name,
    keywords: data.tags,
    publisher: { name: site.name, url: absoluteUrl(homePath), logoUrl: absoluteUrl(site.logo) },
    corrections: correctionsNewestFirst(data.corrections),
    live: data.live
      ? {
          start: data.date,
          end: data.liveEnded,
          updates: liveUpdatesNewestFirst(data.updates).map((update) => ({
            url: `${url}#${update.anchor}`,
            headline: update.title ?? headlineOf(update.text),
            date: update.date,
            text: paragraphsOf(update.text).join('\n'),
          })),
        }
      : undefined,
  });
}
