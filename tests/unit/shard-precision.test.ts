import { describe, expect, it } from 'vitest';
import { holdsEveryTerm, patchPagefindScript } from '../../src/lib/search/shard-precision';
import { ZWNJ } from '../../src/lib/persian/script';

describe('holdsEveryTerm', () => {
  it('finds each query word as a word or the start of one', () => {
    expect(holdsEveryTerm('انقلاب ۱۳۵۷ در موزه.', '۱۳۵۷')).toBe(true);
    expect(holdsEveryTerm('انقلاب ۱۳۵۷ در موزه.', 'انقلا')).toBe(true);
    expect(holdsEveryTerm('قطار سریع اصفهان', '"قطار سریع"')).toBe(true);
  });

  it('does not take a shorter word for the query word (what Pagefind falls back to)', () => {
    expect(holdsEveryTerm('گزارش شمارهٔ ۱. باغ زیتون', '۱۳۵۷')).toBe(false);
    expect(holdsEveryTerm('درختان پارک', 'درختها')).toBe(false);
    expect(holdsEveryTerm('قطار سریع', 'قطار کند')).toBe(false);
  });

  it('compares without diacritics and case, and reads a ZWNJ word whole, joined and in parts', () => {
    expect(holdsEveryTerm('مُعَلِّم نمونه', 'معلم')).toBe(true);
    expect(holdsEveryTerm(`شهروندان می${ZWNJ}خواهند`, 'میخواهند')).toBe(true);
    expect(holdsEveryTerm(`شهروندان می${ZWNJ}خواهند`, 'می خواهند')).toBe(true);
    expect(holdsEveryTerm(`شهروندان می${ZWNJ}خواهند`, `می${ZWNJ}خواهند`)).toBe(true);
    expect(holdsEveryTerm('Pagefind Index', 'index')).toBe(true);
  });
});

describe('patchPagefindScript', () => {
  const merge =
    'async search(term,options2={}){let search2=await Promise.all(this.instances.map((i2)=>i2.search(term,options2)));return search2}';

  it('filters the per-shard answers where Pagefind merges them', async () => {
    const patched = patchPagefindScript(merge, 'pagefind.js');
    expect(patched).toContain('let search2=await bayeganKeepMatchingShards(await Promise.all(');
    // The inserted code runs: a shard whose best page lacks the word is left out.
    const search = new Function(`${patched.replace('async search', 'return async function')}`)() as (
      this: unknown,
      term: string,
    ) => Promise<{ results: unknown[] }[]>;
    const shard = (content: string) => ({
      search: async () => ({ results: [{ data: async () => ({ content }) }], unfilteredResultCount: 1, filters: {} }),
    });
    const answer = await search.call({ instances: [shard('انقلاب ۱۳۵۷'), shard('شمارهٔ ۱')] }, '۱۳۵۷');
    expect(answer.map((part) => part.results.length)).toEqual([1, 0]);
  });

  it('fails the build when a new Pagefind has no such spot', () => {
    expect(() => patchPagefindScript('export const search = () => {}', 'pagefind-worker.js')).toThrow(
      /pagefind-worker\.js.*MERGE_POINT/s,
    );
  });
});
