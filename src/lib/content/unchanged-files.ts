/**
 * Astro's glob loader, reading only the files that changed since the last content sync (Node-only).
 * To find the changed files, Astro's loader reads and parses every file of the collection on every
 * sync and compares digests: at 100,000 articles, most of a one-story build's 16 s of content sync
 * (issue 16). This wrapper first compares each file's key with what it was when the entry in the
 * store was read, and hands Astro's loader only the files that differ or that the store does not
 * hold as they were read; those Astro reads, parses and renders as it always does. The key is the
 * file's git blob id when git tracks it as it is (./git-blobs.ts: the same in every checkout, a CI
 * runner's too), else its size, modification and change times and inode (what `git status`
 * compares). The store's entries are Astro's own: an unchanged file keeps the entry Astro made from
 * it.
 *
 * The file list of the last sync is kept in the build cache; a lost or damaged list, a cleared store
 * (Astro clears it when the configuration changes) or a dev server (which watches files itself)
 * only means that every file is read again.
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { planSettings } from '#lib/segment-registry.ts';
import type { GlobLoaderContext } from './entry-types.ts';
import { FileRecords, NextRecords } from './file-records.ts';
import { fileKey, gitBlobIds } from './git-blobs.ts';
import type { WithPackedEntries } from './packed-entries.ts';
import { givenPlanIndex, PLAN_INDEX_ENV, readStoreIndex, storeIndexFile, writeStoreIndex } from './plan-index.ts';
import { refusingFilesNotUtf8 } from './utf8-files.ts';

type GlobOptions = Parameters<typeof glob>[0];
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** When more files than this changed, Astro's loader is given the whole pattern instead of a list. */
const LIST_LIMIT = 2_000;

/** The glob special characters, escaped so that a file name is matched as it is written. */
const escapeGlob = (file: string) => file.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/**
 * Where the records of `collection`'s files (./file-records.ts: each file's key when read, `git:`
 * and its blob id or its stat, and the digest Astro gave its entry) are kept in the build cache
 * `cacheDir`.
 */
export const contentFileRecords = (cacheDir: string, collection: string) =>
  path.join(cacheDir, 'bayegan-content-files', `${collection}.records`);

/**
 * Restarts Astro's timer for saving its data store. Astro saves the whole store 500 ms after the
 * last change to it (a debounce), and a save takes seconds at 100,000 articles (3.5 s). When a
 * loader has worked synchronously for longer than that, the overdue timer fires at the next wait
 * for a file, before another loader's new or edited entry is in the store, and that entry costs a
 * second save. A change to the collection's meta store restarts the timer: call this at the end of
 * long synchronous work, before the loader waits or returns, so that content sync saves once.
 */
export function postponeStoreSave(context: Pick<LoaderContext, 'meta'>): void {
  context.meta.set('bayegan:save-postponed', 'yes');
}

/**
 * The plan's entries of the collection, as its store kept them, and the records of their files,
 * when this is a segment build given the plan's index (./plan-index.ts) of its code and settings.
 */
function planStoreEntries(context: LoaderContext): { entries: StoreEntry[]; records: string } | undefined {
  const given = givenPlanIndex();
  // None for a collection the plan packs (the articles: ./rendered-bodies.ts takes its index).
  if (!given || !existsSync(storeIndexFile(given.dir, context.collection))) return undefined;
  const entries = readStoreIndex(given.dir, context.collection, given.code) as StoreEntry[] | undefined;
  if (!entries) {
    context.logger.warn(
      `${PLAN_INDEX_ENV}: ${given.dir} holds no entries of ${context.collection} made by this code and settings; every file is read.`,
    );
    return undefined;
  }
  context.logger.info(
    `${context.collection}: no store of its own; starting from the plan's (${entries.length} entries, in ${given.dir}).`,
  );
  return { entries, records: contentFileRecords(given.dir, context.collection) };
}

/**
 * Astro's `glob` loader over `options`, reading only changed files. The entry ids must come from
 * the file path alone (`generateId` without `data`), so that an unchanged file's id is known
 * without reading it.
 */
export function globChangedFiles(options: GlobOptions & { base: string; pattern: string }): Loader {
  const idOf = (entry: string, base: URL) => String(options.generateId!({ entry, base, data: {} }));
  return {
    name: 'glob-loader',
    load: async (context: LoaderContext) => {
      if (!options.generateId || context.watcher) return glob(options).load(context);
      const { store } = context;
      const baseDir = path.resolve(fileURLToPath(context.config.root), options.base);
      const base = pathToFileURL(`${baseDir}${path.sep}`);
      const recordsFile = contentFileRecords(fileURLToPath(context.config.cacheDir), context.collection);
      const { packedBeside: beside, recordsFrom } = context as LoaderContext & WithPackedEntries;
      // A segment with no store of its own for a collection the plan kept whole in its store (the
      // comments, packed or not in the segment: ./comments-by-share.ts) starts from the plan's entries.
      const fromPlan =
        !recordsFrom && !beside?.size && store.keys().length === 0 ? planStoreEntries(context) : undefined;
      for (const entry of fromPlan?.entries ?? []) store.set(entry);
      // A segment with no index of its own starts from the plan's: its entries and their records.
      const saved = FileRecords.read(recordsFrom ?? fromPlan?.records ?? recordsFile);
      // Where the files are, as Astro names an entry's file: relative to the project.
      const folder = path.relative(fileURLToPath(context.config.root), baseDir).split(path.sep).join('/');
      const moved = saved.folder !== undefined && saved.folder !== folder;
      const previous = moved ? FileRecords.none(folder) : saved;
      // A segment build's packed entries, kept beside the store (./packed-entries.ts): unchanged
      // files of those are not read either.
      if (moved) {
        // Astro's loader keeps an entry whose file it finds the same bytes with the file path it
        // had: a picture beside a moved article would be looked for in the old folder.
        for (const id of [...store.keys()]) store.delete(id);
        beside?.clear();
        context.logger.info(
          `${context.collection}: the folder is now ${folder} (was ${saved.folder}); every file is read again.`,
        );
      }
      // The files Astro's loader would list, listed as it lists them (its options, its library):
      // Node's own globSync took 0.6–2.0 s for 100,000 articles where this takes 0.12 s.
      const files = globSync(options.pattern, { cwd: baseDir, expandDirectories: false });
      // In a git checkout, a tracked file as committed or staged is known by its blob id, the same
      // in every checkout (a CI runner's too); any other file by its stat.
      const blobs = gitBlobIds(baseDir);
      // What is kept of each file is sized for a million of them: a row number of the last records,
      // an unchanged packed entry as a mark, a key only of a changed file.
      const records = new NextRecords(previous, folder);
      const unchangedInStore = new Set<string>();
      const changed: string[] = [];
      const changedKeys: (string | undefined)[] = [];
      for (const file of files) {
        const key = fileKey(path.join(baseDir, file), blobs?.get(file));
        const id = idOf(file, base);
        const inStore = store.get(id);
        const packed = beside?.get(id);
        const entry = inStore ?? packed;
        const row = previous.rowOf(file);
        if (
          key &&
          row !== undefined &&
          previous.keyAt(row) === key &&
          entry?.filePath &&
          String(entry.digest) === previous.digestAt(row)
        ) {
          records.keep(row);
          if (packed) beside!.markKept(id);
          // A packed entry is no page's: its modules and pictures are not imported.
          if (!inStore) continue;
          unchangedInStore.add(id);
          // What Astro's loader does for a file whose digest it finds unchanged.
          if (entry.deferredRender) store.addModuleImport(entry.filePath);
          // The loader's store has it at run time (astro/dist/content/mutable-data-store.js); its type does not.
          const withAssets = store as typeof store & { addAssetImports(assets: string[], filePath: string): void };
          if (entry.assetImports?.length) withAssets.addAssetImports(entry.assetImports, entry.filePath);
        } else {
          changed.push(file);
          changedKeys.push(key);
        }
      }
      blobs?.release();
      // A packed entry whose file changed or is gone is read again, as an entry of the store would be.
      beside?.deleteUnmarked();
      // After this long synchronous work the save timer would fire at the first file read below.
      postponeStoreSave(context);
      // So far the records are the unchanged files'.
      if (records.count > 0) {
        context.logger.info(
          `${context.collection}: ${changed.length} of ${files.length} files changed since the last build.`,
        );
      }
      if (changed.length === 0) {
        for (const id of store.keys()) if (!unchangedInStore.has(id)) store.delete(id);
      } else {
        // Astro's loader removes every entry it did not read: not the unchanged ones.
        const keepUnchanged = new Proxy(store, {
          get: (target, property) =>
            property === 'delete'
              ? (id: string) => (unchangedInStore.has(id) ? undefined : target.delete(id))
              : Reflect.get(target, property, target),
        });
        const pattern = changed.length > LIST_LIMIT ? options.pattern : changed.map(escapeGlob);
        // Astro's loader reads each file as UTF-8; one that is not is named (issue 17).
        const checked = refusingFilesNotUtf8({ ...(context as GlobLoaderContext), store: keepUnchanged });
        await glob({ ...options, pattern }).load(checked.context);
        checked.refuse();
      }
      changed.forEach((file, at) => {
        const id = idOf(file, base);
        const entry = store.get(id) ?? beside?.get(id);
        const key = changedKeys[at];
        if (key && entry?.digest !== undefined) records.add(file, key, String(entry.digest));
      });
      mkdirSync(path.dirname(recordsFile), { recursive: true });
      records.write(recordsFile);
      saved.release();
      // The plan's entries of a collection kept whole in the store are a cold segment's (above).
      const plan = planSettings();
      if (plan && !beside) {
        writeStoreIndex(fileURLToPath(context.config.cacheDir), context.collection, plan.codeDigest, [
          ...store.values(),
        ]);
      }
      postponeStoreSave(context);
    },
  };
}
