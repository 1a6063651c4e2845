/**
 * Incremental builds, the last step inside `astro build` (Node-only): carries the pages that were
 * not rendered again over from the previous site (hard links, or copies across disks), with the
 * images and assets they use, and writes the manifest the next build compares against. It runs
 * before the other build steps, which then see a complete site.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_VERSION, type PageManifest } from './page-plan.ts';
import { renderRegistry, siteStamp } from './render-plan.ts';

function linkOrCopy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Files of `from` that `to` lacks (assets are named by their content: a file of the same name is the same file). */
function carryMissingFiles(from: string, to: string): number {
  if (!existsSync(from)) return 0;
  let carried = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) carried += carryMissingFiles(source, target);
    else if (!existsSync(target)) {
      linkOrCopy(source, target);
      carried++;
    }
  }
  return carried;
}

export function incrementalPagesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:incremental',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const registry = renderRegistry();
        if (!registry) return;
        const outDir = fileURLToPath(dir);
        const { previousSite, manifestFile } = registry.settings;
        for (const file of registry.carried) {
          linkOrCopy(path.join(previousSite, file), path.join(outDir, file));
        }
        // Images that only carried pages use were not written by this build. (Carried pages come from
        // a build of the same code, so every bundle they name is one this build wrote too.)
        const assets =
          registry.carried.size > 0
            ? carryMissingFiles(path.join(previousSite, '_astro'), path.join(outDir, '_astro'))
            : 0;
        const manifest: PageManifest = {
          version: MANIFEST_VERSION,
          buildDigest: registry.buildDigest,
          siteStamp: siteStamp(outDir) ?? '',
          pages: Object.fromEntries(registry.pages),
        };
        mkdirSync(path.dirname(manifestFile), { recursive: true });
        writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest));
        renameSync(`${manifestFile}.tmp`, manifestFile);
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
