/**
 * The packed entries a segment's content sync holds beside Astro's store, by id (Node-only): the
 * rows of the table it read (its own, or the plan's index: ./packed-entries.ts), found by id in the
 * table's column of ids and made when asked, and the entries it packs or sets since, as objects.
 * As a Map, a million articles' rows were an entry object, an id's string and a slot of the map
 * each, and the check of unchanged files kept a set of the entries it found unchanged: all of it
 * through the whole sync. Its loaders use it as they would a Map of the entries
 * (./unchanged-files.ts, ./rendered-bodies.ts, ./shown-bodies.ts, ./comments-by-share.ts).
 */
import { RowsByName } from '#lib/rows-by-name.ts';
import type { Indexed } from '#lib/sorted-search.ts';
import { fnv1a } from '#lib/text-hash.ts';
import type { PackedColumns } from './packed-columns.ts';
import type { BesideEntry } from './packed-entries.ts';

/**
 * Every entry of a collection in content sync: the store's, then those beside it (made when asked),
 * one at a time: a pass over a million articles that holds no array of them all.
 */
export function* storeThenBeside<E>(
  store: { values(): Iterable<E> },
  beside: PackedBeside | undefined,
): Generator<E | BesideEntry> {
  yield* store.values();
  yield* beside?.values() ?? [];
}

export class PackedBeside {
  #table: PackedColumns | undefined;
  #byId: RowsByName | undefined;
  /** 1 for a row of the table deleted. */
  #gone: Uint8Array;
  #rowsLeft: number;
  /** Rows of the table set anew, each kept in its place (as a Map keeps a key set again). */
  readonly #replaced = new Map<number, BesideEntry>();
  /** The entries of no row of the table, in the order they were set. */
  readonly #added = new Map<string, BesideEntry>();
  /** The rows and the added entries marked kept since the last `deleteUnmarked`. */
  #markedRows: Uint8Array | undefined;
  readonly #markedAdded = new Set<string>();

  /** The rows of `table` (a sealed table of packed entries), when given, then none added. */
  constructor(table?: PackedColumns) {
    this.#table = table;
    this.#rowsLeft = table?.count ?? 0;
    this.#gone = new Uint8Array(this.#rowsLeft);
  }

  get size(): number {
    return this.#rowsLeft + this.#added.size;
  }

  get(id: string): BesideEntry | undefined {
    const added = this.#added.get(id);
    if (added) return added;
    const row = this.#rowOf(id);
    return row === undefined ? undefined : (this.#replaced.get(row) ?? this.#table!.entryAt(row));
  }

  has(id: string): boolean {
    return this.#added.has(id) || this.#rowOf(id) !== undefined;
  }

  /** Sets `id`'s entry: in the place of its row of the table when it has one, else after the others. */
  set(id: string, entry: BesideEntry): this {
    const row = this.#added.has(id) ? undefined : this.#rowOf(id);
    if (row === undefined) this.#added.set(id, entry);
    else this.#replaced.set(row, entry);
    return this;
  }

  delete(id: string): boolean {
    if (this.#added.delete(id)) return true;
    const row = this.#rowOf(id);
    if (row === undefined) return false;
    this.#gone[row] = 1;
    this.#replaced.delete(row);
    this.#rowsLeft -= 1;
    return true;
  }

  /** Deletes every entry, and lets go of the table and its index by id. */
  clear(): void {
    this.#table = undefined;
    this.#byId = undefined;
    this.#gone = new Uint8Array(0);
    this.#markedRows = undefined;
    this.#rowsLeft = 0;
    this.#replaced.clear();
    this.#added.clear();
  }

  /** Every entry: the table's rows left, in their order, then the others in the order set. */
  *values(): Generator<BesideEntry> {
    for (let row = 0; row < this.#gone.length; row++) {
      if (this.#gone[row] === 0) yield this.#replaced.get(row) ?? this.#table!.entryAt(row);
    }
    yield* this.#added.values();
  }

  /**
   * Its entries in the order of `values`, by place (from 0), each made when asked: what the
   * reckoning reads of every article of the archive, without an array of every entry made at once.
   * Only until the next change.
   */
  byPlace(): Indexed<BesideEntry> {
    const rows = new Uint32Array(this.#rowsLeft);
    for (let row = 0, at = 0; row < this.#gone.length; row++) if (this.#gone[row] === 0) rows[at++] = row;
    const added = [...this.#added.values()];
    return {
      length: rows.length + added.length,
      at: (place) => {
        if (place >= rows.length) return added[place - rows.length];
        const row = rows[place]!;
        return this.#replaced.get(row) ?? this.#table!.entryAt(row);
      },
    };
  }

  /** Marks `id`'s entry as one `deleteUnmarked` keeps. */
  markKept(id: string): void {
    if (this.#added.has(id)) return void this.#markedAdded.add(id);
    const row = this.#rowOf(id);
    if (row === undefined) return;
    (this.#markedRows ??= new Uint8Array(this.#gone.length))[row] = 1;
  }

  /** Deletes every entry not marked kept since the last call, and forgets the marks. */
  deleteUnmarked(): void {
    for (const id of [...this.#added.keys()]) if (!this.#markedAdded.has(id)) this.#added.delete(id);
    for (let row = 0; row < this.#gone.length; row++) {
      if (this.#gone[row] === 0 && this.#markedRows?.[row] !== 1) {
        this.#gone[row] = 1;
        this.#replaced.delete(row);
        this.#rowsLeft -= 1;
      }
    }
    this.#markedRows = undefined;
    this.#markedAdded.clear();
  }

  /** The row of the table whose id is `id`, when it is not deleted. */
  #rowOf(id: string): number | undefined {
    const table = this.#table;
    if (!table || this.#rowsLeft === 0) return undefined;
    this.#byId ??= new RowsByName(
      table.count,
      (row) => fnv1a(table.ids.at(row) as string),
      (row) => table.ids.at(row) as string,
    );
    const row = this.#byId.rowOf(id);
    return row === undefined || this.#gone[row] === 1 ? undefined : row;
  }
}
