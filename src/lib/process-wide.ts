/**
 * Values shared by every module graph of this process, each found under its name on a global
 * symbol. Astro runs the content sync's loaders in a Vite server of their own and the pages in the
 * built chunks, and the build steps are loaded with the configuration: a module-level variable would
 * exist once per graph, and what a loader records for the pages (where the rendered bodies are, the
 * collections it synced) or the pages for the build steps would not reach them.
 */

/** The slot of one process-wide value. */
export interface ProcessWideValue<T> {
  get(): T | undefined;
  /** Sets the value and returns it. */
  set(value: T): T;
}

const scope = globalThis as unknown as Record<symbol, unknown>;

/** One value shared by every module graph of this process, under `name`. */
export function processWideValue<T>(name: string): ProcessWideValue<T> {
  const key = Symbol.for(name);
  return {
    get: () => scope[key] as T | undefined,
    set: (value) => {
      scope[key] = value;
      return value;
    },
  };
}

/** A Map shared by every module graph of this process, under `name`. */
export function processWideMap<K, V>(name: string): Map<K, V> {
  const map = processWideValue<Map<K, V>>(name);
  return map.get() ?? map.set(new Map<K, V>());
}
