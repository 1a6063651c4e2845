import { describe, expect, it } from 'vitest';
import { ListPageUnits } from '../../src/lib/list-page-units';
import { categoryPath, listingPagePath, pageFile, tagPath } from '../../src/lib/paths';

const file = (list: string, page: number) => pageFile(listingPagePath(list, page));

describe('ListPageUnits', () => {
  const lists = [
    { path: tagPath('نفت'), units: ['shard:1399', undefined, 'shard:1401'] },
    { path: categoryPath('economy'), units: [undefined, undefined] },
    // A list whose folder ends in a number, as a month's does: its pages are not another list's.
    { path: '/archive/1402/05/', units: ['shard:1402', 'shard:1402'] },
    { path: tagPath('۱۴۰۲'), units: Array.from({ length: 12 }, (_, at) => `shard:${1390 + at}`) },
  ];
  const map = new Map<string, string>();
  for (const list of lists) {
    list.units.forEach((unit, at) => unit !== undefined && map.set(file(list.path, at + 1), unit));
  }

  it("gives each settled page's unit as a map of the pages' files would", () => {
    const units = ListPageUnits.from(lists);
    expect(units.size).toBe(map.size);
    expect([...units]).toEqual([...map]);
    expect([...units.keys()]).toEqual([...map.keys()]);
    expect([...units.values()]).toEqual([...map.values()]);
    for (const [page, unit] of map) expect(units.get(page), page).toBe(unit);
    expect(units.has(file(tagPath('نفت'), 2))).toBe(false);
  });

  it('has no unit for any other file of a list, nor for a list it was not given', () => {
    const units = ListPageUnits.from(lists);
    for (const other of [
      pageFile(tagPath('نفت')),
      file(tagPath('نفت'), 4),
      'tag/نفت/0/index.html',
      'tag/نفت/01/index.html',
      'tag/نفت/1/rss.xml',
      'tag/نفت/1/',
      'archive/1402/index.html',
      'archive/1402/05/index.html',
      file('/archive/1402/', 5),
      file(categoryPath('economy'), 1),
      file(tagPath('گاز'), 1),
      'tag/index.html',
    ]) {
      expect(units.get(other), other).toBeUndefined();
    }
    expect(units.get(file('/archive/1402/', 5) + 'x')).toBeUndefined();
    expect(ListPageUnits.from([]).size).toBe(0);
  });

  it('is made again from its parts after a structured clone', () => {
    const units = ListPageUnits.from(lists);
    const again = ListPageUnits.fromParts(structuredClone(units.parts()));
    expect([...again]).toEqual([...units]);
    expect(again.size).toBe(units.size);
    // Each unit named once, however many pages it has.
    expect(units.parts().names).toHaveLength(new Set(map.values()).size);
  });
});
