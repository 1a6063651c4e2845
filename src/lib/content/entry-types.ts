/**
 * Astro's content entry types as Bayegan's loaders use them (Node-only): the reader of each file
 * extension that Astro's glob loader calls for every file it reads (`getEntryInfo`, then
 * `getRenderFunction`'s renderer), which Astro's content layer passes to every loader although its
 * types do not say so. A loader changes what Astro's glob loader does with each file by handing it
 * wrapped entry types, not by copying the loader: the UTF-8 check (./utf8-files.ts) and the bodies
 * a build leaves unrendered (./shown-bodies.ts).
 */
import type { LoaderContext } from 'astro/loaders';
import type { RenderedBody } from './rendered-bodies.ts';

/** What Astro's `getRenderFunction` returns: renders one entry's body. */
export type RenderFunction = (entry: {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath?: string;
  digest?: string | number;
}) => Promise<RenderedBody & { metadata?: { imagePaths?: string[] } }>;

/** The part of Astro's content entry type (a file extension's reader) Bayegan uses. */
export interface EntryType {
  getEntryInfo(params: {
    fileUrl: URL;
    contents: string;
  }):
    | { data: Record<string, unknown>; body?: string | undefined }
    | Promise<{ data: Record<string, unknown>; body?: string | undefined }>;
  getRenderFunction?(config: LoaderContext['config']): Promise<RenderFunction>;
}

/** The loader context as Astro's content layer passes it: with the entry types its glob loader reads. */
export type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

/** `entryTypes` with each extension's type replaced by what `change` makes of it. */
export function mapEntryTypes(
  entryTypes: ReadonlyMap<string, EntryType>,
  change: (type: EntryType) => EntryType,
): Map<string, EntryType> {
  return new Map([...entryTypes].map(([extension, type]) => [extension, change(type)]));
}
