/**
 * A list of the archive's articles (a section's, a tag's, a reporter's, a month's) held as their
 * rows in one table of every article, newest first: 4 bytes an article a list, in a typed array
 * outside the JavaScript heap, where an array of the articles took 8 bytes an entry and the spare
 * room it grew, in every thread that holds the archive. A million articles of three tags each: 23
 * MB of rows where the arrays took 68 MB of heap. The rows ascend, so the list is newest first too.
 */
import { withRoom } from './content/typed-columns.ts';
import { nameTable } from './name-table.ts';
import { positionInSorted } from './sorted-search.ts';

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

/** What a list reads its articles from: a table of them, by row. */
interface RowsOf<T> {
  at(row: number): T | undefined;
}

export class ArticleList<T> implements NewestFirst<T>, Iterable<T> {
  readonly #table: RowsOf<T>;
  readonly #rows: Uint32Array;

  /** @param rows rows of `table`, ascending */
  constructor(table: RowsOf<T>, rows: Uint32Array) {
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
  over<U>(table: RowsOf<U>): ArticleList<U> {
    return new ArticleList(table, this.#rows);
  }
}

/**
 * Groups the rows of a table of `count` items by the keys `keysOf` gives each row (none, one or
 * several; a key given twice holds the row twice), every group's rows ascending, groups in the order
 * their first row met them. `keysOf` is asked once a row, in order. Each key is numbered as it is
 * met and each row's key numbers kept in a typed array, which the groups are then counted and placed
 * from: every group is one stretch of a single typed array, sized exactly, and no group grows.
 */
export function groupRows<K>(count: number, keysOf: (row: number) => Iterable<K>): Map<K, Uint32Array> {
  const keys = nameTable<K>();
  const sizes: number[] = [];
  // Row r's keys are met[starts[r]] to met[starts[r + 1]], as key numbers.
  const starts = new Uint32Array(count + 1);
  let met = new Uint32Array(Math.max(16, count));
  let used = 0;
  for (let row = 0; row < count; row++) {
    starts[row] = used;
    for (const key of keysOf(row)) {
      const number = keys.indexOf(key);
      sizes[number] = (sizes[number] ?? 0) + 1;
      met = withRoom(met, used + 1);
      met[used++] = number;
    }
  }
  starts[count] = used;
  const rows = new Uint32Array(used);
  // Where each group's next row goes: its stretch of `rows` starts where the groups before it end.
  const next = new Uint32Array(sizes.length);
  for (let number = 1; number < sizes.length; number++) next[number] = next[number - 1]! + sizes[number - 1]!;
  const groups = new Map<K, Uint32Array>();
  keys.names.forEach((key, number) => groups.set(key, rows.subarray(next[number], next[number]! + sizes[number]!)));
  for (let row = 0; row < count; row++) {
    for (let at = starts[row]!; at < starts[row + 1]!; at++) rows[next[met[at]!]!++] = row;
  }
  return groups;
}
