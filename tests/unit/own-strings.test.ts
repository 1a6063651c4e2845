import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { withOwnStrings } from '../../src/lib/content/own-strings';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap kept by the results of `keep` applied to ids cut out of large texts, once the texts are gone. */
function heapKeptBy(keep: (id: string) => string): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 200; i++) {
    // A frontmatter of 250,000 two-byte characters (Persian), an author id cut out of it.
    const text = `authors: [ali-farahmand-${i}]\n${'خبر '.repeat(62_500)}`;
    kept.push(keep(text.slice(text.indexOf('ali-'), text.indexOf(']'))));
  }
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  expect(kept[7]).toBe('ali-farahmand-7');
  return after - before;
}

const MB = 1024 ** 2;

describe('withOwnStrings', () => {
  it('copies the data: same values, plain objects and arrays anew, the input unchanged', () => {
    const date = new Date('2024-11-23T10:00:00+03:30');
    const raw = { id: 7, title: 'بودجهٔ شورای شهر', tags: ['اقتصاد', 'بودجه'], published: date, meta: { slug: null } };
    const copy = withOwnStrings(raw);
    expect(copy).toEqual(raw);
    expect(copy).not.toBe(raw);
    expect(copy.tags).not.toBe(raw.tags);
    expect(copy.meta).not.toBe(raw.meta);
    // A YAML timestamp stays the Date the schema reads.
    expect(copy.published).toBe(date);
    expect(raw.tags).toEqual(['اقتصاد', 'بودجه']);
  });

  it('lets the text a string was cut from go', () => {
    // V8 keeps the whole text of a slice alive (50 MB here); the copies keep only themselves.
    expect(heapKeptBy((id) => id)).toBeGreaterThan(40 * MB);
    expect(heapKeptBy((id) => withOwnStrings({ authors: [id] }).authors[0]!)).toBeLessThan(5 * MB);
  });
});

describe('withOwnStrings: shared short strings', () => {
  it('gives the files of one load one copy of a string they repeat', () => {
    // 100,000 articles naming one of two reporters, each name a fresh string of 30 characters.
    const names = (i: number) => `${'خبرنگار-'.repeat(3)}${i % 2 === 0 ? 'الف' : 'ب'}ها`.slice(0, 30);
    const keptBy = (shared: () => Map<string, string>) => {
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 100_000 }, (_, i) => withOwnStrings({ authors: [names(i)] }, shared()));
      collectGarbage();
      expect(kept[3]!.authors[0]).toBe(names(3));
      return process.memoryUsage().heapUsed - before;
    };
    const one = new Map<string, string>();
    const separate = keptBy(() => new Map());
    const shared = keptBy(() => one);
    expect(one.size).toBe(2);
    // The objects and arrays are the same; 100,000 strings of 30 two-byte characters are not.
    expect(separate - shared).toBeGreaterThan(5 * MB);
  });
});
