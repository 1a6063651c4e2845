import { toGregorian } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import { fromTehranWallTime } from '../../src/lib/dates/tehran';
import { planSearchTiers } from '../../src/lib/search/shards';
import {
  articlesOnOwnedListPages,
  articlesWithBodies,
  dealInOrder,
  hashedSegment,
  HIGHLIGHT_FILE,
  ownerOfFile,
  ownedArticleIds,
  ownsArticle,
  parseSegment,
  planSegments,
  receivedPlan,
  sentPlan,
  SITE_UNIT,
  shardUnit,
  unitOfFile,
  type PagedList,
  type SegmentIndex,
} from '../../src/lib/segments';
import { listingPages, settledPages } from '../../src/lib/listing-pages';
import {
  authorJsonFeedPath,
  authorPath,
  categoryFeedPath,
  categoryPath,
  pageFile,
  siteFeedPath,
  tagPath,
} from '../../src/lib/paths';
import { atLeast } from '../helpers/at-least';

const tiers = { shardArticles: 40, recentArticles: 20, latestArticles: 5 };

/** `perYear` articles in each Jalali year from `from` to `to`, numbered from 1, on Tehran noons. */
function archive(from: number, to: number, perYear: number): { id: number; path: string; date: Date }[] {
  const articles: { id: number; path: string; date: Date }[] = [];
  for (let year = from; year <= to; year++) {
    for (let at = 0; at < perYear; at++) {
      const { gy, gm, gd } = toGregorian(year, 1 + (at % 12), 1 + (at % 28));
      const id = articles.length + 1;
      const date = fromTehranWallTime({ year: gy, month: gm, day: gd, hour: 12, minute: 0, second: 0 });
      articles.push({ id, path: `/news/${id}/s${id}/`, date });
    }
  }
  return articles;
}

const articles = archive(1390, 1403, 23);
/** A list of the articles whose number passes `keep`, newest first. */
const pagedList = (path: string, keep: (id: number) => boolean): PagedList => ({
  path,
  articles: articles.flatMap(({ id }) => (keep(id) ? [id] : [])).reverse(),
});
const PAGE_SIZE = 4;
const paged = [
  pagedList(categoryPath('economy'), (id) => id % 2 === 0),
  pagedList(categoryPath('culture'), (id) => id % 3 === 0),
  pagedList(tagPath('نفت'), (id) => id % 7 === 0),
  pagedList(authorPath('sara'), (id) => id % 5 === 0),
];
const index = { articles, lists: { pageSize: PAGE_SIZE, paged } } satisfies SegmentIndex;

/** Every kind of file a site has: article pages, short links, lists, feeds, search, site files. */
function siteFiles(articles: readonly { id: number }[], shards: readonly string[]): string[] {
  return [
    ...articles.flatMap(({ id }) => [`news/${id}/s${id}/index.html`, `n/${id}/index.html`]),
    ...shards.flatMap((id) => [`pagefind/${id}/pagefind-entry.json`, `pagefind/${id}/fragment/x.pf_fragment`]),
    ...paged.flatMap((list) => listingPages(list.articles, PAGE_SIZE, list.path).map((page) => pageFile(page.url))),
    'category/economy/index.html',
    'category/economy/3/index.html',
    'category/economy/rss.xml',
    'category/culture/feed.json',
    'tag/نفت/index.html',
    'tag/index.html',
    'author/sara/index.html',
    'archive/1402/index.html',
    'archive/1402/05/2/index.html',
    'archive/index.html',
    'corrections/index.html',
    'index.html',
    '404.html',
    'search/index.html',
    'rss.xml',
    'feed.json',
    'sitemap-0.xml',
    'sitemap-index.xml',
    'robots.txt',
    '_headers',
    '_redirects',
    'pagefind/shards.json',
    HIGHLIGHT_FILE,
    'favicon.svg',
  ];
}

describe('parseSegment', () => {
  it('reads K/N and refuses what is not one segment of N', () => {
    expect(parseSegment('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseSegment('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '4', '2/0', 'a/b', '', '1/999']) {
      expect(() => parseSegment(bad), bad).toThrow(/--segment/);
    }
  });
});

describe('planSegments', () => {
  for (const count of [1, 2, 3, 5, 8]) {
    it(`gives every file of the site exactly one owner among ${count} segment(s), or marks it shared or merged`, () => {
      const plan = planSegments(index, tiers, count);
      const files = siteFiles(index.articles, plan.shards);
      const owners = atLeast(100, files, 'site files').map((file) => ownerOfFile(plan, file));
      for (const [at, owner] of owners.entries()) {
        expect(typeof owner === 'number' && owner >= 1 && owner <= count, files[at]).toBe(true);
      }
      // Disjoint and complete: the segments' shares, put together, are the site once over.
      const shares = Array.from({ length: count }, (_, k) => files.filter((_, at) => owners[at] === k + 1));
      expect(shares.flat().sort()).toEqual([...files].sort());
    });
  }

  it('keeps an article, its short link and its search shard in one segment', () => {
    const plan = planSegments(index, tiers, 4);
    const shards = planSearchTiers(
      index.articles.map((a) => ({ ...a, url: a.path })),
      tiers,
    );
    expect(shards.length).toBeGreaterThan(4);
    for (const shard of atLeast(5, shards, 'search shards')) {
      const owner = ownerOfFile(plan, `pagefind/${shard.id}/pagefind-entry.json`);
      for (const page of atLeast(1, shard.pages, `pages of ${shard.id}`)) {
        expect(ownerOfFile(plan, `news/${page.id}/s${page.id}/index.html`)).toBe(owner);
        expect(ownerOfFile(plan, `n/${page.id}/index.html`)).toBe(owner);
      }
    }
    expect(plan.shards).toEqual(shards.map((shard) => shard.id));
  });

  it('gives a list’s settled pages to the year shard of their newest story, the rest of it to the site unit', () => {
    const plan = planSegments(index, tiers, 3);
    const owners = new Set<number | string>();
    for (const list of paged) {
      const settled = settledPages(list.articles.length, PAGE_SIZE);
      for (const page of listingPages(list.articles, PAGE_SIZE, list.path)) {
        const file = pageFile(page.url);
        const shards = new Set(page.items.map((id) => plan.articleUnits.get(id)));
        const sealed = ![...shards].some((unit) => unit === shardUnit('latest') || unit === shardUnit('recent'));
        if (page.number >= 1 && page.number <= settled && sealed) {
          expect(unitOfFile(plan, file), file).toBe(plan.articleUnits.get(page.items[0]!));
          owners.add(ownerOfFile(plan, file));
        } else {
          expect(unitOfFile(plan, file), file).toBe(SITE_UNIT);
        }
      }
    }
    // The lists' old pages are spread over every segment, not held by one per list.
    expect(owners.size).toBe(3);
    expect(atLeast(30, [...plan.listPages.keys()], 'settled pages').length).toBeLessThan(
      paged.reduce((sum, list) => sum + Math.ceil(list.articles.length / PAGE_SIZE), 0),
    );
    for (const file of ['category/economy/index.html', 'category/economy/rss.xml', 'archive/1402/05/2/index.html']) {
      expect(unitOfFile(plan, file), file).toBe(SITE_UNIT);
    }
    expect(unitOfFile(plan, 'tag/index.html')).toBe(SITE_UNIT);
  });

  it('shares _astro files and leaves the routing table to the merge', () => {
    const plan = planSegments(index, tiers, 3);
    expect(ownerOfFile(plan, '_astro/photo.B1x2.webp')).toBe('shared');
    expect(ownerOfFile(plan, 'pagefind/routes.json')).toBe('merged');
    expect(ownerOfFile(plan, 'pagefind/routes/abc.json')).toBe('merged');
    expect(ownerOfFile(plan, HIGHLIGHT_FILE)).toBe(ownerOfFile(plan, `pagefind/${plan.shards[0]}/x`));
  });

  it('balances the year shards by articles, and is the same plan every time', () => {
    const plan = planSegments(index, tiers, 3);
    expect(planSegments(index, tiers, 3)).toEqual(plan);
    const load = [0, 0, 0];
    for (const { path } of index.articles) {
      load[(ownerOfFile(plan, `${path.slice(1)}index.html`) as number) - 1]! += 1;
    }
    // 322 articles in 14 year shards of about 23 over three segments: 4 or 5 shards each.
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(2 * 23);
    expect(Math.min(...load)).toBeGreaterThan(0);
  });

  it('moves no unit when a story is added, and the pages it changes are its shard’s and the site unit’s', () => {
    const before = planSegments(index, tiers, 4);
    const { gy, gm, gd } = toGregorian(1403, 12, 20);
    const story = {
      id: 9999,
      path: '/news/9999/new/',
      date: fromTehranWallTime({ year: gy, month: gm, day: gd, hour: 9, minute: 0, second: 0 }),
    };
    // The story is in every list but the culture section, and in a new tag.
    const withStory = paged.map((list) =>
      list.path === categoryPath('culture') ? list : { ...list, articles: [story.id, ...list.articles.slice()] },
    );
    const fresh = { path: tagPath('تازه'), articles: [story.id] };
    const after = planSegments(
      { articles: [...articles, story], lists: { pageSize: PAGE_SIZE, paged: [...withStory, fresh] } },
      tiers,
      4,
    );
    const moved = [...before.owners].filter(
      ([unit, owner]) => after.owners.has(unit) && after.owners.get(unit) !== owner,
    );
    expect(moved).toEqual([]);
    // A settled page stays where it was.
    for (const [file, unit] of atLeast(30, [...before.listPages], 'settled pages')) {
      expect(after.listPages.get(file), file).toBe(unit);
    }
    // Every list page the story changes or adds is the site unit's, but a page that settles with it
    // (its "newer" link changes once more, and it moves to its stories' shard): with the story's own
    // page, two segments' pages change, and at most one settling page a list.
    const changed: string[] = [];
    for (const [at, list] of [...withStory, fresh].entries()) {
      const old = new Map(
        listingPages(paged[at]?.articles ?? [], PAGE_SIZE, list.path).map((page) => [page.url, JSON.stringify(page)]),
      );
      for (const page of listingPages(list.articles, PAGE_SIZE, list.path)) {
        if (old.get(page.url) !== JSON.stringify(page)) changed.push(pageFile(page.url));
      }
    }
    const settling = changed.filter((file) => after.listPages.has(file));
    for (const file of settling) expect(before.listPages.has(file), file).toBe(false);
    expect(settling.length).toBeLessThanOrEqual(withStory.length);
    expect(atLeast(1, settling, 'settling pages')).toContain('category/economy/39/index.html');
    for (const file of atLeast(
      4,
      changed.filter((file) => !settling.includes(file)),
      'changed list pages',
    )) {
      expect(unitOfFile(after, file), file).toBe(SITE_UNIT);
    }
    expect(unitOfFile(after, pageFile(story.path))).toBe(shardUnit('latest'));
  });

  it('gives files the index does not account for to the site unit', () => {
    const plan = planSegments(index, tiers, 5);
    expect(ownerOfFile(plan, 'news/99999/x/index.html')).toBe(plan.owners.get(SITE_UNIT));
    expect(ownerOfFile(plan, 'category/unknown/5/index.html')).toBe(plan.owners.get(SITE_UNIT));
    expect(ownerOfFile(plan, 'pagefind/1380/x')).toBe(hashedSegment(shardUnit('1380'), 5));
  });
});

describe('dealInOrder and hashedSegment', () => {
  it('deals each unit to the least loaded segment so far, ties to the lower segment', () => {
    const owners = dealInOrder(
      [
        { unit: 'a', pages: 5 },
        { unit: 'b', pages: 10 },
        { unit: 'c', pages: 4 },
        { unit: 'd', pages: 1 },
        { unit: 'e', pages: 3 },
      ],
      2,
    );
    expect(Object.fromEntries(owners)).toEqual({ a: 1, b: 2, c: 1, d: 1, e: 1 });
    expect(shardUnit('1403')).toBe('shard:1403');
  });

  it('hashes a name to the same segment every time, and spreads names evenly', () => {
    expect(hashedSegment('tag:نفت', 8)).toBe(hashedSegment('tag:نفت', 8));
    const counts = new Array<number>(8).fill(0);
    for (let tag = 0; tag < 8000; tag++) counts[hashedSegment(`tag:${tag}`, 8) - 1]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(900);
    expect(Math.max(...counts)).toBeLessThan(1100);
  });
});

describe('articlesWithBodies', () => {
  const sections = ['economy', 'culture', 'sport'];
  const reporters = ['sara', 'reza', 'mina', 'ali'];
  // Newest first, as the archive lists them; each in one section, with one or two reporters.
  const articles = [...index.articles].reverse().map((article) => ({
    ...article,
    categoryId: sections[article.id % 3]!,
    authorIds: [reporters[article.id % 4]!, ...(article.id % 5 === 0 ? [reporters[(article.id + 1) % 4]!] : [])],
  }));
  const file = (sitePath: string) => sitePath.slice(1);

  for (const [count, itemCount] of [
    [3, 4],
    [5, 10],
    [8, 2],
  ] as const) {
    it(`names the bodies each of ${count} segments renders: its article pages and the feeds it writes (${itemCount} items)`, () => {
      const plan = planSegments(index, tiers, count);
      // What each feed shows, reckoned the way the feed routes do: the list, newest first, cut.
      const feeds: [string, typeof articles][] = [
        [file(siteFeedPath), articles.slice(0, itemCount)],
        ...sections.map((id): [string, typeof articles] => [
          file(categoryFeedPath(id)),
          articles.filter((article) => article.categoryId === id).slice(0, itemCount),
        ]),
        ...reporters.map((id): [string, typeof articles] => [
          file(authorJsonFeedPath(id)),
          articles.filter((article) => article.authorIds.includes(id)).slice(0, itemCount),
        ]),
      ];
      const all = new Set<number>();
      for (let segment = 1; segment <= count; segment++) {
        const expected = new Set(
          articles.filter(({ path }) => ownerOfFile(plan, `${file(path)}index.html`) === segment).map(({ id }) => id),
        );
        for (const [feed, shown] of feeds) {
          // The site's feeds are rendered by every segment, and kept by one.
          if (feed === file(siteFeedPath) || ownerOfFile(plan, feed) === segment) {
            for (const { id } of shown) expected.add(id);
          }
        }
        const bodies = articlesWithBodies(plan, segment, articles, itemCount);
        expect([...bodies].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
        expect(bodies.size).toBeLessThan(articles.length);
        for (const id of bodies) all.add(id);
      }
      expect(all.size).toBe(articles.length);
    });
  }
});

describe('ownsArticle and articlesOnOwnedListPages', () => {
  for (const count of [3, 8]) {
    it(`name, for each of ${count} segments, the articles of its pages and of its list pages`, () => {
      const plan = planSegments(index, tiers, count);
      const pages = index.lists!.paged.flatMap((list) => listingPages(list.articles, PAGE_SIZE, list.path));
      const listed = new Set<number>();
      for (let segment = 1; segment <= count; segment++) {
        expect(articles.filter(({ id }) => ownsArticle(plan, segment, id))).toEqual(
          articles.filter(
            ({ id, path }) => ownerOfFile(plan, `news/${id}/${path.split('/')[3]}/index.html`) === segment,
          ),
        );
        const onPages = articlesOnOwnedListPages(plan, segment, index.lists!);
        const expected = pages
          .filter((page) => ownerOfFile(plan, pageFile(page.url)) === segment)
          .flatMap((page) => page.items);
        expect([...onPages].sort((a, b) => a - b)).toEqual([...new Set(expected)].sort((a, b) => a - b));
        for (const id of onPages) listed.add(id);
      }
      // Every listed article is on some segment's list page; none is the whole archive's.
      expect(listed).toEqual(new Set(index.lists!.paged.flatMap((list) => list.articles.slice())));
    });
  }
  it('owns no article the plan does not know', () => {
    const plan = planSegments(index, tiers, 3);
    expect([1, 2, 3].some((segment) => ownsArticle(plan, segment, 999_999))).toBe(false);
  });
  it('ownedArticleIds names the articles ownsArticle owns, from the plan alone, each segment its own', () => {
    const plan = planSegments(index, tiers, 5);
    const all: number[] = [];
    for (let segment = 1; segment <= 5; segment++) {
      const owned = ownedArticleIds(plan, segment);
      expect(owned).toEqual(new Set(articles.filter(({ id }) => ownsArticle(plan, segment, id)).map(({ id }) => id)));
      all.push(...owned);
    }
    expect(all.sort((a, b) => a - b)).toEqual(articles.map(({ id }) => id).sort((a, b) => a - b));
  });
});

describe('sentPlan and receivedPlan', () => {
  it('send a plan to another thread and back: the same maps in the same order, each unit named once', () => {
    const plan = planSegments(index, tiers, 8);
    expect(plan.listPages.size).toBeGreaterThan(0);
    const sent = sentPlan(plan);
    // What a structured clone writes: each unit once, not once an article or a list page.
    expect(sent.units).toHaveLength(new Set([...plan.articleUnits.names(), ...plan.listPages.values()]).size);
    expect(sent.units.length).toBeLessThan(plan.articleUnits.size / 10);
    const received = receivedPlan(structuredClone(sent));
    expect(received).toEqual(plan);
    expect([...received.articleUnits]).toEqual([...plan.articleUnits]);
    expect([...received.listPages]).toEqual([...plan.listPages]);
    for (const file of siteFiles(articles, plan.shards))
      expect(ownerOfFile(received, file)).toBe(ownerOfFile(plan, file));
  });
});
