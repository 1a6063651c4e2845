// `npm run build`: builds the site into a staging folder and swaps it into the output folder only
// when the whole build succeeded, so a failed build never leaves a half-written site behind (the
// previous complete build, if any, stays in place).
//
// The staging folder lives inside the project (under node_modules/.cache): Astro runs the
// prerender chunks it writes there, and they must resolve the project's packages even when
// BAYEGAN_OUT_DIR points outside the project.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMemoryLimit } from '../src/lib/build-memory.ts';
import { collectionFolder } from '../src/lib/content/content-dir.ts';
import { gitOutput } from '../src/lib/content/git-blobs.ts';
import { BUILD_NOW_ENV } from '../src/lib/content/publication.ts';
import { MANIFEST_FILE } from '../src/lib/incremental/page-plan.ts';
import { SEGMENT_MANIFEST, segmentName } from '../src/lib/segments.ts';
import { searchJobFile } from '../src/build/build-folders.ts';
import { addToManifest } from '../src/build/incremental.ts';
import { runDeferredSearch, SEARCH_JOB_ENV } from '../src/build/search-index.ts';
import { SEGMENT_ENV, type SegmentSettings } from '../src/lib/segment-registry.ts';
import { buildGcFlags, nativeAllocatorEnv, runAstro, supportedNodeFlags } from './astro-cli.ts';
import { holdsArticles } from './lib/content-files.ts';
import { outputReused, planOption, planSegments, reuseOption, segmentOption } from './lib/segment-builds.ts';
import {
  clearStoppedBuilds,
  pendingManifest,
  putSiteInPlace,
  recycledDir,
  recycledManifest,
  removeInBackground,
  siteFolders,
  takeSiteLock,
} from './lib/site-swap.ts';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');

const { plan: planCount, rest: afterPlan } = planOption(process.argv.slice(2));
const { reuse: reuseFile, rest: afterReuse } = reuseOption(afterPlan);
const { segment, rest: givenArgs } = segmentOption(afterReuse);
if (planCount && segment) {
  console.error('--plan plans the segments of a build; --segment builds one of them: give one or the other.');
  process.exit(1);
}
if (reuseFile && !segment) {
  console.error("--reuse goes with --segment K/N: it keeps that segment's output when the plan reuses it.");
  process.exit(1);
}
const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || (segment ? `dist-segment-${segmentName(segment)}` : 'dist'));
if (segment && (outDir === path.resolve('dist') || outDir === path.join(projectRoot, 'dist'))) {
  console.error(
    `--segment builds a part of the site: it never writes into dist/. Leave BAYEGAN_OUT_DIR unset (dist-segment-${segmentName(segment)}/) or name another folder.`,
  );
  process.exit(1);
}
if ((segment || planCount) && !process.env[BUILD_NOW_ENV]) {
  console.error(
    `${planCount ? '--plan' : '--segment'} needs ${BUILD_NOW_ENV}: every segment of one site must build on the same "now" (the day in the header, the scheduled stories). Set it once for all segments, e.g. ${BUILD_NOW_ENV}=$(date -u +%Y-%m-%dT%H:%M:%SZ).`,
  );
  process.exit(1);
}
// The memory limit is read by the build's steps inside Astro: a mistake in it is named before they start.
try {
  buildMemoryLimit();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Each segment keeps a build cache of its own (content store, bodies, search shards, manifest): the
// next build of the same segment is incremental, and segments never clean each other's files away.
const cacheDir = path.resolve(
  process.env.BAYEGAN_CACHE_DIR ||
    path.join(projectRoot, segment ? `node_modules/.astro-segment-${segmentName(segment)}` : 'node_modules/.astro'),
);
const folders = siteFolders(projectRoot, outDir, path.join(cacheDir, MANIFEST_FILE));
const { stagingDir, shownOutDir } = folders;

/**
 * From this many articles, Astro's process gets a 64 MB semi-space (young generation; below it
 * 16 MB) and the allocators' settings that spare memory (`nativeAllocatorEnv`, ./astro-cli.ts); the
 * jobs of a segmented build get a 16 MB one again, with the garbage-collector flags that spare
 * memory (`buildGcFlags`). A small archive's builds, mostly starting up, need none of them.
 * Left to itself, V8 sizes the young generation from the old generation's limit, which
 * `buildNodeOptions` raises to 60% of the machine's memory: 64 MB here too. Measured on the 2-core
 * machine, 2 December 2026, interleaved runs of 16 MB against 64 MB:
 * - the sample site (16 articles): 5.3–6.0 s against 5.7–8.2 s a build (four pairs), 0.1 GB less memory;
 * - 1,000 articles, cold: 20.6–21.1 s against 21.9–24.0 s (three pairs);
 * - 10,000 articles, cold: 2:18.3–3:45.5 against 2:08.9–3:33.9, page generation 36.4–54.9 s against
 *   31.6–57.0 s (three pairs, a slow and uneven hour: no clear winner), peak 0.2–0.4 GB lower with 16;
 *   warm and one-story builds alike with both.
 * An earlier version's page generation gained about 6% from 64 MB at 1,000 articles; today the
 * larger size only costs a small archive's builds. It stays for large ones, where page generation
 * renders tens of thousands of pages and was not shown to lose. 128 MB was no better for a story at
 * 100,000 articles, where a profile counted 9 s of a minute in garbage collection: 52.9–60.4 s
 * (median 56.7 s) against 54.2–67.0 s (57.6 s) with 64 MB, four interleaved edited-body builds each
 * (2 December 2026, 22:53–23:01), and 0.36 GB more at the peak.
 */
const LARGE_ARCHIVE_ARTICLES = 5_000;

/**
 * Heap settings for Astro's process, unless the newsroom set its own in NODE_OPTIONS:
 * - the young generation's size by the archive's (above): a large archive's cold build generates
 *   pages that allocate many short-lived strings. Not in a segmented build's jobs, where the
 *   runner's memory is the limit: each page thread's young generation (two semi-spaces and a
 *   little, 134 MB with 64 MB ones) stays resident through page generation. At a million articles
 *   segment 3 of 64 peaked at 2.12–2.16 GB with 16 MB against 2.43–2.49 GB with 64, its pages
 *   taking 1:15–1:24 against 1:06–1:08 (two runs each, 5 December 2026, docs/operations.md). With
 *   the allocators' settings too, 3 of 16 peaked at 2.90–2.97 GB and took 6:34.8 and 7:10.0, against
 *   3.13–3.14 GB and 6:44.1 and 7:31.1 with 64 MB (interleaved): the smaller size costs no time;
 * - an old generation sized to the machine (60% of its memory) instead of V8's ~4 GB default, which
 *   a 30,000-article archive outgrows.
 */
function buildNodeOptions(own: string, largeArchive: boolean, segmentedJob: boolean): string {
  const options = [own];
  if (!own.includes('--max-semi-space-size')) {
    options.push(`--max-semi-space-size=${largeArchive && !segmentedJob ? 64 : 16}`);
  }
  if (!own.includes('--max-old-space-size')) {
    options.push(`--max-old-space-size=${Math.max(4096, Math.floor((os.totalmem() / 1024 ** 2) * 0.6))}`);
  }
  return options.join(' ').trim();
}

/**
 * A digest of everything besides the content that shapes the pages: the code (src/), the
 * configuration, the dependencies' lock file, the site settings, and the options of this build.
 * When it changes, an incremental build renders every page.
 */
function codeDigest(args: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (file: string) => {
    if (!existsSync(file)) return;
    hash
      .update(`${path.relative(projectRoot, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else add(file);
    }
  };
  walk(path.join(projectRoot, 'src'));
  for (const file of ['astro.config.mjs', 'package-lock.json', 'tsconfig.json']) add(path.join(projectRoot, file));
  if (process.env.BAYEGAN_SITE_CONFIG) add(path.resolve(process.env.BAYEGAN_SITE_CONFIG));
  hash.update(JSON.stringify({ args, siteConfig: process.env.BAYEGAN_SITE_CONFIG ?? '' }));
  return hash.digest('base64url');
}

// `npm run build` is the production build whatever NODE_ENV the machine has (a test runner or a
// CI image may set "test" or "development", which would make Astro build in another mode).
const largeArchive = holdsArticles(collectionFolder('articles'), LARGE_ARCHIVE_ARTICLES);
// A segmented build's jobs spare memory: a smaller young generation and V8's flags (which
// NODE_OPTIONS refuses). Which of the flags this Node knows is asked only when Astro is started (a
// reused segment starts none). Every build of a large archive gets the allocators' settings.
const segmentedJob = largeArchive && (segment !== undefined || planCount !== undefined);
const nodeOptions = buildNodeOptions(process.env.NODE_OPTIONS ?? '', largeArchive, segmentedJob);
const gcFlags = buildGcFlags(segmentedJob);
const allocatorEnv = nativeAllocatorEnv(largeArchive);
const fullBuild = givenArgs.includes('--full') || process.env.BAYEGAN_FULL_BUILD === '1';
// Without `--segment`: a segment's pages get the fingerprints a whole build gives them, so that the
// merged segments' manifests describe the merged site as a whole build's would.
const astroArgs = givenArgs.filter((arg) => arg !== '--full');
const { manifestFile } = folders;
const settingsDigest = codeDigest(astroArgs);

// A plan touches no site: it needs no site lock.
if (planCount) {
  process.exit(
    planSegments(planCount, {
      projectRoot,
      cacheDir,
      manifestFile,
      astroArgs,
      nodeOptions,
      gcFlags,
      allocatorEnv,
      codeDigest: settingsDigest,
    }),
  );
}
if (segment && reuseFile && outputReused(segment, reuseFile, outDir, shownOutDir)) process.exit(0);

await takeSiteLock(folders);
clearStoppedBuilds(folders);
const pending = pendingManifest(folders);
rmSync(pending, { force: true });
if (fullBuild) rmSync(manifestFile, { force: true });
const segmentSettings: SegmentSettings | undefined = segment && {
  ...segment,
  commit: commitOf(projectRoot),
  settings: settingsDigest,
  now: process.env[BUILD_NOW_ENV]!,
};
// A large cold build indexes search after Astro has exited, when more shards fit in memory side by
// side (src/build/search-index.ts).
const searchJob = searchJobFile(stagingDir);
rmSync(searchJob, { force: true });
const status = runAstro(
  ['build', '--outDir', stagingDir, ...astroArgs],
  {
    NODE_ENV: 'production',
    NODE_OPTIONS: nodeOptions,
    ...allocatorEnv,
    // A segment's own cache (above); a whole build leaves Astro's setting as it is.
    ...(segment ? { BAYEGAN_CACHE_DIR: cacheDir } : {}),
    // Pages whose inputs did not change are carried over from the site in place (src/lib/incremental/).
    BAYEGAN_INCREMENTAL: JSON.stringify({
      manifestFile,
      pendingManifestFile: pending,
      previousSite: outDir,
      codeDigest: settingsDigest,
      recycledSite: recycledDir(folders),
      recycledManifestFile: recycledManifest(folders),
    }),
    // Only the files this segment owns (src/lib/segments.ts, src/build/segment.ts).
    ...(segmentSettings ? { [SEGMENT_ENV]: JSON.stringify(segmentSettings) } : {}),
    [SEARCH_JOB_ENV]: searchJob,
  },
  supportedNodeFlags(gcFlags),
);
if (status !== 0) failed(status);
if (existsSync(searchJob)) {
  console.log('[bayegan:pagefind] Indexing the shards left until Astro had exited…');
  try {
    const { placed, derived, message } = await runDeferredSearch(searchJob);
    addToManifest(pending, placed, derived);
    console.log(`[bayegan:pagefind] ${message}`);
  } catch (error) {
    console.error(error);
    failed(1);
  }
}
// A segment carries its manifest to the merge, which joins the segments' into the whole site's.
if (segment && existsSync(pending)) {
  const carried = path.join(stagingDir, SEGMENT_MANIFEST);
  mkdirSync(path.dirname(carried), { recursive: true });
  writeFileSync(`${carried}.${process.pid}.placing`, readFileSync(pending));
  renameSync(`${carried}.${process.pid}.placing`, carried);
}
putSiteInPlace(folders);
console.log(`Site written to ${shownOutDir}/`);

/** Ends a build that failed: the site in place stays, and nothing of this build is kept. */
function failed(status: number): never {
  // It may hold the recycled site by now: a whole site, deleted without making anyone wait.
  removeInBackground(folders, stagingDir);
  rmSync(pending, { force: true });
  rmSync(searchJob, { force: true });
  console.error(
    `\nBuild failed: nothing was written to ${shownOutDir}/. Fix the problem named above and run the build again.`,
  );
  process.exit(status);
}

/**
 * The commit the build runs from: the CI's own variable (GitHub Actions, GitLab CI) or git's, so
 * that the merge can refuse segments of different commits. Empty outside a git checkout.
 */
function commitOf(root: string): string {
  const fromCi = process.env.GITHUB_SHA || process.env.CI_COMMIT_SHA;
  if (fromCi) return fromCi;
  return gitOutput(root, ['rev-parse', 'HEAD'])?.trim() ?? '';
}
