/**
 * Two builds of one site never run at once (scripts/build.ts), and builds of different sites, which
 * otherwise run side by side, take the project's `.astro/` folder one at a time from content sync to
 * written bundles (src/build/bundling-lock.ts): a build waits for each lock, says for whom, and goes
 * on once it is free.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlingLockFile, buildWorkDir, siteLockFile } from '../../src/build/build-folders.ts';
import { takeFileLock } from '../../src/build/file-lock.ts';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `output()` matches `pattern` (checked every 50 ms); fails after a minute without. */
async function printed(output: () => string, pattern: RegExp) {
  const deadline = Date.now() + 60_000;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`the build never printed ${pattern}:\n${output()}`);
    await pause(50);
  }
}

describe('build locks', () => {
  it('waits while another build of the site runs, then while another build bundles, then builds', async () => {
    const outDir = path.join(tmpRoot, 'build-locks', 'dist');
    rmSync(path.dirname(outDir), { recursive: true, force: true });
    mkdirSync(buildWorkDir(projectRoot), { recursive: true });
    // Another build of the same site, played by a process that stays alive while the test runs.
    const otherBuild = spawn('sleep', ['120']);
    const siteLock = siteLockFile(projectRoot, outDir);
    writeFileSync(siteLock, String(otherBuild.pid));
    let output = '';
    try {
      const build = buildSite(
        'build-locks',
        path.join(projectRoot, 'tests/fixtures/archive'),
        { BAYEGAN_NOW: '2025-04-01T12:00:00+03:30' },
        [],
        (soFar) => (output = soFar),
      );
      await printed(
        () => output,
        new RegExp(`Waiting for another build of .*dist/ to finish \\(process ${otherBuild.pid}\\)`),
      );
      await pause(1000);
      expect(output).not.toMatch(/Syncing content/);

      // Another site's build bundling, played by this test: its lock is taken before the site's is freed.
      const releaseBundling = await takeFileLock(bundlingLockFile(projectRoot));
      try {
        rmSync(siteLock);
        await printed(() => output, /Waiting for another build of this project to finish bundling/);
        expect(output).toContain(`finish bundling (process ${process.pid})`);
        await pause(1000);
        expect(output).not.toMatch(/Syncing content/);
      } finally {
        releaseBundling();
      }
      const result = await build;
      expect(result.status, result.output).toBe(0);
      expect(result.output.indexOf('Syncing content')).toBeGreaterThan(result.output.indexOf('finish bundling'));
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(true);
      // The build left both locks free.
      expect(existsSync(siteLock)).toBe(false);
    } finally {
      otherBuild.kill();
      rmSync(siteLock, { force: true });
    }
  });
});
