/**
 * Sitemaps as strings: the standard sitemap (split at 50,000 URLs), the index that lists them,
 * and the Google News sitemap of the last 48 hours. Dates are W3C datetimes with a zone.
 */
import { toTehranIsoString } from './dates/tehran.ts';
import type { Indexed } from './sorted-search.ts';

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: only articles of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_ITEMS = 1_000;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date | undefined;
}

/**
 * URLs of the site of one kind, as many as `count`, each made when asked: the sitemaps of a
 * million articles are made a file at a time, and a segment build's threads, which all ask how many
 * files there are, hold none of them (as URLs, about 0.15 GB a thread).
 */
export interface UrlRun {
  count: number;
  url(at: number): SitemapUrl;
}

/** A run of one URL for each of `items`. */
export const urlRun = <T>(items: Indexed<T>, urlOf: (item: T) => SitemapUrl): UrlRun => ({
  count: items.length,
  url: (at) => urlOf(items.at(at)!),
});

/**
 * A run of one URL, made when asked: the corrections page's date reads every article, which a
 * segment build's threads need not do to count the files.
 */
export const oneUrl = (urlOf: () => SitemapUrl): UrlRun => ({ count: 1, url: urlOf });

/** How many sitemap files the runs fill, SITEMAP_MAX_URLS each: at least one (empty when there is no URL). */
export function sitemapCount(runs: readonly UrlRun[]): number {
  const urls = runs.reduce((sum, run) => sum + run.count, 0);
  return Math.max(1, Math.ceil(urls / SITEMAP_MAX_URLS));
}

/** The URLs of sitemap file `index` (from 0), in the runs' order, made now. */
export function sitemapUrls(runs: readonly UrlRun[], index: number): SitemapUrl[] {
  const start = index * SITEMAP_MAX_URLS;
  const end = start + SITEMAP_MAX_URLS;
  const urls: SitemapUrl[] = [];
  let offset = 0;
  for (const run of runs) {
    for (let at = Math.max(start - offset, 0); at < Math.min(end - offset, run.count); at++) urls.push(run.url(at));
    offset += run.count;
    if (offset >= end) break;
  }
  return urls;
}

const lastmod = (date: Date | undefined) => (date ? `<lastmod>${toTehranIsoString(date)}</lastmod>` : '');

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  if (urls.length > SITEMAP_MAX_URLS) throw new RangeError(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs`);
  const body = urls.map((url) => `<url><loc>${escapeXml(url.loc)}</loc>${lastmod(url.lastmod)}</url>`).join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function sitemapIndexXml(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps
    .map((sitemap) => `<sitemap><loc>${escapeXml(sitemap.loc)}</loc>${lastmod(sitemap.lastmod)}</sitemap>`)
    .join('\n');
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export interface NewsItem {
  loc: string;
  title: string;
  published: Date;
}

/**
 * The items published (`publishedOf`) in the window before `now`, newest first, at most
 * NEWS_MAX_ITEMS: the window is taken of the archive's articles themselves, before anything is made
 * for each (the news sitemap is rendered in every build, and in every segment, of any archive).
 */
export function newsWindow<T>(items: Iterable<T>, now: Date, publishedOf: (item: T) => Date): T[] {
  const since = now.getTime() - NEWS_WINDOW_HOURS * 3_600_000;
  const time = (item: T) => publishedOf(item).getTime();
  const inWindow: T[] = [];
  for (const item of items) if (time(item) >= since && time(item) <= now.getTime()) inWindow.push(item);
  return inWindow.sort((a, b) => time(b) - time(a)).slice(0, NEWS_MAX_ITEMS);
}

export function newsSitemapXml(items: readonly NewsItem[], publication: { name: string; language: string }): string {
  const body = items
    .map(
      (item) =>
        `<url><loc>${escapeXml(item.loc)}</loc><news:news><news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>${publication.language}</news:language></news:publication><news:publication_date>${toTehranIsoString(item.published)}</news:publication_date><news:title>${escapeXml(item.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}\n</urlset>\n`;
}

/** robots.txt: crawling allowed under `allow` (the site's base), and where the sitemaps are. */
export function robotsTxt(sitemapUrls: readonly string[], allow = '/'): string {
  return ['User-agent: *', `Allow: ${allow}`, '', ...sitemapUrls.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
