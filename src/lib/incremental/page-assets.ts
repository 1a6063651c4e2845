/**
 * The files under `_astro/` a built page names: its images and their resized copies. An
 * incremental build carries over only the images that the pages it carries still name, so that the
 * images of a deleted story (a takedown) leave the site with it. Pure, for unit tests.
 */

/**
 * An `/_astro/` URL in HTML or XML, up to the first character no asset name holds: `&` too, which
 * starts `&quot;` where a feed carries an article's HTML escaped (`content:encoded`).
 */
const ASSET_URL = /\/_astro\/([^"'\s<>)?#,&]+)/g;

/**
 * The build's own bundles: stylesheets, scripts and the fonts they load. Every build of the same
 * code writes them (a carried page comes from a build of the same code), and every page names them,
 * so recording them per page would only double the manifest (32 MB at 100,000 articles).
 */
const BUNDLE = /\.(css|js|mjs|woff2?|ttf|otf|map)$/;

/**
 * The `_astro/…` files (relative to the site, decoded, sorted, once each) that a page names, other
 * than the build's own bundles: its images and their resized copies. The page is searched as
 * Latin-1 text (one character a byte, three to four times faster to read than decoding Persian
 * UTF-8 at 100,000 pages); the names found are decoded as UTF-8 afterwards.
 */
export function assetsNamedIn(page: Buffer): string[] {
  const assets = new Set<string>();
  for (const [, bytes] of page.toString('latin1').matchAll(ASSET_URL)) {
    if (BUNDLE.test(bytes!)) continue;
    let name = Buffer.from(bytes!, 'latin1').toString('utf8');
    try {
      name = decodeURIComponent(name);
    } catch {
      // Not percent-encoding after all: the name is what it says.
    }
    assets.add(`_astro/${name}`);
  }
  return [...assets].sort();
}

/** One line per asset, as recorded in the manifest; and back. */
export const joinAssets = (assets: readonly string[]): string => assets.join('\n');
export const splitAssets = (recorded: string): string[] => (recorded ? recorded.split('\n') : []);

/** A picture Astro's image pipeline reads or writes. */
const PICTURE = /\.(avif|gif|jpe?g|png|svg|tiff?|webp)$/i;
/** A resized copy: the original's name without its extension, `_`, Astro's short hash, a format. */
const RESIZED = /^(_astro\/.+)_[0-9A-Za-z]+\.[a-z]+$/;

/**
 * The original pictures among `files` that a build from scratch would not hold: Astro deletes an
 * original once it has made its resized copies, unless something else names it. A build that
 * carries over the pages showing a picture makes no copies, so the original its bundle wrote stays
 * behind; these are the ones no page names while a page names a resized copy of them.
 * @param files the site's files (relative, with `/`)
 * @param named every `_astro/` file the site's pages name (`assetsNamedIn`)
 */
export function originalsOnlyResized(files: Iterable<string>, named: ReadonlySet<string>): string[] {
  const resized = new Set<string>();
  for (const asset of named) {
    const stem = PICTURE.test(asset) ? RESIZED.exec(asset)?.[1] : undefined;
    if (stem) resized.add(stem);
  }
  const originals: string[] = [];
  for (const file of files) {
    if (!file.startsWith('_astro/') || named.has(file) || !PICTURE.test(file)) continue;
    if (resized.has(file.slice(0, file.lastIndexOf('.')))) originals.push(file);
  }
  return originals;
}
