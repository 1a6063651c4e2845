/**
 * Which search shards a reader's search visits, and in what order (browser-safe: no dependencies).
 * The search page reads the shards manifest the build writes at /pagefind/shards.json.
 *
 * A search covers the whole archive, newest shard first: results are shown newest first, so the
 * first page of results usually comes from the newest shards alone, and older shards are searched
 * only when the reader asks for more. The routing table (`routing.ts`) leaves out the year shards
 * that do not hold every word of the query; a year filter leaves out the shards of other years.
 */

/** The shards manifest's name in the search index's folder: `/pagefind/shards.json`. */
export const SHARDS_MANIFEST_NAME = 'shards.json';

/** What the build writes to `/pagefind/shards.json`. */
export interface SearchShardsManifest {
  /** Newest first; their periods follow one another without overlapping. */
  shards: {
    /** The shard's folder under /pagefind/: `latest`, `newer`, `1403`, `1398-1402`, `1404-01-06`. */
    id: string;
    /** «خبرهای ۱۴۰۳» and the like. */
    label: string;
    articles: number;
    /** The first and last Jalali year of its articles. */
    years: [number, number];
    /** Whether the routing table knows its words (every shard but the two newest). */
    routed: boolean;
  }[];
}

export interface ShardChoice {
  /** The routed shards that hold every word of the query; `undefined`: every shard may. */
  holding?: readonly string[] | undefined;
  /** Only the shards with articles of this Jalali year. */
  year?: number | undefined;
}

/** The shard ids a search visits, newest first. */
export function shardsToSearch(manifest: SearchShardsManifest, { holding, year }: ShardChoice = {}): string[] {
  return manifest.shards
    .filter((shard) => year === undefined || (shard.years[0] <= year && year <= shard.years[1]))
    .filter((shard) => !shard.routed || holding === undefined || holding.includes(shard.id))
    .map((shard) => shard.id);
}
