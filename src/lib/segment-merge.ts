/**
 * What `npm run merge` (scripts/merge.ts) decides before and after it puts segments side by side,
 * pure for unit tests: a segment's stamp, whether a set of segment outputs makes one site (refused,
 * naming the input, when they come from different commits, settings, "now", content or segment
 * counts, or when a segment is missing or given twice), and the incremental manifest of the merged
 * site, joined from the segments' own.
 */
import type { PageManifest } from './incremental/page-plan.ts';
import type { SegmentSettings } from './segment-registry.ts';
import { stampDigest, type SegmentReusePlan } from './segment-reuse.ts';

/** Bump when the stamp or what a segment output holds changes: a merge refuses other formats. */
export const SEGMENT_FORMAT = 1;

/** `_bayegan-segment/stamp.json` of a segment output (src/build/segment.ts). */
export interface SegmentStamp extends SegmentSettings {
  format: number;
  /** A digest of the whole archive's index the segment planned from (src/data/segments.ts). */
  indexDigest: string;
  /** The units (lists, search shards) this segment owns. */
  units: string[];
}

export function segmentStamp(settings: SegmentSettings, indexDigest: string, units: string[]): SegmentStamp {
  const { index, count, commit, settings: digest, now } = settings;
  return { format: SEGMENT_FORMAT, index, count, commit, settings: digest, now, indexDigest, units: [...units].sort() };
}

/** One input of a merge: the folder as given, and its stamp (undefined when it has none). */
export interface MergeInput {
  dir: string;
  stamp: SegmentStamp | undefined;
}

/** What every segment of one site shares, with the words a refusal uses for it. */
const SHARED: [keyof SegmentStamp, string][] = [
  ['format', 'segment format'],
  ['count', 'segment count'],
  ['commit', 'commit'],
  ['settings', 'code and settings'],
  ['now', 'BAYEGAN_NOW'],
  ['indexDigest', 'content'],
];

/** What a segment output reused from the last merge (src/lib/segment-reuse.ts) shares with the others. */
const SHARED_WHEN_REUSED = new Set<keyof SegmentStamp>(['format', 'count', 'settings']);

/**
 * Why these inputs cannot be merged into one site, one line each naming the input (empty: they
 * can). The first input with a stamp is the reference the others are compared with. With the plan
 * of `npm run build -- --plan N` (src/lib/segment-reuse.ts), a segment the plan reuses must be the
 * very output the last merge used (its stamp's digest), and shares only the code and settings with
 * the segments built for this merge (its commit, "now" and index are those of its own build).
 */
export function mergeRefusals(inputs: readonly MergeInput[], reusePlan?: SegmentReusePlan): string[] {
  const problems: string[] = [];
  if (inputs.length === 0)
    return ['No segment outputs given: npm run merge -- dist-segment-1-of-2 dist-segment-2-of-2'];
  for (const { dir, stamp } of inputs) {
    if (!stamp) problems.push(`${dir}: not a segment output (no stamp); build it with npm run build -- --segment K/N.`);
  }
  const stamped = inputs.filter((input): input is MergeInput & { stamp: SegmentStamp } => input.stamp !== undefined);
  // The very output the last merge used, which the plan reuses (a segment the plan reuses may also
  // have been built again: then it is compared as any other).
  const reused = (stamp: SegmentStamp) => {
    const wanted = reusePlan?.reuse[stamp.index];
    return wanted !== undefined && stampDigest(stamp) === wanted;
  };
  if (reusePlan) {
    for (const { dir, stamp } of stamped) {
      if (stamp.count !== reusePlan.count) {
        problems.push(`${dir}: a segment of ${stamp.count}, but the plan is of ${reusePlan.count} segments.`);
      }
    }
  }
  // The reference is a segment the plan builds (else any not reused); reused ones are compared on what they share.
  const first =
    stamped.find(({ stamp }) => reusePlan?.build.includes(stamp.index)) ??
    stamped.find(({ stamp }) => !reused(stamp)) ??
    stamped[0];
  if (!first) return problems;
  for (const { dir, stamp } of stamped) {
    if (stamp === first.stamp) continue;
    for (const [field, words] of SHARED) {
      if (reused(stamp) && !SHARED_WHEN_REUSED.has(field)) continue;
      if (stamp[field] !== first.stamp[field]) {
        problems.push(
          `${dir}: built from another ${words} than ${first.dir} (${String(stamp[field]) || '(none)'} against ${String(first.stamp[field]) || '(none)'}); build every segment of one site from the same checkout, settings and BAYEGAN_NOW.`,
        );
      }
    }
  }
  if (problems.length > 0) return problems;
  const count = first.stamp.count;
  const seen = new Map<number, string>();
  for (const { dir, stamp } of stamped) {
    const other = seen.get(stamp.index);
    if (other) problems.push(`${dir}: segment ${stamp.index}/${count} is given twice (also ${other}).`);
    else seen.set(stamp.index, dir);
  }
  const missing = Array.from({ length: count }, (_, at) => at + 1).filter((index) => !seen.has(index));
  if (missing.length > 0) {
    problems.push(
      `Missing segment${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')}: the site needs all ${count}.`,
    );
  }
  const units = new Map<string, string>();
  for (const { dir, stamp } of stamped) {
    for (const unit of stamp.units) {
      const other = units.get(unit);
      if (other) problems.push(`${dir}: owns ${unit}, which ${other} owns too.`);
      else units.set(unit, dir);
    }
  }
  return problems;
}

/**
 * The manifest of the merged site: each segment recorded the pages it owns, so the union is what
 * one build records. `siteStamp` and `files` are those of the merged site.
 */
export function mergeManifests(manifests: readonly PageManifest[], siteStamp: string, files: string[]): PageManifest {
  const digests = new Set(manifests.map((manifest) => manifest.buildDigest));
  if (digests.size !== 1) throw new Error('The segments were built with different build digests.');
  const derived: Record<string, Record<string, string>> = {};
  for (const manifest of manifests) {
    for (const [step, values] of Object.entries(manifest.derived ?? {})) {
      Object.assign((derived[step] ??= {}), values);
    }
  }
  return {
    version: manifests[0]!.version,
    buildDigest: manifests[0]!.buildDigest,
    siteStamp,
    files: [...files].sort(),
    pages: Object.assign({}, ...manifests.map((manifest) => manifest.pages)) as Record<string, string>,
    derived,
  };
}
