/**
 * A Map shared by every module graph of this process, found under `name` on a global symbol.
 * Astro runs the content sync's loaders in a Vite server of their own and the pages in the built
 * chunks: a module-level Map would exist once per graph, and what a loader records for the pages
 * (where the rendered bodies are, the collections it synced) would not reach them.
 */
export function processWideMap<K, V>(name: string): Map<K, V> {
  const key = Symbol.for(name);
  const scope = globalThis as typeof globalThis & { [key: symbol]: Map<K, V> | undefined };
  return (scope[key] ??= new Map<K, V>());
}
