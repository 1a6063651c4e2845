/**
 * A build in a fresh checkout of the same commit, with the build cache of the last run (what a CI
 * runner does on every push): every file has a new inode and new times, and content sync still
 * reads none of the unchanged ones, since git knows them by their blob ids
 * (src/lib/content/git-blobs.ts). Before, a runner read every content file on every run.
 */
import { cpSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';
import { differences, siteFiles } from '../helpers/site-files';
import { git } from '../helpers/git';

const root = path.join(tmpRoot, 'fresh-checkout');
const env = {
  BAYEGAN_NOW: '2025-04-01T12:00:00+03:30',
  BAYEGAN_OUT_DIR: path.join(root, 'dist'),
  BAYEGAN_CACHE_DIR: path.join(root, 'cache'),
};

it('reads only the files that differ from the last build, not every file of a new checkout', async () => {
  rmSync(root, { recursive: true, force: true });
  const archive = path.join(root, 'archive');
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), archive, { recursive: true });
  git(archive, 'init', '-q');
  git(archive, 'add', '.');
  git(archive, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'archive');
  const first = await buildSite('fresh-checkout', archive, env);
  expect(first.status, first.output).toBe(0);
  const site = siteFiles(env.BAYEGAN_OUT_DIR);

  // The same commit checked out anew where the last one was. (A file edited and not committed is
  // known by its stat, as outside git: tests/unit/git-blobs.test.ts leaves it to the stat.)
  renameSync(archive, path.join(root, 'origin'));
  git(root, 'clone', '-q', 'origin', 'archive');
  const again = await buildSite('fresh-checkout', archive, env);
  expect(again.status, again.output).toBe(0);
  expect(again.output).toMatch(/articles: 0 of \d+ files changed since the last build/);
  expect(again.output).toMatch(/comments: 0 of \d+ files changed since the last build/);
  expect(differences(site, siteFiles(env.BAYEGAN_OUT_DIR))).toEqual([]);
});
