/**
 * The archive search's walk over the shards, with a stand-in for Pagefind that answers from a table
 * (the real Pagefind is searched in tests/browser/search.test.ts): which shards it opens, in what
 * order, and when it stops.
 */
import { describe, expect, it } from 'vitest';
import { ArchiveSearch, type PagefindApi, type PagefindHit } from '../../src/lib/search/archive-search';
import { buildRoutingTable, indexTerms, type RoutingChunk } from '../../src/lib/search/routing';
import type { SearchShardsManifest } from '../../src/lib/search/scope';

/** Shard id → its pages' texts, newest shard and newest page first. */
const archive: [id: string, years: [number, number], texts: string[]][] = [
  ['latest', [1405, 1405], ['بازار امروز', 'هوای تهران']],
  ['newer', [1405, 1405], ['بازار دیروز']],
  ['1404', [1404, 1404], ['بازار ۱۴۰۴', 'کتاب ۱۴۰۴']],
  ['1403', [1403, 1403], ['بازار ۱۴۰۳']],
  ['1402', [1402, 1402], ['بازار ۱۴۰۲']],
  ['1401', [1401, 1401], ['بازار ۱۴۰۱']],
  ['1390', [1390, 1390], ['کلوچه فومن', 'بازار ۱۳۹۰']],
];

function setUp() {
  const opened: string[] = [];
  const searched: string[] = [];
  const pagefind: PagefindApi = {
    options: async () => undefined,
    init: async () => undefined,
    mergeIndex: async (indexPath) => {
      opened.push(indexPath);
    },
    search: async (term, options = {}) => {
      const [path] = options.bayeganShards as string[];
      const id = /\/pagefind\/([^/]+)\/$/.exec(path!)![1]!;
      searched.push(id);
      const texts = archive.find(([shard]) => shard === id)![2];
      const words = (term ?? '').split(' ').filter(Boolean);
      const results: PagefindHit[] = texts
        .map((text, at) => ({ text, at }))
        .filter(({ text }) => words.every((word) => text.split(' ').some((w) => w.startsWith(word))))
        .map(({ text, at }) => ({
          id: `${id}-${at}`,
          data: async () => ({ url: `/${id}/${at}/`, excerpt: text, meta: {} }),
        }));
      return { results };
    },
  };
  const manifest: SearchShardsManifest = {
    shards: archive.map(([id, years, texts]) => ({
      id,
      label: id,
      articles: texts.length,
      years,
      routed: id !== 'latest' && id !== 'newer',
    })),
  };
  const built = buildRoutingTable(
    archive
      .filter(([id]) => id !== 'latest' && id !== 'newer')
      .map(([id, , texts]) => ({ id, terms: indexTerms(texts.join(' ')) })),
    (body) => String(body.length),
  );
  const chunks = new Map(built.chunks.map((chunk) => [chunk.file, JSON.parse(chunk.body) as RoutingChunk]));
  const fetched: string[] = [];
  const search = new ArchiveSearch({
    pagefind,
    manifest,
    routing: built.index,
    routingChunk: async (file) => {
      fetched.push(file);
      return chunks.get(file)!;
    },
    shardPath: (id) => `/pagefind/${id}/`,
  });
  return { search, opened, searched, fetched };
}

describe('archive search', () => {
  it('walks the shards newest first, the two newest, then two years at a time, until the page is full', async () => {
    const { search, searched } = setUp();
    const run = await search.start({ term: 'بازار', filters: {} });
    await run.fill(2);
    expect(searched).toEqual(['latest', 'newer']);
    expect(run.hits.map((hit) => hit.id)).toEqual(['latest-0', 'newer-0']);
    await run.fill(3);
    expect(searched).toEqual(['latest', 'newer', '1404', '1403']);
    expect(run.complete).toBe(false);
    expect(run.searchedThrough).toBe('1403');
    await run.fill(100);
    expect(run.complete).toBe(true);
    expect(run.hits.map((hit) => hit.id)).toEqual([
      'latest-0',
      'newer-0',
      '1404-0',
      '1403-0',
      '1402-0',
      '1401-0',
      '1390-1',
    ]);
  });

  it('opens only the year shards the routing table names, besides the two newest', async () => {
    const { search, searched, opened } = setUp();
    const run = await search.start({ term: 'کلوچه', filters: {} });
    expect(run.shards).toEqual(['latest', 'newer', '1390']);
    await run.fill(10);
    expect(run.hits.map((hit) => hit.id)).toEqual(['1390-0']);
    expect(searched).toEqual(['latest', 'newer', '1390']);
    // The newest shard is Pagefind's own; the others are merged when first searched.
    expect(opened).toEqual(['/pagefind/newer/', '/pagefind/1390/']);
  });

  it('searches no year shard for a word no year holds', async () => {
    const { search } = setUp();
    expect((await search.start({ term: 'هوای', filters: {} })).shards).toEqual(['latest', 'newer']);
  });

  it('stops after the given number of shards once a result is found, but not before', async () => {
    const { search, searched } = setUp();
    const rare = await search.start({ term: '۱۳۹۰', filters: {} });
    await rare.fill(10, 1);
    expect(rare.hits.map((hit) => hit.id)).toEqual(['1390-1']);
    const common = await search.start({ term: 'بازار', filters: {} });
    searched.length = 0;
    await common.fill(10, 2);
    expect(searched).toEqual(['latest', 'newer']);
    expect(common.complete).toBe(false);
  });

  it('keeps a year filter to that year’s shards', async () => {
    const { search } = setUp();
    expect((await search.start({ term: 'بازار', filters: {}, year: 1403 })).shards).toEqual(['1403']);
    expect((await search.start({ term: '', filters: {}, year: 1405 })).shards).toEqual(['latest', 'newer']);
  });

  it('fetches each routing chunk once', async () => {
    const { search, fetched } = setUp();
    await search.start({ term: 'بازار', filters: {} });
    await search.start({ term: 'بازار', filters: {} });
    expect(fetched.length).toBe(new Set(fetched).size);
  });
});

describe('archive search when the network fails', () => {
  it('searches every shard when a routing chunk does not arrive, and fetches it again next time', async () => {
    const { search } = setUp();
    const failing = search as unknown as { deps: { routingChunk: (file: string) => Promise<RoutingChunk> } };
    const working = failing.deps.routingChunk;
    failing.deps.routingChunk = () => Promise.reject(new Error('offline'));
    const run = await search.start({ term: 'کلوچه', filters: {} });
    expect(run.shards).toEqual(archive.map(([id]) => id));
    failing.deps.routingChunk = working;
    expect((await search.start({ term: 'کلوچه', filters: {} })).shards).toEqual(['latest', 'newer', '1390']);
  });
});
