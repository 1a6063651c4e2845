/**
 * HTTP headers and redirects for the CDN, as the `_headers` and `_redirects` files that Cloudflare
 * Pages and Netlify read from the site's root (docs/operations.md#deploying has the equivalents for other
 * hosts). Pure: settings in, file text out. How the host reads them: src/lib/static-host.ts.
 *
 * Caching: files under /_astro/ have a content hash in their name and never change, so browsers
 * keep them for a year. Everything else (pages, feeds, the search index's entry files) keeps the
 * hosts' default, `max-age=0, must-revalidate`: a reader always gets the latest edition, cheaply
 * revalidated with ETags. Feeds and sitemaps may be cached for five minutes.
 *
 * Content types are the host's, by file extension, except for JSON feeds: a host sends `.json` as
 * `application/json`, and JSON Feed 1.1 asks for `application/feed+json`.
 *
 * The rules name site paths; the files name them under the `base` setting (`/archive/_astro/*`), as
 * the host sees them.
 */
import type { EditorBackend } from './cms/config.ts';
import { JSON_FEED_TYPE } from './feeds/media-types.ts';
import {
  adminPath,
  authorFeedPath,
  authorJsonFeedPath,
  categoryFeedPath,
  categoryJsonFeedPath,
  cmsBundleFolder,
  pathWithBase,
  routePattern,
  searchIndexPath,
  siteFeedPath,
  siteJsonFeedPath,
  sitemapIndexPath,
} from './paths.ts';

export interface CdnHeadersOptions {
  /** Where the comment form posts, if anywhere: its origin is allowed as a form target. */
  commentsEndpoint?: string | undefined;
  /** Send Strict-Transport-Security (the default); off for a site also served over plain HTTP. */
  hsts?: boolean | undefined;
  /** The `base` setting (default `/`): every rule and redirect is under it. */
  base?: string | undefined;
  /** The web editor's git host (the `editor` settings), which /admin/ talks to. */
  editor?: Pick<EditorBackend, 'backend' | 'hostUrl'> | undefined;
}

/**
 * HTTPS only, for a year, subdomains included. Without `preload`: the browsers' preload list is
 * a promise for the whole domain that takes months to take back, a newsroom's own decision.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * The Content-Security-Policy: everything from the site itself, no inline script or style at all
 * (the build writes every script and stylesheet to a file), WebAssembly for Pagefind's search.
 */
export function contentSecurityPolicy({ commentsEndpoint }: CdnHeadersOptions = {}): string {
  const formAction = ["'self'", ...(commentsEndpoint ? [new URL(commentsEndpoint).origin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The origins the web editor at /admin/ talks to: the git host's API, and where it shows avatars
 * from. Sign-in itself happens in a window of the host's (or the OAuth helper's) own.
 */
function editorOrigins(editor: CdnHeadersOptions['editor']): { api: string[]; images: string[] } {
  if (editor?.backend === 'gitlab') {
    const host = new URL(editor.hostUrl ?? 'https://gitlab.com').origin;
    return { api: [host], images: [host, 'https://secure.gravatar.com'] };
  }
  return { api: ['https://api.github.com'], images: ['https://avatars.githubusercontent.com'] };
}

/**
 * The Content-Security-Policy of the web editor (/admin/, docs/editor.md#content-security-policy):
 * Decap CMS as shipped needs three things the site's own policy refuses, and nothing else:
 * - `'unsafe-eval'`: it checks its configuration with ajv, which compiles the check with `new Function`;
 * - `'unsafe-inline'` styles: its interface is styled by emotion, which writes `<style>` elements;
 * - `blob:` images and fetches, and the git host: a picture being uploaded is kept in memory,
 *   shown and read back from there, and the repository is read and written through the host's
 *   API (GitHub's or GitLab's).
 * Scripts still come only from the site itself; nothing may frame the editor.
 */
export function adminContentSecurityPolicy({ editor }: CdnHeadersOptions = {}): string {
  const origins = editorOrigins(editor);
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${origins.images.join(' ')}`,
    "font-src 'self'",
    `connect-src 'self' blob: ${origins.api.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers sent with every response. */
export function securityHeaders(options: CdnHeadersOptions = {}): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['Content-Security-Policy', contentSecurityPolicy(options)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'],
    ['X-Frame-Options', 'DENY'],
  ];
  return options.hsts === false ? headers : [['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY], ...headers];
}

/** Cache-Control by path, for the paths that differ from the hosts' revalidate-always default. */
export const CACHE_RULES: [path: string, cacheControl: string][] = [
  ['/_astro/*', 'public, max-age=31536000, immutable'],
  // Pagefind names its index chunks by their content; its scripts and entry file keep their names.
  [searchIndexPath(':shard/index/*'), 'public, max-age=31536000, immutable'],
  [searchIndexPath(':shard/fragment/*'), 'public, max-age=31536000, immutable'],
  [searchIndexPath(':shard/filter/*'), 'public, max-age=31536000, immutable'],
  // The search routing table's chunks are named by their content too (src/lib/search/routing.ts).
  [searchIndexPath('routes/*'), 'public, max-age=31536000, immutable'],
  // The editor's copy of Decap CMS sits in a folder named by its version.
  [`${cmsBundleFolder(':version')}*`, 'public, max-age=31536000, immutable'],
  [siteFeedPath, 'public, max-age=300, must-revalidate'],
  [routePattern(categoryFeedPath, ':section'), 'public, max-age=300, must-revalidate'],
  [routePattern(authorFeedPath, ':author'), 'public, max-age=300, must-revalidate'],
  [siteJsonFeedPath, 'public, max-age=300, must-revalidate'],
  [routePattern(categoryJsonFeedPath, ':section'), 'public, max-age=300, must-revalidate'],
  [routePattern(authorJsonFeedPath, ':author'), 'public, max-age=300, must-revalidate'],
  [sitemapIndexPath, 'public, max-age=300, must-revalidate'],
];

/** Content-Type by path, where the host's type for the extension is not the right one. */
export const CONTENT_TYPE_RULES: [path: string, contentType: string][] = [
  siteJsonFeedPath,
  routePattern(categoryJsonFeedPath, ':section'),
  routePattern(authorJsonFeedPath, ':author'),
].map((path) => [path, `${JSON_FEED_TYPE}; charset=utf-8`]);

/** The rules by path, one block for each (Cloudflare reads at most 100 rules). */
function pathRules(): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  const add = (path: string, header: [string, string]) => rules.set(path, [...(rules.get(path) ?? []), header]);
  for (const [path, value] of CACHE_RULES) add(path, ['Cache-Control', value]);
  for (const [path, value] of CONTENT_TYPE_RULES) add(path, ['Content-Type', value]);
  return rules;
}

/** The `_headers` file (Cloudflare Pages / Netlify syntax). */
export function headersFile(options: CdnHeadersOptions = {}): string {
  const base = options.base ?? '/';
  const block = (path: string, headers: [string, string][]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Written by the build (src/lib/cdn-headers.ts); edit that file, not this one.',
    block(pathWithBase(base, '/*'), securityHeaders(options)),
    // The editor's own policy replaces the site's (`!` takes a header away on Cloudflare Pages).
    [
      `${pathWithBase(base, `${adminPath}*`)}`,
      '  ! Content-Security-Policy',
      `  Content-Security-Policy: ${adminContentSecurityPolicy(options)}`,
    ].join('\n'),
    ...[...pathRules()].map(([path, headers]) => block(pathWithBase(base, path), headers)),
  ]
    .join('\n\n')
    .concat('\n');
}

/** Old addresses that readers and feed readers may still ask for (other tools' names, not ours). */
export const REDIRECTS: [from: string, to: string, status: number][] = [
  ['/feed', siteFeedPath, 301],
  ['/feed/', siteFeedPath, 301],
  ['/rss', siteFeedPath, 301],
  ['/sitemap.xml', sitemapIndexPath, 301],
];

/** The `_redirects` file (Cloudflare Pages / Netlify syntax). */
export function redirectsFile({ base = '/' }: CdnHeadersOptions = {}): string {
  const rules = REDIRECTS.map(
    ([from, to, status]) => `${pathWithBase(base, from)} ${pathWithBase(base, to)} ${status}`,
  );
  return `${rules.join('\n')}\n`;
}
