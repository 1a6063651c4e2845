/**
 * The files under `_astro/` a built page names: its images and their resized copies. An
 * incremental build carries over only the images that the pages it carries still name, so that the
 * images of a deleted story (a takedown) leave the site with it. Pure, for unit tests.
 */

/** An `/_astro/` URL in HTML or XML, up to the first character no asset name holds. */
const ASSET_URL = /\/_astro\/([^"'\s<>)?#,]+)/g;

/** The `_astro/…` files (relative to the site, decoded, sorted, once each) that `text` names. */
export function assetsNamedIn(text: string): string[] {
  const assets = new Set<string>();
  for (const [, name] of text.matchAll(ASSET_URL)) {
    let decoded = name!;
    try {
      decoded = decodeURIComponent(name!);
    } catch {
      // Not percent-encoding after all: the name is what it says.
    }
    assets.add(`_astro/${decoded}`);
  }
  return [...assets].sort();
}

/** One line per asset, as recorded in the manifest; and back. */
export const joinAssets = (assets: readonly string[]): string => assets.join('\n');
export const splitAssets = (recorded: string): string[] => (recorded ? recorded.split('\n') : []);
