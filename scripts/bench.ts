/**
 * `npm run bench -- <N> [--seed S] [--corpus <dir>] [--skip-cold | --cold-only]`
 *
 * Builds a synthetic archive of N articles (scripts/corpus.ts, written once and reused) with the
 * real `npm run build`: cold (no cache), warm (cache kept, nothing changed), then after each change
 * a newsroom makes all day: one new story, its body edited, its title edited, one approved comment.
 * For each build it prints the time and the peak memory (resident memory of the whole process tree:
 * Node and Pagefind) of every step — content sync, bundling, page generation, search indexing —
 * the files of the site added, changed and removed by content (what a CDN upload and purge costs),
 * plus pages per second, output and index size. It prints figures; it asserts nothing. Linux only
 * (memory is read from /proc). The corpus is left as it was found.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { collectionFolder, CONTENT_DIR_ENV, listDataEntryIds } from '../src/lib/content/content-dir.ts';
import { commentRelativePath } from '../src/lib/content/content-layout.ts';
import { gigabytes } from '../src/lib/build-memory.ts';
import { searchIndexPath, siteFolder } from '../src/lib/paths.ts';
import { benchIndex, benchSegments } from './bench-segments.ts';
import { writeCorpus } from './corpus.ts';
import { CATEGORIES } from './corpus/words.ts';
import { yamlQuote } from './lib/frontmatter.ts';
import { buildWorkDir, OLD_SITE_PREFIX } from '../src/build/build-folders.ts';
import { countByKind, diffSnapshots, FILE_KINDS, snapshotSite, type SiteSnapshot } from './lib/site-diff.ts';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const benchRoot = path.join(projectRoot, 'node_modules/.cache/bayegan-bench');

export const USAGE = `Usage: npm run bench -- <N> [options]

Builds an archive of N synthetic articles cold, warm, after adding one article, editing its body,
editing its title and approving one comment, and prints the time and peak memory of each build step
and how many files of the site each build added, changed and removed.

  <N>               how many articles (e.g. 1000, 10000, 100000)
  --seed <S>        the corpus seed (default 1)
  --corpus <dir>    where the corpus is kept (default: node_modules/.cache/bayegan-bench/corpus-<N>-<S>)
  --skip-cold       keep the cache of an earlier run: only the warm builds
  --cold-only       only the cold build (its figures, what a change of the shard layout costs)
  --segments <S>    instead: build it as S segments one after another (npm run build -- --segment K/S),
                    cold, merge them, then add one story and build and merge them again; print each
                    segment's time and peak memory and the merge's (scripts/bench-segments.ts)
  --whole           with --segments: also build it whole, cold, and compare the merged site with it
  --skip-story      with --segments: leave out the second round (one story added, built and merged)
  --index-only      instead: a corpus of frontmatter alone (npm run corpus -- --frontmatter-only), and
                    the time and peak memory of its content sync, what every segment reads
  -h, --help        show this message`;

/** The steps of a build, each started by a line Astro or our integration prints. */
const STEPS = [
  { id: 'startup', label: 'start-up (config, Node checks)', starts: /^$ never/ },
  { id: 'sync', label: 'content sync', starts: /\[content\] Syncing content/ },
  { id: 'bundle', label: 'bundling (types, vite)', starts: /\[content\] Synced content/ },
  { id: 'pages', label: 'page generation', starts: /generating static routes/ },
  { id: 'carry', label: 'carrying unchanged pages', starts: /\[bayegan:incremental\] Carrying/ },
  { id: 'links', label: 'short links', starts: /\[bayegan:incremental\] Rendered/ },
  { id: 'search', label: 'search indexing', starts: /\[bayegan:pagefind\] Indexing/ },
  { id: 'finish', label: 'moving into place', starts: /\[build\] \d+ page\(s\) built in|after Astro had exited\)$/ },
] as const;

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number) {
  const children: Map<number, number[]> = new Map();
  const rss: Map<number, number> = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface StepFigures {
  seconds: number;
  peakBytes: number;
}

export interface BuildFigures {
  wallSeconds: number;
  peakBytes: number;
  steps: Record<string, StepFigures>;
  /** pages Astro reported */
  pages: number;
  /** unchanged pages carried over from the previous build */
  carried: number;
  /** articles the search index was rebuilt for */
  indexedAnew: number | undefined;
  /**
   * files of the site added, changed and removed against the build before; `others` leaves out the
   * changed story's own page and short link
   */
  files?: { added: number; changed: number; removed: number; others: number; byKind: Record<string, number> };
}

/** A fixed "now", after the corpus's last date, so every run publishes the same articles. */
export const BENCH_NOW = '2026-12-01T00:00:00+03:30';

/** Runs `scripts/build.ts` (with `args`, e.g. `--segment 2/4`) on the corpus and measures it. */
export function measuredBuild({
  contentDir,
  outDir,
  cacheDir,
  log,
  args = [],
  env = {},
}: {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  log: string;
  args?: string[];
  /** More of the build's environment (BAYEGAN_PLAN_FILE). */
  env?: Record<string, string>;
}): Promise<BuildFigures> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        [CONTENT_DIR_ENV]: contentDir,
        BAYEGAN_OUT_DIR: outDir,
        BAYEGAN_CACHE_DIR: cacheDir,
        BAYEGAN_SITE_CONFIG: '',
        BAYEGAN_NOW: BENCH_NOW,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const steps: Record<string, StepFigures> = { startup: { seconds: 0, peakBytes: 0 } };
    let current: string | undefined = 'startup';
    let stepStarted = started;
    let peakBytes = 0;
    let pages = 0;
    let carried = 0;
    let indexedAnew: number | undefined;
    let output = '';
    // A step may come back (search indexing, when a large build finishes it after Astro has exited):
    // its times add up.
    const enter = (id: string) => {
      const now = performance.now();
      if (current) {
        const step = steps[current] ?? { seconds: 0, peakBytes: 0 };
        steps[current] = { seconds: step.seconds + (now - stepStarted) / 1000, peakBytes: step.peakBytes };
      }
      current = id;
      stepStarted = now;
      steps[id] ??= { seconds: 0, peakBytes: 0 };
    };
    const sample = setInterval(() => {
      const bytes = treeRss(child.pid as number);
      peakBytes = Math.max(peakBytes, bytes);
      const step = current === undefined ? undefined : steps[current];
      if (step) step.peakBytes = Math.max(step.peakBytes, bytes);
    }, 200);
    let pending = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const step = STEPS.find((s) => s.starts.test(line));
        if (step && step.id !== current) enter(step.id);
        const built = /\[build\] (\d+) page\(s\) built in/.exec(line);
        if (built) pages = Number(built[1]);
        const carriedOver = /carried (\d+) unchanged pages/.exec(line);
        if (carriedOver) carried = Number(carriedOver[1]);
        const anew = /, (\d+) articles indexed anew/.exec(line);
        if (anew) indexedAnew = Number(anew[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sample);
      enter('done');
      delete steps['done'];
      writeFileSync(log, output);
      if (status !== 0) reject(new Error(`the build failed (exit ${status}); its output is in ${log}`));
      else
        resolve({ wallSeconds: (performance.now() - started) / 1000, peakBytes, steps, pages, carried, indexedAnew });
    });
  });
}

/**
 * Waits until the sites that earlier builds replaced are deleted. A build deletes the site it
 * replaces in the background (tens of thousands of files); a newsroom's next story comes minutes
 * later, when that is long done, but the benchmark's builds follow one another at once and the
 * deletion would compete with the next build for the disk. The wait is printed, not hidden.
 */
export async function oldSitesDeleted() {
  const started = performance.now();
  const pending = () => readdirSync(buildWorkDir(projectRoot)).some((name) => name.startsWith(OLD_SITE_PREFIX));
  if (!existsSync(buildWorkDir(projectRoot)) || !pending()) return;
  while (pending()) await new Promise((resolve) => setTimeout(resolve, 200));
  console.log(`  (waited ${secs((performance.now() - started) / 1000)} for the replaced site to be deleted)`);
}

/** Total size in bytes and number of files under a folder. */
function folderSize(folder: string) {
  let bytes = 0;
  let files = 0;
  if (!existsSync(folder)) return { bytes, files };
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
/** `12.3 s` under a minute, `2:05.3` from one on; rounded to tenths first, so 119.96 s is `2:00.0`, never `1:60.0`. */
export function secs(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  return `${Math.floor(tenths / 600)}:${((tenths % 600) / 10).toFixed(1).padStart(4, '0')}`;
}

/**
 * Prints one build's figures as soon as it ends (a long benchmark may be stopped early), then
 * passes them on for the final table.
 */
export function reported(run: BuildFigures) {
  const steps = STEPS.filter((step) => run.steps[step.id])
    .map(
      (step) =>
        `${step.id} ${secs(run.steps[step.id]?.seconds ?? 0)} (${gigabytes(run.steps[step.id]?.peakBytes ?? 0)})`,
    )
    .join(', ');
  const files = run.files
    ? `; files +${run.files.added} ~${run.files.changed} -${run.files.removed} (${run.files.others} besides the story's own)`
    : '';
  console.log(
    `  ${secs(run.wallSeconds)}, peak ${gigabytes(run.peakBytes)}, ${run.pages} pages rendered, ${run.carried} carried over: ${steps}${files}`,
  );
  return run;
}

const EXTRA_TITLE = 'خبر تازه برای سنجش بازسازی';

/** The reporter of the benchmark's extra article: the corpus's first, by id. */
export const extraReporter = (contentDir: string) =>
  [...listDataEntryIds(collectionFolder('authors', contentDir))].sort()[0] ?? '';

/**
 * The tags of the benchmark's extra article: its section's first subject and first tag, which
 * hundreds of the corpus's stories carry (a tag of its own would hide what a story costs the lists
 * of the tags it joins).
 */
const economy = CATEGORIES.find((category) => category.slug === 'economy')!;
const EXTRA_TAGS = [economy.subjects[0]!.tag, economy.tags[0]!];

/** One article, dated after the corpus, written the way `npm run new` would. */
export function extraArticle(id: number, reporter: string) {
  return `---
id: ${id}
title: '${EXTRA_TITLE}'
lead: 'یک خبر تازه که پس از ساخت کامل بایگانی افزوده می‌شود.'
date: 1405/09/05 10:00
category: economy
authors: ['${reporter}']
tags: [${EXTRA_TAGS.map(yamlQuote).join(', ')}]
---

متن خبر تازه، برای اندازه‌گیری زمان بازسازی پس از افزودن یک خبر.
`;
}

/** What a reporter adds to the story once it is out: a line of news at the end of its body. */
const EXTRA_UPDATE = '\nبه‌روزرسانی: جزئیات تازه‌ای از این خبر رسید.\n';

/** The benchmark's extra article with its update; `retitled`, its title edited too. */
export function updatedExtraArticle(id: number, reporter: string, retitled = false) {
  const article = extraArticle(id, reporter);
  return `${retitled ? article.replace(EXTRA_TITLE, `${EXTRA_TITLE} (به‌روز شد)`) : article}${EXTRA_UPDATE}`;
}

/** One approved comment on the new article, as `npm run import:comments` writes it. */
function extraCommentJson(id: number) {
  return `${JSON.stringify(
    {
      id: 'c-bench-1',
      article: id,
      name: 'خواننده',
      body: 'ممنون از گزارش سریع‌تان.',
      submittedAt: '2026-11-26T12:00:00+03:30',
    },
    null,
    2,
  )}\n`;
}

export async function main(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string', default: '1' },
        corpus: { type: 'string' },
        'skip-cold': { type: 'boolean', default: false },
        'cold-only': { type: 'boolean', default: false },
        segments: { type: 'string' },
        whole: { type: 'boolean', default: false },
        'skip-story': { type: 'boolean', default: false },
        'index-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const count = Number(positionals[0]);
  const seed = Number(values.seed);
  if (positionals.length !== 1 || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
    console.error(`bench: give the number of articles as one whole number, e.g. npm run bench -- 1000\n\n${USAGE}`);
    return 1;
  }

  const indexOnly = values['index-only'];
  const contentDir = path.resolve(
    values.corpus ?? path.join(benchRoot, `corpus-${count}-${seed}${indexOnly ? '-frontmatter' : ''}`),
  );
  const outDir = path.join(benchRoot, `dist-${count}`);
  const cacheDir = path.join(benchRoot, `cache-${count}`);
  mkdirSync(benchRoot, { recursive: true });
  const marker = path.join(contentDir, '.bench-corpus');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${count} ${seed}`) {
    const started = performance.now();
    rmSync(contentDir, { recursive: true, force: true });
    writeCorpus({ dir: contentDir, count, seed, force: true, frontmatterOnly: indexOnly });
    writeFileSync(marker, `${count} ${seed}`);
    console.log(
      `Wrote a corpus of ${count} articles to ${contentDir} in ${secs((performance.now() - started) / 1000)}.`,
    );
  }
  if (indexOnly) {
    await benchIndex({ count, contentDir, benchRoot });
    return 0;
  }
  if (values.segments !== undefined) {
    const segments = Number(values.segments);
    if (!Number.isSafeInteger(segments) || segments < 1) {
      console.error(`bench: --segments takes a whole number of segments, e.g. --segments 4\n\n${USAGE}`);
      return 1;
    }
    await benchSegments({
      count,
      segments,
      whole: values.whole,
      skipStory: values['skip-story'],
      contentDir,
      benchRoot,
    });
    return 0;
  }
  const extra = path.join(collectionFolder('articles', contentDir), 'bench-extra.md');
  const extraId = count + 1;
  const extraComment = path.join(contentDir, ...commentRelativePath(extraId, 'c-bench-1').split('/'));
  const cleanUp = () => {
    rmSync(extra, { force: true });
    rmSync(path.dirname(extraComment), { recursive: true, force: true });
  };
  cleanUp();

  const runs: [string, BuildFigures][] = [];
  const log = (name: string) => path.join(benchRoot, `build-${count}-${name}.log`);
  let snapshot: SiteSnapshot | undefined = values['skip-cold'] && existsSync(outDir) ? snapshotSite(outDir) : undefined;
  const build = async (name: string, logName: string) => {
    await oldSitesDeleted();
    console.log(`${name}…`);
    const run = await measuredBuild({ contentDir, outDir, cacheDir, log: log(logName) });
    const next = snapshotSite(outDir, snapshot);
    if (snapshot) {
      const { added, changed, removed } = diffSnapshots(snapshot, next);
      const touched = [...added, ...changed, ...removed];
      const own = new RegExp(`^(news|n)/${extraId}/`);
      run.files = {
        added: added.length,
        changed: changed.length,
        removed: removed.length,
        others: touched.filter((name) => !own.test(name)).length,
        byKind: countByKind(touched),
      };
    }
    snapshot = next;
    runs.push([name, reported(run)]);
  };
  if (!values['skip-cold']) {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    await build('cold', 'cold');
  }
  /** The warm build, then a newsroom's day: one story, its body and title edited, one comment. */
  async function newsroomDay() {
    await build('warm', 'warm');
    const reporter = extraReporter(contentDir);
    try {
      writeFileSync(extra, extraArticle(extraId, reporter));
      await build('+1 article', 'plus-one');
      writeFileSync(extra, updatedExtraArticle(extraId, reporter));
      await build('edited body', 'edited-body');
      writeFileSync(extra, updatedExtraArticle(extraId, reporter, true));
      await build('edited title', 'edited-title');
      mkdirSync(path.dirname(extraComment), { recursive: true });
      writeFileSync(extraComment, extraCommentJson(extraId));
      await build('+1 comment', 'plus-comment');
    } finally {
      cleanUp();
    }
  }
  if (!values['cold-only']) await newsroomDay();

  const output = folderSize(outDir);
  const index = folderSize(path.join(outDir, siteFolder(searchIndexPath(''))));
  const corpus = folderSize(contentDir);
  const cpus = os.cpus();
  console.log(
    `\nBayegan build benchmark: ${count.toLocaleString('en')} articles (seed ${seed}), Node ${process.version}, ` +
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${gigabytes(os.totalmem())} RAM`,
  );
  const header = ['', ...runs.map(([name]) => name)];
  const rows: string[][] = [];
  for (const step of STEPS) {
    const figures = runs.map(([, run]) => run.steps[step.id]);
    rows.push([step.label, ...figures.map((f) => (f ? secs(f.seconds) : '—'))]);
    rows.push([`  peak memory`, ...figures.map((f) => (f ? gigabytes(f.peakBytes) : '—'))]);
  }
  rows.push(['total wall time', ...runs.map(([, run]) => secs(run.wallSeconds))]);
  rows.push(['peak memory', ...runs.map(([, run]) => gigabytes(run.peakBytes))]);
  rows.push(['pages rendered', ...runs.map(([, run]) => String(run.pages))]);
  rows.push(['pages carried over', ...runs.map(([, run]) => String(run.carried))]);
  rows.push(['articles indexed anew', ...runs.map(([, run]) => String(run.indexedAnew ?? '—'))]);
  const files = (show: (f: NonNullable<BuildFigures['files']>) => string) =>
    runs.map(([, run]) => (run.files ? show(run.files) : '—'));
  rows.push(['files added / changed / removed', ...files((f) => `${f.added} / ${f.changed} / ${f.removed}`)]);
  rows.push(["  besides the story's page and short link", ...files((f) => String(f.others))]);
  for (const [kind] of FILE_KINDS) rows.push([`  ${kind}`, ...files((f) => String(f.byKind[kind] ?? 0))]);
  rows.push([
    'pages per second (generation)',
    ...runs.map(([, run]) => (run.steps['pages'] ? (run.pages / run.steps['pages'].seconds).toFixed(0) : '—')),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('   ');
  console.log(format(header));
  for (const row of rows) console.log(format(row));
  console.log(
    `\ncorpus ${mib(corpus.bytes)} in ${corpus.files} files; output ${mib(output.bytes)} in ${output.files} files; ` +
      `search index ${mib(index.bytes)} in ${index.files} files. Build logs: ${benchRoot}/build-${count}-*.log`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
