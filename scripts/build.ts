// `npm run build`: builds the site into a staging folder and swaps it into the output folder only
// when the whole build succeeded, so a failed build never leaves a half-written site behind (the
// previous complete build, if any, stays in place).
//
// The staging folder lives inside the project (under node_modules/.cache): Astro runs the
// prerender chunks it writes there, and they must resolve the project's packages even when
// BAYEGAN_OUT_DIR points outside the project.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGcFlags, runAstro, supportedNodeFlags } from './astro-cli.ts';
import { buildWorkDir, OLD_SITE_PREFIX, siteLockFile, STAGING_PREFIX } from '../src/build/build-folders.ts';
import { isRunning, takeFileLock } from '../src/build/file-lock.ts';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const outDir = path.resolve(process.env.BAYEGAN_OUT_DIR || 'dist');
const shownOutDir = path.relative(process.cwd(), outDir).startsWith('..')
  ? outDir
  : path.relative(process.cwd(), outDir);
const stagingDir = path.join(buildWorkDir(projectRoot), `${STAGING_PREFIX}${process.pid}`);
const previousDir = `${outDir}.previous`;
// The site the last build replaced: the next build brings it up to date instead of building a whole
// site again (src/lib/link-files.ts). Beside the output, so that it is on the same disk.
const recycledDir = `${outDir}.recycled`;
/** How many folders this build gave to the background deleter (each gets a name of its own). */
let removals = 0;

/**
 * Heap settings for Astro's process, unless the newsroom set its own in NODE_OPTIONS:
 * - a larger young generation: page generation allocates many short-lived strings, and the default
 *   16 MB semi-space makes V8 scavenge constantly (about 6% of the 1,000-article benchmark);
 * - an old generation sized to the machine (60% of its memory) instead of V8's ~4 GB default, which
 *   a 30,000-article archive outgrows.
 */
function buildNodeOptions(own: string): string {
  const options = [own];
  if (!own.includes('--max-semi-space-size')) options.push('--max-semi-space-size=64');
  if (!own.includes('--max-old-space-size')) {
    options.push(`--max-old-space-size=${Math.max(4096, Math.floor((os.totalmem() / 1024 ** 2) * 0.6))}`);
  }
  return options.join(' ').trim();
}

/**
 * One build of a site at a time: a second build of the same output folder waits, since both would
 * swap sites and manifests in and out of the same places. Builds of other sites (other archives,
 * a test run, a benchmark) go on side by side, one content sync and bundling at a time
 * (src/build/bundling-lock.ts). The lock is released when this process exits; a lock left by a
 * process that died is taken over.
 */
async function takeSiteLock() {
  const release = await takeFileLock(siteLockFile(projectRoot, outDir), {
    pollMs: 250,
    onWait: (holder) => console.log(`Waiting for another build of ${shownOutDir}/ to finish (process ${holder})…`),
  });
  process.on('exit', release);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      release();
      process.exit(130);
    });
  }
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

/** Moves a folder, copying when source and target are on different file systems. */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

mkdirSync(path.dirname(stagingDir), { recursive: true });
await takeSiteLock();
// What a build that was stopped (killed, machine stopped) left behind. Its half-built site goes
// (the staging folders of builds still running, of other sites, stay); an old site whose background
// deletion was cut short is deleted now; a site of this output folder moved aside for the swap
// below, with no new one in its place yet, is put back (no other build of it runs now).
for (const name of readdirSync(path.dirname(stagingDir))) {
  const builder = Number(name.slice(STAGING_PREFIX.length));
  if (name.startsWith(STAGING_PREFIX) && !isRunning(builder))
    removeInBackground(path.join(path.dirname(stagingDir), name));
  if (name.startsWith(OLD_SITE_PREFIX)) deleteDetached(path.join(path.dirname(stagingDir), name));
}
for (const aside of [recycledDir, previousDir]) {
  if (!existsSync(outDir) && existsSync(aside)) renameSync(aside, outDir);
}
// `npm run build` is the production build whatever NODE_ENV the machine has (a test runner or a
// CI image may set "test" or "development", which would make Astro build in another mode).
const nodeOptions = buildNodeOptions(process.env.NODE_OPTIONS ?? '');
const fullBuild = process.argv.includes('--full') || process.env.BAYEGAN_FULL_BUILD === '1';
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--full');
const cacheDir = path.resolve(process.env.BAYEGAN_CACHE_DIR || path.join(projectRoot, 'node_modules/.astro'));
const manifestFile = path.join(cacheDir, 'bayegan-pages.json');
// The manifest of the recycled site (the one before the site in place).
const recycledManifest = path.join(cacheDir, 'bayegan-pages.recycled.json');
// The build writes the manifest of its site here; it replaces the manifest once the site is in place.
const pendingManifest = `${manifestFile}.next`;
rmSync(pendingManifest, { force: true });
if (fullBuild) rmSync(manifestFile, { force: true });
const status = runAstro(
  ['build', '--outDir', stagingDir, ...astroArgs],
  {
    NODE_ENV: 'production',
    NODE_OPTIONS: nodeOptions,
    // Pages whose inputs did not change are carried over from the site in place (src/lib/incremental/).
    BAYEGAN_INCREMENTAL: JSON.stringify({
      manifestFile,
      pendingManifestFile: pendingManifest,
      previousSite: outDir,
      codeDigest: codeDigest(astroArgs),
      recycledSite: recycledDir,
      recycledManifestFile: recycledManifest,
    }),
  },
  supportedNodeFlags(buildGcFlags),
);
if (status !== 0) {
  // It may hold the recycled site by now: a whole site, deleted without making anyone wait.
  removeInBackground(stagingDir);
  rmSync(pendingManifest, { force: true });
  console.error(
    `\nBuild failed: nothing was written to ${shownOutDir}/. Fix the problem named above and run the build again.`,
  );
  process.exit(status);
}

// The swap. The site in place becomes the recycled one (unless it is on another disk than the new
// one), together with its manifest; a recycled site this build did not use is deleted. Stopped at
// any point, the next build finds a site in place (put back above) and a recycled site only with
// the manifest that describes it.
rmSync(recycledManifest, { force: true });
removeInBackground(recycledDir);
rmSync(previousDir, { recursive: true, force: true });
mkdirSync(path.dirname(outDir), { recursive: true });
const recycling = existsSync(outDir) && sameDisk(outDir, stagingDir);
if (existsSync(outDir)) renameSync(outDir, recycling ? recycledDir : previousDir);
move(stagingDir, outDir);
if (recycling && existsSync(manifestFile)) renameSync(manifestFile, recycledManifest);
if (existsSync(pendingManifest)) renameSync(pendingManifest, manifestFile);
removeInBackground(previousDir);
console.log(`Site written to ${shownOutDir}/`);

/** Whether two paths are on one file system (a rename between them moves no bytes). */
function sameDisk(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

/**
 * Deletes the previous site without making the newsroom wait for it: tens of thousands of files
 * take many seconds to delete (about 15 s for 10,000 articles). The folder is first moved out of
 * sight, into the build cache, when it is on the same disk; otherwise it is deleted here.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  const trash = path.join(path.dirname(stagingDir), `${OLD_SITE_PREFIX}${process.pid}-${++removals}`);
  try {
    renameSync(folder, trash);
  } catch {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  deleteDetached(trash);
}

/** Deletes a folder from a child process that outlives this one. */
function deleteDetached(trash: string): void {
  const child = spawn(
    process.execPath,
    ['-e', `require('node:fs').rmSync(${JSON.stringify(trash)}, { recursive: true, force: true })`],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
}
