/** What can be read by place: an array, a typed array, a list or table of the archive's articles. */
export interface Indexed<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** `first`'s items then `second`'s, read by place (from 0), neither copied. */
export function joinedIndexed<T>(first: Indexed<T>, second: Indexed<T>): Indexed<T> {
  return {
    length: first.length + second.length,
    at: (index) => (index < first.length ? first.at(index) : second.at(index - first.length)),
  };
}

/**
 * Where `item` is in `list`, sorted by `compare`, found by halving; undefined when no element of
 * the list compares equal to it. The one binary search of the code: an article's place in the
 * archive's table (./archive.ts), a row in a list of it (./article-list.ts), a number in a set of
 * numbers (./number-set.ts).
 */
export function positionInSorted<T>(list: Indexed<T>, item: T, compare: (a: T, b: T) => number): number | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list.at(middle)!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low < list.length && compare(list.at(low)!, item) === 0 ? low : undefined;
}
