/**
 * Rendered article bodies kept beside Astro's content data store, one file per article, instead of
 * inside it (Node-only). Astro writes its whole store as one string, and a V8 string holds at most
 * 2^29 − 24 characters: with every article's HTML in it (about 5,500 characters an article) the
 * content sync of a 100,000-article archive fails (issue 8). Without the HTML an article takes
 * about 1,000 characters.
 *
 * The loader still renders each Markdown file at content sync, once, and only when the file
 * changed (Astro's glob loader compares digests); the HTML goes to `<cacheDir>/bayegan-bodies/`,
 * named by the file's digest, and the store keeps an empty `rendered` in its place. A page puts
 * the body back before asking Astro to render the entry (`withRenderedBody`), so images in the
 * body, headings and the rest of Astro's rendering behave as before. MDX is untouched: Astro
 * compiles it as a module and never keeps its HTML in the store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processWideMap } from '#lib/process-wide.ts';
import { planSettings } from '#lib/segment-registry.ts';
import { joinedIndexed } from '#lib/sorted-search.ts';
import { writeWholeFileAsync } from '#lib/whole-file.ts';
import { recordMdxEntries } from './kept-mdx-bodies.ts';
import { PackedBeside, storeThenBeside } from './packed-beside.ts';
import type { GlobLoaderContext } from './entry-types.ts';
import { PackedColumns, type PackedArticleEntry, type StoredPackedEntry } from './packed-columns.ts';
import { isPackedData } from './packed-data.ts';
import { givenPlanIndex, PLAN_INDEX_ENV } from './plan-index.ts';
import {
  handOverPackedEntries,
  packedEntriesFile,
  readIndexOfCode,
  readPackedEntries,
  removePackedEntries,
  writePackedEntries,
  type WithPackedEntries,
} from './packed-entries.ts';
import {
  completeShownEntries,
  isUnrendered,
  packedForBuild,
  shownBodies,
  unrenderedEntryTypes,
} from './shown-bodies.ts';
import { contentFileRecords, postponeStoreSave } from './unchanged-files.ts';

/** What Astro keeps as an entry's rendered Markdown (`rendered` of a data-store entry). */
export interface RenderedBody {
  html: string;
  metadata?: object;
}

/** The part of a content entry this module reads. */
export interface EntryWithBody {
  id: string;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  rendered?: RenderedBody | undefined;
  deferredRender?: boolean | undefined;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** Where one collection's bodies are kept, inside Astro's cache folder. */
export function renderedBodiesDir(cacheDir: URL | string, collection: string): string {
  const root = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return path.join(root, 'bayegan-bodies', collection);
}

const bodyFile = (dir: string, digest: string | number) => path.join(dir, `${digest}.json`);

/** The folder of each collection's bodies, set by the loader for the pages of the same build. */
const registry = () => processWideMap<string, string>('bayegan.renderedBodies');

/** Each collection's folder of bodies, for a thread that renders pages of this build (src/build/page-workers.ts). */
export function renderedBodyFolders(): [string, string][] {
  return [...registry()];
}

/** In a thread that renders pages but ran no content sync: where the bodies are (`renderedBodyFolders`). */
export function adoptRenderedBodyFolders(folders: Iterable<[string, string]>): void {
  for (const [collection, dir] of folders) registry().set(collection, dir);
}

/** True when the store holds only a stand-in for the entry's body, kept in its own file. */
const bodyKeptOutside = (entry: EntryWithBody) =>
  !entry.deferredRender &&
  entry.rendered !== undefined &&
  entry.rendered.html === '' &&
  entry.digest !== undefined &&
  !isUnrendered(entry);

/**
 * Wraps a loader (Astro's glob) so that the Markdown it renders is written to one file per entry
 * and the data store keeps only the entry's data. Entries whose file has gone missing (a cache
 * restored in part, a store from before this change) are dropped first, so the loader renders
 * them again; files of entries that no longer exist are removed after the load.
 *
 * A build that shows only some bodies (a segment, the plan: src/lib/content/shown-bodies.ts) has
 * the loader leave every body it reads unrendered, then renders the ones it shows. A build that
 * shows them all reads an unrendered body's file again.
 */
export function bodiesOutsideStore(loader: Loader): Loader {
  return {
    ...loader,
    load: async (loaderContext) => {
      // Astro's content layer passes its entry types to every loader; its types do not say so.
      const context = loaderContext as GlobLoaderContext;
      const dir = renderedBodiesDir(context.config.cacheDir, context.collection);
      mkdirSync(dir, { recursive: true });
      registry().set(context.collection, dir);
      const { store } = context;
      const shown = shownBodies();
      // The entries a segment build packs are kept beside the store, never in it (./packed-entries.ts).
      const own = shown?.packs ? readPackedEntries(dir, context.collection, context.meta.get(PACKED_TOKEN)) : undefined;
      // A segment with no index of its own (a cold build cache) starts from the plan's, when given.
      const fromPlan =
        shown?.packs && !shown.fingerprints && own === undefined && store.keys().length === 0
          ? planIndex(context.collection, context.logger)
          : undefined;
      // Its rows, by id: what the check for unchanged files looks up, and content sync writes again.
      const beside = shown?.packs ? new PackedBeside(own ?? fromPlan?.entries) : undefined;
      if (fromPlan) {
        context.logger.info(
          `${context.collection}: no index of its own; starting from the plan's (${fromPlan.entries.count} packed entries, in ${fromPlan.dir}).`,
        );
      }
      // One listing of the folder, not a file check per entry (100,000 of them in a large archive).
      const kept = new Set(readdirSync(dir).filter((name) => name !== path.basename(packedEntriesFile(dir))));
      for (const entry of beside?.values() ?? []) {
        // A packed entry whose body file is gone is read again, as an entry of the store would be.
        if (bodyKeptOutside(entry) && !kept.has(path.basename(bodyFile(dir, entry.digest!)))) beside!.delete(entry.id);
      }
      for (const entry of store.values()) {
        if (beside && isPackedData(entry.data)) {
          beside.set(entry.id, entry);
          store.delete(entry.id);
          continue;
        }
        // An unrendered body or packed data stays so while the build shows only some: it completes
        // the entries it shows. A build that shows every entry in full reads them again.
        const readAgain =
          isUnrendered(entry) || isPackedData(entry.data)
            ? !shown
            : entry.rendered && !(bodyKeptOutside(entry) && kept.has(path.basename(bodyFile(dir, entry.digest!))));
        if (readAgain) store.delete(entry.id);
      }
      // The files are written while the loader renders the next entries (10,000 of them written one
      // after the other held a cold content sync up for about 5 s); all are on disk before it ends.
      const writes: Promise<void>[] = [];
      const set = (entry: StoredEntry) => {
        if (!entry.rendered || entry.digest === undefined || isUnrendered(entry)) return store.set(entry);
        const file = bodyFile(dir, entry.digest);
        kept.add(path.basename(file));
        const written = writeWholeFileAsync(file, JSON.stringify(entry.rendered));
        // Caught here so that an early failure is not unhandled; reported by the Promise.all below.
        written.catch(() => {});
        writes.push(written);
        return store.set({ ...entry, rendered: { html: '' } });
      };
      const scopedStore = new Proxy(store, {
        get: (target, property) => (property === 'set' ? set : Reflect.get(target, property, target)),
      });
      try {
        if (shown) {
          const entryTypes = unrenderedEntryTypes(context.entryTypes);
          // A segment build packs every entry it reads: it keeps in full only the share it shows,
          // which it can reckon only once every entry is read (and then reads again). The plan
          // packs every entry whose encoding in a page's fingerprint it can make as it reads it.
          const packing = {
            collection: context.collection,
            root: fileURLToPath(context.config.root),
            fingerprints: shown.fingerprints,
          };
          const pack = <E extends Parameters<typeof packedForBuild>[0]>(entry: E) => packedForBuild(entry, packing);
          const packBeside = (entry: StoredEntry) => {
            const packed = pack(entry);
            if (!packed) return set(entry);
            store.delete(entry.id);
            beside!.set(entry.id, packed);
            return true;
          };
          const loaderStore = beside
            ? new Proxy(store, {
                get: (target, property) => (property === 'set' ? packBeside : Reflect.get(target, property, target)),
              })
            : scopedStore;
          const withBeside: WithPackedEntries = beside
            ? { packedBeside: beside, ...(fromPlan ? { recordsFrom: fromPlan.recordsFrom } : {}) }
            : {};
          await loader.load({ ...context, ...withBeside, store: loaderStore, entryTypes } as GlobLoaderContext);
          // Read by place, the entries beside the store made when asked, not an array of them all.
          const loaded = beside ? joinedIndexed([...store.values()], beside.byPlace()) : [...store.values()];
          const done = await completeShownEntries(context, set, shown.reckon(loaded), beside, pack);
          context.logger.info(
            `${done.rendered} bodies this build shows were rendered; ${done.unrendered} others are left unrendered.`,
          );
          if (beside) {
            context.logger.info(
              `${store.keys().length} articles are kept in full (${done.restored} read again), ${beside.size} packed.`,
            );
          }
        } else {
          await loader.load({ ...context, store: scopedStore });
        }
      } finally {
        await Promise.allSettled(writes);
      }
      await Promise.all(writes);
      // Read twice, never held at once.
      recordMdxEntries(context.config.cacheDir, storeThenBeside(store, beside));
      const inUse = new Set<string>();
      for (const entry of storeThenBeside(store, beside)) if (bodyKeptOutside(entry)) inUse.add(`${entry.digest}.json`);
      // The folder holds what was there before the load and what it wrote (one listing of 100,000
      // names is about 0.2 s, so not a second one).
      for (const name of kept) {
        if (!inUse.has(name)) rmSync(path.join(dir, name), { force: true });
      }
      if (beside) keepPackedEntriesBeside(context, dir, beside, own ?? fromPlan?.entries);
      else removePackedEntries(dir);
      postponeStoreSave(context);
    },
  };
}

/**
 * The plan's index of `collection`, from the content cache `BAYEGAN_PLAN_INDEX` names: its packed
 * entries (every article it did not keep in full, each with its file's digest) and the records of
 * the files it read (./unchanged-files.ts). A segment build with no build cache of its own (its
 * first run, a cache the CI host evicted, another number of segments) would read every file again,
 * most of a cold segment's time at a million articles; starting from these, it reads only the files
 * that are not as the plan read them, and those it shows in full. Undefined when none is given or
 * the folder holds none.
 */
function planIndex(collection: string, logger: LoaderContext['logger']) {
  const given = givenPlanIndex();
  if (!given) return undefined;
  const { dir, code } = given;
  const entries = readIndexOfCode(renderedBodiesDir(dir, collection), collection, code);
  if (!entries) {
    logger.warn(
      `${PLAN_INDEX_ENV}: ${dir} holds no index of ${collection} made by this code and settings; every file is read.`,
    );
    return undefined;
  }
  return { dir, entries, recordsFrom: contentFileRecords(dir, collection) };
}

/** The collection's meta key of the token that ties the file of packed entries to the store. */
const PACKED_TOKEN = 'bayegan:packed-entries';

/**
 * Writes the packed entries to their file (src/lib/content/packed-entries.ts), under a new token
 * the store's meta keeps: Astro clears the meta with the store, and a file whose token the store
 * does not hold is not read. Those of `read`, the table read at the start (own or the plan's), are
 * rows of it, copied a column at a time; it is released as they are (about 180 MB of a million
 * articles freed then, not when collected: still held, it was part of a segment's peak).
 */
function keepPackedEntriesBeside(
  context: GlobLoaderContext,
  dir: string,
  beside: PackedBeside,
  read: PackedColumns | undefined,
): void {
  const entries = [...beside.values()] as (StoredPackedEntry | PackedArticleEntry)[];
  // The pages hold them from now on: what is beside the store would stay for the rest of the build,
  // held by the loader's context.
  beside.clear();
  // Only the plan fingerprints pages of packed articles (./shown-bodies.ts).
  const table = PackedColumns.of(context.collection, entries, read, { fingerprints: shownBodies()?.fingerprints });
  const token = randomUUID();
  // The plan's are a segment's index when it has none of its own: marked with the code that made them.
  writePackedEntries(dir, token, table, planSettings()?.codeDigest);
  context.meta.set(PACKED_TOKEN, token);
  handOverPackedEntries(context.collection, table);
}

/** The folder of `collection`'s bodies and packed entries in this build, once its loader ran (or a page thread adopted it). */
export const bodiesFolderOf = (collection: string): string | undefined => registry().get(collection);

/**
 * The entry with its rendered body put back, ready for Astro's `render()`. Entries whose body
 * Astro renders itself (MDX) are returned as they are.
 */
export function withRenderedBody<T extends EntryWithBody & { collection: string }>(entry: T): T {
  if (isUnrendered(entry)) {
    // The build reckoned it would not show this body (src/build/segment-bodies.ts), and a page does.
    throw new Error(
      `The body of ${entry.filePath ?? entry.id} was left unrendered at content sync, as a body this build does not show, yet a page shows it. This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
    );
  }
  if (!bodyKeptOutside(entry)) return entry;
  const dir = registry().get(entry.collection);
  if (!dir) {
    throw new Error(
      `The rendered body of ${entry.collection} entry "${entry.id}" is kept outside the data store, but no content sync ran in this process to say where.`,
    );
  }
  const file = bodyFile(dir, entry.digest!);
  let rendered: RenderedBody;
  try {
    rendered = JSON.parse(readFileSync(file, 'utf8')) as RenderedBody;
  } catch (error) {
    throw new Error(
      `The rendered body of ${entry.filePath ?? entry.id} is missing from the build cache (${file}). ` +
        'Run the build again; if it keeps failing, delete the cache folder and build once more.',
      { cause: error },
    );
  }
  return { ...entry, rendered };
}
