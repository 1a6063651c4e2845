/**
 * RSS 2.0 feeds as strings, on @astrojs/rss: the endpoints only wrap this. Items are ordered by
 * first publication (a correction must not push an old story to the top) and capped.
 */
import { getRssString } from '@astrojs/rss';
import { RSS_TYPE } from './media-types.ts';
import { feedHtml } from './sanitize.ts';

export interface FeedItem {
  title: string;
  /** Absolute, canonical URL of the article. */
  url: string;
  /** First publication. */
  date: Date;
  /** When it last changed (an update, a correction, a live update), if it did: JSON Feed's `date_modified`. */
  modified?: Date | undefined;
  /** The lead: the item's description. */
  lead: string;
  /** The article's HTML; sanitised and made absolute here. */
  html: string;
  /** Section name(s). */
  categories: string[];
  authors: string[];
  /** Absolute URLs of the reporters' pages, in the order of `authors` (JSON Feed names them). */
  authorUrls?: string[] | undefined;
  /** The article's tags (JSON Feed's `tags`, after the section). */
  tags?: string[] | undefined;
  /** Absolute URL of the comments section, when comments are open. */
  commentsUrl?: string | undefined;
  /** The lead image: absolute URL, size in bytes and MIME type; its caption and credit, if any. */
  enclosure?:
    | { url: string; length: number; type: string; caption?: string | undefined; credit?: string | undefined }
    | undefined;
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
  /** The WebSub hub that subscribers are told of (the `websub` setting), if any. */
  hub?: string | undefined;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

/** The items a feed carries, in both formats: the newest `limit` by first publication, newest first. */
export function latestItems(options: Pick<FeedOptions, 'items' | 'limit'>): FeedItem[] {
  return [...options.items].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, options.limit);
}

/**
 * The lead image as Media RSS, for its caption and credit, which an enclosure cannot carry; nothing
 * when it has neither (the enclosure says the rest).
 */
function mediaContent(image: FeedItem['enclosure']): string {
  if (!image || !(image.caption || image.credit)) return '';
  return [
    `<media:content url="${escapeXml(image.url)}" type="${escapeXml(image.type)}" medium="image" fileSize="${image.length}">`,
    image.caption ? `<media:description type="plain">${escapeXml(image.caption)}</media:description>` : '',
    image.credit ? `<media:credit role="photographer">${escapeXml(image.credit)}</media:credit>` : '',
    '</media:content>',
  ].join('');
}

/** The latest publication or change among the items: a correction of an old story changes the feed too. */
function lastChange(items: readonly FeedItem[]): Date {
  let last = items[0]!.date;
  for (const item of items) {
    for (const date of [item.date, item.modified]) if (date && date > last) last = date;
  }
  return last;
}

export async function rssFeedXml(options: FeedOptions): Promise<string> {
  const items = latestItems(options);
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
      media: 'http://search.yahoo.com/mrss/',
    },
    customData: [
      '<language>fa</language>',
      `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="${RSS_TYPE}"/>`,
      // WebSub discovery: the hub, and the topic (the self link above) it knows this feed by.
      options.hub ? `<atom:link href="${escapeXml(options.hub)}" rel="hub"/>` : '',
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
      ...(item.enclosure
        ? { enclosure: { url: item.enclosure.url, length: item.enclosure.length, type: item.enclosure.type } }
        : {}),
      customData:
        item.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('') +
        mediaContent(item.enclosure),
    })),
  });
}
