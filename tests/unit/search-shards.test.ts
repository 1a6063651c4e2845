import { describe, expect, it } from 'vitest';
import { fromTehranWallTime } from '../../src/lib/dates/tehran';
import { toGregorian } from 'jalaali-js';
import {
  IndexedArticle,
  indexedArticles,
  LATEST_SHARD,
  planSearchShards,
  planSearchTiers,
  RECENT_SHARD,
  routedShard,
  shardsManifest,
} from '../../src/lib/search/shards';
import { shardsToSearch } from '../../src/lib/search/scope';

/** `count` pages on day 1 of a Jalali year and month (Tehran noon). */
function pages(year: number, month: number, count: number) {
  const { gy, gm, gd } = toGregorian(year, month, 1);
  const date = fromTehranWallTime({ year: gy, month: gm, day: gd, hour: 12, minute: 0, second: 0 });
  return Array.from({ length: count }, (_, index) => ({
    id: Number(`${year}${month}${index}`),
    url: `/news/${year}${month}${index}/`,
    date,
  }));
}

const summary = (shards: ReturnType<typeof planSearchShards>) => shards.map((shard) => [shard.id, shard.pages.length]);

describe('planSearchShards', () => {
  it('groups whole years from the oldest, newest shard first', () => {
    const shards = planSearchShards([...pages(1400, 3, 4), ...pages(1401, 5, 4), ...pages(1402, 1, 3)], 8);
    expect(summary(shards)).toEqual([
      ['1402', 3],
      ['1400-1401', 8],
    ]);
    expect(shards[1]!.label).toBe('خبرهای ۱۴۰۰ تا ۱۴۰۱');
    expect(shards[0]!.label).toBe('خبرهای ۱۴۰۲');
  });

  it('files a page by its Tehran date: 20:50 UTC on 20 March 2024 is already 1403', () => {
    const nowruz = new Date('2024-03-19T20:50:00Z'); // 00:20 on 1 Farvardin 1403 in Tehran
    const [shard] = planSearchShards([{ id: 1, url: '/a/', date: nowruz }], 10);
    expect(shard!.id).toBe('1403');
  });

  it('splits a year larger than the limit into runs of whole months', () => {
    const year = [...pages(1403, 1, 3), ...pages(1403, 2, 3), ...pages(1403, 3, 3), ...pages(1403, 9, 7)];
    const shards = planSearchShards([...pages(1402, 6, 2), ...year], 6);
    expect(summary(shards)).toEqual([
      ['1403-09-09', 7], // a month larger than the limit stays whole
      ['1403-03-03', 3],
      ['1403-01-02', 6],
      ['1402', 2],
    ]);
    expect(shards[2]!.label).toBe('خبرهای فروردین تا اردیبهشت ۱۴۰۳');
    expect(shards[0]!.label).toBe('خبرهای آذر ۱۴۰۳');
  });

  it('keeps older shards unchanged when a story is added to the newest year', () => {
    const archive = [...pages(1398, 1, 5), ...pages(1399, 1, 5), ...pages(1400, 1, 5), ...pages(1401, 1, 2)];
    const before = planSearchShards(archive, 10);
    const after = planSearchShards([...archive, ...pages(1401, 2, 1)], 10);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(summary(after)).toEqual([
      ['1400-1401', 8],
      ['1398-1399', 10],
    ]);
  });

  it('has no shard for an empty archive', () => {
    expect(planSearchShards([], 10)).toEqual([]);
  });
});

/** `count` pages one Tehran day apart, from 1 Farvardin 1400 on. */
function daily(count: number) {
  const start = pages(1400, 1, 1)[0]!.date.getTime();
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    url: `/news/${index + 1}/`,
    date: new Date(start + index * 86_400_000),
  }));
}

describe('planSearchTiers', () => {
  const tiers = { shardArticles: 40, recentArticles: 20, latestArticles: 5 };

  it('keeps an archive smaller than the latest shard in one shard', () => {
    expect(summary(planSearchTiers(daily(4), tiers))).toEqual([[LATEST_SHARD, 4]]);
    expect(planSearchTiers([], tiers)).toEqual([]);
  });

  it('lays out the newest articles in a latest and a recent shard, older ones by years', () => {
    const shards = planSearchTiers(daily(2345), { shardArticles: 8000, recentArticles: 2000, latestArticles: 100 });
    expect(summary(shards).slice(0, 2)).toEqual([
      [LATEST_SHARD, 45],
      [RECENT_SHARD, 300],
    ]);
    expect(shards.slice(2).reduce((sum, shard) => sum + shard.pages.length, 0)).toBe(2000);
    expect(shards.slice(2).every((shard) => /^\d{4}(-\d{2}){0,2}$|^\d{4}-\d{4}$/.test(shard.id))).toBe(true);
    // The newest shard holds the newest articles, oldest first inside it.
    expect(shards[0]!.pages.at(-1)!.url).toBe('/news/2345/');
    expect(shards[0]!.label).toMatch(/^خبرهای از .* به بعد$/);
    expect(shards[1]!.label).toMatch(/^خبرهای .* تا .*۱۴۰۶$/);
  });

  it('re-indexes only the latest shard for a new story, until it fills up', () => {
    const contents = (n: number) =>
      new Map(planSearchTiers(daily(n), tiers).map((shard) => [shard.id, shard.pages.map((p) => p.url).join()]));
    /** Shards of the new plan that the old one lacks (by id and articles), and their articles. */
    const reindexed = (n: number) => {
      const before = contents(n);
      const changed = [...contents(n + 1)].filter(([id, urls]) => before.get(id) !== urls);
      return {
        ids: changed.map(([id]) => id).sort(),
        articles: changed.reduce((sum, [, urls]) => sum + urls.split(',').length, 0),
      };
    };
    for (let n = 1; n < 130; n++) {
      const { ids, articles } = reindexed(n);
      const filled = (n + 1) % tiers.latestArticles === 0;
      const sealed = (n + 1) % tiers.recentArticles === 0;
      if (!filled) {
        expect(ids, `story ${n + 1}`).toEqual([LATEST_SHARD]);
        expect(articles).toBeLessThan(tiers.latestArticles);
      } else if (!sealed) {
        // The latest shard moves into the recent one.
        expect(ids, `story ${n + 1}`).toEqual([RECENT_SHARD]);
        expect(articles).toBeLessThan(tiers.recentArticles);
      } else {
        // Once every recentArticles stories the recent shard moves into the newest year shards.
        expect(ids, `story ${n + 1}`).not.toContain(RECENT_SHARD);
        expect(articles).toBeLessThanOrEqual(tiers.shardArticles + tiers.recentArticles);
      }
    }
  });

  it('depends on the archive alone, not on the order pages are given in', () => {
    const archive = daily(77);
    expect(planSearchTiers([...archive].reverse(), tiers)).toEqual(planSearchTiers(archive, tiers));
  });
});

describe('shards a search visits', () => {
  const shards = planSearchShards([...pages(1400, 1, 5), ...pages(1401, 1, 5), ...pages(1402, 1, 5)], 5);
  const manifest = shardsManifest(shards);

  it('lists every shard with its years, newest first, routed unless it is one of the two newest', () => {
    expect(manifest.shards.map((shard) => [shard.id, shard.years, shard.routed])).toEqual([
      ['1402', [1402, 1402], true],
      ['1401', [1401, 1401], true],
      ['1400', [1400, 1400], true],
    ]);
    expect(routedShard(LATEST_SHARD)).toBe(false);
    expect(routedShard(RECENT_SHARD)).toBe(false);
  });

  it('covers the whole archive, newest first, unless the routing table or a year leaves shards out', () => {
    expect(shardsToSearch(manifest)).toEqual(['1402', '1401', '1400']);
    expect(shardsToSearch(manifest, { holding: ['1400'] })).toEqual(['1400']);
    expect(shardsToSearch(manifest, { holding: [] })).toEqual([]);
    expect(shardsToSearch(manifest, { year: 1401 })).toEqual(['1401']);
    expect(shardsToSearch(manifest, { year: 1401, holding: ['1400'] })).toEqual([]);
  });

  it('always visits the newest shards, which the routing table does not know', () => {
    const tiered = shardsManifest(
      planSearchTiers(daily(230), { shardArticles: 40, recentArticles: 20, latestArticles: 5 }),
    );
    const unrouted = tiered.shards.filter((shard) => !shard.routed).map((shard) => shard.id);
    expect(unrouted.length).toBeGreaterThan(0);
    expect(shardsToSearch(tiered, { holding: [] })).toEqual(unrouted);
  });
});

describe('indexedArticles', () => {
  /** An archive of articles newest first, an hour apart, but for numbers 9 and 10, which share one. */
  const archive = Array.from({ length: 400 }, (_, at) => {
    const id = 400 - at;
    const date = new Date(Date.UTC(2023, 0, 1) + (id === 10 ? 9 : id) * 3_600_000);
    return { id, date, path: `/news/${id}/${'خبر'.repeat(1 + (id % 3))}/` };
  });
  const tiers = { shardArticles: 120, recentArticles: 60, latestArticles: 20 };
  const filed = (shards: ReturnType<typeof planSearchTiers>) =>
    shards.map((shard) => [shard.id, shard.label, shard.pages.map((page) => [page.url, page.date.getTime()])]);

  it("files the archive's articles in the shards their pages would be filed in, by time and number, no URL made", () => {
    let asked = 0;
    const counted = Object.assign([...archive], {
      at: (index: number) => {
        asked += 1;
        return archive.at(index);
      },
    });
    const pages = indexedArticles(counted);
    expect(pages[0]).toBeInstanceOf(IndexedArticle);
    expect(pages.map((page) => page.id)).toEqual(archive.map((article) => article.id).reverse());
    const shards = planSearchTiers(pages, tiers);
    // Articles sharing a time are told apart by their numbers: no URL is made to plan the shards.
    expect(asked).toBe(0);
    const asForPages = filed(shards);
    const asObjects = filed(
      planSearchTiers(
        archive.map(({ id, path, date }) => ({ id, url: path, date })),
        tiers,
      ),
    );
    expect(asForPages).toEqual(asObjects);
    // At one time, /news/9/ comes before /news/10/ as their numbers sort (oldest first), not their URLs.
    const oldest = shards.at(-1)!.pages.map((page) => page.url);
    expect(oldest.indexOf('/news/9/خبر/')).toBeLessThan(oldest.indexOf('/news/10/خبرخبر/'));
  });
});
