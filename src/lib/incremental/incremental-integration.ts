/**
 * Incremental builds, the steps inside `astro build` (Node-only). `incrementalPagesIntegration`
 * carries the pages that were not rendered again over from the previous site (hard links, or
 * copies across disks), with the images and assets they use; it runs before the other build
 * steps, which then see a complete site. `incrementalManifestIntegration` runs after them and
 * writes the manifest the next build compares against, with what those steps read from the pages.
 *
 * The manifest is written beside the one in use (`pendingManifestFile`) and scripts/build.mjs puts it
 * in place only once the new site is: a build that fails after this step leaves the manifest that
 * describes the site still being served.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkOrCopy, linkTree } from '../link-files.ts';
import { MANIFEST_VERSION, type PageManifest } from './page-plan.ts';
import { renderRegistry, siteStamp } from './render-plan.ts';

export function incrementalPagesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:incremental',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const registry = renderRegistry();
        if (!registry) return;
        const outDir = fileURLToPath(dir);
        const { previousSite } = registry.settings;
        if (registry.carried.size > 0) logger.info(`Carrying ${registry.carried.size} unchanged pages over…`);
        for (const file of registry.carried) {
          linkOrCopy(path.join(previousSite, file), path.join(outDir, file));
        }
        // Images that only carried pages use were not written by this build; assets are named by their
        // content, so a file of the same name is the same file. (Carried pages come from a build of
        // the same code, so every bundle they name is one this build wrote too.)
        const previousAssets = path.join(previousSite, '_astro');
        const assets =
          registry.carried.size > 0 && existsSync(previousAssets)
            ? linkTree(previousAssets, path.join(outDir, '_astro'), (_, target) => !existsSync(target))
            : 0;
        const rendered = registry.pages.size - registry.carried.size;
        logger.info(
          registry.carried.size === 0
            ? `Rendered all ${rendered} archive pages (no earlier build to reuse, or its inputs changed).`
            : `Rendered ${rendered} changed archive pages; carried ${registry.carried.size} unchanged pages and ${assets} assets over from the previous build.`,
        );
      },
    },
  };
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
        const manifest: PageManifest = {
          version: MANIFEST_VERSION,
          buildDigest: registry.buildDigest,
          siteStamp: siteStamp(fileURLToPath(dir)) ?? '',
          pages: Object.fromEntries(registry.pages),
          derived: Object.fromEntries(
            [...registry.derived].map(([step, values]) => [step, Object.fromEntries(values)]),
          ),
        };
        mkdirSync(path.dirname(pendingManifestFile), { recursive: true });
        writeFileSync(`${pendingManifestFile}.tmp`, JSON.stringify(manifest));
        renameSync(`${pendingManifestFile}.tmp`, pendingManifestFile);
      },
    },
  };
}
