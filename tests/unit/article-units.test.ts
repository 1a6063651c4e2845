import { describe, expect, it } from 'vitest';
import { ArticleUnits } from '../../src/lib/article-units';

describe('ArticleUnits', () => {
  it("gives each article's unit as a Map would, whatever the order given", () => {
    const map = new Map<number, string>();
    // Numbers out of order, with gaps, a few hundred units: what a plan's shards give.
    for (let at = 0; at < 5000; at++) map.set((at * 7919) % 10_007, `shard:${1380 + (at % 300)}`);
    const units = ArticleUnits.from(map);
    expect(units.size).toBe(map.size);
    for (let id = -1; id <= 10_008; id++) expect(units.get(id), String(id)).toBe(map.get(id));
    expect([...units]).toEqual([...map].sort(([a], [b]) => a - b));
    expect(units.names()).toHaveLength(300);
  });

  it('keeps the last unit of a number given twice, as a Map does', () => {
    const units = ArticleUnits.from([
      [5, 'shard:1402'],
      [3, 'shard:1401'],
      [5, 'shard:latest'],
    ]);
    expect(units.size).toBe(2);
    expect(units.get(5)).toBe('shard:latest');
    expect([...units]).toEqual([
      [3, 'shard:1401'],
      [5, 'shard:latest'],
    ]);
  });

  it('idsOf names the articles of the units asked for, ascending, and none of a unit it was not given', () => {
    const units = ArticleUnits.from([
      [9, 'shard:1402'],
      [3, 'shard:1401'],
      [5, 'shard:1402'],
      [7, 'shard:latest'],
    ]);
    expect(units.idsOf(new Set(['shard:1402', 'shard:latest']))).toEqual([5, 7, 9]);
    expect(units.idsOf(new Set(['shard:1401']))).toEqual([3]);
    expect(units.idsOf(new Set(['shard:1399']))).toEqual([]);
    expect(units.idsOf(new Set())).toEqual([]);
  });

  it('has no unit for an article it was not given, nor when it was given none', () => {
    expect(ArticleUnits.from([]).get(1)).toBeUndefined();
    expect(ArticleUnits.from([]).size).toBe(0);
    expect(ArticleUnits.from([[2, 'site']]).get(1)).toBeUndefined();
  });
});
