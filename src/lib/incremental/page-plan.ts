/**
 * Incremental builds, the pure part: which pages of a build must be rendered, and which can be
 * carried over unchanged from the previous build. Every page of a dynamic route gets a fingerprint
 * of everything it is made from (its route, parameters and props, and the build-wide inputs: the
 * code, the settings, the day); a page whose fingerprint is the one the previous build recorded,
 * and whose file is still there, is not rendered again.
 */

/** What a build records for the next one. */
export interface PageManifest {
  /** Format of this file. */
  version: 1;
  /** The build-wide inputs (code, settings, day): when they change every page is rendered. */
  buildDigest: string;
  /** Identifies the site folder this manifest describes (see `siteStamp`). */
  siteStamp: string;
  /** Output file (relative, with `/`) → fingerprint of what it was rendered from. */
  pages: Record<string, string>;
  /** Every file of the site (relative, with `/`), whatever step wrote it. */
  files?: string[];
  /**
   * What later build steps read from each page (step → output file → value, e.g. the search
   * index's digest of an article page): a page carried over unchanged gives the same again.
   */
  derived?: Record<string, Record<string, string>>;
}

export const MANIFEST_VERSION = 1;

/** The manifest's file in the build cache. */
export const MANIFEST_FILE = 'bayegan-pages.json';

/**
 * The output file of one path of a route, for `build.format: 'directory'`:
 * `news/[id]/[slug]` with `{ id: '7', slug: 'market' }` → `news/7/market/index.html`; a rest
 * parameter without a value (`[...page]` on a first page) leaves no segment. An endpoint whose
 * route names its file (`author/[author]/rss.xml`) is that file.
 */
export function pageFile(route: string, params: Record<string, string | number | undefined>): string {
  const segments = route
    .split('/')
    .map((segment) =>
      segment.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
        const value = params[name];
        return value === undefined ? '' : String(value);
      }),
    )
    .filter((segment) => segment.length > 0);
  return (/\.[a-z]+$/.test(route) ? segments : [...segments, 'index.html']).join('/');
}

/** The manifest's pages, when it describes the site at hand and was built from the same inputs. */
export function reusablePages(
  manifest: PageManifest | undefined,
  buildDigest: string,
  siteStamp: string | undefined,
): Record<string, string> {
  if (!manifest || manifest.version !== MANIFEST_VERSION) return {};
  if (manifest.buildDigest !== buildDigest || !siteStamp || manifest.siteStamp !== siteStamp) return {};
  return manifest.pages;
}

/**
 * The site a build continues in (see src/lib/link-files.ts), the one the previous build replaced,
 * as its manifest describes it.
 */
export interface RecycledSite {
  /** Every file it has. */
  files: ReadonlySet<string>;
  /** Its pages' fingerprints: empty when it was built from other inputs (code, settings, day). */
  pages: Record<string, string>;
  /** What its build's steps recorded (`PageManifest.derived`): empty when built from other inputs. */
  derived: Record<string, Record<string, string>>;
}

/**
 * The recycled site `manifest` describes, when it lists the site's files; what it says of its pages
 * only when it was built from the same inputs as this build (`buildDigest`).
 */
export function recycledSite(manifest: PageManifest | undefined, buildDigest: string): RecycledSite | undefined {
  if (!manifest?.files) return undefined;
  const sameInputs = manifest.version === MANIFEST_VERSION && manifest.buildDigest === buildDigest;
  return {
    files: new Set(manifest.files),
    pages: sameInputs ? manifest.pages : {},
    derived: sameInputs ? (manifest.derived ?? {}) : {},
  };
}

/**
 * The files of `files` under the folder `parent` (relative, with `/`), grouped by the folder or
 * file name that follows it: `pagefind/1403/a.pf` is in the group `1403` of `pagefind`.
 */
export function filesByFolder(files: Iterable<string>, parent: string): Map<string, string[]> {
  const prefix = `${parent}/`;
  const groups = new Map<string, string[]>();
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    const end = file.indexOf('/', prefix.length);
    const name = file.slice(prefix.length, end === -1 ? undefined : end);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = []));
    group.push(file);
  }
  return groups;
}

/** A page the recycled site already holds as this build would write it: nothing to place. */
export const HELD = 'held';

/**
 * Where a page that need not be rendered comes from: `HELD` when the recycled site holds it with the
 * same fingerprint (nothing to look up or place), else its previous file as `previousFile` finds it
 * in the previous site (its inode, say); undefined when the page must be rendered: it is new, it
 * changed, or its previous file is gone. A page that changed is not looked up.
 */
export function carriedFrom<T>(
  file: string,
  fingerprint: string,
  previous: Record<string, string>,
  previousFile: (file: string) => T | undefined,
  recycled?: RecycledSite,
): T | typeof HELD | undefined {
  if (previous[file] !== fingerprint) return undefined;
  if (recycled?.pages[file] === fingerprint && recycled.files.has(file)) return HELD;
  return previousFile(file);
}
