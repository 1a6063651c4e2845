/**
 * What `npm run merge` (scripts/merge.ts) decides before and after it puts segments side by side,
 * pure for unit tests: a segment's stamp, whether a set of segment outputs makes one site (refused,
 * naming the input, when they come from different commits, settings, "now", content or segment
 * counts, or when a segment is missing or given twice), and the incremental manifest of the merged
 * site, joined from the segments' own.
 */
import type { PageManifest } from './incremental/page-plan.ts';
import type { SegmentSettings } from './segment-registry.ts';

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

/**
 * Why these inputs cannot be merged into one site, one line each naming the input (empty: they
 * can). The first input with a stamp is the reference the others are compared with.
 */
export function mergeRefusals(inputs: readonly MergeInput[]): string[] {
  const problems: string[] = [];
  if (inputs.length === 0)
    return ['No segment outputs given: npm run merge -- dist-segment-1-of-2 dist-segment-2-of-2'];
  for (const { dir, stamp } of inputs) {
    if (!stamp) problems.push(`${dir}: not a segment output (no stamp); build it with npm run build -- --segment K/N.`);
  }
  const stamped = inputs.filter((input): input is MergeInput & { stamp: SegmentStamp } => input.stamp !== undefined);
  const first = stamped[0];
  if (!first) return problems;
  for (const { dir, stamp } of stamped.slice(1)) {
    for (const [field, words] of SHARED) {
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
