import { describe, expect, it } from 'vitest';
import { PackedBeside } from '../../src/lib/content/packed-beside';
import { PackedColumns } from '../../src/lib/content/packed-columns';
import type { BesideEntry, PackedEntry } from '../../src/lib/content/packed-entries';

/** An entry as the store keeps it, packed. */
const stored = (id: string, digest = `d-${id}`): PackedEntry => ({
  id,
  data: { id: 1, bayeganLeftOut: ['title'] },
  filePath: `content/articles/${id}.md`,
  digest,
});
/** A sealed table of the entries of `ids`, as content sync reads it from file. */
const tableOf = (ids: string[]) => {
  const table = new PackedColumns('articles');
  for (const id of ids) table.add(stored(id));
  return table.seal();
};
const listed = (entries: Iterable<BesideEntry>) => [...entries].map((entry) => `${entry.id}:${String(entry.digest)}`);

describe('PackedBeside', () => {
  const ids = Array.from({ length: 50 }, (_, at) => `1403/09/${at}-خبر`);

  it('finds the rows of the table read by id, as entries of the collection', () => {
    const beside = new PackedBeside(tableOf(ids));
    expect(beside.size).toBe(50);
    expect(beside.get(ids[7]!)?.filePath).toBe(`content/articles/${ids[7]}.md`);
    expect(beside.has(ids[49]!)).toBe(true);
    expect(beside.get('1403/09/50-خبر')).toBeUndefined();
    expect(listed(beside.values())).toEqual(ids.map((id) => `${id}:d-${id}`));
  });

  it('keeps the order and answers of a Map of the same entries, whatever is set, deleted and cleared', () => {
    // A fixed sequence of changes drawn from a small generator: the same on both.
    let seed = 7;
    const next = (below: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % below);
    const beside = new PackedBeside(tableOf(ids));
    const model = new Map<string, BesideEntry>(
      tableOf(ids)
        .rows()
        .map((entry) => [entry.id, entry]),
    );
    const more = [...ids, ...Array.from({ length: 20 }, (_, at) => `1404/01/${at}-تازه`)];
    for (let step = 0; step < 2_000; step++) {
      const id = more[next(more.length)]!;
      const change = next(10);
      if (step === 1_000) {
        beside.clear();
        model.clear();
      } else if (change < 4) {
        const entry = stored(id, `d-${step}`);
        beside.set(id, entry);
        model.set(id, entry);
      } else {
        expect(beside.delete(id), `delete ${id} at ${step}`).toBe(model.delete(id));
      }
      expect(beside.size).toBe(model.size);
      expect(beside.has(id)).toBe(model.has(id));
      expect(beside.get(id)?.digest).toBe(model.get(id)?.digest);
    }
    expect(listed(beside.values())).toEqual(listed(model.values()));
    // By place, the same entries in the same order, made when asked.
    const byPlace = beside.byPlace();
    expect(listed(Array.from({ length: byPlace.length }, (_, place) => byPlace.at(place)!))).toEqual(
      listed(model.values()),
    );
    expect(byPlace.at(byPlace.length)).toBeUndefined();
  });

  it('deletes every entry not marked kept since the last sweep, a row of the table or one set', () => {
    const beside = new PackedBeside(tableOf(ids.slice(0, 5)));
    beside.set('1404/01/a', stored('1404/01/a'));
    beside.set('1404/01/b', stored('1404/01/b'));
    beside.set(ids[1]!, stored(ids[1]!, 'changed'));
    for (const id of [ids[0]!, ids[1]!, ids[4]!, '1404/01/b', 'no such entry']) beside.markKept(id);
    beside.deleteUnmarked();
    expect(listed(beside.values())).toEqual([
      `${ids[0]}:d-${ids[0]}`,
      `${ids[1]}:changed`,
      `${ids[4]}:d-${ids[4]}`,
      '1404/01/b:d-1404/01/b',
    ]);
    // The marks are forgotten: a sweep with none marked leaves none.
    beside.deleteUnmarked();
    expect(beside.size).toBe(0);
    expect(listed(beside.values())).toEqual([]);
  });

  it('holds only the entries set when no table was read', () => {
    const beside = new PackedBeside();
    expect(beside.get('a')).toBeUndefined();
    beside.set('a', stored('a'));
    expect(listed(beside.values())).toEqual(['a:d-a']);
    expect(beside.delete('b')).toBe(false);
  });
});
