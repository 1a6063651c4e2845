/**
 * How a finished site is put in place of the one before, never half-written, for `npm run build`
 * (scripts/build.ts) and `npm run merge` (scripts/merge.ts): the lock of the output folder, what a
 * stopped build left behind, and the swap. The folders' names are in src/build/build-folders.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildWorkDir,
  OLD_SITE_PREFIX,
  siteLockFile,
  STAGING_PREFIX,
  isStoppedBuildFolder,
} from '../../src/build/build-folders.ts';
import { takeFileLock } from '../../src/build/file-lock.ts';

/** Where one build or merge works, and the site and manifests it replaces. */
export interface SiteFolders {
  /** The project's root folder. */
  projectRoot: string;
  /** The build work folder (`buildWorkDir`). */
  workDir: string;
  /** Where this process stages the new site. */
  stagingDir: string;
  /** The site's folder (`dist/`). */
  outDir: string;
  /** The site's folder as messages name it: relative to where the command runs, when it is below. */
  shownOutDir: string;
  /** The incremental manifest in the build cache (`<cache>/bayegan-pages.json`). */
  manifestFile: string;
}

export function siteFolders(projectRoot: string, outDir: string, manifestFile: string): SiteFolders {
  const workDir = buildWorkDir(projectRoot);
  return {
    projectRoot,
    workDir,
    stagingDir: path.join(workDir, `${STAGING_PREFIX}${process.pid}`),
    outDir,
    shownOutDir: path.relative(process.cwd(), outDir).startsWith('..') ? outDir : path.relative(process.cwd(), outDir),
    manifestFile,
  };
}

// Beside the output, so that they are on the same disk. The recycled site is the one the last build
// replaced: the next build brings it up to date instead of building a whole site again
// (src/lib/link-files.ts).
const previousDir = (folders: SiteFolders) => `${folders.outDir}.previous`;
export const recycledDir = (folders: SiteFolders) => `${folders.outDir}.recycled`;
/** The manifest of the recycled site (the one before the site in place). */
export const recycledManifest = (folders: SiteFolders) =>
  path.join(path.dirname(folders.manifestFile), 'bayegan-pages.recycled.json');
/** Where a build leaves the manifest of its site; it replaces the manifest once the site is in place. */
export const pendingManifest = (folders: SiteFolders) => `${folders.manifestFile}.next`;

/**
 * One build (or merge) of a site at a time: a second one of the same output folder waits, since both
 * would swap sites and manifests in and out of the same places. Builds of other sites (other
 * archives, a test run, a benchmark) go on side by side, one content sync and bundling at a time
 * (src/build/bundling-lock.ts). The lock is released when this process exits; a lock left by a
 * process that died is taken over.
 */
export async function takeSiteLock(folders: SiteFolders): Promise<void> {
  mkdirSync(folders.workDir, { recursive: true });
  const release = await takeFileLock(siteLockFile(folders.projectRoot, folders.outDir), {
    pollMs: 250,
    onWait: (holder) =>
      console.log(`Waiting for another build of ${folders.shownOutDir}/ to finish (process ${holder})…`),
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
 * What a build that was stopped (killed, machine stopped) left behind; call with the site's lock
 * held. Its half-built site goes (the staging folders of builds still running, of other sites, stay);
 * an old site whose background deletion was cut short is deleted now; a site of this output folder
 * moved aside for the swap, with no new one in its place yet, is put back (no other build of it runs).
 */
export function clearStoppedBuilds(folders: SiteFolders): void {
  for (const name of readdirSync(folders.workDir)) {
    if (isStoppedBuildFolder(name)) {
      removeInBackground(folders, path.join(folders.workDir, name));
    }
    if (name.startsWith(OLD_SITE_PREFIX)) deleteDetached(path.join(folders.workDir, name));
  }
  for (const aside of [recycledDir(folders), previousDir(folders)]) {
    if (!existsSync(folders.outDir) && existsSync(aside)) renameSync(aside, folders.outDir);
  }
}

/**
 * The swap: the staged site takes the place of the site in place, which becomes the recycled one
 * (unless it is on another disk than the new one), together with its manifest; a recycled site this
 * build did not use is deleted. Stopped at any point, the next build finds a site in place (put back
 * by `clearStoppedBuilds`) and a recycled site only with the manifest that describes it.
 */
export function putSiteInPlace(folders: SiteFolders): void {
  const { stagingDir, outDir, manifestFile } = folders;
  rmSync(recycledManifest(folders), { force: true });
  removeInBackground(folders, recycledDir(folders));
  rmSync(previousDir(folders), { recursive: true, force: true });
  mkdirSync(path.dirname(outDir), { recursive: true });
  const recycling = existsSync(outDir) && sameDisk(outDir, stagingDir);
  if (existsSync(outDir)) renameSync(outDir, recycling ? recycledDir(folders) : previousDir(folders));
  move(stagingDir, outDir);
  if (recycling && existsSync(manifestFile)) renameSync(manifestFile, recycledManifest(folders));
  if (existsSync(pendingManifest(folders))) renameSync(pendingManifest(folders), manifestFile);
  removeInBackground(folders, previousDir(folders));
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

/** Whether two paths are on one file system (a rename between them moves no bytes). */
function sameDisk(a: string, b: string): boolean {
  return statSync(a).dev === statSync(b).dev;
}

/** How many folders this process gave to the background deleter (each gets a name of its own). */
let removals = 0;

/**
 * Deletes a site without making the newsroom wait for it: tens of thousands of files take many
 * seconds to delete (about 15 s for 10,000 articles). The folder is first moved out of sight, into
 * the build work folder, when it is on the same disk; otherwise it is deleted here.
 */
export function removeInBackground(folders: SiteFolders, folder: string): void {
  if (!existsSync(folder)) return;
  const trash = path.join(folders.workDir, `${OLD_SITE_PREFIX}${process.pid}-${++removals}`);
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
