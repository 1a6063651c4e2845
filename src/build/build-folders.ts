/**
 * The folders `npm run build` works in (scripts/build.ts), named once: the benchmark and the tests
 * look at them too. All live under the project's node_modules/.cache, where Astro's prerender chunks
 * resolve the project's packages.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isRunning } from './file-lock.ts';

/** The folder of build work files: staging sites, old sites being deleted, the build locks. */
export const buildWorkDir = (projectRoot: string) => path.join(projectRoot, 'node_modules/.cache/bayegan-build');

/** A site being built: `staging-<pid>`. */
export const STAGING_PREFIX = 'staging-';

/**
 * The process whose staging folder `name` is, or undefined when it is none: `staging-<pid>`, or a
 * folder the build keeps beside it, `staging-<pid>.<what>` (src/build/incremental.ts moves Astro's
 * output aside to `staging-<pid>.astro`). A folder is deleted as a stopped build's only when this
 * names a process that has ended: one of a build still running must never be.
 */
export function stagingOwner(name: string): number | undefined {
  if (!name.startsWith(STAGING_PREFIX)) return undefined;
  const pid = /^(\d+)(?:\.|$)/.exec(name.slice(STAGING_PREFIX.length));
  return pid ? Number(pid[1]) : undefined;
}

/** Whether `name` is a staging folder (or one kept beside it) of a build that has ended. */
export function isStoppedBuildFolder(name: string): boolean {
  const owner = stagingOwner(name);
  return owner !== undefined && !isRunning(owner);
}

/**
 * Where a build's search step leaves the shards to index after Astro has exited (src/build/search-index.ts):
 * `staging-<pid>.search-job.json`, beside the staging folder, so that a stopped build's goes with it.
 */
export const searchJobFile = (stagingDir: string) => `${stagingDir}.search-job.json`;

/** A replaced site, deleted in the background after the new one is in place: `old-site-<pid>`. */
export const OLD_SITE_PREFIX = 'old-site-';

/** Held by the build of one output folder (scripts/build.ts): a second build of the same site waits. */
export const siteLockFile = (projectRoot: string, outDir: string) =>
  path.join(
    buildWorkDir(projectRoot),
    `site-${createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16)}.lock`,
  );

/** Held from content sync to written bundles (src/build/bundling-lock.ts): one build of the project at a time there. */
export const bundlingLockFile = (projectRoot: string) => path.join(buildWorkDir(projectRoot), 'bundling.lock');
