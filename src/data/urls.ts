/**
 * Site paths (src/lib/paths.ts) made into the links and URLs pages write, with the `base` and `url`
 * settings. Every `href`, `src` and `action` of a page or component goes through `withBase`, every
 * absolute URL through `absoluteUrl` (tests/browser/base-path.test.ts fails on one that does not).
 *
 * The settings are read here, not `import.meta.env.BASE_URL`/`SITE`: in server code Astro lets any
 * environment variable of the same name replace those (a `BASE_URL` set in CI would move every link).
 */
import { pathWithBase, urlWithBase } from '#lib/paths.ts';
import site from '#site.config.ts';

/** A site path as a link: `/news/7/market/` → `/archive/news/7/market/` under the base `/archive/`. */
export function withBase(sitePath: string): string {
  return pathWithBase(site.base, sitePath);
}

/** The public URL of a site path: `url` + base + path. */
export function absoluteUrl(sitePath: string): string {
  return urlWithBase(site.url, site.base, sitePath);
}

/**
 * The public URL of a path Astro already put under the base: an image's `src`, `Astro.url.pathname`
 * (`absoluteUrl` would add the base a second time).
 */
export function publicUrl(publicPath: string): string {
  return new URL(publicPath, site.url).href;
}
