/**
 * Markdown bodies rendered, and frontmatter kept in full, only where the build shows them
 * (Node-only). Astro's glob loader renders every Markdown body it reads at content sync; a segment
 * build (`--segment K/N`) shows the bodies of its own articles and of its feeds' newest items only,
 * an eighth of the archive in eight segments, and the plan (`--plan N`) shows none. Rendering the
 * rest took about 40 % of a cold content sync at 100,000 articles, in every segment, whatever N: the
 * part of the build that does not shrink with more runners. Likewise a segment's pages read the
 * frontmatter of a share of the articles only; of the others, the index (src/lib/content/packed-data.ts).
 *
 * When the build says what it shows (`showOnlyBodies`, src/build/segment-bodies.ts), the loader
 * reads every file as before but the bodies come back unrendered (`UNRENDERED`), and in a segment
 * build every entry's data is packed as it is read, and kept beside the store
 * (src/lib/content/packed-entries.ts). Once the collection is loaded and the build's reckoning can
 * be made from its entries (packed data keeps what it reads), the bodies it shows are rendered and
 * the entries it keeps in full parsed again (`completeShownEntries`), by the very functions Astro's
 * loader uses, from the same file, and stored as Astro's loader would have stored them; the others
 * stay packed. An unrendered body or packed entry stays so in the build cache until a build shows
 * it (or a whole build, which shows everything, reads it again).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { inOrder } from '#lib/in-order.ts';
import { processWideValue } from '#lib/process-wide.ts';
import { mapEntryTypes, type EntryType, type GlobLoaderContext, type RenderFunction } from './entry-types.ts';
import type { EntryWithBody, RenderedBody } from './rendered-bodies.ts';
import type { Encoding } from '#lib/incremental/page-digest.ts';
import { syncedEntryEncoding, type PackableEntry } from './entry-fingerprint.ts';
import { withOwnStrings } from './own-strings.ts';
import { isPackedData, storedPackedData } from './packed-data.ts';
import { storedEntryOf } from './packed-columns.ts';
import type { Indexed } from '#lib/sorted-search.ts';
import { storeThenBeside, type PackedBeside } from './packed-beside.ts';
import { postponeStoreSave } from './unchanged-files.ts';

/** What a build shows of a collection's entries (ids), reckoned from all of them once loaded. */
export interface ShownEntries {
  /** The entries whose bodies it renders. */
  bodies: ReadonlySet<string>;
  /**
   * The entries whose data it reads in full; the others' data is packed (src/lib/content/packed-data.ts),
   * and kept beside the store in a segment build. Undefined when it reads every entry's in full.
   */
  inFull?: ReadonlySet<string> | undefined;
}

/** The build's reckoning, and whether content sync packs each entry it reads until the reckoning restores it. */
export interface ShownReckoning {
  reckon: (entries: Indexed<unknown>) => ShownEntries;
  /** True in a segment build and in the plan, whose reckonings keep some of the entries in full. */
  packs: boolean;
  /**
   * True in the plan, which fingerprints every page of the site: each packed entry keeps the
   * digest of the whole entry (src/lib/content/entry-fingerprint.ts), and one whose digest content
   * sync cannot make (it names a picture otherwise than by a path from its file) is not packed.
   */
  fingerprints: boolean;
}

const shown = processWideValue<ShownReckoning>('bayegan.shownBodies');

/**
 * Called by the build before content sync: render only the bodies `reckon` names, and, when
 * `packs`, keep in full only the entries it names in `inFull` (packed as they are read, the named
 * ones read again once the collection is loaded), each with its encoding when `fingerprints`.
 */
export function showOnlyBodies(
  reckon: ShownReckoning['reckon'],
  { packs = false, fingerprints = false }: { packs?: boolean; fingerprints?: boolean } = {},
): void {
  shown.set({ reckon, packs, fingerprints });
}

/** The build's reckoning of what it shows; undefined when it shows (and renders) every entry in full. */
export function shownBodies(): ShownReckoning | undefined {
  return shown.get();
}

/** What stands in for a body left unrendered: no HTML, no pictures, and a mark that says so. */
export const UNRENDERED = { html: '', metadata: { bayeganUnrendered: true } } as const satisfies RenderedBody;

/** True when the entry's body was read but left unrendered. */
export const isUnrendered = (entry: EntryWithBody) =>
  (entry.rendered?.metadata as { bayeganUnrendered?: unknown } | undefined)?.bayeganUnrendered === true;

/** The entry types with every renderer swapped for one that leaves the body unrendered. */
export function unrenderedEntryTypes(entryTypes: ReadonlyMap<string, EntryType>): Map<string, EntryType> {
  const leaveUnrendered: RenderFunction = async () => UNRENDERED;
  return mapEntryTypes(entryTypes, (type) =>
    type.getRenderFunction ? { ...type, getRenderFunction: async () => leaveUnrendered } : type,
  );
}

/** Bodies rendered at once: Astro's glob loader reads ten files at a time, which keeps the second thread fed. */
const AT_ONCE = 10;

/** An entry as the store's `set` takes it. */
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** A stored entry as Astro's loader gives it, with what is put back when its body is rendered. */
type StoredEntry = EntryWithBody & {
  data: Record<string, unknown>;
  assetImports?: string[];
  imageImports?: unknown;
};

/**
 * An entry as the store keeps it when its data is packed: no frontmatter pictures, the rest as it
 * was; with `fingerprint`, the encoding of the whole entry (src/lib/content/entry-fingerprint.ts).
 */
export function packedEntry<E extends { data: Record<string, unknown>; imageImports?: unknown }>(
  entry: E,
  fingerprint?: Encoding,
): E {
  const kept = { ...entry, data: storedPackedData(entry.data, fingerprint?.text) };
  delete kept.imageImports;
  return kept;
}

/**
 * `entry` of `collection` (in the project at `root`) packed as the build keeps it beside the store,
 * with its encoding when it `fingerprints`; undefined when it stays in full: in the plan, an entry
 * whose encoding content sync cannot make.
 */
export function packedForBuild<E extends PackableEntry & { data: Record<string, unknown> }>(
  entry: E,
  { collection, root, fingerprints }: { collection: string; root: string; fingerprints: boolean },
): E | undefined {
  if (!fingerprints) return packedEntry(entry);
  const fingerprint = syncedEntryEncoding(entry, collection, root);
  return fingerprint && packedEntry(entry, fingerprint);
}

/**
 * Completes the entries the build shows, once the collection is loaded: the bodies `shown` names
 * that were left unrendered are rendered as Astro's glob loader renders a body (its entry type's
 * renderer, given the file's frontmatter and trimmed body), and the entries it reads in full whose
 * data is packed are parsed again, from the same file (its digest checked), as the loader parses
 * it. Each is stored again, a rendered one through `set`: with its body and its pictures (the
 * body's first, then the frontmatter's, as Astro's store lists them); one read again from `beside`
 * (the packed entries kept beside the store) leaves it. Then every other entry of the store is
 * packed by `pack` (unless it keeps it in full), when `shown` keeps only some in full: into
 * `beside`, when given. Returns how many bodies it rendered, how many entries it read again in full
 * and how many stay unrendered.
 */
export async function completeShownEntries(
  context: GlobLoaderContext,
  set: (entry: StoreEntry) => boolean,
  { bodies, inFull }: ShownEntries,
  beside?: PackedBeside,
  pack: (entry: StoredEntry) => object | undefined = packedEntry,
): Promise<{ rendered: number; restored: number; unrendered: number }> {
  const { store, config, logger } = context;
  // Read twice, never held at once.
  const entries = () => storeThenBeside(store, beside) as Iterable<StoredEntry>;
  const needsBody = (entry: StoredEntry) => isUnrendered(entry) && bodies.has(entry.id);
  const needsData = (entry: StoredEntry) => isPackedData(entry.data) && (!inFull || inFull.has(entry.id));
  const waiting: StoredEntry[] = [];
  for (const entry of entries()) if (needsBody(entry) || needsData(entry)) waiting.push(entry);
  const renderers = new Map<string, Promise<RenderFunction | undefined>>();
  const rendererOf = (extension: string) => {
    let renderer = renderers.get(extension);
    if (!renderer) {
      const type = context.entryTypes.get(extension);
      renderer = type?.getRenderFunction ? type.getRenderFunction(config) : Promise.resolve(undefined);
      renderers.set(extension, renderer);
    }
    return renderer;
  };
  const root = fileURLToPath(config.root);
  /** The short strings met so far in the files read again (see withOwnStrings). */
  const sharedStrings = new Map<string, string>();
  const completeOne = async (entry: StoredEntry) => {
    const filePath = path.resolve(root, entry.filePath!);
    const fileUrl = pathToFileURL(filePath);
    const contents = await readFile(filePath, 'utf8');
    if (context.generateDigest(contents) !== entry.digest) {
      throw new Error(`${entry.filePath} changed while the build read it: build again.`);
    }
    const extension = path.extname(filePath);
    const type = context.entryTypes.get(extension)!;
    const { data, body } = await type.getEntryInfo({ contents, fileUrl });
    // What Astro's glob loader stores of the file's frontmatter (its schema's output), with strings
    // of its own, as the articles' loader gives it (src/content.config.ts): a slice of the file's
    // text would keep the whole text alive.
    const parsed = needsData(entry)
      ? await context.parseData({ id: entry.id, data: withOwnStrings(data, sharedStrings), filePath })
      : entry.data;
    // The same digest would make the store keep the entry as it is.
    store.delete(entry.id);
    beside?.delete(entry.id);
    if (!needsBody(entry)) {
      // A row of the file of packed entries, as the store keeps an entry: a plain object.
      store.set({ ...storedEntryOf(entry), data: parsed } as StoreEntry);
      return;
    }
    const render = await rendererOf(extension);
    let rendered: Awaited<ReturnType<RenderFunction>> | undefined;
    try {
      rendered = await render?.({ id: entry.id, data, body, filePath, digest: entry.digest! });
    } catch (error) {
      // What Astro's glob loader does with a body it cannot render.
      logger.error(`Error rendering ${entry.filePath}: ${(error as Error).message}`);
    }
    set({
      id: entry.id,
      data: parsed,
      filePath: entry.filePath!,
      digest: entry.digest!,
      ...(rendered ? { rendered } : {}),
      assetImports: [...new Set([...(rendered?.metadata?.imagePaths ?? []), ...(entry.assetImports ?? [])])],
      ...(entry.imageImports ? { imageImports: entry.imageImports } : {}),
    } as StoreEntry);
  };
  // The reckoning was long synchronous work: without this, Astro's overdue timer would save the
  // whole store (3.5 s at 100,000 articles) at the first wait below, and again at the end.
  postponeStoreSave(context);
  // Read ahead in order: the results are nothing, each entry is stored as it is completed.
  for await (const done of inOrder(waiting, AT_ONCE, completeOne)) void done;
  // What the build no longer keeps in full (a story that left a feed, say) is packed: beside the
  // store when the build keeps its packed entries there, else in it.
  for (const entry of store.values() as StoredEntry[]) {
    if (!inFull || inFull.has(entry.id) || isPackedData(entry.data)) continue;
    const packed = pack(entry);
    if (!packed) continue;
    store.delete(entry.id);
    if (beside) beside.set(entry.id, packed as StoreEntry);
    else store.set(packed as StoreEntry);
  }
  postponeStoreSave(context);
  let unrendered = 0;
  for (const entry of entries()) if (isUnrendered(entry) && !bodies.has(entry.id)) unrendered += 1;
  return { rendered: waiting.filter(needsBody).length, restored: waiting.filter(needsData).length, unrendered };
}
