/**
 * Where `item` is in `list`, sorted by `compare`, found by halving; undefined when no element of
 * the list compares equal to it. The one binary search of the code: an article's place in the
 * archive's table (./archive.ts), a row in a list of it (./article-list.ts), a number in a set of
 * numbers (./number-set.ts).
 */
export function positionInSorted<T>(
  list: { readonly length: number; at(index: number): T | undefined },
  item: T,
  compare: (a: T, b: T) => number,
): number | undefined {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list.at(middle)!, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low < list.length && compare(list.at(low)!, item) === 0 ? low : undefined;
}
