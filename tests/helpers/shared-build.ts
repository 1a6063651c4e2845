/**
 * Builds that several test files read, each made once and shared. A shared build lives in
 * tests/.tmp/shared/<name>/ together with what the build printed, under a key: a digest of
 * everything that shapes it (the content folder, the settings and environment it is given, the site
 * settings file, the project's code, its dependencies' lock file and the Node version). A test file
 * gets the build already there when its key matches, and otherwise builds it from scratch, once:
 * a lock makes another test file that wants it at the same time (vitest runs two at a time) wait
 * for that build rather than make its own.
 *
 * Readers treat the shared output as read-only. A test that changes a site, or needs a failed
 * build or an incremental one, builds its own copy with buildSite().
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite, FIXTURE_SITE_CONFIG, projectRoot, tmpRoot, type BuildResult } from './build-site';
import { NAVIGATION_NOW, writeNavigationArchive } from './navigation-fixture';
import { takeFileLock } from '../../src/build/file-lock.ts';

/** Where the shared builds live: delete it to have every shared build made again. */
export const sharedRoot = path.join(tmpRoot, 'shared');

export interface SharedBuildSpec {
  /** Its folder under tests/.tmp/shared/. */
  name: string;
  /**
   * The content folder, or a function that writes one into the folder it is given and returns it
   * (called by the test file holding the lock, so that two never write it at once).
   */
  content: string | ((dir: string) => string);
  /** What the build is given besides the content folder: BAYEGAN_NOW, BAYEGAN_SITE_CONFIG. */
  env: Record<string, string>;
}

/** Kept beside the output: the key the build was made under and what it printed. */
interface BuildRecord {
  key: string;
  status: number | null;
  output: string;
}

/**
 * What shapes a build besides its content and settings: the code, the public files, the build
 * scripts, the configuration and the dependencies' lock file.
 */
const PROJECT_INPUTS = [
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** Adds a file, or every file under a folder, to the digest: relative name and bytes, in a fixed order. */
function addFiles(hash: Hash, target: string) {
  if (!existsSync(target)) return hash.update(`${target}\0missing\0`);
  const files = statSync(target).isDirectory()
    ? readdirSync(target, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort()
    : [target];
  for (const file of files) {
    hash.update(`${path.relative(projectRoot, file)}\0`).update(readFileSync(file));
    hash.update('\0');
  }
  return hash;
}

/** The key of a build of `contentDir` with `env`, in this project as it is now. */
function buildKey(contentDir: string, env: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const input of PROJECT_INPUTS) addFiles(hash, path.join(projectRoot, input));
  addFiles(hash, contentDir);
  const siteConfig = env['BAYEGAN_SITE_CONFIG'] ?? FIXTURE_SITE_CONFIG;
  if (siteConfig) addFiles(hash, path.resolve(siteConfig));
  // The environment the build inherits from the test run counts too (buildSite passes it on).
  const inherited = Object.entries(process.env)
    .filter(([name]) => /^(BAYEGAN_|ASTRO_|NODE_OPTIONS$)/.test(name))
    .sort();
  hash.update(JSON.stringify({ env, inherited, node: process.version }));
  return hash.digest('hex');
}

/**
 * The shared build of `spec`: made now if there is none under the current key, else read. A build
 * that fails is returned as it is and not kept, so that every file asking for it sees the failure.
 */
export async function sharedBuild(spec: SharedBuildSpec): Promise<BuildResult> {
  const root = path.join(sharedRoot, spec.name);
  const outDir = path.join(root, 'dist');
  const recordFile = path.join(root, 'build.json');
  mkdirSync(sharedRoot, { recursive: true });
  const release = await takeFileLock(path.join(sharedRoot, `${spec.name}.lock`));
  try {
    const contentDir = typeof spec.content === 'string' ? spec.content : spec.content(path.join(root, 'content'));
    const key = buildKey(contentDir, spec.env);
    if (existsSync(recordFile) && existsSync(outDir)) {
      const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
      if (record.key === key) return { status: record.status, output: record.output, outDir };
    }
    // From scratch: no earlier site or page manifest for the build to carry pages over from.
    for (const leftover of ['build.json', 'dist', 'dist.previous', 'dist.recycled', 'cache']) {
      rmSync(path.join(root, leftover), { recursive: true, force: true });
    }
    const result = await buildSite(path.join('shared', spec.name), contentDir, spec.env);
    if (result.status === 0) {
      const record: BuildRecord = { key, status: result.status, output: result.output };
      writeFileSync(`${recordFile}.next`, JSON.stringify(record));
      renameSync(`${recordFile}.next`, recordFile);
    }
    return result;
  } finally {
    release();
  }
}

/**
 * The fixture archive (tests/fixtures/archive) on 1404/01/12 12:00 in Tehran: after Esfand 30
 * 1403, before the scheduled article (1404/02/01). Read by the archive, page-quality, quality and
 * reader tests.
 */
export const fixtureArchive: SharedBuildSpec = {
  name: 'fixture-archive',
  content: path.join(projectRoot, 'tests/fixtures/archive'),
  env: { BAYEGAN_NOW: '2025-04-01T12:00:00+03:30' },
};

/**
 * The sample archive in content/ with the project's own settings, on a fixed "now" (1405/09/08
 * 12:00 in Tehran) that keeps the set of published articles stable. Read by the sample-site and
 * sample-layout tests.
 */
export const sampleSite: SharedBuildSpec = {
  name: 'sample',
  content: path.join(projectRoot, 'content'),
  env: { BAYEGAN_NOW: '2026-11-29T12:00:00+03:30', BAYEGAN_SITE_CONFIG: '' },
};

/** The generated navigation archive (navigation-fixture.ts). Read by both navigation tests. */
export const navigationArchive: SharedBuildSpec = {
  name: 'navigation',
  content: writeNavigationArchive,
  env: { BAYEGAN_NOW: NAVIGATION_NOW },
};
