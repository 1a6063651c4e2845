/**
 * Which search shards a reader's search covers (browser-safe: no dependencies). The search page
 * reads the shards manifest the build writes at /pagefind/shards.json.
 */

/** What the build writes to `/pagefind/shards.json`. */
export interface SearchShardsManifest {
  /** Newest first. */
  shards: { id: string; label: string; articles: number }[];
  /** How many of the newest shards a search covers unless the reader widens it. */
  defaultScope: number;
}

/** The scope a search covers unless the reader chose another (`?scope=`). */
export const RECENT_SCOPE = 'recent';
/** Every shard. */
export const ALL_SCOPE = 'all';

/**
 * The shard ids a scope covers, newest first: `recent` (the default), `all`, or one shard's id.
 * An unknown scope (an old link) falls back to the default.
 */
export function shardsInScope(manifest: SearchShardsManifest, scope: string | null): string[] {
  const ids = manifest.shards.map((shard) => shard.id);
  if (scope === ALL_SCOPE) return ids;
  if (scope && ids.includes(scope)) return [scope];
  return ids.slice(0, Math.max(1, manifest.defaultScope));
}

/** Whether readers need a scope choice: only when the default leaves some shards out. */
export function offersScopeChoice(manifest: SearchShardsManifest): boolean {
  return manifest.defaultScope < manifest.shards.length;
}
