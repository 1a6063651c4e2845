/**
 * The last step before the manifest in a segment build (Node-only): drops what Astro and the other
 * steps wrote that another segment owns (the handful of pages without a page list of their own, the
 * home page, the search page, the site feeds and sitemaps, `_headers`…; dynamic routes never
 * rendered them, src/data/segments.ts), and writes the segment's stamp: what it was built from,
 * which segment it is, what it owns. `npm run merge` (scripts/merge.ts) reads the stamps to refuse
 * segments of different builds. A whole build skips this step.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { siteWriter } from '#lib/link-files.ts';
import { segmentRun } from '#lib/segment-registry.ts';
import { keptBySegment, SEGMENT_STAMP } from '#lib/segments.ts';
import { segmentStamp } from '#lib/segment-merge.ts';

export function segmentIntegration(): AstroIntegration {
  return {
    name: 'bayegan:segment',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const run = segmentRun();
        if (!run) return;
        const { plan, settings } = run;
        const writer = siteWriter(fileURLToPath(dir));
        let dropped = 0;
        for (const file of [...writer.placed]) {
          if (keptBySegment(plan, settings.index, file)) continue;
          writer.remove(file);
          dropped++;
        }
        const owned = [...plan.owners].filter(([, owner]) => owner === settings.index).map(([unit]) => unit);
        writer.write(SEGMENT_STAMP, JSON.stringify(segmentStamp(settings, run.indexDigest, owned), null, 2));
        logger.info(
          `Segment ${settings.index}/${settings.count}: ${owned.length} of ${plan.owners.size} units (search shards with their articles and the lists’ settled pages, the rest of the site, the corrections); dropped ${dropped} files other segments own; held ${run.articlesInFull} of ${run.articles.length} published articles in full, the others as index records${run.filesReleased ? ' (their files and paths released once the share was reckoned)' : ''}; ${run.shareFromSync ? 'its share as content sync reckoned it' : 'its share reckoned again by the pages, which read the archive otherwise than content sync'}.`,
        );
      },
    },
  };
}
