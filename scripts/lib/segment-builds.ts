/**
 * The options of `npm run build` (scripts/build.ts) for segmented builds, and what `--plan` and
 * `--reuse` do before a segment would be built (docs/architecture.md, «Segmented builds»):
 * - `--segment K/N` builds segment K of N (src/lib/segments.ts);
 * - `--plan N` writes the plan of which segments a change touches (src/lib/segment-reuse.ts);
 * - `--segment K/N --reuse <plan file>` keeps the segment's output in place when the plan reuses it.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildWorkDir, STAGING_PREFIX } from '../../src/build/build-folders.ts';
import type { SegmentStamp } from '../../src/lib/segment-merge.ts';
import type { PlanSettings } from '../../src/lib/segment-registry.ts';
import {
  MERGED_SEGMENTS_FILE,
  REUSE_FORMAT,
  REUSE_PLAN_FILE,
  stampDigest,
  type SegmentReusePlan,
} from '../../src/lib/segment-reuse.ts';
import { parseSegment, SEGMENT_STAMP, type SegmentChoice } from '../../src/lib/segments.ts';
import { runAstro, supportedNodeFlags } from '../astro-cli.ts';

/**
 * The plan's own content cache, a folder of the merge's cache folder (where the plan reads the
 * merge's record): a CI job keeps it between runs so that the plan reads only changed files.
 */
export const PLAN_CACHE_FOLDER = 'segment-plan';

/** What the plan's Astro run is given by the build script. */
export interface PlanBuild {
  projectRoot: string;
  /** The build cache of the merge the plan compares with (its manifest and record). */
  cacheDir: string;
  manifestFile: string;
  /** Astro's own arguments, and Node's options, garbage-collector flags and allocators' settings for its process. */
  astroArgs: string[];
  nodeOptions: string;
  gcFlags: string[];
  allocatorEnv: Record<string, string>;
  /** The digest of the code, settings and options, as the segments take it. */
  codeDigest: string;
}

/**
 * `--segment K/N` (or `--segment=K/N`): build only segment K of N (src/lib/segments.ts) into a
 * folder of its own, never into the site's. Undefined for a whole build.
 */
export function segmentOption(args: readonly string[]): { segment: SegmentChoice | undefined; rest: string[] } {
  const { value, rest } = optionValue(args, '--segment');
  if (value === undefined) return { segment: undefined, rest };
  try {
    return { segment: parseSegment(value), rest };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * The value of `--name value` or `--name=value` in `args` (undefined when the option is absent, ''
 * when it has no value), and the other arguments.
 */
function optionValue(args: readonly string[], name: string): { value: string | undefined; rest: string[] } {
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at === -1) return { value: undefined, rest: [...args] };
  const separate = args[at] === name;
  const value = (separate ? args[at + 1] : args[at]!.slice(name.length + 1)) ?? '';
  return { value, rest: args.filter((_, index) => index !== at && !(separate && index === at + 1)) };
}

/**
 * `--plan N` (or `--plan=N`): plan a build of N segments instead of building (src/lib/segment-reuse.ts):
 * which segments must be built, and which the last merge has as they would be built.
 */
export function planOption(args: readonly string[]): { plan: number | undefined; rest: string[] } {
  const { value, rest } = optionValue(args, '--plan');
  if (value === undefined) return { plan: undefined, rest };
  try {
    return { plan: parseSegment(`1/${value}`).count, rest };
  } catch {
    console.error(
      `--plan "${value}" is not a number of segments: for example --plan 4 plans a build of four segments.`,
    );
    process.exit(1);
  }
}

/** `--reuse <plan file>` (or `--reuse=<file>`): with `--segment`, keep the output in place when the plan reuses it. */
export function reuseOption(args: readonly string[]): { reuse: string | undefined; rest: string[] } {
  const { value, rest } = optionValue(args, '--reuse');
  if (value === '') {
    console.error('--reuse names the plan file of npm run build -- --plan N: for example --reuse segment-plan.json.');
    process.exit(1);
  }
  return { reuse: value, rest };
}

/**
 * `--plan N`: Astro reads the content and lists every page with its fingerprint, renders none
 * (src/build/segment-plan.ts), and the plan is written to BAYEGAN_PLAN_FILE (segment-plan.json).
 * It compares with the site the last `npm run merge` made with the same build cache
 * (BAYEGAN_CACHE_DIR), or, when that left no record, builds every segment without a fingerprint;
 * its own content cache is a folder in it. Nothing of the site is touched.
 */
export function planSegments(count: number, build: PlanBuild): number {
  const { projectRoot, cacheDir, manifestFile, astroArgs, nodeOptions, gcFlags, allocatorEnv, codeDigest } = build;
  const planFile = path.resolve(process.env.BAYEGAN_PLAN_FILE || REUSE_PLAN_FILE);
  const mergedFile = path.join(cacheDir, MERGED_SEGMENTS_FILE);
  // With nothing to compare with, every segment is built, but the plan still reads the content: its
  // index spares each of those segments, none of which has a cache of its own yet, reading every
  // article file (BAYEGAN_PLAN_INDEX), and its content cache makes the next plan's read incremental.
  const compare = existsSync(manifestFile) && existsSync(mergedFile);
  const workDir = path.join(buildWorkDir(projectRoot), `${STAGING_PREFIX}${process.pid}`);
  rmSync(workDir, { recursive: true, force: true });
  rmSync(planFile, { force: true });
  const status = runAstro(
    ['build', '--outDir', workDir, ...astroArgs],
    {
      NODE_ENV: 'production',
      NODE_OPTIONS: nodeOptions,
      ...allocatorEnv,
      BAYEGAN_CACHE_DIR: path.join(cacheDir, PLAN_CACHE_FOLDER),
      BAYEGAN_SEGMENT_PLAN: JSON.stringify({
        count,
        codeDigest,
        manifestFile,
        mergedFile,
        planFile,
        compare,
      } satisfies PlanSettings),
    },
    supportedNodeFlags(gcFlags),
  );
  rmSync(workDir, { recursive: true, force: true });
  if (status !== 0) console.error('\nPlan failed: no plan was written. Fix the problem named above and run it again.');
  return status === 0 && existsSync(planFile) ? 0 : (status ?? 1);
}

/**
 * `--segment K/N --reuse <plan file>`: whether the plan reuses segment K as the last merge had it and
 * the output in place is that one (its stamp's digest): then there is nothing to build. Otherwise
 * (another output in place, a restored cache of a later run, none) the segment is built as usual.
 */
export function outputReused(choice: SegmentChoice, planFile: string, outDir: string, shownOutDir: string): boolean {
  let plan: SegmentReusePlan;
  try {
    plan = JSON.parse(readFileSync(planFile, 'utf8')) as SegmentReusePlan;
  } catch (error) {
    console.error(
      `--reuse ${planFile}: cannot read the plan (${(error as Error).message}); make it with npm run build -- --plan N.`,
    );
    process.exit(1);
  }
  const name = `${choice.index}/${choice.count}`;
  if (plan.format !== REUSE_FORMAT || plan.count !== choice.count) {
    console.error(
      `--reuse ${planFile}: not a plan of ${choice.count} segments in this version's format; make it again with npm run build -- --plan ${choice.count}.`,
    );
    process.exit(1);
  }
  const wanted = plan.reuse[choice.index];
  if (wanted === undefined) {
    console.log(`Segment ${name}: the plan builds it (${plan.reasons[choice.index] ?? 'no reason given'}).`);
    return false;
  }
  let stamp: SegmentStamp | undefined;
  try {
    stamp = JSON.parse(readFileSync(path.join(outDir, SEGMENT_STAMP), 'utf8')) as SegmentStamp;
  } catch {
    stamp = undefined;
  }
  if (stamp && stampDigest(stamp) === wanted) {
    console.log(
      `Segment ${name}: nothing it owns changed since the last merge; its output in ${shownOutDir}/ is reused as it is (commit ${stamp.commit || '(none)'}).`,
    );
    return true;
  }
  console.log(
    `Segment ${name}: the plan reuses the output the last merge used, but ${shownOutDir}/ holds ${stamp ? 'another' : 'none'}: building it.`,
  );
  return false;
}
