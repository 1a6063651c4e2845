import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  givenPlanIndex,
  PLAN_INDEX_ENV,
  readStoreIndex,
  storeIndexFile,
  writeStoreIndex,
} from '../../src/lib/content/plan-index';
import { SEGMENT_ENV } from '../../src/lib/segment-registry';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-plan-index-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A comment as Astro's store keeps it. */
const comment = (n: number) => ({
  id: `${100 + (n % 7)}/c-${n}`,
  data: {
    id: `c-${n}`,
    article: 100 + (n % 7),
    name: 'آرش',
    body: 'نظر نیم‌فاصله‌دار',
    submittedAt: new Date(n * 1000),
  },
  filePath: `content/comments/${100 + (n % 7)}/c-${n}.json`,
  digest: `digest-${n}`,
});

describe("the plan's store entries of a collection", () => {
  it('are read back as the store kept them, across parts, by a build of the code that made them', () => {
    const cache = folder();
    const entries = Array.from({ length: 23_456 }, (_, n) => comment(n));
    writeStoreIndex(cache, 'comments', 'code-1', entries);
    const read = readStoreIndex(cache, 'comments', 'code-1');
    expect(read).toEqual(entries);
    expect((read![5] as { data: { submittedAt: unknown } }).data.submittedAt).toBeInstanceOf(Date);
    // Data made by other code may lack a field the schema now gives: not taken.
    expect(readStoreIndex(cache, 'comments', 'code-2')).toBeUndefined();
    // None kept of another collection.
    expect(readStoreIndex(cache, 'authors', 'code-1')).toBeUndefined();
  });

  it('refuses a file cut short, naming it and what to do', () => {
    const cache = folder();
    writeStoreIndex(cache, 'comments', 'code-1', [comment(1), comment(2)]);
    const file = storeIndexFile(cache, 'comments');
    const whole = readFileSync(file);
    // Where each part starts: the header's, then the entries'.
    const starts: number[] = [];
    for (let at = 0; at < whole.length; at += 4 + whole.readUInt32LE(at)) starts.push(at);
    for (const cut of [whole.length - 3, starts.at(-1)!, 2]) {
      writeFileSync(file, whole.subarray(0, cut));
      expect(() => readStoreIndex(cache, 'comments', 'code-1'), `cut at ${cut}`).toThrow(
        `${file} is damaged: delete it and build again.`,
      );
    }
  });

  it('is given to a segment build only, with the digest of its code and settings', () => {
    const segment = { [SEGMENT_ENV]: JSON.stringify({ index: 1, count: 3, settings: 'code-1' }) };
    expect(givenPlanIndex({ [PLAN_INDEX_ENV]: 'plan-cache', ...segment })).toEqual({
      dir: path.resolve('plan-cache'),
      code: 'code-1',
    });
    expect(givenPlanIndex({ [PLAN_INDEX_ENV]: '', ...segment })).toBeUndefined();
    expect(givenPlanIndex({ [PLAN_INDEX_ENV]: 'plan-cache' })).toBeUndefined();
  });
});
