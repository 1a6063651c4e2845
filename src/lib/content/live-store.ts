/**
 * The content store as this process's content sync left it, handed to the pages of the same build
 * instead of having them read and parse the store's file again. At 100,000 articles that file is
 * 88 MB: reading it, `JSON.parse` and Astro's `devalue.unflatten` cost every build several seconds
 * and a second copy of the archive in memory, for data the process already holds.
 *
 * The loaders (src/content.config.ts) and the pages run in different module graphs of one process,
 * so the collections are kept in a process-wide Map, as the rendered bodies' folders are. A process
 * that did not sync every collection (a page thread, a build whose sync was skipped) gets undefined
 * and reads the file.
 */
import { processWideMap, processWideValue } from '#lib/process-wide.ts';

/** What a loader's store gives: its entries, id → entry. */
export interface LiveCollection {
  entries(): [string, unknown][];
}

const registry = () => processWideMap<string, LiveCollection>('bayegan.liveContentStore');

/** Called by a collection's loader once its entries are final. */
export function keepLiveCollection(collection: string, store: LiveCollection): void {
  registry().set(collection, store);
}

/** The entries of one collection as this process's content sync left them; undefined if it did not sync it. */
export function liveEntries(collection: string): unknown[] | undefined {
  return registry()
    .get(collection)
    ?.entries()
    .map(([, entry]) => entry);
}

/** The store a thread that did not sync read from its file (src/build/data-store-from-file.ts). */
const fileStore = () => processWideValue<ReadonlyMap<string, ReadonlyMap<string, unknown>>>('bayegan.fileContentStore');

/** Called with the store read from its file, which is returned. */
export function keepFileStore<S extends ReadonlyMap<string, ReadonlyMap<string, unknown>>>(store: S): S {
  return fileStore().set(store) as S;
}

/**
 * The entries of one collection as this thread's pages read them: the ones read from the store's
 * file when the pages read it (a page thread; a build that did not sync every collection), else the
 * ones its content sync left; undefined before either.
 */
export function heldEntries(collection: string): unknown[] | undefined {
  const fromFile = fileStore().get()?.get(collection);
  return fromFile ? [...fromFile.values()] : liveEntries(collection);
}

/**
 * The order of ids Astro writes its store in (astro/dist/content/data-store-writer.js sorts them
 * with `localeCompare`, whose collation this is), and so the order of `getCollection()` when the
 * pages read the file: a section list in that order must not change with where the store came from.
 */
const idOrder = new Intl.Collator().compare;

/**
 * The store as Astro's runtime reads it (collection → id → entry, in the file's order), when this
 * process synced every one of `collections`; undefined otherwise.
 */
export function liveDataStore(collections: readonly string[]): Map<string, Map<string, unknown>> | undefined {
  const live = registry();
  if (!collections.every((collection) => live.has(collection))) return undefined;
  return new Map(
    collections.map((collection) => [
      collection,
      // Nearly sorted already (the store started from the sorted file), which the sort is quick on.
      new Map(
        live
          .get(collection)!
          .entries()
          .sort(([a], [b]) => idOrder(a, b)),
      ),
    ]),
  );
}
