/**
 * Leaves out of the bundle the MDX modules whose bodies an earlier build rendered and kept
 * (Node-only): what is kept, and when a body can stand in, is src/lib/content/kept-mdx-bodies.ts.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { keptMdxBodiesDir, keptMdxIndexFile, reusableBody, withoutModules } from '#lib/content/kept-mdx-bodies.ts';
import { incrementalSettings } from '#lib/incremental/render-plan.ts';

/** Build only, and only in incremental builds. */
export function keptMdxBodiesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:kept-mdx-bodies',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const settings = incrementalSettings();
        if (command !== 'build' || !settings) return;
        const dir = keptMdxBodiesDir(config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bayegan:kept-mdx-bodies',
                transform: {
                  filter: { id: /[\\/]content-modules\.mjs$/ },
                  handler(code) {
                    if (this.environment.name === 'client' || !existsSync(keptMdxIndexFile(dir))) return null;
                    const index = JSON.parse(readFileSync(keptMdxIndexFile(dir), 'utf8')) as Record<
                      string,
                      string | number
                    >;
                    const result = withoutModules(code, (file) => {
                      const digest = index[file];
                      return digest !== undefined && reusableBody(dir, settings, digest) !== undefined;
                    });
                    if (!result) return null;
                    if (result.left > 0) {
                      logger.info(`${result.left} MDX articles rendered by an earlier build are not bundled again.`);
                    }
                    return { code: result.code, map: { mappings: '' } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
