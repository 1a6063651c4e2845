/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/, served as `application/feed+json`) as a
 * string: the same feeds as the RSS ones (./rss.ts), item for item, for readers and tools that
 * prefer JSON. Dates are RFC 3339 with Tehran's offset at that instant, the HTML is sanitised and
 * made absolute as in RSS.
 */
import { toTehranIsoString } from '#lib/dates/tehran.ts';
import { latestItems, type FeedItem, type FeedOptions } from './rss.ts';
import { feedHtml } from './sanitize.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

interface JsonFeedAuthor {
  name: string;
  url?: string;
}

function jsonFeedItem(item: FeedItem) {
  const authors: JsonFeedAuthor[] = item.authors.map((name, index) => {
    const url = item.authorUrls?.[index];
    return url ? { name, url } : { name };
  });
  const tags = [...new Set([...item.categories, ...(item.tags ?? [])])];
  return {
    // The canonical URL, as RSS's guid: stable for the life of the story.
    id: item.url,
    url: item.url,
    title: item.title,
    content_html: feedHtml(item.html, item.url),
    summary: item.lead,
    ...(item.enclosure ? { image: item.enclosure.url } : {}),
    date_published: toTehranIsoString(item.date),
    ...(item.modified ? { date_modified: toTehranIsoString(item.modified) } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    language: 'fa',
  };
}

/** The feed as JSON text (one line, then a newline). */
export function jsonFeedText(options: FeedOptions): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: options.title,
    home_page_url: options.link,
    feed_url: options.selfUrl,
    description: options.description,
    icon: options.imageUrl,
    language: 'fa',
    ...(options.hub ? { hubs: [{ type: 'WebSub', url: options.hub }] } : {}),
    items: latestItems(options).map(jsonFeedItem),
  };
  return `${JSON.stringify(feed)}\n`;
}
