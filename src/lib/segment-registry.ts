/**
 * A segment build's settings and plan, shared inside `astro build` (Node-only) between the data
 * module that decides what is built (src/data/segments.ts, in the bundled pages' module graph) and
 * the build steps (src/build/, in the configuration's), like the incremental build's registry.
 * Only `npm run build -- --segment K/N` turns it on (scripts/build.ts sets BAYEGAN_SEGMENT).
 */
import type { SegmentChoice, SegmentPlan } from './segments.ts';
import { processWideValue } from './process-wide.ts';

/** What scripts/build.ts passes in BAYEGAN_SEGMENT (JSON), and what the segment's stamp records. */
export interface SegmentSettings extends SegmentChoice {
  /** The commit the build runs from (empty outside git). */
  commit: string;
  /** The digest of the code, configuration, site settings and build options. */
  settings: string;
  /** The build's "now" (BAYEGAN_NOW as given). */
  now: string;
}

/** The plan of this build, once the data module has made it from the whole archive's index. */
export interface SegmentRun {
  settings: SegmentSettings;
  plan: SegmentPlan;
  /** A digest of the whole index the plan was made from: segments of one site agree on it. */
  indexDigest: string;
  /** Every published article's URL path and date, for the search index's layout. */
  articles: readonly { path: string; date: Date }[];
}

export function segmentSettings(env: NodeJS.ProcessEnv = process.env): SegmentSettings | undefined {
  const raw = env['BAYEGAN_SEGMENT'];
  return raw ? (JSON.parse(raw) as SegmentSettings) : undefined;
}

const registered = processWideValue<SegmentRun>('bayegan.segmentRun');

export function recordSegmentRun(run: SegmentRun): void {
  registered.set(run);
}

/** The segment plan of this build: undefined in a whole build, an error if the pages never made it. */
export function segmentRun(): SegmentRun | undefined {
  if (!segmentSettings()) return undefined;
  const run = registered.get();
  if (!run) throw new Error('A segment build ended without a segment plan: no article route asked for one.');
  return run;
}
