/**
 * Leaves out of the bundle the MDX modules whose bodies an earlier build rendered and kept
 * (Node-only): what is kept, and when a body can stand in, is src/lib/content/kept-mdx-bodies.ts.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { keptMdxBodiesDir, keptMdxIndexFile, reusableBody, withoutModules } from '#lib/content/kept-mdx-bodies.ts';
import { incrementalSettings } from '#lib/incremental/render-plan.ts';
import { planSettings } from '#lib/segment-registry.ts';

/**
 * Build only, and only in incremental builds; and in the plan of `npm run build -- --plan N`, which
 * renders no body (src/data/article-bodies.ts) and so bundles no MDX module at all.
 */
export function keptMdxBodiesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:kept-mdx-bodies',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const settings = incrementalSettings();
        const planning = planSettings() !== undefined;
        if (command !== 'build' || (!settings && !planning)) return;
        const dir = keptMdxBodiesDir(config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bayegan:kept-mdx-bodies',
                transform: {
                  filter: { id: /[\\/]content-modules\.mjs$/ },
                  handler(code) {
                    if (this.environment.name === 'client') return null;
                    if (planning) {
                      const result = withoutModules(code, () => true);
                      return result && { code: result.code, map: { mappings: '' } };
                    }
                    if (!settings || !existsSync(keptMdxIndexFile(dir))) return null;
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
