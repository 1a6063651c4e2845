/**
 * Whole-archive search in the reader's browser, newest first (browser-safe: no DOM, no Astro).
 *
 * Pagefind answers from one shard at a time (the build patches its merge step to accept the
 * `bayeganShards` option, shard-precision.ts), sorted by publication date, newest first. The
 * shards are visited newest first too, so the concatenated answers are the whole archive's matches
 * from the newest to the oldest: every result holds every query word (Pagefind's rule, with the
 * shard-precision check against its fallback to shorter words), and among those the newest comes
 * first, which is what a news reader expects of an archive. Only as many shards are visited as the
 * page of results needs; the routing table (routing.ts) skips the year shards that lack a word,
 * so a story found only in the oldest year costs that year's shard alone.
 */
import { searchIndexPath } from '#lib/paths.ts';
import { chunksForWord, queryWords, shardsHoldingAll, type RoutingChunk, type RoutingIndex } from './routing.ts';
import { shardsToSearch, type SearchShardsManifest } from './scope.ts';

/** What the search page uses of Pagefind's JavaScript API (`pagefind.js`). */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindHit[] } | null>;
}

export interface PagefindHit {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResultData {
  url: string;
  /** Pagefind's excerpt: the page's text, escaped, with the matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface SearchRequest {
  /** The query as Pagefind should see it (`normalizeQuery`); empty for filters alone. */
  term: string;
  /** Pagefind filters: name → value. */
  filters: Record<string, string>;
  /** A Jalali year: only that year's shards are searched (the year filter). */
  year?: number | undefined;
}

export interface ArchiveSearchDeps {
  pagefind: PagefindApi;
  manifest: SearchShardsManifest;
  /** The routing table's index, or `null` when the site has none. */
  routing: RoutingIndex | null;
  /** Fetches a routing chunk by file name. */
  routingChunk(file: string): Promise<RoutingChunk>;
  /** A shard's bundle path, as given to Pagefind (`/pagefind/1403/`, under the site's base). */
  shardPath(id: string): string;
  /** Options for each merged shard (Pagefind's `baseUrl`). */
  mergeOptions?: Record<string, unknown>;
}

/**
 * Year shards visited at once: their index files load in parallel. The first step is the newest
 * shards alone (`latest` and `newer`, about 2,000 articles): a common word fills a page of results
 * there, and a year shard costs 80–110 KB (its metadata and an index chunk per word).
 */
const SHARDS_PER_STEP = 2;

/** One reader's search: the results found so far, newest first, and the shards still to visit. */
export class SearchRun {
  /** Results found so far, newest first. */
  readonly hits: PagefindHit[] = [];
  /** The shards to visit, newest first. */
  readonly shards: readonly string[];
  private next = 0;
  private readonly search: ArchiveSearch;
  private readonly request: SearchRequest;
  /** How many shards the first step visits. */
  private readonly firstStep: number;

  // Fields assigned in the body: Node's type stripping (plain-Node imports) has no parameter properties.
  constructor(search: ArchiveSearch, request: SearchRequest, shards: readonly string[], firstStep = SHARDS_PER_STEP) {
    this.search = search;
    this.request = request;
    this.shards = shards;
    this.firstStep = firstStep;
  }

  /** Whether every shard that may hold results has been searched. */
  get complete(): boolean {
    return this.next >= this.shards.length;
  }

  /** The last shard searched (its label tells the reader how far back the results go). */
  get searchedThrough(): string | undefined {
    return this.next > 0 ? this.shards[this.next - 1] : undefined;
  }

  /**
   * Searches further shards until at least `wanted` results are known or none is left; with
   * `maxShards`, stops after that many shards once some result is found (a first page should not
   * wait for the whole archive when only a few of its stories match).
   */
  async fill(wanted: number, maxShards = Infinity): Promise<void> {
    let visited = 0;
    while (!this.complete && this.hits.length < wanted && (visited < maxShards || this.hits.length === 0)) {
      const step = this.shards.slice(this.next, this.next + (this.next === 0 ? this.firstStep : SHARDS_PER_STEP));
      this.next += step.length;
      visited += step.length;
      const answers = await Promise.all(step.map((id) => this.search.searchShard(id, this.request)));
      for (const answer of answers) this.hits.push(...answer);
    }
  }
}

export class ArchiveSearch {
  private readonly merged = new Map<string, Promise<void>>();
  private readonly chunks = new Map<string, Promise<RoutingChunk>>();
  private readonly deps: ArchiveSearchDeps;

  constructor(deps: ArchiveSearchDeps) {
    this.deps = deps;
    const primary = deps.manifest.shards[0];
    // The shard Pagefind was loaded from is in the index from the start.
    if (primary) this.merged.set(primary.id, Promise.resolve());
  }

  /** Starts a search: decides which shards it visits (nothing is searched yet). */
  async start(request: SearchRequest): Promise<SearchRun> {
    const words = queryWords(request.term);
    const routing = this.deps.routing;
    let holding: string[] | undefined;
    if (routing && words.length > 0) {
      const loaded = new Map<string, RoutingChunk>();
      const files = new Set<string>();
      for (const word of words) for (const file of chunksForWord(routing, word) ?? []) files.add(file);
      try {
        await Promise.all(
          [...files].map(async (file) => {
            let chunk = this.chunks.get(file);
            if (!chunk) this.chunks.set(file, (chunk = this.deps.routingChunk(file)));
            loaded.set(file, await chunk);
          }),
        );
        holding = shardsHoldingAll(routing, words, (file) => loaded.get(file) ?? []);
      } catch {
        // A chunk that did not arrive: every shard may hold the words (slower, never fewer results).
        for (const file of files) this.chunks.delete(file);
        holding = undefined;
      }
    }
    const shards = shardsToSearch(this.deps.manifest, { holding, year: request.year });
    const routed = new Set(this.deps.manifest.shards.filter((shard) => shard.routed).map((shard) => shard.id));
    const newest = shards.findIndex((id) => routed.has(id));
    return new SearchRun(this, request, shards, newest > 0 ? newest : SHARDS_PER_STEP);
  }

  /** One shard's results for the request, newest first. */
  async searchShard(id: string, request: SearchRequest): Promise<PagefindHit[]> {
    let merged = this.merged.get(id);
    if (!merged) {
      merged = this.deps.pagefind.mergeIndex(this.deps.shardPath(id), this.deps.mergeOptions);
      this.merged.set(id, merged);
    }
    await merged;
    const answer = await this.deps.pagefind.search(request.term.trim() === '' ? null : request.term, {
      filters: request.filters,
      sort: { date: 'desc' },
      bayeganShards: [searchIndexPath(`${id}/`)],
    });
    return answer?.results ?? [];
  }
}
