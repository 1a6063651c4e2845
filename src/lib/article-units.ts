/**
 * Each published article's unit in a segment plan (the unit of its search shard), as every thread
 * of a segment build holds it (pure): the article numbers sorted in a typed array, the index of
 * each one's unit name beside it, each name once; an article's unit found by halving. A `Map` of
 * number to name took about 37 bytes an article in each thread (a million articles: 37 MB a
 * thread); this takes 12.
 */
import { nameTable } from './name-table.ts';

export class ArticleUnits implements Iterable<[number, string]> {
  /** Ascending. */
  readonly #ids: Float64Array;
  /** The index in `#names` of the unit of the article at the same place in `#ids`. */
  readonly #units: Uint32Array;
  readonly #names: readonly string[];

  private constructor(ids: Float64Array, units: Uint32Array, names: readonly string[]) {
    this.#ids = ids;
    this.#units = units;
    this.#names = names;
  }

  /**
   * The units of `pairs` (article number, unit name), in any order; of a number given twice, the
   * last unit, as a `Map`'s `set` keeps.
   */
  static from(pairs: Iterable<readonly [number, string]>): ArticleUnits {
    const ids: number[] = [];
    const units: number[] = [];
    const unitNames = nameTable();
    for (const [id, name] of pairs) {
      ids.push(id);
      units.push(unitNames.indexOf(name));
    }
    const order = Array.from(ids.keys()).sort((a, b) => ids[a]! - ids[b]! || a - b);
    const kept = order.filter((at, place) => place === order.length - 1 || ids[order[place + 1]!] !== ids[at]);
    return new ArticleUnits(
      Float64Array.from(kept, (at) => ids[at]!),
      Uint32Array.from(kept, (at) => units[at]!),
      unitNames.names,
    );
  }

  /** How many articles have a unit. */
  get size(): number {
    return this.#ids.length;
  }

  /** The unit of article `id`; undefined when it has none (not published, or not in the plan). */
  get(id: number): string | undefined {
    let low = 0;
    let high = this.#ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.#ids[middle]!;
      if (found === id) return this.#names[this.#units[middle]!];
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /**
   * The numbers of the articles whose unit is one of `units`, ascending: read from its arrays, with
   * no name made an article.
   */
  idsOf(units: ReadonlySet<string>): number[] {
    const wanted = new Set<number>();
    this.#names.forEach((name, at) => units.has(name) && wanted.add(at));
    const ids: number[] = [];
    for (let at = 0; at < this.#ids.length; at++) if (wanted.has(this.#units[at]!)) ids.push(this.#ids[at]!);
    return ids;
  }

  /** Every unit name it was given, each once. */
  names(): readonly string[] {
    return this.#names;
  }

  /** Every article's number and unit, by number. */
  *[Symbol.iterator](): Generator<[number, string]> {
    for (let at = 0; at < this.#ids.length; at++) yield [this.#ids[at]!, this.#names[this.#units[at]!]!];
  }
}
