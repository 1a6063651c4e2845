/**
 * Sitemaps as strings: the standard sitemap (split at 50,000 URLs), the index that lists them,
 * and the Google News sitemap of the last 48 hours. Dates are W3C datetimes with a zone.
 */
import { toTehranIsoString } from './dates/tehran.ts';

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

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
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
export function newsWindow<T>(items: readonly T[], now: Date, publishedOf: (item: T) => Date): T[] {
  const since = now.getTime() - NEWS_WINDOW_HOURS * 3_600_000;
  const time = (item: T) => publishedOf(item).getTime();
  return items
    .filter((item) => time(item) >= since && time(item) <= now.getTime())
    .sort((a, b) => time(b) - time(a))
    .slice(0, NEWS_MAX_ITEMS);
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
