/**
 * A list of the archive's articles (a section's, a tag's, a reporter's, a month's) held as their
 * rows in one table of every article, newest first: 4 bytes an article a list, in a typed array
 * outside the JavaScript heap, where an array of the articles took 8 bytes an entry and its spare
 * room as it grew, in every thread that holds the archive (about 50 MB a thread at a million
 * articles, a list or more for each article). The rows ascend, so the list is newest first too.
 */
import { positionInSorted } from './sorted-search.ts';

/** What a list of stories, newest first, gives: an array of them, or an `ArticleList`. */
export interface NewestFirst<T> {
  readonly length: number;
  /** The item at `index` (0 = the newest); undefined past either end. */
  at(index: number): T | undefined;
  /** Its items from `start` to `end` (not included), newest first, as an array of their own. */
  slice(start?: number, end?: number): T[];
}

export class ArticleList<T> implements NewestFirst<T>, Iterable<T> {
  readonly #table: readonly T[];
  readonly #rows: Uint32Array;

  /** @param rows rows of `table`, ascending */
  constructor(table: readonly T[], rows: Uint32Array) {
    this.#table = table;
    this.#rows = rows;
  }

  get length(): number {
    return this.#rows.length;
  }

  at(index: number): T | undefined {
    const row = this.#rows.at(index);
    return row === undefined ? undefined : this.#table[row];
  }

  slice(start?: number, end?: number): T[] {
    return Array.from(this.#rows.subarray(start, end), (row) => this.#table[row]!);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const row of this.#rows) yield this.#table[row]!;
  }

  /** Where the article at `row` of the table is in this list; undefined when the list does not hold it. */
  indexOfRow(row: number): number | undefined {
    return positionInSorted(this.#rows, row, (a, b) => a - b);
  }

  /**
   * The same rows over another table of the same articles in the same order (their numbers, say):
   * the list as another reader needs it, for no more memory than the list.
   */
  over<U>(table: readonly U[]): ArticleList<U> {
    return new ArticleList(table, this.#rows);
  }
}

/**
 * Groups the rows of a table of `count` items by the keys `keysOf` gives each row (none, one or
 * several; a key given twice holds the row twice), every group's rows ascending. Two passes over the keys, one to
 * count and one to place, so that every group is one stretch of a single typed array, sized
 * exactly: no array grows, and no group holds spare room. Groups come in the order their first row
 * met them.
 */
export function groupRows<K>(count: number, keysOf: (row: number) => Iterable<K>): Map<K, Uint32Array> {
  const sizes = new Map<K, number>();
  for (let row = 0; row < count; row++) {
    for (const key of keysOf(row)) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  let total = 0;
  for (const size of sizes.values()) total += size;
  const rows = new Uint32Array(total);
  const groups = new Map<K, Uint32Array>();
  const filled = new Map<K, number>();
  let start = 0;
  for (const [key, size] of sizes) {
    groups.set(key, rows.subarray(start, start + size));
    filled.set(key, 0);
    start += size;
  }
  for (let row = 0; row < count; row++) {
    for (const key of keysOf(row)) {
      const at = filled.get(key)!;
      groups.get(key)![at] = row;
      filled.set(key, at + 1);
    }
  }
  return groups;
}
