/**
 * The plan's index (Node-only): what a segment build with no build cache of its own (its first
 * run, a cache the CI host evicted, another number of segments) starts from, instead of reading
 * every file of the archive again. The plan (`npm run build -- --plan N`) reads every file; its
 * content cache keeps, besides the records of the files it read (./unchanged-files.ts), the
 * articles it packed (./packed-entries.ts, which ./rendered-bodies.ts takes) and the entries of each
 * collection it keeps whole in Astro's store, as the store keeps them (comments, sections,
 * reporters: `writeStoreIndex`), each marked with the digest of the code and settings that made
 * them: data made by other code may lack a field the schema now gives, though the files are the
 * same. `BAYEGAN_PLAN_INDEX` names that cache.
 */
import path from 'node:path';
import { segmentSettings } from '#lib/segment-registry.ts';
import { readFramedList, writeFramedList } from './framed-file.ts';

/**
 * Names the plan's content cache (`npm run build -- --plan N`: its `BAYEGAN_CACHE_DIR`), which a
 * segment build with no index of its own starts from.
 */
export const PLAN_INDEX_ENV = 'BAYEGAN_PLAN_INDEX';

/** In a segment build: the plan's content cache it is given, and the digest its code and settings must match. */
export function givenPlanIndex(env: NodeJS.ProcessEnv = process.env): { dir: string; code: string } | undefined {
  const given = env[PLAN_INDEX_ENV];
  const code = segmentSettings(env)?.settings;
  return given && code ? { dir: path.resolve(given), code } : undefined;
}

/** Where the plan keeps `collection`'s store entries in its content cache `cacheDir`. */
export const storeIndexFile = (cacheDir: string, collection: string) =>
  path.join(cacheDir, 'bayegan-store-index', `${collection}.bin`);

/** The digest of the code and settings that made the entries (beside their count). */
interface Header {
  code: string;
}

/** In the plan: keeps `entries`, as Astro's store keeps `collection`'s, for segments (made by `code`). */
export function writeStoreIndex(cacheDir: string, collection: string, code: string, entries: readonly object[]): void {
  writeFramedList(storeIndexFile(cacheDir, collection), { code } satisfies Header, entries);
}

/** The plan's store entries of `collection` in its content cache `cacheDir`, when made by `code`; else undefined. */
export function readStoreIndex(cacheDir: string, collection: string, code: string): object[] | undefined {
  return readFramedList<Header, object>(storeIndexFile(cacheDir, collection), (header) => header.code === code);
}
