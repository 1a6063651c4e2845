/**
 * Segmented builds that build only the segments a change touches (issue 23). `npm run build --
 * --plan N` computes the fingerprint of every page of the whole site (src/lib/incremental/), renders
 * none, and compares them with the manifest of the last merged site: a segment none of whose pages
 * changed, appeared or went, and whose units (lists, search shards) are the ones it owned, would
 * build again exactly the output it gave that merge. Its output is merged as it is; the others are
 * built. `npm run merge -- --plan <file>` then accepts, for those segments, the stamp of the output
 * the last merge used (older commit, "now" and index), and that stamp only.
 *
 * The pages that no fingerprint describes (those Astro renders in every build: the home page, the
 * search page, the site's feeds and sitemaps…) make their owners' segments build every time: the
 * site unit's segment is never reused.
 *
 * Pure: unit-tested without Astro.
 */
import { createHash } from 'node:crypto';
import type { PageManifest } from './incremental/page-plan.ts';
import type { SegmentStamp } from './segment-merge.ts';
import { ownerOfFile, type SegmentPlan } from './segments.ts';

/** Bump when a plan file or the merge's record changes shape: older ones are not read. */
export const REUSE_FORMAT = 1;

/**
 * What `npm run merge` leaves beside the merged site's manifest (in its build cache): the stamp of
 * each segment output it merged and the pages that output held.
 */
export interface MergedSegments {
  format: number;
  /** The merged site's stamp, as its manifest records it: a record of another merge is never used. */
  siteStamp: string;
  segments: { stamp: SegmentStamp; pages: string[] }[];
}

/** The merge's record of its segments, beside the merged site's manifest in the build cache. */
export const MERGED_SEGMENTS_FILE = 'bayegan-segments.json';

/** The plan file `npm run build -- --plan N` writes (in the current folder), unless BAYEGAN_PLAN_FILE names another. */
export const REUSE_PLAN_FILE = 'segment-plan.json';

/** The file `npm run build -- --plan N` writes and `npm run merge -- --plan` reads. */
export interface SegmentReusePlan {
  format: number;
  /** The number of segments. */
  count: number;
  /** The stamp of the merged site it compared with (empty when there was none). */
  merged: string;
  /** The segments to build, ascending. */
  build: number[];
  /** Segment (K) → the digest of the stamp of its output the last merge used, to be merged as it is. */
  reuse: Record<string, string>;
  /** Segment (K) → why it is built (the first reason found). */
  reasons: Record<string, string>;
}

/** A digest of a segment's stamp: names exactly one output of that segment. */
export function stampDigest(stamp: SegmentStamp): string {
  const fields = Object.keys(stamp).sort() as (keyof SegmentStamp)[];
  return createHash('sha256')
    .update(JSON.stringify(fields.map((field) => [field, stamp[field]])))
    .digest('base64url');
}

/** What the plan is made from: this checkout's whole site, and the last merge. */
export interface ReuseInputs {
  count: number;
  /** The build-wide digest every page's fingerprint is taken with (code, settings, the Jalali year). */
  buildDigest: string;
  /** Which segment owns what, from this checkout's whole index. */
  plan: SegmentPlan;
  /** Every page of the dynamic routes (output file → fingerprint), as a whole build records them. */
  pages: ReadonlyMap<string, string>;
  /** The other files a build writes (rendered every time, or copied): no fingerprint tells if they changed. */
  unfingerprinted: readonly string[];
  /** The last merged site's manifest and the merge's record of its segments; undefined when missing. */
  previous?: { manifest: PageManifest; merged: MergedSegments } | undefined;
}

const ascending = (count: number) => Array.from({ length: count }, (_, at) => at + 1);

/** The plan that builds every segment, for `reason`. */
function buildEverySegment(count: number, reason: string, merged = ''): SegmentReusePlan {
  return {
    format: REUSE_FORMAT,
    count,
    merged,
    build: ascending(count),
    reuse: {},
    reasons: Object.fromEntries(ascending(count).map((index) => [index, reason])),
  };
}

/** Why every segment is built when the last merge left no record. */
export const NO_MERGED_SITE = 'no record of a merged site to compare with (the first segmented build?)';

/** The segments to build and those whose last merged output is reused, with the reason for each built one. */
export function segmentsToBuild({
  count,
  buildDigest,
  plan,
  pages,
  unfingerprinted,
  previous,
}: ReuseInputs): SegmentReusePlan {
  const everything = (reason: string, merged = '') => buildEverySegment(count, reason, merged);
  if (!previous) return everything(NO_MERGED_SITE);
  const { manifest, merged } = previous;
  if (merged.format !== REUSE_FORMAT || merged.siteStamp !== manifest.siteStamp) {
    return everything('the record of the last merge does not describe the merged site in place');
  }
  const stamps = new Map(merged.segments.map((segment) => [segment.stamp.index, segment]));
  if (merged.segments.some(({ stamp }) => stamp.count !== count) || stamps.size !== count) {
    return everything(`the last merge was not of ${count} segments`, manifest.siteStamp);
  }
  if (manifest.buildDigest !== buildDigest) {
    return everything('the code, the settings or the Jalali year changed since the last merge', manifest.siteStamp);
  }

  const reasons = new Map<number, string>();
  const touch = (owner: number | 'shared' | 'merged' | undefined, why: string) => {
    if (typeof owner === 'number' && !reasons.has(owner)) reasons.set(owner, why);
  };
  for (const [file, fingerprint] of pages) {
    const before = manifest.pages[file];
    if (before !== fingerprint) touch(ownerOfFile(plan, file), `${file} ${before ? 'changed' : 'is new'}`);
  }
  const heldBy = new Map<string, number>();
  for (const { stamp, pages: held } of merged.segments) for (const file of held) heldBy.set(file, stamp.index);
  for (const file of Object.keys(manifest.pages)) {
    if (!pages.has(file)) touch(heldBy.get(file) ?? ownerOfFile(plan, file), `${file} is gone`);
  }
  // A page may change hands unchanged: an article whose story sealed into a year shard of the
  // same name in another segment, a list page that settled with it. Both segments build.
  for (const [file, holder] of heldBy) {
    const owner = ownerOfFile(plan, file);
    if (owner === holder || !pages.has(file)) continue;
    touch(holder, `${file} moved to segment ${String(owner)}`);
    touch(owner, `${file} moved here from segment ${holder}`);
  }
  for (const file of unfingerprinted) touch(ownerOfFile(plan, file), `${file} is made by every build`);
  for (const index of ascending(count)) {
    const owned = [...plan.owners].filter(([, owner]) => owner === index).map(([unit]) => unit);
    const before = new Set(stamps.get(index)!.stamp.units);
    const moved = owned.filter((unit) => !before.delete(unit)).concat([...before]);
    if (moved.length > 0)
      touch(index, `its units changed (${moved.slice(0, 3).join(', ')}${moved.length > 3 ? ', …' : ''})`);
  }

  const build = ascending(count).filter((index) => reasons.has(index));
  return {
    format: REUSE_FORMAT,
    count,
    merged: manifest.siteStamp,
    build,
    reuse: Object.fromEntries(
      ascending(count)
        .filter((index) => !reasons.has(index))
        .map((index) => [index, stampDigest(stamps.get(index)!.stamp)]),
    ),
    reasons: Object.fromEntries(build.map((index) => [index, reasons.get(index)!])),
  };
}

/** One line for the build's output: which segments to build, which to reuse. */
export function describePlan(plan: SegmentReusePlan): string {
  const reused = Object.keys(plan.reuse).map(Number);
  const built = plan.build.map((index) => `  ${index}/${plan.count}: ${plan.reasons[index]}`).join('\n');
  return (
    `Build ${plan.build.length} of ${plan.count} segments (${plan.build.join(', ') || 'none'}); ` +
    `reuse ${reused.length} as the last merge has them (${reused.join(', ') || 'none'}).\n${built}`
  );
}
