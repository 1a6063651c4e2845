/**
 * Every URL the site builds, in one place. Paths end in `/` (the site is built as folders) and
 * use ASCII digits; Persian segments are percent-encoded.
 *
 * The builders give site paths (`/news/7/market/`): the same whatever the `base` setting, so that
 * they also name pages (output files, the incremental manifest, tests). A site path becomes a link
 * only where a page writes it:
 * - `withBase()` for every `href`, `src` and `action`: `/archive/news/7/market/` under the base
 *   `/archive/`, still relative to the domain so that a mirror on another domain works;
 * - `absoluteUrl()` for what must name the one public address (canonical, Open Graph, feeds,
 *   sitemaps, structured data): the `url` setting + base + path.
 * Both live in src/data/urls.ts, bound to the settings; the build steps in plain Node are given the
 * base by astro.config.mjs and use `pathWithBase()`/`urlWithBase()` below, and the client scripts
 * `pathWithBase(import.meta.env.BASE_URL, …)`.
 */
// Defined beside the publication rules and passed on here: the client scripts import this module,
// and defining them here instead splits those scripts into other chunks (other files, other names).
export { articlePath, articlesPath } from './content/publication.ts';

export const homePath = '/';
export const categoryPath = (slug: string) => `/category/${encodeURIComponent(slug)}/`;
export const tagIndexPath = '/tag/';
export const tagPath = (slug: string) => `/tag/${encodeURIComponent(slug)}/`;
export const authorIndexPath = '/author/';
export const authorPath = (slug: string) => `/author/${encodeURIComponent(slug)}/`;
export const archiveIndexPath = '/archive/';
export const archiveYearPath = (year: number) => `/archive/${year}/`;
export const archiveMonthPath = (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`;
/** The short link of an article, `/n/<id>/`: a redirect page to its full URL. */
export const shortPath = (id: number) => `/n/${id}/`;
/**
 * A numbered page of a list (`/category/economy/3/`): numbers count from the list's oldest page,
 * so a page keeps its stories as the list grows (see listing-pages.ts).
 */
export const listingPagePath = (listPath: string, page: number) => `${listPath}${page}/`;
export const searchPath = '/search/';
export const feedsIndexPath = '/feeds/';
/** The site-wide list of recent corrections. */
export const correctionsPath = '/corrections/';
/** Where the comment service sends the reader after posting. */
export const commentsThanksPath = '/comments/thanks/';
/** Where the comment service sends a reader whose comment it refused (Staticman's `redirectError`). */
export const commentsRefusedPath = '/comments/refused/';
/** A file of the search index: the shards list, the UI, a shard's folder (`/pagefind/1403/`). */
export const searchIndexPath = (file: string) => `/pagefind/${file}`;
export const faviconPath = '/favicon.svg';

/** The web editor (docs/editor.md): its page, its generated configuration and the CMS it runs. */
export const adminPath = '/admin/';
export const adminConfigPath = '/admin/config.yml';
/** Decap CMS as the npm package ships it, one folder per version (so its files can be cached for good). */
export const cmsBundleFolder = (version: string) => `/admin/decap-cms/${version}/`;
export const cmsBundlePath = (version: string) => `${cmsBundleFolder(version)}decap-cms.js`;
/**
 * Bayegan's own editor script (widgets, article format), bundled apart from the site's scripts so
 * that the two share no chunk (src/build/cms-bundle.ts). Not content-hashed: revalidated like a page.
 */
export const adminScriptPath = '/admin/bayegan-editor.js';
/** Where `npm run editor` answers for the local repository (decap-server), beside the editor page. */
export const adminLocalApiPath = '/admin/api/v1';

/** The feed of the whole site, then one per section and one per reporter. */
export const siteFeedPath = '/rss.xml';
export const categoryFeedPath = (slug: string) => `${categoryPath(slug)}rss.xml`;
export const authorFeedPath = (slug: string) => `${authorPath(slug)}rss.xml`;
/** The same feeds in JSON Feed 1.1 (`application/feed+json`), beside the RSS ones. */
export const siteJsonFeedPath = '/feed.json';
export const categoryJsonFeedPath = (slug: string) => `${categoryPath(slug)}feed.json`;
export const authorJsonFeedPath = (slug: string) => `${authorPath(slug)}feed.json`;
/** What a browser shows a feed with (public/rss.xsl). */
export const feedStylesheetPath = '/rss.xsl';

/** The sitemaps: numbered files of page URLs, the index that lists them, and the news sitemap. */
export const sitemapPath = (index: number) => `/sitemap-${index}.xml`;
export const sitemapIndexPath = '/sitemap-index.xml';
export const newsSitemapPath = '/sitemap-news.xml';

/**
 * A host's route pattern from a path builder: `routePattern(categoryFeedPath, ':section')` is
 * `/category/:section/rss.xml`, the placeholder kept as written rather than percent-encoded.
 */
export function routePattern(build: (segment: string) => string, placeholder: string): string {
  return build(placeholder).replace(encodeURIComponent(placeholder), placeholder);
}

/**
 * Where a site path is in the built site: relative, without slashes at either end, and decoded
 * (files carry the segments' own letters): `/pagefind/1403/` → `pagefind/1403`, `/news/` → `news`.
 */
export function siteFolder(sitePath: string): string {
  return decodeURIComponent(sitePath.replace(/^\/|\/$/g, ''));
}

/** The file a page is written to: `/news/7/market/` → `news/7/market/index.html`. */
export function pageFile(sitePath: string): string {
  const folder = siteFolder(sitePath);
  return folder ? `${folder}/index.html` : 'index.html';
}

/** `sitePath` under `base`: `pathWithBase('/archive/', '/news/7/x/')` is `/archive/news/7/x/`. */
export function pathWithBase(base: string, sitePath: string): string {
  if (!sitePath.startsWith('/') || sitePath.startsWith('//')) {
    throw new Error(`"${sitePath}" is not a site path: it must start with one "/"`);
  }
  return `${base.endsWith('/') ? base : `${base}/`}${sitePath.slice(1)}`;
}

/** The public URL of `sitePath`: `url` (an origin) + base + path. */
export function urlWithBase(url: string, base: string, sitePath: string): string {
  return new URL(pathWithBase(base, sitePath), url).href;
}
