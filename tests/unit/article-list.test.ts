import { describe, expect, it } from 'vitest';
import { ArticleList, groupRows, RowGroups } from '../../src/lib/article-list';

const table = ['h', 'g', 'f', 'e', 'd', 'c', 'b', 'a'];

describe('groupRows', () => {
  it('groups every row by its keys, each group ascending, groups in the order first met', () => {
    const keys: string[][] = [['x'], ['y', 'x'], [], ['y'], ['z', 'x'], ['x'], [], ['z']];
    const groups = groupRows(keys.length, (row) => keys[row]!);
    expect([...groups.keys()]).toEqual(['x', 'y', 'z']);
    expect([...groups.get('x')!]).toEqual([0, 1, 4, 5]);
    expect([...groups.get('y')!]).toEqual([1, 3]);
    expect([...groups.get('z')!]).toEqual([4, 7]);
  });

  it('takes rows of many keys each, more than it first made room for', () => {
    const groups = groupRows(5, (row) => Array.from({ length: 10 }, (_, key) => key + row));
    expect(groups.size).toBe(14);
    expect([...groups.get(0)!]).toEqual([0]);
    expect([...groups.get(9)!]).toEqual([0, 1, 2, 3, 4]);
    expect([...groups.get(13)!]).toEqual([4]);
    expect([...groups.values()].reduce((sum, rows) => sum + rows.length, 0)).toBe(50);
  });

  it('holds a row twice in a group whose key it gives twice, and nothing for no rows', () => {
    expect([...groupRows(2, () => ['a', 'a']).get('a')!]).toEqual([0, 0, 1, 1]);
    expect(groupRows(0, () => ['a']).size).toBe(0);
  });

  it('places the groups side by side in one array, each exactly its size', () => {
    const groups = [...groupRows(6, (row) => [row % 3]).values()];
    expect(groups.map((rows) => rows.length)).toEqual([2, 2, 2]);
    expect(new Set(groups.map((rows) => rows.buffer)).size).toBe(1);
    expect(groups[0]!.buffer.byteLength).toBe(6 * Uint32Array.BYTES_PER_ELEMENT);
  });
});

describe('RowGroups', () => {
  it('fills several groupings in one pass as groupRows fills each', () => {
    const keys: string[][] = [['x'], ['y', 'x'], [], ['y'], ['z', 'x'], ['x'], [], ['z']];
    const firsts = new RowGroups<string>(keys.length);
    const all = new RowGroups<string>(keys.length);
    for (const row of keys) {
      firsts.add(row.slice(0, 1));
      all.add(row);
    }
    const rowsOf = (groups: Map<string, Uint32Array>) => [...groups].map(([key, rows]) => [key, [...rows]]);
    expect(rowsOf(all.groups())).toEqual(rowsOf(groupRows(keys.length, (row) => keys[row]!)));
    expect(rowsOf(firsts.groups())).toEqual(rowsOf(groupRows(keys.length, (row) => keys[row]!.slice(0, 1))));
  });

  it('refuses more rows than the table has, or groups read before every row is added', () => {
    const grouping = new RowGroups<string>(2);
    grouping.add(['a']);
    expect(() => grouping.groups()).toThrow(/1 of 2 rows/);
    grouping.add(['b']);
    expect(() => grouping.add(['c'])).toThrow(/More rows/);
    expect([...grouping.groups().keys()]).toEqual(['a', 'b']);
  });

  it('numbers each row by its one key, and refuses a grouping whose rows have not one key each', () => {
    const sections = new RowGroups<string>(4);
    for (const key of ['b', 'a', 'b', 'c']) sections.add([key]);
    expect([...sections.keyNumbers()]).toEqual([0, 1, 0, 2]);
    // As many keys as rows, but not one a row.
    const uneven = new RowGroups<string>(2);
    uneven.add([]);
    uneven.add(['a', 'b']);
    expect(() => uneven.keyNumbers()).toThrow(/not one key each/);
    const early = new RowGroups<string>(2);
    early.add(['a']);
    expect(() => early.keyNumbers()).toThrow(/not one key each/);
  });
});

describe('ArticleList', () => {
  const list = new ArticleList(table, Uint32Array.from([1, 2, 5, 7]));

  it('reads its rows of the table, in order', () => {
    expect(list.length).toBe(4);
    expect([...list]).toEqual(['g', 'f', 'c', 'a']);
    expect([list.at(0), list.at(3), list.at(4), list.at(-1)]).toEqual(['g', 'a', undefined, 'a']);
  });

  it('slices as an array does, into an array of its own', () => {
    expect(list.slice()).toEqual(['g', 'f', 'c', 'a']);
    expect(list.slice(1, 3)).toEqual(['f', 'c']);
    expect(list.slice(2)).toEqual(['c', 'a']);
    expect(list.slice(-1)).toEqual(['a']);
    expect(list.slice(3, 1)).toEqual([]);
    expect(list.slice()).not.toBe(list.slice());
  });

  it('finds where a row of the table is in it, or undefined', () => {
    expect([1, 2, 5, 7].map((row) => list.indexOfRow(row))).toEqual([0, 1, 2, 3]);
    expect([0, 3, 6, 8].map((row) => list.indexOfRow(row))).toEqual([undefined, undefined, undefined, undefined]);
    expect(new ArticleList(table, new Uint32Array(0)).indexOfRow(0)).toBeUndefined();
  });

  it('gives the same rows over another table of the same articles', () => {
    const numbers = table.map((_, row) => 100 + row);
    expect(list.over(numbers).slice()).toEqual([101, 102, 105, 107]);
  });
});
