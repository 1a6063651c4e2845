/**
 * A pure function remembered for each argument it is called with, up to a limit, then forgotten all
 * at once: for what a build asks about the same few values again and again (a few hundred tags on
 * 100,000 articles, the days of the archive), without holding memory beyond the limit however
 * many distinct values a long-lived process meets. Pure: no I/O. Build-side only: Tehran's offset
 * per day (src/lib/dates/tehran.ts) keeps its own Map, since that module ships in the pages' scripts
 * and importing this would change every page's script for nothing a reader gets.
 */
export function boundedMemo<K, V>(compute: (key: K) => V, limit = 100_000): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as V;
    const value = compute(key);
    if (values.size >= limit) values.clear();
    values.set(key, value);
    return value;
  };
}
