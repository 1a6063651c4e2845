import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STAGING_PREFIX, stagingOwner } from '../../src/build/build-folders.ts';
import { clearStoppedBuilds, type SiteFolders } from '../../scripts/lib/site-swap.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bayegan-stopped-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('stagingOwner: the build a staging folder belongs to', () => {
  it('reads the process id of a staging folder and of the folders kept beside it', () => {
    expect(stagingOwner(`${STAGING_PREFIX}1092`)).toBe(1092);
    expect(stagingOwner(`${STAGING_PREFIX}1092.astro`)).toBe(1092);
  });

  it('names no owner for what is not a staging folder', () => {
    for (const name of [
      'old-site-1092-1',
      `${STAGING_PREFIX}`,
      `${STAGING_PREFIX}x1`,
      `${STAGING_PREFIX}12ab`,
      'bundling.lock',
    ]) {
      expect(stagingOwner(name), name).toBeUndefined();
    }
  });
});

describe('clearStoppedBuilds: a build starting beside others', () => {
  it("deletes the staging folders of ended builds and never a running build's, nor the folder it moved aside", () => {
    const root = path.join(scratch, 'project');
    const workDir = path.join(root, 'work');
    const outDir = path.join(root, 'dist');
    mkdirSync(outDir, { recursive: true });
    const running = [`${STAGING_PREFIX}${process.pid}`, `${STAGING_PREFIX}${process.pid}.astro`];
    const ended = [`${STAGING_PREFIX}${deadPid()}`, `${STAGING_PREFIX}${deadPid()}.astro`];
    for (const name of [...running, ...ended]) {
      mkdirSync(path.join(workDir, name, '_astro'), { recursive: true });
      writeFileSync(path.join(workDir, name, '_astro', 'photo.webp'), 'image');
    }
    const folders: SiteFolders = {
      projectRoot: root,
      workDir,
      stagingDir: path.join(workDir, `${STAGING_PREFIX}${process.pid}`),
      outDir,
      shownOutDir: 'dist',
      manifestFile: path.join(root, 'bayegan-pages.json'),
    };
    clearStoppedBuilds(folders);
    for (const name of running) expect(existsSync(path.join(workDir, name, '_astro', 'photo.webp')), name).toBe(true);
    const left = readdirSync(workDir);
    for (const name of ended) expect(left, name).not.toContain(name);
  });
});
