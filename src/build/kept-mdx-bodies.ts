/**
 * Leaves out of the bundle the MDX modules no page of this build renders (Node-only): those whose
 * bodies an earlier build rendered and kept (what is kept, and when a body can stand in, is
 * src/lib/content/kept-mdx-bodies.ts), and in a segment build those of the other segments.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { keptMdxBodiesDir, keptMdxIndexFile, reusableBody, withoutModules } from '#lib/content/kept-mdx-bodies.ts';
import { liveEntries } from '#lib/content/live-store.ts';
import { publicationPolicyOf } from '#lib/content/publication.ts';
import { publishedArticles, type ArticleEntryLike } from '#lib/content/published-articles.ts';
import { incrementalSettings } from '#lib/incremental/render-plan.ts';
import type { SearchTiers } from '#lib/search/shards.ts';
import { planSettings, recordBundledBodies, segmentSettings } from '#lib/segment-registry.ts';
import { articlesWithBodies, planSegments } from '#lib/segments.ts';
import type { MdxEntry } from '#lib/content/kept-mdx-bodies.ts';

/** The site settings that decide which bodies a segment renders. */
export interface BodySettings {
  search: SearchTiers;
  /** Items in a feed (`feeds.itemCount`). */
  feedItems: number;
}

/**
 * In a segment build, the MDX files whose bodies this segment renders (`articlesWithBodies`), from
 * the content this process synced: a segment of a large archive bundled every other segment's MDX
 * articles too, 12–13 s of a 30 s story build at 100,000 articles in eight segments. The pages
 * make the same plan from the archive they read (src/data/segments.ts) and stop the build if it
 * names a body left out here. Undefined outside a segment build, or when this process synced no
 * articles: then every module is bundled.
 */
function segmentMdxFiles(settings: BodySettings): Set<string> | undefined {
  const segment = segmentSettings();
  const entries = segment && (liveEntries('articles') as (ArticleEntryLike & MdxEntry)[] | undefined);
  if (!segment || !entries) return undefined;
  const articles = publishedArticles(entries, publicationPolicyOf(process.env, new Date()));
  // The lists are left out: a list is owned where its name hashes, listed or not (`ownerOfUnit`).
  const plan = planSegments({ articles, lists: [] }, settings.search, segment.count);
  const bodies = articlesWithBodies(plan, segment.index, articles, settings.feedItems);
  recordBundledBodies(bodies);
  const files = new Set<string>();
  for (const { id, entry } of articles) if (bodies.has(id) && entry.filePath) files.add(entry.filePath);
  return files;
}

/**
 * Build only: in incremental builds, in segment builds, and in the plan of `npm run build -- --plan
 * N`, which renders no body (src/data/article-bodies.ts) and so bundles no MDX module at all.
 */
export function keptMdxBodiesIntegration(bodySettings: BodySettings): AstroIntegration {
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
                    segmentFiles ??= { files: segment ? segmentMdxFiles(bodySettings) : undefined };
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
