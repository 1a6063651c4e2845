/**
 * The one build step of `npm run build -- --plan N` (Node-only): the routes have recorded every
 * page's fingerprint and rendered none (src/data/segments.ts); the files Astro wrote all the same
 * are those rendered in every build. Compares them with the last merged site (its manifest and the
 * merge's record of its segments, in the merge's build cache) and writes the plan: the segments to
 * build, and those whose last merged output is the one they would build again
 * (src/lib/segment-reuse.ts).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PageManifest } from '#lib/incremental/page-plan.ts';
import { filesUnder } from '#lib/link-files.ts';
import { planRun } from '#lib/segment-registry.ts';
import { describePlan, segmentsToBuild, type MergedSegments } from '#lib/segment-reuse.ts';
import { isSharedFile } from '#lib/segments.ts';

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // a damaged record only means every segment is built
  }
}

export function segmentPlanIntegration(): AstroIntegration {
  return {
    name: 'bayegan:segment-plan',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const run = planRun();
        if (!run) return;
        const { settings } = run;
        const manifest = settings.compare ? readJson<PageManifest>(settings.manifestFile) : undefined;
        const merged = settings.compare ? readJson<MergedSegments>(settings.mergedFile) : undefined;
        const unfingerprinted = filesUnder(fileURLToPath(dir)).filter(
          (file) => !run.pages.has(file) && !isSharedFile(file),
        );
        const plan = segmentsToBuild({
          count: settings.count,
          buildDigest: run.buildDigest,
          plan: run.plan,
          pages: run.pages,
          unfingerprinted,
          previous: manifest && merged ? { manifest, merged } : undefined,
        });
        writeFileSync(`${settings.planFile}.${process.pid}`, JSON.stringify(plan, null, 2));
        renameSync(`${settings.planFile}.${process.pid}`, settings.planFile);
        const fingerprinted = settings.compare
          ? `${run.pages.size} pages fingerprinted.`
          : "No page fingerprinted: no merged site to compare with; the content read for the plan's index.";
        logger.info(`${fingerprinted}\n${describePlan(plan)}\nPlan written to ${settings.planFile}.`);
      },
    },
  };
}
