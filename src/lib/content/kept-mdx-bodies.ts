/**
 * MDX bodies rendered once and kept (Node-only). Astro renders a Markdown body at content sync and
 * keeps it (`rendered-bodies.ts`), but an MDX body is a module the build compiles: every MDX
 * article is compiled and bundled on every build, about 4 ms each, 15 s of a 100,000-article
 * archive's one-story build (issue 16). So in an incremental build (`npm run build`), the HTML a
 * page rendered from an MDX file is kept, named by the file's digest, under the digest of the code
 * and settings; a later build with the same code gives the page that HTML and leaves the module out
 * of its bundle (src/build/kept-mdx-bodies.ts). Astro's content modules list (`content-modules.mjs`)
 * is the only thing changed: the entries themselves are as Astro synced them.
 *
 * The HTML may name assets of the build (`/_astro/…`, images of the body): they are kept with it,
 * a body is reused only while the site in place still has them, and the pages that reuse it get
 * them carried over (`reusedBodyAssets`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processWideValue } from '#lib/process-wide.ts';
import { writeWholeFile } from '#lib/whole-file.ts';
import { assetsNamedIn } from '#lib/incremental/page-assets.ts';
import { incrementalSettings, type IncrementalSettings } from '#lib/incremental/render-plan.ts';

/** What is kept of one rendered MDX body. */
interface KeptBody {
  html: string;
  /** The build's assets the HTML names, relative to the site (`_astro/photo.Ab12.webp`). */
  assets: string[];
}

/** The part of a content entry this module reads. */
export interface MdxEntry {
  collection?: string;
  digest?: string | number | undefined;
  filePath?: string | undefined;
  deferredRender?: boolean | undefined;
}

/** The folder of kept MDX bodies: `<cache>/bayegan-bodies/mdx/`. */
export function keptMdxBodiesDir(cacheDir: URL | string): string {
  const root = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return path.join(root, 'bayegan-bodies', 'mdx');
}

/** The index of the MDX entries of the last content sync: file path (as Astro keeps it) → digest. */
export const keptMdxIndexFile = (dir: string) => path.join(dir, 'entries.json');
const bodyFile = (dir: string, codeDigest: string, digest: string | number) =>
  path.join(dir, codeDigest, `${digest}.json`);

/** Set by the content sync of this build: where bodies are kept. */
const registered = processWideValue<{ dir: string; reusedAssets: Set<string> }>('bayegan.keptMdxBodies');
const registry = () => registered.get();

/**
 * Called by the content sync with every MDX entry of a collection: records the index the bundler
 * reads, and removes bodies of other code and of files that no longer exist. Outside an incremental
 * build nothing is kept, and nothing is read.
 */
export function recordMdxEntries(cacheDir: URL | string, entries: Iterable<MdxEntry>): void {
  const settings = incrementalSettings();
  if (!settings) return;
  const dir = keptMdxBodiesDir(cacheDir);
  const index: Record<string, string | number> = {};
  for (const entry of entries) {
    if (entry.deferredRender && entry.filePath && entry.digest !== undefined) index[entry.filePath] = entry.digest;
  }
  // A build with no manifest of an earlier one (the first, or `npm run build -- --full`) renders
  // every body anew.
  if (!existsSync(settings.manifestFile)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, settings.codeDigest), { recursive: true });
  writeWholeFile(keptMdxIndexFile(dir), JSON.stringify(index));
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.isDirectory() && name.name !== settings.codeDigest) rmSync(path.join(dir, name.name), { recursive: true });
  }
  const digests = new Set(Object.values(index).map((digest) => `${digest}.json`));
  for (const name of readdirSync(path.join(dir, settings.codeDigest))) {
    if (!digests.has(name)) rmSync(path.join(dir, settings.codeDigest, name), { force: true });
  }
  useKeptMdxBodiesFolder(dir);
}

/** Where this build keeps MDX bodies, if it does: for a thread that renders pages of this build. */
export function keptMdxBodiesFolder(): string | undefined {
  return registry()?.dir;
}

/**
 * Where this thread's pages find kept MDX bodies: the content sync's folder, or in another thread
 * that renders pages of the build, the one `keptMdxBodiesFolder` gave. Returns the set the assets of
 * the bodies the pages reuse are added to (another thread sends them over: `noteReusedMdxAssets`).
 */
export function useKeptMdxBodiesFolder(dir: string): Set<string> {
  const reusedAssets = new Set<string>();
  registered.set({ dir, reusedAssets });
  return reusedAssets;
}

/** Adds the assets of bodies that pages rendered in another thread reused. */
export function noteReusedMdxAssets(assets: Iterable<string>): void {
  const kept = registry();
  if (kept) for (const asset of assets) kept.reusedAssets.add(asset);
}

function readKept(file: string): KeptBody | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KeptBody;
  } catch {
    return undefined;
  }
}

/** The HTML of an MDX entry's body kept by an earlier build with this code, if it can stand in. */
export function keptMdxBody(entry: MdxEntry): string | undefined {
  const kept = registry();
  const settings = incrementalSettings();
  if (!kept || !settings || !entry.deferredRender || entry.digest === undefined) return undefined;
  const body = reusableBody(kept.dir, settings, entry.digest);
  if (!body) return undefined;
  for (const asset of body.assets) kept.reusedAssets.add(asset);
  return body.html;
}

/** Keeps the HTML just rendered from an MDX entry, for the next builds with this code. */
export function keepMdxBody(entry: MdxEntry, html: string): void {
  const kept = registry();
  const settings = incrementalSettings();
  if (!kept || !settings || !entry.deferredRender || entry.digest === undefined) return;
  // The same reading of asset URLs as for whole pages: decoded, so that a Persian file name is
  // found in the site in place.
  const body: KeptBody = { html, assets: assetsNamedIn(Buffer.from(html)) };
  writeWholeFile(bodyFile(kept.dir, settings.codeDigest, entry.digest), JSON.stringify(body));
}

/** The assets named by the kept bodies this build used: the site must hold them. */
export function reusedBodyAssets(): ReadonlySet<string> {
  return registry()?.reusedAssets ?? new Set();
}

/** One entry of Astro's list of content modules: `["<file>", () => import("<specifier>")]`. */
const MODULE_ENTRY = /\[("(?:[^"\\]|\\.)*"), \(\) => import\(("(?:[^"\\]|\\.)*")\)\]/g;

/**
 * Astro's list of content modules (`content-modules.mjs`, a Map from each MDX file to its import)
 * without the files `leaveOut` names; undefined when the code is not in the form Astro writes.
 */
export function withoutModules(
  code: string,
  leaveOut: (filePath: string) => boolean,
): { code: string; left: number } | undefined {
  if (!/^\s*export default new Map\(\[/.test(code)) return undefined;
  const entries = [...code.matchAll(MODULE_ENTRY)];
  const kept = entries.filter((entry) => !leaveOut(JSON.parse(entry[1]!) as string));
  return {
    code: `export default new Map([\n${kept.map((entry) => entry[0]).join(',\n')}\n]);\n`,
    left: entries.length - kept.length,
  };
}

/**
 * The kept body of `digest`, when it can stand in for the module: kept under this code, and its
 * assets in the site in place (to be carried over from there).
 */
export function reusableBody(
  dir: string,
  settings: IncrementalSettings,
  digest: string | number,
): KeptBody | undefined {
  const body = readKept(bodyFile(dir, settings.codeDigest, digest));
  return body?.assets.every((asset) => existsSync(path.join(settings.previousSite, asset))) ? body : undefined;
}
