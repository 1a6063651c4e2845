/**
 * Rows kept as bytes, found by a name without a string a row: a table of slots (open addressing, at
 * least twice as many as rows, a power of two), each a row plus one at its name's hash (`fnv1a`).
 * For tables of a million files: the records of the files content sync read
 * (./content/file-records.ts) and git's listing of them (./content/git-blobs.ts), where a Map held
 * a string and an entry a file.
 */
import { fnv1a } from './text-hash.ts';

export class RowsByName {
  readonly #slots: Int32Array;
  readonly #nameAt: (row: number) => string;

  /**
   * @param count how many rows there are
   * @param hashAt the hash (`fnv1a`) of row `row`'s name
   * @param nameAt the name of row `row`
   */
  constructor(count: number, hashAt: (row: number) => number, nameAt: (row: number) => string) {
    let size = 16;
    while (size < count * 2) size *= 2;
    const slots = new Int32Array(size);
    for (let row = 0; row < count; row += 1) {
      let slot = hashAt(row) & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = row + 1;
    }
    this.#slots = slots;
    this.#nameAt = nameAt;
  }

  /** The row whose name is `name` (the first, should two share it); undefined when there is none. */
  rowOf(name: string): number | undefined {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = fnv1a(name) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const row = slots[slot]! - 1;
      if (this.#nameAt(row) === name) return row;
    }
    return undefined;
  }
}
