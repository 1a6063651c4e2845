/**
 * Names kept once, each at the index of its first meeting: the plan's tables of units keep a unit's
 * name once and its index a row (./article-units.ts, ./list-page-units.ts, ./segments.ts).
 */
export interface NameTable {
  /** Every name met, in the order first met. */
  readonly names: string[];
  /** The index of `name` in `names`, added at the end the first time. */
  indexOf(name: string): number;
}

export function nameTable(): NameTable {
  const names: string[] = [];
  const indexes = new Map<string, number>();
  return {
    names,
    indexOf(name) {
      let index = indexes.get(name);
      if (index === undefined) indexes.set(name, (index = names.push(name) - 1));
      return index;
    },
  };
}
