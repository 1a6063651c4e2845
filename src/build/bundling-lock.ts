/**
 * One content sync and bundling at a time per project (Node-only). Astro writes the imports of the
 * content's pictures and MDX modules into the project's own `.astro/` folder, whatever the content
 * folder, and Vite bundles them from there: two builds of different archives (a test run, a
 * benchmark, two sites of one newsroom) syncing and bundling side by side would bundle each other's
 * pictures. So a build holds this lock from just before its content sync until its bundles are
 * written. Start-up, page generation, search indexing and moving the site into place read nothing
 * there, and run beside another build's sync and bundling. (scripts/build.ts keeps two builds of
 * one site apart with a lock of its own.)
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlingLockFile } from './build-folders.ts';
import { takeFileLock } from './file-lock.ts';

export function bundlingLockIntegration(): AstroIntegration {
  let building = false;
  let release: (() => void) | undefined;
  return {
    name: 'bayegan:bundling-lock',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bayegan:bundling-lock',
                // Vite runs the "post" buildApp hooks after every bundle is written, in plugin
                // order: this one before Astro's own, which generates the pages.
                buildApp: {
                  order: 'post',
                  handler: async () => release?.(),
                },
              },
            ],
          },
        });
      },
      // After the configuration, just before Astro syncs the content into `.astro/`.
      'astro:config:done': async ({ config, logger }) => {
        if (!building) return;
        const file = bundlingLockFile(fileURLToPath(config.root));
        mkdirSync(path.dirname(file), { recursive: true });
        release = await takeFileLock(file, {
          pollMs: 100,
          onWait: (holder) =>
            logger.info(`Waiting for another build of this project to finish bundling (process ${holder})…`),
        });
        // A build that fails before its bundles are written lets the next one go on its way out.
        process.once('exit', release);
      },
    },
  };
}
