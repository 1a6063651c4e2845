/**
 * A list of the archive's articles (a section's, a tag's, a reporter's, a month's) held as their
 * rows in one table of every article, newest first: 4 bytes an article a list, in a typed array
 * outside the JavaScript heap, where an array of the articles took 8 bytes an entry and the spare
 * room it grew, in every thread that holds the archive. A million articles of three tags each: 23
 * MB of rows where the arrays took 68 MB of heap. The rows ascend, so the list is newest first too.
 */
import { withRoom } from './content/typed-columns.ts';
import { nameTable } from './name-table.ts';
import { positionInSorted, type Indexed } from './sorted-search.ts';

/** What a list of stories, newest first, gives: an array of them, or an `ArticleList`. */
export interface NewestFirst<T> {
  readonly length: number;
  /** The item at `index` (0 = the newest); undefined past either end. */
  at(index: number): T | undefined;
  /** Its items from `start` to `end` (not included), newest first, as an array of their own. */
  slice(start?: number, end?: number): T[];
}

/** Every published article, newest first: an array of them, or a table that makes some when asked (./article-table.ts). */
export type ArticleRows<T> = NewestFirst<T> & Iterable<T>;

export class ArticleList<T> implements NewestFirst<T>, Iterable<T> {
  readonly #table: Indexed<T>;
  readonly #rows: Uint32Array;

  /** @param rows rows of `table`, ascending */
  constructor(table: Indexed<T>, rows: Uint32Array) {
    this.#table = table;
    this.#rows = rows;
  }

  get length(): number {
    return this.#rows.length;
  }

  at(index: number): T | undefined {
    const row = this.#rows.at(index);
    return row === undefined ? undefined : this.#table.at(row);
  }

  /**
   * The row in the table of the item at `index` (0 = the newest); undefined past either end. Rows
   * ascend as the list goes older: comparing two rows compares the items' places, newest first,
   * without making either (a segment build makes its packed articles when asked).
   */
  rowAt(index: number): number | undefined {
    // Read by place, not by a typed array's `at`: an article's related stories read about 100 rows,
    // and a plan asks for every article's (with `at`, 3.6 s of a plan of a million articles).
    return index >= 0 && index < this.#rows.length ? this.#rows[index] : undefined;
  }

  slice(start?: number, end?: number): T[] {
    // A loop rather than Array.from over the rows, which walks a typed array by its iterator:
    // the plan slices every page of every list of the archive.
    const rows = this.#rows.subarray(start, end);
    const items: T[] = [];
    for (let at = 0; at < rows.length; at++) items.push(this.#table.at(rows[at]!)!);
    return items;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const row of this.#rows) yield this.#table.at(row)!;
  }

  /** Where the article at `row` of the table is in this list; undefined when the list does not hold it. */
  indexOfRow(row: number): number | undefined {
    return positionInSorted(this.#rows, row, (a, b) => a - b);
  }

  /**
   * The same rows over another table of the same articles in the same order (their numbers, say):
   * the list as another reader needs it, for no more memory than the list.
   */
  over<U>(table: Indexed<U>): ArticleList<U> {
    return new ArticleList(table, this.#rows);
  }
}

/**
 * The rows of a table of `count` items grouped by key, filled one row at a time, in order (`add`),
 * then read (`groups`): several groupings of one table fill in one pass over it, each item read once
 * (`buildArchiveIndex`, ./archive.ts, whose articles a segment build makes when asked). A row has
 * none, one or several keys (a key given twice holds the row twice); every group's rows ascend, and
 * groups come in the order their first row met them. Each key is numbered as it is met and each
 * row's key numbers kept in a typed array, which the groups are then counted and placed from: every
 * group is one stretch of a single typed array, sized exactly, and no group grows.
 */
export class RowGroups<K> {
  readonly #keys = nameTable<K>();
  readonly #sizes: number[] = [];
  // Row r's keys are #met[#starts[r]] to #met[#starts[r + 1]], as key numbers.
  readonly #starts: Uint32Array;
  #met: Uint32Array;
  #used = 0;
  #row = 0;
  /** Whether every row added so far has exactly one key (`keyNumbers`). */
  #oneKeyEach = true;

  constructor(count: number) {
    this.#starts = new Uint32Array(count + 1);
    this.#met = new Uint32Array(Math.max(16, count));
  }

  /** The keys of the next row. */
  add(keys: Iterable<K>): void {
    if (this.#row >= this.#starts.length - 1)
      throw new Error('More rows were grouped than the table has: a bug of Bayegan.');
    this.#starts[this.#row++] = this.#used;
    for (const key of keys) {
      const number = this.#keys.indexOf(key);
      this.#sizes[number] = (this.#sizes[number] ?? 0) + 1;
      this.#met = withRoom(this.#met, this.#used + 1);
      this.#met[this.#used++] = number;
    }
    if (this.#used - this.#starts[this.#row - 1]! !== 1) this.#oneKeyEach = false;
  }

  /**
   * The number of each row's one key, by row, once every row is added: for a grouping that gives
   * every row exactly one key (an article's section), whether two rows share it, read without the
   * rows' items. Keys are numbered in the order they were first met.
   */
  keyNumbers(): Uint32Array {
    const count = this.#starts.length - 1;
    if (this.#row !== count || !this.#oneKeyEach)
      throw new Error('keyNumbers() asked of a grouping whose rows have not one key each: a bug of Bayegan.');
    return this.#met.slice(0, count);
  }

  /** Each key's rows, once every row is added. */
  groups(): Map<K, Uint32Array> {
    const count = this.#starts.length - 1;
    if (this.#row !== count) throw new Error(`${this.#row} of ${count} rows were grouped: a bug of Bayegan.`);
    const starts = this.#starts;
    const met = this.#met;
    const sizes = this.#sizes;
    starts[count] = this.#used;
    const rows = new Uint32Array(this.#used);
    // Where each group's next row goes: its stretch of `rows` starts where the groups before it end.
    const next = new Uint32Array(sizes.length);
    for (let number = 1; number < sizes.length; number++) next[number] = next[number - 1]! + sizes[number - 1]!;
    const groups = new Map<K, Uint32Array>();
    this.#keys.names.forEach((key, number) =>
      groups.set(key, rows.subarray(next[number], next[number]! + sizes[number]!)),
    );
    for (let row = 0; row < count; row++) {
      for (let at = starts[row]!; at < starts[row + 1]!; at++) rows[next[met[at]!]!++] = row;
    }
    return groups;
  }
}

/** `RowGroups` of one grouping: `keysOf` is asked once a row, in order. */
export function groupRows<K>(count: number, keysOf: (row: number) => Iterable<K>): Map<K, Uint32Array> {
  const grouping = new RowGroups<K>(count);
  for (let row = 0; row < count; row++) grouping.add(keysOf(row));
  return grouping.groups();
}
