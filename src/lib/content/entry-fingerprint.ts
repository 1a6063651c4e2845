/**
 * What a page's fingerprint takes of an article's content entry (Node-only: node:crypto, git, the
 * file system), made by the pages from the entry the collection gives them, or by content sync from
 * the entry it reads: the plan of a segmented build (`npm run build -- --plan N`) fingerprints every
 * page of the site but keeps most articles only packed (src/lib/content/packed-data.ts), each with
 * the digest its sync made of the whole entry, which stands in for it in the fingerprints
 * (page-digest.ts, `Encoding`).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { digestEncoding, type Encoding } from '#lib/incremental/page-digest.ts';
import { resolveContentDir } from './content-dir.ts';
import { fileKey, gitBlobIds } from './git-blobs.ts';

/** An entry as the pages' collection and content sync both have it. */
interface EntryLike {
  id: string;
  collection: string;
  filePath?: string | undefined;
  digest?: unknown;
  data: unknown;
  /** Where the data names pictures (paths of keys), as Astro's store records them. */
  imageImports?: unknown;
}

/** An entry as content sync reads it. */
export type PackableEntry = Omit<EntryLike, 'collection'>;

type KeyPath = readonly (string | number)[];

/** The picture files git can name under the content folder (Astro's `image()` formats), listed once a thread. */
const PICTURE_FILES = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff', 'svg'].map(
  (extension) => `:(icase)*.${extension}`,
);
let pictureBlobs: Map<string, string> | undefined;

/**
 * The file `file` is, its links followed, as Astro's bundler names it: content sync names a picture
 * by its path from the article, the pages by the bundler's `fsPath`.
 */
function realFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file); // missing: Astro stops the build on it
  }
}

function pictureBlob(file: string): string | undefined {
  if (!pictureBlobs) {
    const dir = resolveContentDir();
    const blobs = [...(gitBlobIds(dir, PICTURE_FILES)?.entries() ?? [])];
    const realDir = realFile(dir);
    pictureBlobs = new Map(blobs.map(([relative, blob]) => [path.join(realDir, relative), blob]));
  }
  return pictureBlobs.get(file);
}

/**
 * What a fingerprint takes of a picture the frontmatter names: its file's name and what the file
 * is (its git blob id, else its stat: ./git-blobs.ts). Astro resolves the picture from these alone
 * (its URL is the name and a hash of the bytes, its size and format are the bytes'), and content
 * sync knows them too, where the URL Astro's bundler gives the file is not known yet.
 */
function pictureOf(named: string) {
  const file = realFile(named);
  return { picture: path.basename(file), file: fileKey(file, pictureBlob(file)) ?? '' };
}

/** `data` with the value at `keys` replaced, the objects on the way copied (as Astro resolves a picture). */
function replacedAt(data: unknown, keys: KeyPath, value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  const copy = (Array.isArray(data) ? [...(data as unknown[])] : { ...(data as object) }) as Record<
    string | number,
    unknown
  >;
  copy[key!] = replacedAt(copy[key!], rest, value);
  return copy;
}

const valueAt = (data: unknown, keys: KeyPath): unknown =>
  keys.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data);

const keyPaths = (imageImports: unknown): KeyPath[] => (Array.isArray(imageImports) ? (imageImports as KeyPath[]) : []);

/**
 * What a page's fingerprint takes of an article's entry (its stand-in, `fingerprintAs`): the digest
 * of `fingerprintedEntry`, which content sync makes as the pages do (`syncedEntryEncoding`).
 */
export const entryFingerprint = (entry: EntryLike): Encoding => digestEncoding(fingerprintedEntry(entry));

/**
 * What a page's fingerprint takes of an article's entry: its file and what was read from it, not
 * how its body was rendered. The digest of the file and the code already decide the body, and a
 * segment build leaves the bodies it does not show unrendered (src/lib/content/shown-bodies.ts):
 * its list pages must have the fingerprints a whole build gives them. A picture its frontmatter
 * names, which the pages' collection gives resolved (with `fsPath`, its file), is taken as
 * `pictureOf` its file.
 */
function fingerprintedEntry({ id, collection, filePath, digest, data, imageImports }: EntryLike) {
  let taken = data;
  for (const keys of keyPaths(imageImports)) {
    const file = (valueAt(data, keys) as { fsPath?: unknown } | undefined)?.fsPath;
    if (typeof file === 'string') taken = replacedAt(taken, keys, pictureOf(file));
  }
  return { id, collection, filePath, digest, data: taken };
}

/**
 * How Astro's `image()` marks a picture in an entry's data until its store takes the entry
 * (`IMAGE_IMPORT_PREFIX`, astro/dist/content/consts.js), which then records where it is
 * (`imageImports`) and keeps the path without the mark.
 */
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** Where `value` holds a marked picture. */
function markedPictures(value: unknown, keys: (string | number)[] = []): KeyPath[] {
  if (typeof value === 'string') return value.startsWith(IMAGE_IMPORT_PREFIX) ? [keys] : [];
  if (typeof value !== 'object' || value === null || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    markedPictures(item, [...keys, Array.isArray(value) ? Number(key) : key]),
  );
}

/**
 * The encoding of `entry` of `collection` in a page's fingerprint, as content sync reads it (in the
 * project at `root`): the pages' collection gives the entry the same data (Astro's store keeps it
 * as it was set), a picture resolved, which is taken as its file. Undefined when a picture is not
 * named by a path relative to the article's file (an alias, say), which only Astro resolves: such
 * an entry stays in full.
 */
export function syncedEntryEncoding(entry: PackableEntry, collection: string, root: string): Encoding | undefined {
  const { data, filePath } = entry;
  const pictures = entry.imageImports === undefined ? markedPictures(data) : keyPaths(entry.imageImports);
  let taken = data;
  for (const keys of pictures) {
    const value = valueAt(data, keys);
    const src = typeof value === 'string' ? value.replace(IMAGE_IMPORT_PREFIX, '') : undefined;
    if (!filePath || !src || !/^\.\.?\//.test(src)) return undefined;
    taken = replacedAt(taken, keys, pictureOf(path.resolve(root, path.dirname(filePath), src)));
  }
  return entryFingerprint({ id: entry.id, collection, filePath, digest: entry.digest, data: taken });
}
