/**
 * Feed items from published articles (Astro side: renders article bodies, reads image files).
 */
import { statSync } from 'node:fs';
import { ui } from '#i18n/fa.ts';
import { lastModified } from '#lib/article-timeline.ts';
import { rssFeedXml, type FeedItem } from '#lib/feeds/rss.ts';
import { timelineFeedHtml } from '#lib/feeds/timeline-html.ts';
import { feedStylesheetPath } from '#lib/paths.ts';
import { articleBodyHtml } from './article-bodies';
import type { Article } from './articles';
import { absoluteUrl, publicUrl, withBase } from './urls';

/**
 * Defined in paths.ts; BaseLayout takes it from here on purpose. That import is what puts the
 * article components' styles (fact box, pull quote) first in the shared stylesheet: taken from
 * paths.ts instead, the stylesheet's rules come in another order and every page links a new file.
 */
export { siteFeedPath } from '#lib/paths.ts';

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The article's lead image as published (the original file), with its size in bytes. */
export function leadImage(article: Article): { url: string; length: number; type: string } | undefined {
  const image = article.data.image;
  if (!image) return undefined;
  const fsPath = (image as { fsPath?: string }).fsPath;
  return {
    url: publicUrl(image.src), // Astro's URL of the file, already under the base
    length: fsPath ? statSync(fsPath).size : 0,
    type: IMAGE_TYPES[image.format] ?? 'application/octet-stream',
  };
}

export async function feedItem(article: Article): Promise<FeedItem> {
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
    commentsUrl: article.data.comments ? `${url}#comments` : undefined,
    enclosure: leadImage(article),
  };
}

export interface FeedLink {
  title: string;
  /** The feed's site path (the base is added where it is linked). */
  href: string;
}

/** A feed response for a list of articles (newest first), capped at the configured count. */
export async function feedResponse(
  options: { title: string; description: string; pagePath: string; feedPath: string; articles: Article[] },
  config: { logo: string; itemCount: number },
): Promise<Response> {
  const latest = options.articles.slice(0, config.itemCount);
  const xml = await rssFeedXml({
    title: options.title,
    description: options.description,
    link: absoluteUrl(options.pagePath),
    selfUrl: absoluteUrl(options.feedPath),
    imageUrl: absoluteUrl(config.logo),
    stylesheet: withBase(feedStylesheetPath),
    items: await Promise.all(latest.map((article) => feedItem(article))),
    limit: config.itemCount,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
