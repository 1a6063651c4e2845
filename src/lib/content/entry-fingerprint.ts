/**
 * What a page's fingerprint takes of an article's content entry (Node-only: node:crypto), made by
 * the pages from the entry the collection gives them, or by content sync from the entry it reads:
 * the plan of a segmented build (`npm run build -- --plan N`) fingerprints every page of the site
 * but keeps most articles only packed (src/lib/content/packed-data.ts), each with the encoding its
 * sync made of the whole entry, which stands in for it in the fingerprints (page-digest.ts,
 * `Encoding`).
 */
import { encoding, type Encoding } from '#lib/incremental/page-digest.ts';

/** An entry as the pages' collection and content sync both have it. */
interface EntryLike {
  id: string;
  collection: string;
  filePath?: string | undefined;
  digest?: unknown;
  data: unknown;
}

/**
 * What a page's fingerprint takes of an article's entry: its file and what was read from it, not
 * how its body was rendered. The digest of the file and the code already decide the body, and a
 * segment build leaves the bodies it does not show unrendered (src/lib/content/shown-bodies.ts):
 * its list pages must have the fingerprints a whole build gives them.
 */
export const fingerprintedEntry = ({ id, collection, filePath, digest, data }: EntryLike) => ({
  id,
  collection,
  filePath,
  digest,
  data,
});

/** An entry as content sync reads it. */
export type PackableEntry = Omit<EntryLike, 'collection'> & { imageImports?: unknown };

/**
 * How Astro's `image()` marks a picture in an entry's data until its store takes the entry
 * (`IMAGE_IMPORT_PREFIX`, astro/dist/content/consts.js).
 */
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** Whether `value` holds a picture Astro resolves only when the pages read the collection. */
function holdsPicture(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(IMAGE_IMPORT_PREFIX);
  if (typeof value !== 'object' || value === null || value instanceof Date) return false;
  return Object.values(value).some(holdsPicture);
}

/**
 * The encoding of `entry` of `collection` in a page's fingerprint, as content sync reads it: the
 * pages' collection gives the entry the same data (Astro's store keeps it as it was set), so the
 * encoding is the one a page thread would make. Undefined for an entry whose data names a picture
 * (a lead image): the pages' collection gives it resolved, with the name Astro's bundler gives
 * the file, which content sync cannot know; such an entry stays in full.
 */
export function syncedEntryEncoding(
  entry: PackableEntry,
  collection: string,
): Encoding | undefined {
  if (Array.isArray(entry.imageImports) && entry.imageImports.length > 0) return undefined;
  if (holdsPicture(entry.data)) return undefined;
  return encoding(fingerprintedEntry({ ...entry, collection }));
}
