import { describe, expect, it } from 'vitest';
import { nameTable } from '../../src/lib/name-table.ts';

describe('nameTable', () => {
  it('gives each name the index of its first meeting, and keeps it once', () => {
    const table = nameTable();
    expect(['1403', 'site', '1403', '1402', 'site'].map((name) => table.indexOf(name))).toEqual([0, 1, 0, 2, 1]);
    expect(table.names).toEqual(['1403', 'site', '1402']);
  });

  it('tells names apart that differ only in a ZWNJ or an Arabic twin', () => {
    const table = nameTable();
    expect(['tag/نیم‌فاصله', 'tag/نیمفاصله', 'tag/يک', 'tag/یک'].map((name) => table.indexOf(name))).toEqual([
      0, 1, 2, 3,
    ]);
  });
});
