/**
 * A content folder moved between two builds that keep one build cache (a newsroom renames its
 * archive folder, BAYEGAN_CONTENT_DIR points elsewhere): content sync reads every file again, and
 * the site is the one the first build wrote. Astro's own loader would keep each unchanged entry with
 * its old file path, and the pictures beside the articles would be looked for in the old folder
 * (the build failed with ImageNotFound).
 */
import { cpSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';
import { differences, siteFiles } from '../helpers/site-files';

const root = path.join(tmpRoot, 'moved-content');
const env = {
  BAYEGAN_NOW: '2025-04-01T12:00:00+03:30',
  BAYEGAN_OUT_DIR: path.join(root, 'dist'),
  BAYEGAN_CACHE_DIR: path.join(root, 'cache'),
};

it('reads every file again from the new folder and writes the same site', async () => {
  rmSync(root, { recursive: true, force: true });
  const before = path.join(root, 'archive');
  const after = path.join(root, 'archive-renamed');
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), before, { recursive: true });
  const first = await buildSite('moved-content', before, env);
  expect(first.status, first.output).toBe(0);
  const site = siteFiles(env.BAYEGAN_OUT_DIR);

  renameSync(before, after);
  const moved = await buildSite('moved-content', after, env);
  expect(moved.status, moved.output).toBe(0);
  expect(moved.output).toMatch(
    /articles: the folder is now .*archive-renamed\/articles \(was .*archive\/articles\); every file is read again/,
  );
  // The web editor's settings name the content folder: the one file that must change.
  expect(differences(site, siteFiles(env.BAYEGAN_OUT_DIR))).toEqual(['admin/config.yml']);
  expect(readFileSync(path.join(env.BAYEGAN_OUT_DIR, 'admin/config.yml'), 'utf8')).toContain(
    'archive-renamed/articles',
  );
});
