import { describe, expect, it } from 'vitest';
import { RowsByName } from '../../src/lib/rows-by-name';
import { fnv1a } from '../../src/lib/text-hash';

describe('RowsByName', () => {
  const names = Array.from({ length: 20_000 }, (_, row) => `1403/09/خبر-${row}.md`);

  it('finds each row by its name, and none for a name no row has', () => {
    const byName = new RowsByName(
      names.length,
      (row) => fnv1a(names[row]!),
      (row) => names[row]!,
    );
    for (const row of [0, 1, 9_999, 19_999]) expect(byName.rowOf(names[row]!)).toBe(row);
    expect(names.every((name, row) => byName.rowOf(name) === row)).toBe(true);
    expect(byName.rowOf('1403/09/خبر-20000.md')).toBeUndefined();
    expect(byName.rowOf('')).toBeUndefined();
  });

  it('tells rows apart by name when their hashes meet the same slot, as the hash alone cannot', () => {
    // Fewer than 128 rows take 256 slots: these names' hashes all meet the first one's slot.
    const slot = (name: string) => fnv1a(name) & 255;
    const meeting = names.filter((name) => slot(name) === slot(names[0]!)).slice(0, 40);
    expect(meeting).toHaveLength(40);
    const byName = new RowsByName(
      meeting.length,
      (row) => fnv1a(meeting[row]!),
      (row) => meeting[row]!,
    );
    expect(meeting.every((name, row) => byName.rowOf(name) === row)).toBe(true);
    const another = names.find((name) => slot(name) === slot(names[0]!) && !meeting.includes(name));
    expect(byName.rowOf(another!)).toBeUndefined();
  });

  it('finds nothing in no rows', () => {
    expect(
      new RowsByName(
        0,
        () => 0,
        () => '',
      ).rowOf('a'),
    ).toBeUndefined();
  });
});
