/**
 * RSS 2.0 feeds as strings, on @astrojs/rss: the endpoints only wrap this. Items are ordered by
 * first publication (a correction must not push an old story to the top) and capped.
 */
import { getRssString } from '@astrojs/rss';
import { feedHtml } from './sanitize.ts';

export interface FeedItem {
  title: string;
  /** Absolute, canonical URL of the article. */
  url: string;
  /** First publication. */
  date: Date;
  /** When it last changed (an update, a correction, a live update), if it did. */
  modified?: Date | undefined;
  /** The lead: the item's description. */
  lead: string;
  /** The article's HTML; sanitised and made absolute here. */
  html: string;
  /** Section name(s). */
  categories: string[];
  authors: string[];
  /** Absolute URL of the comments section, when comments are open. */
  commentsUrl?: string | undefined;
  /** The lead image: absolute URL, size in bytes and MIME type. */
  enclosure?: { url: string; length: number; type: string } | undefined;
}

export interface FeedOptions {
  title: string;
  description: string;
  /** The site (or section) page the feed belongs to, absolute. */
  link: string;
  /** This feed's own absolute URL (atom:link rel="self"). */
  selfUrl: string;
  /** Absolute URL of the channel image (a logo). */
  imageUrl: string;
  /** Absolute or site-relative URL of the XSL stylesheet browsers use to show the feed. */
  stylesheet?: string | undefined;
  items: FeedItem[];
  /** The newest this-many items are kept. */
  limit: number;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** The latest publication or change among the items: a correction of an old story changes the feed too. */
function lastChange(items: readonly FeedItem[]): Date {
  let last = items[0]!.date;
  for (const item of items) {
    for (const date of [item.date, item.modified]) if (date && date > last) last = date;
  }
  return last;
}

export async function rssFeedXml(options: FeedOptions): Promise<string> {
  const items = [...options.items].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, options.limit);
  return getRssString({
    title: options.title,
    description: options.description,
    site: options.link,
    ...(options.stylesheet ? { stylesheet: options.stylesheet } : {}),
    trailingSlash: true,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      content: 'http://purl.org/rss/1.0/modules/content/',
    },
    customData: [
      '<language>fa</language>',
      `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
      `<image><url>${escapeXml(options.imageUrl)}</url><title>${escapeXml(options.title)}</title><link>${escapeXml(options.link)}</link></image>`,
      items[0] ? `<lastBuildDate>${lastChange(items).toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.date,
      description: item.lead,
      content: feedHtml(item.html, item.url),
      categories: item.categories,
      ...(item.commentsUrl ? { commentsUrl: item.commentsUrl } : {}),
      ...(item.enclosure ? { enclosure: item.enclosure } : {}),
      customData: item.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join(''),
    })),
  });
}
