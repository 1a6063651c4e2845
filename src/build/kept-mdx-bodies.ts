/**
 * Leaves out of the bundle the MDX modules no page of this build renders (Node-only): those whose
 * bodies an earlier build rendered and kept (what is kept, and when a body can stand in, is
 * src/lib/content/kept-mdx-bodies.ts), and in a segment build those of the other segments.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { keptMdxBodiesDir, keptMdxIndexFile, reusableBody, withoutModules } from '#lib/content/kept-mdx-bodies.ts';
import type { MdxEntry } from '#lib/content/kept-mdx-bodies.ts';
import { liveEntries } from '#lib/content/live-store.ts';
import type { ArticleEntryLike } from '#lib/content/published-articles.ts';
import { incrementalSettings } from '#lib/incremental/render-plan.ts';
import { planSettings, segmentSettings, shownArticles } from '#lib/segment-registry.ts';

/**
 * In a segment build, the MDX files whose bodies this segment shows, as this process's content
 * sync reckoned them (src/build/segment-bodies.ts): a segment of a large archive bundled every
 * other segment's MDX articles too, 12–13 s of a 30 s story build at 100,000 articles in eight
 * segments. Undefined when no content sync reckoned them: then every module is bundled.
 */
function segmentMdxFiles(): Set<string> | undefined {
  const shown = shownArticles();
  const entries = liveEntries('articles') as (ArticleEntryLike & MdxEntry)[] | undefined;
  if (!shown || !entries) return undefined;
  return new Set(entries.flatMap((entry) => (shown.has(entry.data.id) && entry.filePath ? [entry.filePath] : [])));
}

/**
 * Build only: in incremental builds, in segment builds, and in the plan of `npm run build -- --plan
 * N`, which renders no body (src/data/article-bodies.ts) and so bundles no MDX module at all.
 */
export function keptMdxBodiesIntegration(): AstroIntegration {
  return {
    name: 'bayegan:kept-mdx-bodies',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        const settings = incrementalSettings();
        const planning = planSettings() !== undefined;
        const segment = segmentSettings() !== undefined;
        if (command !== 'build' || (!settings && !planning && !segment)) return;
        const dir = keptMdxBodiesDir(config.cacheDir);
        // Reckoned once, at the first bundle that asks (content sync is over by then).
        let segmentFiles: { files: Set<string> | undefined } | undefined;
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
                    segmentFiles ??= { files: segment ? segmentMdxFiles() : undefined };
                    const ours = segmentFiles.files;
                    const index =
                      settings && existsSync(keptMdxIndexFile(dir))
                        ? (JSON.parse(readFileSync(keptMdxIndexFile(dir), 'utf8')) as Record<string, string | number>)
                        : undefined;
                    if (!ours && !index) return null;
                    let others = 0;
                    let kept = 0;
                    const result = withoutModules(code, (file) => {
                      if (ours && !ours.has(file)) {
                        others++;
                        return true;
                      }
                      const digest = index?.[file];
                      if (digest === undefined || reusableBody(dir, settings!, digest) === undefined) return false;
                      kept++;
                      return true;
                    });
                    if (!result) return null;
                    if (kept > 0)
                      logger.info(`${kept} MDX articles rendered by an earlier build are not bundled again.`);
                    if (others > 0) logger.info(`${others} MDX articles only other segments render are not bundled.`);
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
