/**
 * Every published article, newest first, as one table whose articles are not all objects: those a
 * build holds in full are (the articles its pages show), and the rest, which a segment build holds
 * as rows of packed columns (./content/packed-columns.ts), are made from their row each time they
 * are asked for. Every thread of a segment build holds the whole archive; as objects, each article
 * of the rest was an `Article` and its packed entry, 120 bytes an article of every page thread's
 * heap at a million articles, where the table keeps 4 bytes an article, outside the heap.
 *
 * An article made when asked is a new object each time it is listed, equal to the one before: compare
 * articles by their number, never by identity (nothing keeps one by identity but the feeds, whose
 * articles a build holds in full). One asked for by place (`at`) is kept a while (`KEPT_AT`).
 */
import type { ArticleRows } from './article-list.ts';
import { boundedMemo } from './bounded-memo.ts';
import { newestFirstOf, type NewestFirstKey } from './content/publication.ts';

/**
 * How many articles made when asked by place are kept, the last asked, for the next asking: an
 * article's page asks for its neighbours and related stories by place (a few dozen candidates),
 * which the pages around it ask for again. The plan fingerprints every article page one after the
 * other: with each made anew, its page generation at 100,000 articles took 19–21 s instead of 11.
 */
const KEPT_AT = 4096;

export class ArticleTable<T, F = T> implements ArticleRows<T> {
  readonly #held: readonly T[];
  readonly #order: Uint32Array;
  readonly #make: (row: number) => T;
  readonly #factsOf: (row: number) => F;
  readonly #keptAt: number;
  #madeAt: (row: number) => T;

  /**
   * @param held the articles held as objects
   * @param order the table, newest first: below `held.length`, a place in `held`; else a row to
   *   make (`make(value - held.length)`)
   * @param make the article of a row
   * @param keptAt how many articles made when asked by place are kept
   * @param factsOf what a row's article is made of, made without it (`facts`); by default, the article
   */
  constructor(
    held: readonly T[],
    order: Uint32Array,
    make: (row: number) => T,
    {
      keptAt = KEPT_AT,
      factsOf = make as unknown as (row: number) => F,
    }: { keptAt?: number | undefined; factsOf?: (row: number) => F } = {},
  ) {
    this.#held = held;
    this.#order = order;
    this.#make = make;
    this.#factsOf = factsOf;
    this.#keptAt = keptAt;
    this.#madeAt = boundedMemo(make, keptAt);
  }

  /**
   * Forgets the articles kept for the next asking by place: for when what `make` reads has changed
   * (the comment counts, filled in after the first articles were made).
   */
  forgetMade(): void {
    this.#madeAt = boundedMemo(this.#make, this.#keptAt);
  }

  /** The articles it holds as objects, in the order given. */
  get held(): readonly T[] {
    return this.#held;
  }

  get length(): number {
    return this.#order.length;
  }

  at(index: number): T | undefined {
    const value = this.#order.at(index);
    if (value === undefined) return undefined;
    return value < this.#held.length ? this.#held[value] : this.#madeAt(value - this.#held.length);
  }

  slice(start?: number, end?: number): T[] {
    const values = this.#order.subarray(start, end);
    const items: T[] = [];
    for (let at = 0; at < values.length; at++) items.push(this.#item(values[at]!));
    return items;
  }

  *[Symbol.iterator](): Iterator<T> {
    // By place rather than by the order's own iterator: a loop over a million articles.
    for (let at = 0; at < this.#order.length; at++) yield this.#item(this.#order[at]!);
  }

  /**
   * Every article newest first as the facts it is made of: a held one as it is, a row's as
   * `factsOf` makes them, no article made. For the passes over the whole archive that read only
   * those (the index's groupings, a segment's digests): an article of a segment build's packed row
   * is three objects and the lookups of its section and reporters (about 3 s a pass at a million).
   */
  *facts(): Generator<F> {
    for (let at = 0; at < this.#order.length; at++) {
      const value = this.#order[at]!;
      // A held article is its own facts (an `Article` is a `PublishedArticle`).
      yield value < this.#held.length ? (this.#held[value]! as unknown as F) : this.#factsOf(value - this.#held.length);
    }
  }

  #item(value: number): T {
    return value < this.#held.length ? this.#held[value]! : this.#make(value - this.#held.length);
  }
}

/**
 * `articles` as the facts they are made of, for a pass that reads only those (`F`, which the
 * caller names): a table's without making its rows' articles (`ArticleTable.facts`), else the
 * articles themselves.
 */
export function articleFacts<F>(articles: Iterable<F>): Iterable<F> {
  return articles instanceof ArticleTable ? (articles as ArticleTable<F, F>).facts() : articles;
}

/**
 * The order of an `ArticleTable` of `held` (newest first) and the rows `rows` (newest first by
 * `keyOf`): the two merged, newest first (`compareNewestFirst`, ./content/publication.ts). Of two
 * that compare equal (never two articles, whose numbers differ), the held one comes first.
 */
export function newestFirstOrder(
  held: readonly NewestFirstKey[],
  rows: Uint32Array,
  keyOf: (row: number) => { id: number; time: number },
): Uint32Array {
  const order = new Uint32Array(held.length + rows.length);
  let fromHeld = 0;
  let fromRows = 0;
  let next = rowKey(rows, fromRows, keyOf);
  for (let at = 0; at < order.length; at++) {
    const item = held[fromHeld];
    const heldFirst =
      next === undefined ||
      (item !== undefined && newestFirstOf(item.time ?? item.date.getTime(), item.id, next.time, next.id) <= 0);
    if (heldFirst) {
      order[at] = fromHeld++;
    } else {
      order[at] = held.length + rows[fromRows++]!;
      next = rowKey(rows, fromRows, keyOf);
    }
  }
  return order;
}

const rowKey = (rows: Uint32Array, at: number, keyOf: (row: number) => { id: number; time: number }) =>
  at < rows.length ? keyOf(rows[at]!) : undefined;
