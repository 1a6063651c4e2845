/**
 * Markdown bodies rendered only where the build shows them (Node-only). Astro's glob loader renders
 * every Markdown body it reads at content sync; a segment build (`--segment K/N`) shows the bodies
 * of its own articles and of its feeds' newest items only, an eighth of the archive in eight
 * segments, and the plan (`--plan N`) shows none. Rendering the rest took about 40 % of a cold
 * content sync at 100,000 articles, in every segment, whatever N: the part of the build that does
 * not shrink with more runners.
 *
 * When the build says which bodies it shows (`showOnlyBodies`, src/build/segment-bodies.ts), the
 * loader reads every file as before but the bodies come back unrendered (`UNRENDERED`); once the
 * collection is loaded and the build's reckoning can be made from its entries, the bodies it shows
 * are rendered (`renderShownBodies`) by the very function Astro's loader uses, from the same file,
 * and stored as Astro's loader would have stored them. An unrendered body stays so in the build
 * cache until a build shows it (or a whole build, which renders every body, reads it again).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { inOrder } from '#lib/in-order.ts';
import { processWideValue } from '#lib/process-wide.ts';
import { mapEntryTypes, type EntryType, type GlobLoaderContext, type RenderFunction } from './entry-types.ts';
import type { EntryWithBody, RenderedBody } from './rendered-bodies.ts';
import { postponeStoreSave } from './unchanged-files.ts';

/** Which of a collection's entries (ids) the build shows the bodies of, reckoned from all of them. */
export type ShownBodies = (entries: readonly unknown[]) => ReadonlySet<string>;

const shown = processWideValue<ShownBodies>('bayegan.shownBodies');

/** Called by the build before content sync: render only the bodies `which` names. */
export function showOnlyBodies(which: ShownBodies): void {
  shown.set(which);
}

/** The build's reckoning of the bodies it shows; undefined when it shows (and renders) them all. */
export function shownBodies(): ShownBodies | undefined {
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

/** A stored entry as Astro's loader gives it, with what is put back when its body is rendered. */
type StoredEntry = EntryWithBody & {
  data: Record<string, unknown>;
  assetImports?: string[];
  imageImports?: unknown;
};

/**
 * Renders the bodies `ids` names that were left unrendered, as Astro's glob loader renders a body
 * (its entry type's renderer, given the file's frontmatter and trimmed body), and stores each entry
 * again through `set`: with its body and its pictures (the body's first, then the frontmatter's,
 * as Astro's store lists them). Returns how many it rendered and how many stay unrendered.
 */
export async function renderShownBodies(
  context: GlobLoaderContext,
  set: (entry: Parameters<LoaderContext['store']['set']>[0]) => boolean,
  ids: ReadonlySet<string>,
): Promise<{ rendered: number; unrendered: number }> {
  const { store, config, logger } = context;
  const entries = store.values() as StoredEntry[];
  const waiting = entries.filter((entry) => isUnrendered(entry) && ids.has(entry.id));
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
  const renderOne = async (entry: StoredEntry) => {
    const filePath = path.resolve(root, entry.filePath!);
    const fileUrl = pathToFileURL(filePath);
    const contents = await readFile(filePath, 'utf8');
    if (context.generateDigest(contents) !== entry.digest) {
      throw new Error(`${entry.filePath} changed while the build read it: build again.`);
    }
    const extension = path.extname(filePath);
    const type = context.entryTypes.get(extension)!;
    const render = await rendererOf(extension);
    const { data, body } = await type.getEntryInfo({ contents, fileUrl });
    let rendered: Awaited<ReturnType<RenderFunction>> | undefined;
    try {
      rendered = await render?.({ id: entry.id, data, body, filePath, digest: entry.digest! });
    } catch (error) {
      // What Astro's glob loader does with a body it cannot render.
      logger.error(`Error rendering ${entry.filePath}: ${(error as Error).message}`);
    }
    // The same digest would make the store keep the unrendered entry.
    store.delete(entry.id);
    set({
      id: entry.id,
      data: entry.data,
      filePath: entry.filePath!,
      digest: entry.digest!,
      ...(rendered ? { rendered } : {}),
      assetImports: [...new Set([...(rendered?.metadata?.imagePaths ?? []), ...(entry.assetImports ?? [])])],
      ...(entry.imageImports ? { imageImports: entry.imageImports } : {}),
    } as Parameters<LoaderContext['store']['set']>[0]);
  };
  // The reckoning of `ids` was long synchronous work: without this, Astro's overdue timer would
  // save the whole store (3.5 s at 100,000 articles) at the first wait below, and again at the end.
  postponeStoreSave(context);
  // Read ahead in order: the results are nothing, each entry is stored as it is rendered.
  for await (const done of inOrder(waiting, AT_ONCE, renderOne)) void done;
  const unrendered = entries.filter((entry) => isUnrendered(entry) && !ids.has(entry.id)).length;
  return { rendered: waiting.length, unrendered };
}
