/**
 * Incremental builds, the steps inside `astro build` (Node-only). `incrementalPagesIntegration`
 * carries the pages that were not rendered again over from the previous site (hard links, or
 * copies across disks), with the images and assets they use; it runs before the other build
 * steps, which then see a complete site. When the site the previous build replaced is at hand
 * (scripts/build.ts keeps it), the build continues in that folder instead of a new one, and only
 * what differs there is placed (src/lib/link-files.ts). `incrementalManifestIntegration` runs after
 * the other steps: it removes what the recycled site held that this one does not, and writes the
 * manifest the next build compares against, with every file of the site and what the steps read
 * from the pages.
 *
 * The manifest is written beside the one in use (`pendingManifestFile`) and scripts/build.ts puts it
 * in place only once the new site is: a build that fails after this step leaves the manifest that
 * describes the site still being served.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reusedBodyAssets } from '#lib/content/kept-mdx-bodies.ts';
import { filesUnder, siteWriter, type SiteWriter } from '#lib/link-files.ts';
import { assetsNamedIn, joinAssets, originalsOnlyResized, splitAssets } from '#lib/incremental/page-assets.ts';
import { HELD, MANIFEST_VERSION, type PageManifest } from '#lib/incremental/page-plan.ts';
import { renderRegistry, siteStamp, type RenderRegistry } from '#lib/incremental/render-plan.ts';

/** The manifest's record of the `_astro/` files each page names (`PageManifest.derived`). */
const ASSETS_STEP = 'assets';

export function incrementalPagesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:incremental',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const registry = renderRegistry();
        if (!registry) return;
        const outDir = fileURLToPath(dir);
        const { previousSite, recycledSite } = registry.settings;
        const writer = siteWriter(outDir);
        // Start from the site the previous build replaced, when there is one: what Astro wrote
        // this time moves into it, and only the carried files that differ there are placed again.
        const recycled = recycledSite && registry.recycled ? takeRecycled(recycledSite, outDir) : undefined;
        if (recycled) {
          for (const file of filesUnder(recycled)) writer.move(path.join(recycled, file), file);
          rmSync(recycled, { recursive: true, force: true });
        } else {
          registry.recycled = undefined;
          for (const file of filesUnder(outDir)) writer.keep(file);
        }
        if (registry.carried.size > 0) logger.info(`Carrying ${registry.carried.size} unchanged pages over…`);
        let held = 0;
        for (const [file, inode] of registry.carried) {
          // The recycled site holds it as it is when the previous build carried it over from there
          // too: most pages of a story's build, each a system call or two saved (issue 16).
          if (inode === HELD && registry.recycled) {
            writer.keep(file);
            held++;
          } else writer.link(path.join(previousSite, file), file, inode === HELD ? undefined : inode);
        }
        // Images that only carried pages use were not written by this build; assets are named by their
        // content, so a file of the same name is the same file. Only what a page still names is
        // carried: the images of a deleted story leave with it. (Carried pages come from a build of
        // the same code, so every bundle they name is one this build wrote too.)
        const needed = assetsOfPages(registry, writer, outDir);
        // The images of MDX bodies rendered by an earlier build (src/lib/content/kept-mdx-bodies.ts).
        for (const asset of reusedBodyAssets()) needed.add(asset);
        // Astro deletes an original picture once it has made its resized copies, unless a page
        // names it; it makes no copies for a carried page, so the original its bundle wrote stays.
        for (const original of originalsOnlyResized(writer.placed, needed)) writer.remove(original);
        let assets = 0;
        for (const asset of needed) {
          if (writer.placed.has(asset)) continue;
          const from = path.join(previousSite, asset);
          if (!existsSync(from)) {
            logger.warn(`${asset} is named by a page but is in neither this build nor the previous one.`);
            continue;
          }
          writer.link(from, asset);
          assets += 1;
        }
        const rendered = registry.pages.size - registry.carried.size;
        logger.info(
          registry.carried.size === 0
            ? `Rendered all ${rendered} archive pages (no earlier build to reuse, or its inputs changed).`
            : `Rendered ${rendered} changed archive pages; carried ${registry.carried.size} unchanged pages and ${assets} assets over from the previous build${recycled ? ` into the site it replaced, which held ${held} of those pages as they are` : ''}.`,
        );
      },
    },
  };
}

/**
 * The `_astro/` files that the pages of this build name: read from the pages written now (and
 * recorded for the next build), and, for the pages carried over, as recorded by the build that
 * wrote them (read from the page when an older manifest has no record).
 */
function assetsOfPages(registry: RenderRegistry, writer: SiteWriter, outDir: string): Set<string> {
  const { previousSite } = registry.settings;
  const known = registry.previousDerived[ASSETS_STEP];
  const recorded = new Map<string, string>();
  // Recorded for every build, even one whose pages name no asset, so that "no record" means "not known".
  registry.derived.set(ASSETS_STEP, recorded);
  const needed = new Set<string>();
  const note = (file: string, assets: readonly string[]) => {
    if (assets.length > 0 && registry.pages.has(file)) recorded.set(file, joinAssets(assets));
    for (const asset of assets) needed.add(asset);
  };
  for (const file of [...writer.placed]) {
    if (!registry.carried.has(file) && /\.(html|xml)$/.test(file)) {
      note(file, assetsNamedIn(readFileSync(path.join(outDir, file))));
    }
  }
  for (const file of registry.carried.keys()) {
    note(file, known ? splitAssets(known[file] ?? '') : assetsNamedIn(readFileSync(path.join(previousSite, file))));
  }
  return needed;
}

/**
 * Puts the recycled site where Astro wrote this build (`outDir`), and what Astro wrote aside;
 * returns where that went, or undefined (nothing moved) when the recycled site cannot be used.
 */
function takeRecycled(recycledSite: string, outDir: string): string | undefined {
  if (!existsSync(recycledSite)) return undefined;
  // Without its trailing slash, so that `.astro` names a sibling, not a folder inside.
  const site = path.resolve(outDir);
  const astroOut = `${site}.astro`;
  renameSync(site, astroOut);
  try {
    renameSync(recycledSite, site);
  } catch {
    renameSync(astroOut, site);
    return undefined;
  }
  return astroOut;
}

/**
 * `values` as a record in the order of its keys: the manifest is the same bytes whatever order the
 * pages were rendered and indexed in (two threads, search shards side by side), so that two builds
 * of the same site write the same segment output, manifest included.
 */
const inKeyOrder = (values: Iterable<[string, string]>): Record<string, string> =>
  Object.fromEntries([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Adds to the manifest a build left (`pendingManifestFile`) the files it placed after Astro had
 * exited, and what that step recorded (step → file → value): the search index of a large cold
 * build (src/build/search-index.ts).
 */
export function addToManifest(
  manifestFile: string,
  files: readonly string[],
  derived: Record<string, Record<string, string>> = {},
): void {
  if (!existsSync(manifestFile)) return;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PageManifest;
  // A manifest without its list of files leaves the site's files unknown; a partial list would lie.
  if (!manifest.files) return;
  manifest.files = [...new Set([...manifest.files, ...files])].sort();
  manifest.derived ??= {};
  for (const [step, values] of Object.entries(derived)) {
    manifest.derived[step] = inKeyOrder(Object.entries({ ...manifest.derived[step], ...values }));
  }
  writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest));
  renameSync(`${manifestFile}.tmp`, manifestFile);
}

/** The manifest of the next build (the last of the build steps; see the top of this file). */
export function incrementalManifestIntegration(): AstroIntegration {
  return {
    name: 'bayegan:incremental-manifest',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const registry = renderRegistry();
        if (!registry) return;
        const { pendingManifestFile } = registry.settings;
        const outDir = fileURLToPath(dir);
        const writer = siteWriter(outDir);
        // What the recycled site held that this one does not (deleted stories, replaced index files).
        if (registry.recycled) writer.removeAllBut(registry.recycled.files);
        const manifest: PageManifest = {
          version: MANIFEST_VERSION,
          buildDigest: registry.buildDigest,
          siteStamp: siteStamp(outDir) ?? '',
          files: [...writer.placed].sort(),
          pages: inKeyOrder(registry.pages),
          derived: Object.fromEntries([...registry.derived].map(([step, values]) => [step, inKeyOrder(values)])),
        };
        mkdirSync(path.dirname(pendingManifestFile), { recursive: true });
        writeFileSync(`${pendingManifestFile}.tmp`, JSON.stringify(manifest));
        renameSync(`${pendingManifestFile}.tmp`, pendingManifestFile);
      },
    },
  };
}
