/**
 * Feed items from published articles (Astro side: renders article bodies, reads image files).
 */
import { statSync } from 'node:fs';
import { ui } from '#i18n/fa.ts';
import { lastModified } from '#lib/article-timeline.ts';
import type { NewestFirst } from '#lib/article-list.ts';
import { jsonFeedText } from '#lib/feeds/json-feed.ts';
import { JSON_FEED_TYPE, RSS_TYPE } from '#lib/feeds/media-types.ts';
import { rssFeedXml, type FeedItem, type FeedOptions } from '#lib/feeds/rss.ts';
import { timelineFeedHtml } from '#lib/feeds/timeline-html.ts';
import { authorPath, feedStylesheetPath } from '#lib/paths.ts';
import site from '#site.config.ts';
import { articleBodyHtml } from './article-bodies';
import type { Article } from './articles';
import { absoluteUrl, publicUrl, withBase } from './urls';

/**
 * Defined in paths.ts; BaseLayout takes it from here on purpose. That import is what puts the
 * article components' styles (fact box, pull quote) first in the shared stylesheet: taken from
 * paths.ts instead, the stylesheet's rules come in another order and every page links a new file.
 */
export { siteFeedPath, siteJsonFeedPath } from '#lib/paths.ts';
export { JSON_FEED_TYPE, RSS_TYPE };

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The article's lead image as published (the original file), with its size in bytes, caption and credit. */
export function leadImage(article: Article): FeedItem['enclosure'] {
  const { image, imageCaption, imageCredit } = article.data;
  if (!image) return undefined;
  const fsPath = (image as { fsPath?: string }).fsPath;
  return {
    url: publicUrl(image.src), // Astro's URL of the file, already under the base
    length: fsPath ? statSync(fsPath).size : 0,
    type: IMAGE_TYPES[image.format] ?? 'application/octet-stream',
    caption: imageCaption,
    credit: imageCredit,
  };
}

/**
 * Feed items already made in this build, by article: a story stands in the site's, its section's and
 * its reporters' feeds, each in RSS and JSON Feed, and its body is rendered once for all of them. Held
 * weakly by the article the archive hands out (a dev server's next archive starts afresh); only
 * stories within the newest `feeds.itemCount` of some feed are ever here.
 */
const madeItems = new WeakMap<Article, Promise<FeedItem>>();

/** The article as a feed item, the same in every feed and format. */
export function feedItem(article: Article): Promise<FeedItem> {
  let made = madeItems.get(article);
  if (!made) madeItems.set(article, (made = makeFeedItem(article)));
  return made;
}

async function makeFeedItem(article: Article): Promise<FeedItem> {
  const url = absoluteUrl(article.path);
  return {
    title: article.data.title,
    url,
    date: article.data.date,
    modified: lastModified(article.data),
    lead: article.data.lead,
    // A live page's updates and a corrected story's corrections travel with it (its guid stays).
    html: [await articleBodyHtml(article), timelineFeedHtml(article.data, url, ui)].filter(Boolean).join('\n'),
    categories: [article.category.data.name],
    authors: article.authors.map((author) => author.data.name),
    authorUrls: article.authors.map((author) => absoluteUrl(authorPath(author.id))),
    tags: article.data.tags,
    commentsUrl: article.data.comments ? `${url}#comments` : undefined,
    enclosure: leadImage(article),
  };
}

export interface FeedLink {
  title: string;
  /** The RSS feed's site path (the base is added where it is linked). */
  href: string;
  /** The same feed in JSON Feed. */
  jsonHref: string;
}

/** What a feed shows, the same in both formats. */
export interface FeedSource {
  title: string;
  description: string;
  /** The page the feed belongs to (home, section, reporter). */
  pagePath: string;
  /** This feed's own site path: the RSS or the JSON one. */
  feedPath: string;
  /** Newest first. */
  articles: NewestFirst<Article>;
}

/** The settings feeds read: the logo, how many items, the WebSub hub. */
export interface FeedSettings {
  logo: string;
  itemCount: number;
  hub?: string | undefined;
}

/** This site's feed settings. */
export const siteFeedSettings: FeedSettings = {
  logo: site.logo,
  itemCount: site.feeds.itemCount,
  hub: site.websub?.hub,
};

async function feedOptions(source: FeedSource, config: FeedSettings): Promise<FeedOptions> {
  const latest = source.articles.slice(0, config.itemCount);
  return {
    title: source.title,
    description: source.description,
    link: absoluteUrl(source.pagePath),
    selfUrl: absoluteUrl(source.feedPath),
    imageUrl: absoluteUrl(config.logo),
    stylesheet: withBase(feedStylesheetPath),
    items: await Promise.all(latest.map((article) => feedItem(article))),
    limit: config.itemCount,
    hub: config.hub,
  };
}

/** An RSS feed response for a list of articles (newest first), capped at the configured count. */
export async function feedResponse(source: FeedSource, config: FeedSettings): Promise<Response> {
  const xml = await rssFeedXml(await feedOptions(source, config));
  return new Response(xml, { headers: { 'Content-Type': `${RSS_TYPE}; charset=utf-8` } });
}

/** The same feed in JSON Feed 1.1. */
export async function jsonFeedResponse(source: FeedSource, config: FeedSettings): Promise<Response> {
  const json = jsonFeedText(await feedOptions(source, config));
  return new Response(json, { headers: { 'Content-Type': `${JSON_FEED_TYPE}; charset=utf-8` } });
}
