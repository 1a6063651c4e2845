/**
 * `npm run bench -- <N> --segments <S> [--whole]`: the segmented mode of the build benchmark
 * (scripts/bench.ts). Runs the rounds of the segmented workflow (.github/workflows/build-segments.yml)
 * one job after another on this machine, as if on separate runners. The cold round is the
 * workflow's first run: the plan (`npm run build -- --plan S`), with no merged site to compare
 * with, builds every segment and reads the content for its index; each segment is built cold,
 * with its own output and cache, from that index (`npm run build -- --segment K/S`,
 * `BAYEGAN_PLAN_INDEX`); the merge puts them together (`npm run merge -- --plan`). Then one story
 * is added: the plan, with the content cache the first left, names the segments it touches, those
 * are built again with their caches, and the merge takes the others as they are; and the same
 * again for an update of the story: the round a newsroom meets each day. Prints each segment's
 * time, peak memory and steps, the plans', the merges' time and peak memory, and the pages each
 * built segment rendered in each round; and the first segment the story's plan built, built again
 * cold without the plan's index, as a runner with neither would. With `--whole` it also builds the
 * corpus whole, cold and again after each round, and compares the merged site with it each time,
 * file for file, byte for byte. Asserts nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gigabytes } from '../src/lib/build-memory.ts';
import { collectionFolder, CONTENT_DIR_ENV } from '../src/lib/content/content-dir.ts';
import { filesUnder } from '../src/lib/link-files.ts';
import { PLAN_INDEX_ENV } from '../src/lib/content/plan-index.ts';
import { describePlan, type SegmentReusePlan } from '../src/lib/segment-reuse.ts';
import { PLAN_CACHE_FOLDER } from './lib/segment-builds.ts';
import {
  extraArticle,
  extraReporter,
  measuredBuild,
  oldSitesDeleted,
  reported,
  secs,
  treeRss,
  updatedExtraArticle,
  type BuildFigures,
} from './bench.ts';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');

interface MergeFigures {
  seconds: number;
  peakBytes: number;
  output: string;
}

/** Runs `npm run merge` on the segment outputs and measures it. */
function measuredMerge(dirs: string[], outDir: string, cacheDir: string): Promise<MergeFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/merge.ts'), ...dirs], {
      cwd: projectRoot,
      env: { ...process.env, BAYEGAN_OUT_DIR: outDir, BAYEGAN_CACHE_DIR: cacheDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let peakBytes = 0;
    let output = '';
    const sample = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid as number))), 200);
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sample);
      if (status !== 0) reject(new Error(`the merge failed (exit ${status}):\n${output}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakBytes, output: output.trim() });
    });
  });
}

/** Files that differ between two sites, or that one lacks (at most `limit` named). */
function siteDifferences(a: string, b: string, limit = 10): { compared: number; differing: string[] } {
  const inA = filesUnder(a);
  const inB = new Set(filesUnder(b));
  const differing: string[] = [];
  for (const file of inA) {
    if (differing.length >= limit) break;
    if (!inB.delete(file)) differing.push(`${file} (only in ${a})`);
    else {
      const [x, y] = [path.join(a, file), path.join(b, file)];
      if (statSync(x).size !== statSync(y).size || !readFileSync(x).equals(readFileSync(y))) differing.push(file);
    }
  }
  for (const file of inB) if (differing.length < limit) differing.push(`${file} (only in ${b})`);
  return { compared: inA.length, differing };
}

export interface SegmentBenchOptions {
  count: number;
  segments: number;
  whole: boolean;
  /** Leave out the story's rounds (one story added, then updated: planned, built and merged). */
  skipStory: boolean;
  contentDir: string;
  benchRoot: string;
}

export async function benchSegments({ count, segments, whole, skipStory, contentDir, benchRoot }: SegmentBenchOptions) {
  const root = path.join(benchRoot, `segments-${count}-of-${segments}`);
  const dirOf = (index: number) => path.join(root, `dist-segment-${index}-of-${segments}`);
  const cacheOf = (index: number) => path.join(root, `cache-${index}`);
  const log = (name: string) => path.join(root, `${name}.log`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // The merge's cache: its record of the last merged site, and the plan's own content cache.
  const mergeCache = path.join(root, 'merge-cache');
  const planIndex = path.join(mergeCache, PLAN_CACHE_FOLDER);
  const planFile = path.join(root, 'segment-plan.json');
  const segmentBuild = async (index: number, name: string, env: Record<string, string> = {}) => {
    await oldSitesDeleted();
    console.log(`segment ${index}/${segments}, ${name}…`);
    const args = ['--segment', `${index}/${segments}`];
    return reported(
      await measuredBuild({
        contentDir,
        outDir: dirOf(index),
        cacheDir: cacheOf(index),
        log: log(`segment-${index}-${name}`),
        args,
        env,
      }),
    );
  };
  const runPlan = async (name: string, label: string) => {
    await oldSitesDeleted();
    console.log(`plan of ${segments} segments, ${label}…`);
    const figures = reported(
      await measuredBuild({
        contentDir,
        outDir: path.join(root, 'plan-dist'),
        cacheDir: mergeCache,
        log: log(`plan-${name}`),
        args: ['--plan', String(segments)],
        env: { BAYEGAN_PLAN_FILE: planFile },
      }),
    );
    const planned = JSON.parse(readFileSync(planFile, 'utf8')) as SegmentReusePlan;
    console.log(`  ${describePlan(planned)}`);
    return { figures, planned };
  };
  const merge = async (name: string) => {
    console.log(`merge, ${name}…`);
    const figures = await measuredMerge(
      ['--plan', planFile, ...Array.from({ length: segments }, (_, at) => dirOf(at + 1))],
      path.join(root, 'dist'),
      mergeCache,
    );
    console.log(`  ${secs(figures.seconds)}, peak ${gigabytes(figures.peakBytes)}: ${figures.output}`);
    return figures;
  };

  const coldPlan = await runPlan('cold', 'cold, no merged site to compare with');
  const cold: BuildFigures[] = [];
  for (let index = 1; index <= segments; index++) {
    cold.push(await segmentBuild(index, 'cold', { [PLAN_INDEX_ENV]: planIndex }));
  }
  const coldMerge = await merge('cold');

  /** Builds the corpus whole (cold the first time, then incrementally) and compares the merged site with it. */
  const wholeDir = path.join(root, 'whole-dist');
  const compareWithWhole = async (name: string) => {
    await oldSitesDeleted();
    console.log(`whole build, ${name}…`);
    const figures = reported(
      await measuredBuild({
        contentDir,
        outDir: wholeDir,
        cacheDir: path.join(root, 'whole-cache'),
        log: log(`whole-${name}`),
      }),
    );
    const started = performance.now();
    const { compared, differing } = siteDifferences(wholeDir, path.join(root, 'dist'));
    const comparison =
      `whole build (${name}) ${secs(figures.wallSeconds)}, peak ${gigabytes(figures.peakBytes)}; merged site against it: ${compared} files compared in ` +
      `${secs((performance.now() - started) / 1000)}, ${differing.length === 0 ? 'byte for byte the same' : `DIFFERENT: ${differing.join(', ')}`}`;
    console.log(`  ${comparison}`);
    return comparison;
  };
  const comparisons: string[] = [];
  if (whole) comparisons.push(await compareWithWhole('cold'));

  const extra = path.join(collectionFolder('articles', contentDir), 'bench-extra.md');
  const reporter = extraReporter(contentDir);
  /**
   * One change's round, as the workflow runs it: the plan, the segments it builds (the others are
   * reused as merged), the merge.
   */
  interface StoryRound {
    /** What the round's change is, in the summary. */
    label: string;
    /** Its column's heading in the table of segments. */
    head: string;
    plan: { figures: BuildFigures; planned: SegmentReusePlan };
    built: Map<number, BuildFigures>;
    merge: MergeFigures;
  }
  const rounds: StoryRound[] = [];
  const storyRound = async (name: string, label: string, head: string, article: string) => {
    writeFileSync(extra, article);
    const plan = await runPlan(name, label);
    const built = new Map<number, BuildFigures>();
    for (const index of plan.planned.build) built.set(index, await segmentBuild(index, name));
    rounds.push({ label, head, plan, built, merge: await merge(label) });
    if (whole) comparisons.push(await compareWithWhole(name));
  };
  /** A segment the story's plan built, built again cold without the plan's index, as a runner with neither. */
  let withoutIndex: { index: number; figures: BuildFigures } | undefined;
  if (!skipStory) {
    try {
      await storyRound('plus-one', 'after the story', '+1 story', extraArticle(count + 1, reporter));
      await storyRound('update', 'after its update', 'its update', updatedExtraArticle(count + 1, reporter));
      const index = rounds[0]!.plan.planned.build[0]!;
      await oldSitesDeleted();
      console.log(`segment ${index}/${segments}, cold without the plan's index…`);
      const figures = await measuredBuild({
        contentDir,
        outDir: path.join(root, 'dist-without-plan-index'),
        cacheDir: path.join(root, 'cache-without-plan-index'),
        log: log(`segment-${index}-without-plan-index`),
        args: ['--segment', `${index}/${segments}`],
      });
      withoutIndex = { index, figures: reported(figures) };
    } finally {
      rmSync(extra, { force: true });
    }
  }

  const cpus = os.cpus();
  console.log(
    `\nBayegan segmented build benchmark: ${count.toLocaleString('en')} articles as ${segments} segments built one after another, ` +
      `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${gigabytes(os.totalmem())} RAM`,
  );
  const step = (run: BuildFigures, id: string) => secs(run.steps[id]?.seconds ?? 0);
  console.log(
    'segment  cold: time  peak     sync     bundle   pages    search   pages rendered' +
      rounds.map(({ head }) => ` | ${`${head}: time`.padStart(16)}  pages`).join(''),
  );
  for (let at = 0; at < segments; at++) {
    const c = cold[at]!;
    const inRound = ({ built }: StoryRound) => {
      const s = built.get(at + 1);
      return ` | ${(s ? secs(s.wallSeconds) : 'reused').padStart(16)}  ${(s ? String(s.pages) : '—').padStart(5)}`;
    };
    console.log(
      `${String(at + 1).padStart(7)}  ${secs(c.wallSeconds).padStart(10)}  ${gigabytes(c.peakBytes).padStart(7)}  ` +
        `${['sync', 'bundle', 'pages', 'search'].map((id) => step(c, id).padStart(7)).join('  ')}  ${String(c.pages).padStart(14)}` +
        rounds.map(inRound).join(''),
    );
  }
  const slowest = Math.max(...cold.map((run) => run.wallSeconds));
  console.log(
    `plan, cold (no merged site: no page fingerprinted, the content read for its index): ${secs(coldPlan.figures.wallSeconds)}, ` +
      `peak ${gigabytes(coldPlan.figures.peakBytes)} (sync ${step(coldPlan.figures, 'sync')}); every segment built from its index; ` +
      `side by side: plan ${secs(coldPlan.figures.wallSeconds)} + slowest segment ${secs(slowest)} + merge ${secs(coldMerge.seconds)} = ` +
      secs(coldPlan.figures.wallSeconds + slowest + coldMerge.seconds),
  );
  for (const { label, plan, built, merge } of rounds) {
    const slowestBuilt = Math.max(0, ...[...built.values()].map((run) => run.wallSeconds));
    console.log(
      `plan ${label} (its content cache kept): ${secs(plan.figures.wallSeconds)}, peak ${gigabytes(plan.figures.peakBytes)} ` +
        `(sync ${step(plan.figures, 'sync')}, bundle ${step(plan.figures, 'bundle')}, fingerprints ${step(plan.figures, 'pages')}); ` +
        `built ${plan.planned.build.length} of ${segments} segments (${plan.planned.build.join(', ')}); side by side: ` +
        `plan ${secs(plan.figures.wallSeconds)} + slowest built segment ${secs(slowestBuilt)} + merge ${secs(merge.seconds)} = ` +
        secs(plan.figures.wallSeconds + slowestBuilt + merge.seconds),
    );
  }
  if (withoutIndex) {
    const { index, figures } = withoutIndex;
    const fromIndex = cold[index - 1]!;
    console.log(
      `segment ${index} cold without the plan's index: ${secs(figures.wallSeconds)}, peak ${gigabytes(figures.peakBytes)} ` +
        `(sync ${step(figures, 'sync')}); from it (the cold round) ${secs(fromIndex.wallSeconds)} (sync ${step(fromIndex, 'sync')})`,
    );
  }
  console.log(
    `merge: cold ${secs(coldMerge.seconds)} (peak ${gigabytes(coldMerge.peakBytes)})` +
      rounds
        .map(({ label, merge }) => `, ${label} ${secs(merge.seconds)} (peak ${gigabytes(merge.peakBytes)})`)
        .join(''),
  );
  for (const comparison of comparisons) console.log(comparison);
  console.log(`Logs: ${root}/*.log`);
  if (!existsSync(path.join(root, 'dist'))) throw new Error('no merged site');
}

/**
 * `npm run bench -- <N> --index-only`: what every segment reads whatever its share, measured on a
 * frontmatter-only corpus (`npm run corpus -- --frontmatter-only`): Astro's content sync of the whole
 * index (`astro sync`, with Bayegan's loaders), cold, its time and peak memory and the size of the
 * content store it leaves. Prints what it measured, or how it failed.
 */
export async function benchIndex({
  contentDir,
  benchRoot,
  count,
}: Pick<SegmentBenchOptions, 'count' | 'contentDir' | 'benchRoot'>) {
  const cacheDir = path.join(benchRoot, `index-cache-${count}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  console.log(`content sync of ${count.toLocaleString('en')} articles' frontmatter (astro sync), cold…`);
  const started = performance.now();
  const child = spawn(process.execPath, [astro, 'sync'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      [CONTENT_DIR_ENV]: contentDir,
      BAYEGAN_CACHE_DIR: cacheDir,
      BAYEGAN_SITE_CONFIG: '',
      NODE_OPTIONS: `--max-old-space-size=${Math.floor((os.totalmem() / 1024 ** 2) * 0.6)}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakBytes = 0;
  let output = '';
  const sample = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid as number))), 200);
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sample);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(path.join(benchRoot, `index-${count}.log`), output);
  const store = path.join(cacheDir, 'data-store.json');
  const storeSize = existsSync(store)
    ? `${(statSync(store).size / 1024 ** 2).toFixed(0)} MiB content store`
    : 'no content store';
  console.log(
    `\nContent sync of the index of ${count.toLocaleString('en')} articles: ${status === 0 ? 'done' : `FAILED (exit ${status})`} in ${secs(seconds)}, ` +
      `peak ${gigabytes(peakBytes)}, ${storeSize}. Log: ${benchRoot}/index-${count}.log`,
  );
  if (status !== 0)
    console.log(
      output
        .split('\n')
        .filter((line) => /error|Error/.test(line))
        .slice(0, 5)
        .join('\n'),
    );
}
