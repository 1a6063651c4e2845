/**
 * The part of Astro's scoped data store a glob loader uses, over a Map. Like Astro's, `set` keeps
 * an entry already stored with the same digest and returns false.
 */
export function memoryStore<E extends { id: string; digest?: string | number | undefined }>(initial: E[] = []) {
  const entries = new Map(initial.map((entry) => [entry.id, entry]));
  return {
    entries,
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: E) => {
        if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      has: (id: string) => entries.has(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      entries: () => [...entries.entries()],
      clear: () => entries.clear(),
    },
  };
}
