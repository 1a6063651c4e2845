/**
 * Names (or other keys) kept once, each at the index of its first meeting: the plan's tables of
 * units keep a unit's name once and its index a row (./article-units.ts, ./list-page-units.ts,
 * ./segments.ts), and the archive's lists number their keys so (`groupRows`, ./article-list.ts).
 */
export interface NameTable<K = string> {
  /** Every name met, in the order first met. */
  readonly names: K[];
  /** The index of `name` in `names`, added at the end the first time. */
  indexOf(name: K): number;
}

export function nameTable<K = string>(): NameTable<K> {
  const names: K[] = [];
  const indexes = new Map<K, number>();
  return {
    names,
    indexOf(name) {
      let index = indexes.get(name);
      if (index === undefined) indexes.set(name, (index = names.push(name) - 1));
      return index;
    },
  };
}
