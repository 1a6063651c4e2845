import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { PageManifest } from '../../src/lib/incremental/page-plan';
import { mergeManifests, mergeRefusals, segmentStamp, type MergeInput } from '../../src/lib/segment-merge';
import { SEGMENT_STAMP } from '../../src/lib/segments';
import { runScript } from '../helpers/build-site';

const settings = { commit: 'c0ffee', settings: 'digest-1', now: '2025-04-01T12:00:00+03:30' };

/** Segment `index` of `count`, stamped as a build of `settings` owning `units`. */
function input(index: number, count: number, units: string[], changes: object = {}): MergeInput {
  return {
    dir: `dist-segment-${index}-of-${count}`,
    stamp: { ...segmentStamp({ index, count, ...settings }, 'index-1', units), ...changes },
  };
}

const three = () => [input(1, 3, ['site', 'shard:latest']), input(2, 3, ['shard:1403']), input(3, 3, ['tag:x'])];

describe('mergeRefusals', () => {
  it('accepts every segment of one build, in any order', () => {
    expect(mergeRefusals(three())).toEqual([]);
    expect(mergeRefusals(three().reverse())).toEqual([]);
  });

  it('refuses segments of another commit, settings, now, content or format, naming the input', () => {
    for (const [field, value, words] of [
      ['commit', 'beef', 'commit'],
      ['settings', 'digest-2', 'code and settings'],
      ['now', '2025-04-02T12:00:00+03:30', 'BAYEGAN_NOW'],
      ['indexDigest', 'index-2', 'content'],
      ['format', 99, 'segment format'],
    ] as const) {
      const inputs = three();
      inputs[2] = input(3, 3, ['tag:x'], { [field]: value });
      const refusals = mergeRefusals(inputs);
      expect(refusals, field).toHaveLength(1);
      expect(refusals[0], field).toContain('dist-segment-3-of-3: built from another ' + words);
      expect(refusals[0], field).toContain(String(value));
    }
  });

  it('refuses a different segment count, a missing segment and one given twice', () => {
    expect(mergeRefusals([input(1, 3, ['site']), input(2, 2, ['x'])])[0]).toMatch(
      /dist-segment-2-of-2: built from another segment count/,
    );
    expect(mergeRefusals(three().slice(0, 2))).toEqual(['Missing segment 3/3: the site needs all 3.']);
    const twice = [...three(), { ...input(2, 3, ['y']), dir: 'copy-of-2' }];
    expect(mergeRefusals(twice)).toEqual(['copy-of-2: segment 2/3 is given twice (also dist-segment-2-of-3).']);
  });

  it('refuses overlapping segments and a folder that is no segment', () => {
    const overlap = three();
    overlap[2] = input(3, 3, ['tag:x', 'shard:1403']);
    expect(mergeRefusals(overlap)).toEqual([
      'dist-segment-3-of-3: owns shard:1403, which dist-segment-2-of-3 owns too.',
    ]);
    expect(mergeRefusals([...three(), { dir: 'dist', stamp: undefined }])).toEqual([
      'dist: not a segment output (no stamp); build it with npm run build -- --segment K/N.',
    ]);
    expect(mergeRefusals([])[0]).toMatch(/No segment outputs given/);
  });
});

describe('mergeManifests', () => {
  const manifest = (pages: Record<string, string>, derived: Record<string, Record<string, string>>): PageManifest => ({
    version: 1,
    buildDigest: 'b',
    siteStamp: 'segment',
    pages,
    files: Object.keys(pages),
    derived,
  });

  it('joins the pages and what later steps read from them', () => {
    const merged = mergeManifests(
      [
        manifest({ 'news/1/a/index.html': 'f1' }, { search: { 'news/1/a/index.html': 'd1 t1' } }),
        manifest({ 'tag/x/index.html': 'f2' }, { search: {}, assets: { 'tag/x/index.html': '_astro/p.webp' } }),
      ],
      'site',
      ['tag/x/index.html', 'index.html', 'news/1/a/index.html'],
    );
    expect(merged).toEqual({
      version: 1,
      buildDigest: 'b',
      siteStamp: 'site',
      files: ['index.html', 'news/1/a/index.html', 'tag/x/index.html'],
      pages: { 'news/1/a/index.html': 'f1', 'tag/x/index.html': 'f2' },
      derived: { search: { 'news/1/a/index.html': 'd1 t1' }, assets: { 'tag/x/index.html': '_astro/p.webp' } },
    });
  });

  it('refuses manifests of different build inputs', () => {
    expect(() => mergeManifests([manifest({}, {}), { ...manifest({}, {}), buildDigest: 'c' }], 's', [])).toThrow(
      /different build digests/,
    );
  });
});

describe('npm run merge', () => {
  it('refuses hand-made segments of two commits and writes nothing', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bayegan-merge-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const dirs = [1, 2].map((index) => {
      const dir = path.join(root, `dist-segment-${index}-of-2`);
      mkdirSync(path.join(dir, path.dirname(SEGMENT_STAMP)), { recursive: true });
      const stamp = segmentStamp({ index, count: 2, ...settings, commit: `commit-${index}` }, 'i', [`u${index}`]);
      writeFileSync(path.join(dir, SEGMENT_STAMP), JSON.stringify(stamp));
      writeFileSync(path.join(dir, 'index.html'), 'x');
      return dir;
    });
    const out = path.join(root, 'dist');
    const run = await runScript('merge.ts', dirs, {
      BAYEGAN_OUT_DIR: out,
      BAYEGAN_CACHE_DIR: path.join(root, 'cache'),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dirs[1]}: built from another commit than ${dirs[0]} (commit-2 against commit-1)`);
    expect(run.stderr).toContain('nothing was written');
    expect(() => mkdirSync(out)).not.toThrow();
  });
});
