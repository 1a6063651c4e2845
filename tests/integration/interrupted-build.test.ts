/**
 * A build stopped at any moment (the machine lost power, CI cancelled the job, a reporter pressed
 * Ctrl-C) leaves the site that was in place, byte for byte, and the next build is correct: exactly
 * the site a build from scratch writes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkDir, isStoppedBuildFolder, STAGING_PREFIX } from '../../src/build/build-folders.ts';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';
import { differences, siteFiles } from '../helpers/site-files';

const NOW = '2025-01-01T12:00:00+03:30';
const root = path.join(tmpRoot, 'interrupted');
const contentDir = path.join(root, 'content');
const outDir = path.join(root, 'dist');
const env = { BAYEGAN_NOW: NOW, BAYEGAN_OUT_DIR: outDir, BAYEGAN_CACHE_DIR: path.join(root, 'cache') };

/**
 * Starts `npm run build`'s script and kills its whole process group (Astro and Pagefind with it)
 * as soon as a line matching `moment` is printed. Resolves with whether the moment came, and
 * whether the kill came too late: the build had put its site in place (its staging folder was gone
 * after Astro's last line). The signal is sent when the test reads the line, which the build has
 * left behind by then; after Astro's last line only the swap is left, a few milliseconds, which a
 * loaded machine's delay outlasted once.
 */
function buildKilledAt(moment: RegExp): Promise<{ killed: boolean; tooLate: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts')], {
      cwd: projectRoot,
      detached: true,
      env: {
        ...process.env,
        BAYEGAN_CONTENT_DIR: contentDir,
        BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/site.config.ts'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let output = '';
    let killed = false;
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && moment.test(stripVTControlCharacters(output))) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', reject);
    child.on('close', () => {
      const text = stripVTControlCharacters(output);
      const staging = path.join(buildWorkDir(projectRoot), `${STAGING_PREFIX}${child.pid}`);
      resolve({ killed, tooLate: /\[build\] Complete!/.test(text) && !existsSync(staging), output: text });
    });
  });
}

/** Moments of a build, in order, at which it is stopped. */
const MOMENTS = [
  /Syncing content/,
  /generating static routes/,
  /\[bayegan:incremental\] Carrying/,
  /\[bayegan:pagefind\] Indexing/,
  /\[build\] \d+ page\(s\) built/,
];

let before: Map<string, Buffer>;
const story = path.join(contentDir, 'articles', '1403', 'breaking.md');

const market = path.join(contentDir, 'articles', '1403', 'market.md');
let marketText = '';

/**
 * A change for the stopped builds to be in the middle of: a new story, and a new title for a story
 * the site in place carried over unchanged from the recycled one (their files are one file, which
 * must not be written over).
 */
function writeStory() {
  writeFileSync(market, marketText.replace('بازار مرکزی شهر بازگشایی شد', 'بازار بزرگ شهر بازگشایی شد'));
  writeFileSync(
    story,
    [
      '---',
      'id: 41',
      "title: 'خبر فوری برای آزمون توقف ساخت'",
      "lead: 'ساخت سایت در میانهٔ کار متوقف می‌شود.'",
      'date: 1403/10/08 09:00',
      'category: economy',
      "tags: ['بازار']",
      "authors: ['ali-rezaei']",
      '---',
      '',
      'متن خبر فوری.',
      '',
    ].join('\n'),
  );
}

/** The state every stopped build starts from: the site in place, the recycled one, the build cache. */
const STATE = ['dist', 'dist.recycled', 'cache'];
const snapshot = path.join(root, 'snapshot');

/**
 * The archive without the story, built once, so that the site in place and the recycled one beside
 * it (the site the build replaced, which the next build updates) are both there to be harmed; each
 * stopped build starts from a copy of it. One `cp -a` for all three keeps the hard links between them
 * (a page carried over is one file in both sites, which a build must never write over).
 */
async function builtWithoutStory() {
  if (!existsSync(snapshot)) {
    rmSync(story, { force: true });
    writeFileSync(market, marketText);
    const build = await buildSite('interrupted', contentDir, env);
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
    expect(existsSync(`${outDir}.recycled`)).toBe(true);
    copyKeepingLinks(root, STATE, snapshot);
  } else {
    for (const name of STATE) rmSync(path.join(root, name), { recursive: true, force: true });
    copyKeepingLinks(snapshot, STATE, root);
  }
  before = siteFiles(outDir);
  writeStory();
}

/** Copies `names` from `from` into `to` in one `cp -a`, so that files linked to each other stay linked. */
function copyKeepingLinks(from: string, names: string[], to: string) {
  mkdirSync(to, { recursive: true });
  const copy = spawnSync('cp', ['-a', ...names.map((name) => path.join(from, name)), to], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(`cp -a failed: ${copy.stderr}`);
}

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  marketText = readFileSync(market, 'utf8');
  const first = await buildSite('interrupted', contentDir, env);
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
});

describe('a build stopped at any moment', () => {
  for (const moment of MOMENTS) {
    it(`leaves the site in place when killed at «${moment.source}»`, async () => {
      // A kill that came after the swap stopped nothing: tried again, up to three times in all.
      for (let attempt = 1; ; attempt++) {
        await builtWithoutStory();
        const { killed, tooLate, output } = await buildKilledAt(moment);
        expect(killed, output).toBe(true);
        if (tooLate && attempt < 3) continue;
        expect(tooLate, `the kill came after the build had put its site in place, three times:\n${output}`).toBe(false);
        expect(differences(before, siteFiles(outDir))).toEqual([]);
        break;
      }
    });
  }

  it('puts the site back when stopped between moving it aside and moving the new one in', async () => {
    // The state `npm run build` leaves when stopped in the middle of its swap of the two folders.
    renameSync(outDir, `${outDir}.previous`);
    mkdirSync(path.join(buildWorkDir(projectRoot), `${STAGING_PREFIX}999999999`), { recursive: true });
    const { killed } = await buildKilledAt(/Syncing content/);
    expect(killed).toBe(true);
    expect(existsSync(`${outDir}.previous`)).toBe(false);
    expect(differences(before, siteFiles(outDir))).toEqual([]);
  });

  it('is followed by a build that writes exactly the site a build from scratch writes', async () => {
    const next = await buildSite('interrupted', contentDir, env);
    expect(next.status, next.output).toBe(0);
    // The stopped builds left nothing that makes this one render everything again.
    expect(next.output).toMatch(/Rendered [1-9]\d* changed archive pages; carried [1-9]\d* unchanged pages/);
    rmSync(path.join(tmpRoot, 'interrupted-scratch'), { recursive: true, force: true });
    const scratch = await buildSite('interrupted-scratch', contentDir, { BAYEGAN_NOW: NOW });
    expect(scratch.status, scratch.output).toBe(0);
    expect(differences(siteFiles(outDir), siteFiles(scratch.outDir))).toEqual([]);
    // No half-built site of a stopped build is left (other tests' builds may be running beside this one).
    const stagingOfEndedBuilds = readdirSync(buildWorkDir(projectRoot)).filter(isStoppedBuildFolder);
    expect(stagingOfEndedBuilds).toEqual([]);
  });
});
