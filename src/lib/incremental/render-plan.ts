/**
 * Incremental builds, the Node part that runs inside `astro build`: each dynamic route hands its
 * paths to `renderChangedPagesOnly`, which records every page's fingerprint and returns only the
 * paths that must be rendered. src/build/incremental.ts then carries the other pages over
 * from the previous build and writes the manifest for the next one.
 *
 * Only `npm run build` turns this on (scripts/build.ts sets BAYEGAN_INCREMENTAL); `astro dev` and
 * a bare `astro build` render every page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inodeOf } from '#lib/link-files.ts';
import { processWideValue } from '#lib/process-wide.ts';
import { SEGMENT_STAMP } from '#lib/segments.ts';
import { contentDigest } from './page-digest.ts';
import {
  carriedFrom,
  filesByFolder,
  HELD,
  pageFile,
  recycledSite,
  reusablePages,
  type PageManifest,
  type RecycledSite,
} from './page-plan.ts';

/** What scripts/build.ts passes in BAYEGAN_INCREMENTAL (JSON). */
export interface IncrementalSettings {
  /** Where the manifest of the previous build is kept (in the build cache). */
  manifestFile: string;
  /** Where this build leaves its manifest; scripts/build.ts moves it over `manifestFile` once the site is in place. */
  pendingManifestFile: string;
  /** The site folder of the previous build, whose unchanged pages are carried over. */
  previousSite: string;
  /** Digest of the code, settings and options the build runs with. */
  codeDigest: string;
  /**
   * The site the previous build replaced, kept to be brought up to date instead of building the
   * whole site again (see src/lib/link-files.ts), and the manifest that lists its files.
   */
  recycledSite?: string;
  recycledManifestFile?: string;
}

/** The pages of this build, shared with the integration (same process, other module graph). */
export interface RenderRegistry {
  settings: IncrementalSettings;
  buildDigest: string;
  /** Output file → fingerprint, for every page of the dynamic routes. */
  pages: Map<string, string>;
  /**
   * Output files that were not rendered, to be carried over from the previous site → the inode of
   * the previous site's file, looked up once when the page was planned and again used to link it;
   * or `HELD` when the recycled site holds the page as it is (`recycled`), looked up nowhere.
   */
  carried: Map<string, number | typeof HELD>;
  /** The previous build's fingerprints, when its site is the one in place and its inputs were these. */
  previous: Record<string, string>;
  /** What later steps read from the pages of this build (see `PageManifest.derived`). */
  derived: Map<string, Map<string, string>>;
  /** The same, recorded by the previous build (empty when its pages are not reused). */
  previousDerived: Record<string, Record<string, string>>;
  /**
   * The recycled site, when this build starts from it: its files, and its pages' fingerprints when
   * it was built from the same inputs (a page with the same fingerprint there is already in place
   * once the build continues in it). Dropped when the build cannot continue there
   * (src/build/incremental.ts).
   */
  recycled: RecycledSite | undefined;
}

const registered = processWideValue<RenderRegistry>('bayegan.renderRegistry');

export function incrementalSettings(env: NodeJS.ProcessEnv = process.env): IncrementalSettings | undefined {
  const raw = env['BAYEGAN_INCREMENTAL'];
  return raw ? (JSON.parse(raw) as IncrementalSettings) : undefined;
}

/**
 * Identifies one build's site: a digest of its home page, which every build renders and no step
 * rewrites. A copy of the site (restored from a CI cache, moved to another disk) is still known;
 * any other site in the folder makes the next build render everything.
 */
export function siteStamp(siteDir: string): string | undefined {
  // A segment that does not own the home page has its stamp instead, which names everything it was
  // built from (src/build/segment.ts): two segment sites with one stamp are the same.
  for (const file of ['index.html', SEGMENT_STAMP]) {
    try {
      return createHash('sha256')
        .update(readFileSync(path.join(siteDir, file)))
        .digest('base64url');
    } catch {
      // not there: the next one
    }
  }
  return undefined;
}

function readManifest(file: string): PageManifest | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageManifest;
  } catch {
    return undefined; // a damaged manifest only costs a full build
  }
}

/** The registry of this build, or undefined when incremental builds are off. */
export function renderRegistry(): RenderRegistry | undefined {
  return registered.get();
}

/**
 * The digest of what every page of a build is made from besides its own props: the code, settings
 * and options (`codeDigest`) and what the pages show of the build (`buildWide`).
 */
export const buildDigestOf = (codeDigest: string, buildWide: unknown) => contentDigest([codeDigest, buildWide]);

/** A page's fingerprint: its route, parameters and props. */
export const pageFingerprint = (route: string, entry: StaticPath) => contentDigest([route, entry.params, entry.props]);

function startRegistry(settings: IncrementalSettings, buildWide: unknown): RenderRegistry {
  const started = registered.get();
  if (started) return started;
  const buildDigest = buildDigestOf(settings.codeDigest, buildWide);
  const manifest = readManifest(settings.manifestFile);
  const previous = reusablePages(manifest, buildDigest, siteStamp(settings.previousSite));
  const previousDerived = previous === manifest?.pages ? (manifest.derived ?? {}) : {};
  // The recycled site is used only when pages are carried over and its manifest describes it.
  const recycled =
    previous === manifest?.pages && settings.recycledSite && settings.recycledManifestFile
      ? readManifest(settings.recycledManifestFile)
      : undefined;
  const describesRecycled = recycled?.siteStamp && recycled.siteStamp === siteStamp(settings.recycledSite!);
  return registered.set({
    settings,
    buildDigest,
    pages: new Map(),
    carried: new Map(),
    previous,
    derived: new Map(),
    previousDerived,
    recycled: describesRecycled ? recycledSite(recycled, buildDigest) : undefined,
  });
}

/**
 * The pages of this build under `folder` (relative, with `/`, e.g. `news/7/market/index.html`),
 * sorted, as the routes listed them: the later steps need not walk the output folder to find them
 * (tens of thousands of folders). Undefined outside incremental builds.
 */
export function pagesOfBuild(folder: string): string[] | undefined {
  const registry = renderRegistry();
  if (!registry) return undefined;
  const prefix = `${folder}/`;
  return [...registry.pages.keys()].filter((file) => file.startsWith(prefix)).sort();
}

/**
 * The previous build's site folder, when this build carried `file` (relative, with `/`) over from
 * it unchanged: what an earlier step made from that page can then be carried over with it.
 */
export function siteCarriedFrom(file: string): string | undefined {
  const registry = renderRegistry();
  return registry?.carried.has(file) ? registry.settings.previousSite : undefined;
}

/**
 * Whether this build continues in the recycled site and carried the page `file` (relative, with
 * `/`) over as `HELD`: that site holds it as this build would write it, in place already.
 */
export function heldByRecycledSite(file: string): boolean {
  const registry = renderRegistry();
  return registry?.recycled !== undefined && registry.carried.get(file) === HELD;
}

/**
 * Whether this build continues in the recycled site and that site has `file`, as the manifest of
 * the build that wrote it lists its files (what the file holds is for the caller to know).
 */
export function recycledSiteHas(file: string): boolean {
  return renderRegistry()?.recycled?.files.has(file) ?? false;
}

/**
 * The files the recycled site has under the folder `parent`, grouped as `filesByFolder` groups
 * them, when this build continues in that site (empty otherwise). What the files hold is for the
 * caller to know.
 */
export function recycledFilesByFolder(parent: string): Map<string, string[]> {
  const recycled = renderRegistry()?.recycled;
  return recycled ? filesByFolder(recycled.files, parent) : new Map();
}

/**
 * What `step` recorded for `file` in the build that wrote the recycled site, when this build
 * continues in that site (see `heldByRecycledSite`); undefined otherwise.
 */
export function recycledDerivation(step: string, file: string): string | undefined {
  return renderRegistry()?.recycled?.derived[step]?.[file];
}

/**
 * What `step` read from `file` in the previous build, when this build carried the page over
 * unchanged (its bytes are the same, so the value is too); undefined otherwise.
 */
export function carriedDerivation(step: string, file: string): string | undefined {
  const registry = renderRegistry();
  return registry?.carried.has(file) ? registry.previousDerived[step]?.[file] : undefined;
}

/** Records what `step` read from `file`, for the next build (no-op outside incremental builds). */
export function recordDerivation(step: string, file: string, value: string): void {
  const registry = renderRegistry();
  if (!registry) return;
  let values = registry.derived.get(step);
  if (!values) registry.derived.set(step, (values = new Map()));
  values.set(file, value);
}

export interface StaticPath {
  params: Record<string, string | number | undefined>;
  props?: unknown;
}

/**
 * The paths of `route` (its file under src/pages, without extension) that must be rendered; the
 * others are recorded to be carried over. `buildWide` is what every page shows besides its props
 * (the day in the header, the publication policy).
 */
export function renderChangedPagesOnly<P extends StaticPath>(route: string, paths: P[], buildWide: unknown): P[] {
  const settings = incrementalSettings();
  if (!settings) return paths;
  const registry = startRegistry(settings, buildWide);
  const { previous } = registry;
  return paths.filter((entry) => {
    const file = pageFile(route, entry.params);
    const fingerprint = pageFingerprint(route, entry);
    registry.pages.set(file, fingerprint);
    const previousFile = carriedFrom(
      file,
      fingerprint,
      previous,
      (page) => inodeOf(path.join(settings.previousSite, page)),
      registry.recycled,
    );
    if (previousFile === undefined) {
      registry.carried.delete(file);
      return true;
    }
    registry.carried.set(file, previousFile);
    return false;
  });
}
