/**
 * How Cloudflare Pages answers a request for the built site: its reading of `_headers` and
 * `_redirects`, and its handling of `.html` files and trailing slashes (the asset server of
 * wrangler's `pages-shared`, which `wrangler pages dev` runs too). Pure, so that the test server
 * (scripts/lib/static-server.ts), the benchmarks and the screenshots see what readers will see;
 * tests/browser/quality.test.ts checks it against the real runtime.
 */

/** Limits of Cloudflare Pages: lines and rules beyond them are ignored, with a warning at deploy. */
export const CLOUDFLARE_LIMITS = {
  lineLength: 2000,
  headerRules: 100,
  staticRedirects: 2000,
  dynamicRedirects: 100,
} as const;

/** Files of the output folder that configure the host and are never served. */
export const HOST_FILES: ReadonlySet<string> = new Set(['/_headers', '/_redirects', '/_routes.json', '/_worker.js']);

/** A path pattern: `*` is a splat (any text), `:name` a placeholder (one path segment). */
function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]\w*)/g, '(?<$1>[^/]+)'))
    .join('(?<splat>.*)');
  return new RegExp(`^${source}$`);
}

/** The pattern's RegExp, or undefined for one Cloudflare refuses (two splats, a name used twice). */
function patternOf(pattern: string): RegExp | undefined {
  try {
    return patternRegExp(pattern);
  } catch {
    return undefined;
  }
}

/** Stands for the site's own origin when resolving redirect targets. */
const SITE_ORIGIN = 'http://site.invalid';

const isDynamic = (pattern: string) => /\*|:[A-Za-z]/.test(pattern);

/** A rule of a `_headers` file: the paths it matches, the headers it sets and those it removes. */
export interface HeaderRule {
  pattern: RegExp;
  headers: [name: string, value: string][];
  /** `! Name` lines: headers an earlier rule set that this one takes away. */
  unset: string[];
}

/** Reads a `_headers` file (`*` splats, `:name` placeholders, `! Name` to remove a header). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let rule: HeaderRule | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.length > CLOUDFLARE_LIMITS.lineLength) continue;
    if (line.startsWith('/')) {
      if (rules.length === CLOUDFLARE_LIMITS.headerRules) break;
      const pattern = patternOf(line);
      // A path Cloudflare refuses (two splats) is skipped with its headers.
      rule = pattern && { pattern, headers: [], unset: [] };
      if (rule) rules.push(rule);
    } else if (line.startsWith('! ')) {
      rule?.unset.push(line.slice(2).trim().toLowerCase());
    } else if (line.includes(':')) {
      const colon = line.indexOf(':');
      rule?.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/**
 * The headers the rules give one (percent-encoded) path, names in lower case, over the `base`
 * headers the host sends anyway. As on Cloudflare, every matching rule applies in file order: the
 * first to set a header replaces the host's value, a later one adds its value after a comma
 * (`/*` and `/_astro/*` both setting Cache-Control would send both), `! Name` removes it.
 */
export function headersFor(
  rules: readonly HeaderRule[],
  urlPath: string,
  base: Record<string, string> = {},
): Record<string, string> {
  const headers = new Map(Object.entries(base));
  const set = new Set<string>();
  for (const rule of rules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const name of rule.unset) {
      headers.delete(name);
      // What the rule (or a later one) sets now starts afresh instead of adding to what was removed.
      set.delete(name);
    }
    for (const [name, value] of rule.headers) {
      headers.set(name, set.has(name) ? `${headers.get(name)}, ${value}` : value);
      set.add(name);
    }
  }
  return Object.fromEntries(headers);
}

/** A rule of a `_redirects` file. */
export interface RedirectRule {
  from: string;
  pattern: RegExp;
  to: string;
  /** 301, 302, 303, 307, 308, or 200 for a rewrite (the target served at the old address). */
  status: number;
}

const PERMITTED_STATUS = new Set([200, 301, 302, 303, 307, 308]);

/** Reads a `_redirects` file: `from to [status]`, status 302 when left out. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  const counts = { staticRedirects: 0, dynamicRedirects: 0 };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.length > CLOUDFLARE_LIMITS.lineLength) continue;
    const [from, to, status = '302'] = line.split(/\s+/);
    const pattern = from?.startsWith('/') ? patternOf(from) : undefined;
    if (!from || !pattern || to === undefined || !PERMITTED_STATUS.has(Number(status))) continue;
    const kind = isDynamic(from) ? 'dynamicRedirects' : 'staticRedirects';
    if (counts[kind] === CLOUDFLARE_LIMITS[kind]) continue;
    counts[kind] += 1;
    rules.push({ from, pattern, to, status: Number(status) });
  }
  return rules;
}

/** The rule for a path: exact addresses first, then the first pattern that matches. */
function redirectRuleFor(rules: readonly RedirectRule[], urlPath: string): RedirectRule | undefined {
  return (
    rules.find((rule) => !isDynamic(rule.from) && rule.from === urlPath) ??
    rules.find((rule) => isDynamic(rule.from) && rule.pattern.test(urlPath))
  );
}

/** What the host answers. `file` is a path in the output folder, like `/news/7/market/index.html`. */
export type HostAnswer =
  | { status: 200 | 404; file: string }
  | { status: 404; file?: undefined }
  | { status: 301 | 302 | 303 | 307 | 308; location: string };

/**
 * Answers a request the way Cloudflare Pages does. `urlPath` is the percent-encoded path,
 * `search` the query string with its `?` (or ''), `exists` tells whether the output folder has a
 * file at a decoded path. Folders get their `index.html`; a folder address without its slash,
 * and any `index.html` or `.html` address, is sent to the clean address with a 308; unknown paths
 * get the nearest `404.html` with status 404.
 */
export function answerRequest(
  urlPath: string,
  search: string,
  exists: (file: string) => boolean,
  redirects: readonly RedirectRule[] = [],
): HostAnswer {
  let pathname = urlPath;
  const rule = redirectRuleFor(redirects, pathname);
  if (rule) {
    let to = rule.to;
    for (const [name, value] of Object.entries(rule.pattern.exec(pathname)?.groups ?? {})) {
      to = to.replaceAll(`:${name}`, value);
    }
    const target = new URL(to, SITE_ORIGIN);
    if (rule.status === 200) {
      pathname = target.pathname;
    } else {
      // The query string goes along unless the target has its own.
      const base = target.origin === SITE_ORIGIN ? target.pathname : target.href.replace(/[?#].*$/, '');
      return { status: rule.status as 301, location: `${base}${target.search || search}${target.hash}` };
    }
  }
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // Cloudflare, too, looks the path up as it came when it cannot be decoded.
  }
  const has = (file: string) => !HOST_FILES.has(file) && exists(file);
  // Cloudflare's own redirects never lead off the site: `//host/` becomes `/host/`.
  const redirect = (to: string): HostAnswer => ({
    status: 308,
    location: `${to.split('/').map(encodeURIComponent).join('/')}${search}`.replace(
      /^(\/|%2F|%2f|%5C|%5c|%09|\s|\\)+/,
      '/',
    ),
  });

  if (pathname.endsWith('/')) {
    if (has(`${pathname}index.html`)) return { status: 200, file: `${pathname}index.html` };
    if (pathname.endsWith('/index/')) return redirect(pathname.slice(0, -'index/'.length));
    if (has(pathname.replace(/\/$/, '.html'))) return redirect(pathname.slice(0, -1));
    return notFound(pathname, has);
  }
  if (has(pathname)) {
    if (!pathname.endsWith('.html')) return { status: 200, file: pathname };
    const extensionless = pathname.slice(0, -'.html'.length);
    if (extensionless.endsWith('/index')) return redirect(extensionless.replace(/\/index$/, '/'));
    if (has(extensionless) || extensionless === '/') return { status: 200, file: pathname };
    return redirect(extensionless);
  }
  if (pathname.endsWith('/index')) return redirect(pathname.slice(0, -'index'.length));
  if (has(`${pathname}.html`)) return { status: 200, file: `${pathname}.html` };
  if (has(`${pathname}/index.html`)) return redirect(`${pathname}/`);
  return notFound(pathname, has);
}

/** The nearest `404.html` up the path, else (a single-page app, for Cloudflare) the home page. */
function notFound(pathname: string, has: (file: string) => boolean): HostAnswer {
  for (let folder = pathname.slice(0, pathname.lastIndexOf('/')); ; folder = folder.slice(0, folder.lastIndexOf('/'))) {
    if (has(`${folder}/404.html`)) return { status: 404, file: `${folder}/404.html` };
    if (folder === '') break;
  }
  return has('/index.html') ? { status: 200, file: '/index.html' } : { status: 404 };
}

/**
 * Content types as Cloudflare sends them (the `mime` package's, `; charset=utf-8` added to text
 * types): XML and XSL as `application/xml`, scripts as `application/javascript`, and Pagefind's
 * index files as `application/octet-stream`, which Pagefind reads as bytes whatever the type.
 */
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'application/javascript',
  mjs: 'application/javascript',
  json: 'application/json',
  xml: 'application/xml',
  xsl: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  // The web editor's configuration, /admin/config.yml.
  yml: 'text/yaml; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/vnd.microsoft.icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  // Video, sound and captions of articles (src/lib/media-files.ts).
  webm: 'video/webm',
  mp4: 'video/mp4',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  vtt: 'text/vtt; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[/\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * Every header of the answer to a request for `urlPath`: the host's own (content type, its default
 * revalidate-always caching for files, CORS for everyone, `nosniff` on any body with a type), then
 * the `_headers` rules; a 404 is never cached.
 */
export function responseHeaders(
  answer: HostAnswer,
  urlPath: string,
  rules: readonly HeaderRule[],
): Record<string, string> {
  const own: Record<string, string> = {};
  if ('location' in answer) {
    own['location'] = answer.location;
    // Redirects have a short text body (`Redirecting to …`), but 308s none.
    if (answer.status !== 308) own['content-type'] = 'text/plain;charset=UTF-8';
  } else if (answer.file) {
    own['content-type'] = contentTypeOf(answer.file);
    own['cache-control'] = 'public, max-age=0, must-revalidate';
  }
  own['access-control-allow-origin'] = '*';
  own['referrer-policy'] = 'strict-origin-when-cross-origin';
  if (own['content-type']) own['x-content-type-options'] = 'nosniff';
  const headers = headersFor(rules, urlPath, own);
  if (answer.status === 404) headers['cache-control'] = 'no-store';
  return headers;
}
