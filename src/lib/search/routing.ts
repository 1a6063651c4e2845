/**
 * The search routing table: which year shards hold which words, so that a reader's search loads
 * only the shards that can answer it (browser-safe: no dependencies).
 *
 * Pagefind's cost per shard is its metadata (about 11 bytes per article) plus an index chunk per
 * word: searching every shard of a 100,000-article archive moves 4 MB. A word's shards come from
 * this table instead: the build lists every word of every sealed year shard (`indexTerms`),
 * `buildRoutingTable` sorts them into small chunks (a word and the shards that hold it), and the
 * search page fetches the one chunk a query word falls in. The newest shards (`latest`, `newer`)
 * are left out: they are searched first for every query anyway, and keeping them out means a new
 * story never changes the table (it changes once every 2,000 stories, when a year shard is sealed).
 *
 * Words are split and compared the way Pagefind compares them (shard-precision.ts `holdsEveryTerm`):
 * lower case, without diacritics, and a query word matches every indexed word it begins. The table
 * errs on the side of a shard: a word it cannot route (too short, or no table) goes to every shard.
 */

import { ZWNJ } from '#lib/persian/script.ts';

/** One chunk of the table: words in order, each with the shards that hold it (a hex bit mask). */
export type RoutingChunk = [word: string, shards: string][];

/** `/pagefind/routes.json`: the shards the table knows and where each chunk starts. */
export interface RoutingIndex {
  /** Shard ids, in the order of the bits of the masks. */
  shards: string[];
  /** Chunks in word order: the first word of each and its file under `/pagefind/routes/`. */
  chunks: { from: string; file: string }[];
}

/** Splits text into words the way Pagefind does: lower case, no marks, split at spaces and punctuation. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((word) => word.length > 0);
}

/** What splits an indexed word into parts: a ZWNJ or a symbol. */
const WORD_PARTS = new RegExp(`[${ZWNJ}\\p{S}]+`, 'u');

/**
 * The words a shard's text can be found by: every word without ZWNJ, and each part of a word
 * written with a ZWNJ (Pagefind indexes such a word whole and as its parts) or a symbol (+, =, …:
 * in case Pagefind splits there too; a word too many only costs a shard searched in vain).
 */
export function indexTerms(text: string, into: Set<string> = new Set()): Set<string> {
  for (const word of words(text)) {
    // A word already held was added as itself, or as a part of another word, which holds no ZWNJ
    // and no symbol: either way it adds nothing more. Most words of a page are such repeats.
    if (into.has(word)) continue;
    const joined = word.replaceAll(ZWNJ, '');
    into.add(joined);
    if (joined === word && !/\p{S}/u.test(word)) continue;
    for (const part of word.split(WORD_PARTS)) if (part) into.add(part);
  }
  return into;
}

/** The words of a query (already folded by `normalizeQuery`), as the table looks them up. */
export function queryWords(query: string): string[] {
  return words(query)
    .map((word) => word.replaceAll(ZWNJ, ''))
    .filter((word) => word.length > 0);
}

/** The plain text of indexed HTML: tags dropped, attribute values kept (alt texts are indexed too). */
export function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*?\b(?:alt|title)="([^"]*)"[^>]*>/gi, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (_, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : ' ';
      }
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[name] ?? ' ';
    });
}

/** How many words one chunk holds: about 15 KB on the wire for Persian words. */
export const WORDS_PER_CHUNK = 2000;

/**
 * The table for the given shards. Chunk files are named by their contents (`name`), so a chunk
 * that did not change keeps its URL and its place in readers' and the CDN's caches.
 */
export function buildRoutingTable(
  shards: readonly { id: string; terms: Iterable<string> }[],
  name: (body: string) => string,
  wordsPerChunk = WORDS_PER_CHUNK,
): { index: RoutingIndex; chunks: { file: string; body: string }[] } {
  const masks = new Map<string, bigint>();
  shards.forEach((shard, bit) => {
    const flag = 1n << BigInt(bit);
    for (const term of shard.terms) masks.set(term, (masks.get(term) ?? 0n) | flag);
  });
  const sorted = [...masks.keys()].sort(compareWords);
  const chunks: { file: string; body: string }[] = [];
  const index: RoutingIndex = { shards: shards.map((shard) => shard.id), chunks: [] };
  for (let at = 0; at < sorted.length; at += wordsPerChunk) {
    const slice = sorted.slice(at, at + wordsPerChunk);
    const body = JSON.stringify(slice.map((word): [string, string] => [word, masks.get(word)!.toString(16)]));
    const file = `${name(body)}.json`;
    chunks.push({ file, body });
    index.chunks.push({ from: slice[0]!, file });
  }
  return { index, chunks };
}

/** Code-unit order, the same in Node and every browser (not the locale's). */
function compareWords(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** At most this many chunks are fetched for one word; a shorter prefix goes to every shard. */
const MAX_CHUNKS_PER_WORD = 2;

/**
 * The chunk files a query word needs (every word it begins may be in them), or `undefined` when
 * the word begins too many words to be worth routing.
 */
export function chunksForWord(index: RoutingIndex, word: string): string[] | undefined {
  const { chunks } = index;
  if (chunks.length === 0) return [];
  // The last chunk starting at or before the word, through the last starting with the word.
  let first = 0;
  while (first + 1 < chunks.length && compareWords(chunks[first + 1]!.from, word) <= 0) first++;
  let last = first;
  while (last + 1 < chunks.length && chunks[last + 1]!.from.startsWith(word)) last++;
  if (last - first + 1 > MAX_CHUNKS_PER_WORD) return undefined;
  return chunks.slice(first, last + 1).map((chunk) => chunk.file);
}

/** The shards whose mask bits are set among the masks of every indexed word the query word begins. */
function shardsOfWord(chunks: readonly RoutingChunk[], word: string): bigint {
  let mask = 0n;
  for (const chunk of chunks) {
    for (const [term, shards] of chunk) if (term.startsWith(word)) mask |= BigInt(`0x${shards}`);
  }
  return mask;
}

/**
 * The shards that hold every word of the query (each as a word or the start of one), in the
 * table's order; `undefined` when some word cannot be routed (every shard must then be searched).
 * `chunkOf` gives a fetched chunk by file name.
 */
export function shardsHoldingAll(
  index: RoutingIndex,
  words: readonly string[],
  chunkOf: (file: string) => RoutingChunk,
): string[] | undefined {
  if (words.length === 0) return undefined;
  let mask = (1n << BigInt(index.shards.length)) - 1n;
  for (const word of words) {
    const files = chunksForWord(index, word);
    if (!files) return undefined;
    mask &= shardsOfWord(files.map(chunkOf), word);
  }
  return index.shards.filter((_, bit) => (mask >> BigInt(bit)) & 1n);
}
