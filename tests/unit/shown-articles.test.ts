import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/data/articles';
import { authorLists, categoryLists, monthLists, tagLists } from '../../src/data/listings';
import { buildArchiveIndex, storiesBeside } from '../../src/lib/archive';
import { fromTehranWallTime } from '../../src/lib/dates/tehran';
import { homeArticles, homeChoice, type HomeSettings } from '../../src/lib/home-choice';
import { correctionsPath, pageFile } from '../../src/lib/paths';
import { ownerOfFile, ownsArticle, planSegments, SITE_UNIT } from '../../src/lib/segments';
import {
  articlesShownBy,
  pagedListIndex,
  segmentShare,
  shareInputLine,
  type ShareSettings,
  type ShownArticle,
} from '../../src/lib/shown-articles';
import { NEWS_WINDOW_HOURS } from '../../src/lib/sitemaps';

const now = fromTehranWallTime({ year: 2026, month: 12, day: 1, hour: 12, minute: 0, second: 0 });
const DAY = 86_400_000;
const sections = ['economy', 'culture', 'sport', 'site'];
const tags = ['نفت', 'بورس', 'سینما', 'فوتبال', 'كتاب'];

/** 400 stories, one every 3 days back from `now`, spread over sections, reporters and tags. */
const articles = Array.from({ length: 400 }, (_, at) => {
  const id = 400 - at;
  return {
    id,
    date: new Date(now.getTime() - at * 3 * DAY - 3_600_000),
    categoryId: sections[id % sections.length]!,
    authorIds: id % 7 === 0 ? ['sara', 'reza'] : [id % 2 === 0 ? 'sara' : 'ali'],
    tags: [tags[id % tags.length]!, ...(id % 3 === 0 ? [tags[(id + 1) % tags.length]!] : [])],
    path: `/news/${id}/s/`,
    data: { featured: id % 50 === 0, breaking: id % 97 === 0, corrections: id === 13 ? [{}] : [] },
  };
}) satisfies (ShownArticle & { path: string })[];
const index = buildArchiveIndex(articles);

const home: HomeSettings = {
  latestCount: 6,
  featuredCount: 2,
  siteNewsCategory: 'site',
  siteNewsCount: 3,
  sections: [{ category: 'sport', count: 2 }],
  breakingHours: 24,
};
const tiers = { shardArticles: 60, recentArticles: 30, latestArticles: 10 };
const lists = { pageSize: 5, paged: pagedListIndex(index) };
const settings = { relatedCount: 3, home };

describe('pagedListIndex', () => {
  it('names every list the routes page that has stories, with its stories newest first', () => {
    const archive = {
      ...index,
      categories: new Map([...sections, 'empty'].map((id) => [id, { id }])),
      authors: new Map(['sara', 'ali', 'reza', 'nobody'].map((id) => [id, { id }])),
    } as unknown as Archive;
    const routes = [categoryLists, tagLists, authorLists, monthLists].flatMap((lists) =>
      lists(archive).flatMap((list) =>
        list.articles.length > 0 ? [{ path: list.path, articles: list.articles.slice().map(({ id }) => id) }] : [],
      ),
    );
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    const planned = pagedListIndex(index).map((list) => ({ path: list.path, articles: list.articles.slice() }));
    expect(planned.sort(byPath)).toEqual(routes.sort(byPath));
    expect(routes.length).toBe(sections.length + tags.length + 3 + index.byMonth.size);
  });
});

describe('articlesShownBy', () => {
  const count = 4;
  const plan = planSegments({ articles, lists }, tiers, count);
  const shownBy = (segment: number) => articlesShownBy(index, { plan, lists }, segment, new Set(), settings, now);

  it('keeps what every segment’s pages show: the home page’s stories and the news sitemap’s', () => {
    const everywhere = [
      ...homeArticles(homeChoice(index, home, now)).map(({ id }) => id),
      ...articles
        .filter(({ date }) => now.getTime() - date.getTime() <= NEWS_WINDOW_HOURS * 3_600_000)
        .map(({ id }) => id),
    ];
    expect(everywhere).toContain(400); // the newest, on the home page
    expect(everywhere).toContain(350); // featured
    for (let segment = 1; segment <= count; segment++) {
      const shown = shownBy(segment);
      for (const id of everywhere) expect(shown.has(id), `segment ${segment}, article ${id}`).toBe(true);
    }
  });

  it('keeps the corrected stories where the corrections page is rendered, and in the plan (no segment)', () => {
    const correctionsOwner = ownerOfFile(plan, pageFile(correctionsPath));
    // The same archive without article 13's correction.
    const uncorrected = articles.map((article) =>
      article.id === 13 ? { ...article, data: { ...article.data, corrections: [] } } : article,
    );
    const uncorrectedIndex = buildArchiveIndex(uncorrected);
    let elsewhere = 0;
    for (let segment = 0; segment <= count; segment++) {
      const shown = articlesShownBy(index, { plan, lists }, segment, new Set(), settings, now);
      const withoutIt = articlesShownBy(uncorrectedIndex, { plan, lists }, segment, new Set(), settings, now);
      if (segment === correctionsOwner || segment === 0) {
        expect(shown, `segment ${segment}`).toEqual(new Set([...withoutIt, 13]));
      } else {
        expect(shown, `segment ${segment}`).toEqual(withoutIt);
        if (!shown.has(13)) elsewhere++;
      }
    }
    // Segments that would have held it for nothing.
    expect(elsewhere).toBeGreaterThan(0);
  });

  it('keeps each of its own stories’ related stories and neighbours, and not the whole archive', () => {
    for (let segment = 1; segment <= count; segment++) {
      const shown = shownBy(segment);
      const own = articles.filter(({ id }) => ownsArticle(plan, segment, id));
      expect(own.length).toBeGreaterThan(0);
      for (const article of own) {
        const { related, newer, older } = storiesBeside(index, article, settings.relatedCount);
        for (const other of [...related, newer, older]) if (other) expect(shown.has(other.id)).toBe(true);
      }
      // The site unit's segment renders the lists' newest pages, most of a small archive.
      if (plan.owners.get(SITE_UNIT) !== segment) expect(shown.size).toBeLessThan(articles.length * 0.6);
    }
  });

  it('adds the bodies it is given and the stories of the list pages it owns', () => {
    const shown = articlesShownBy(index, { plan, lists }, 2, new Set([1, 2]), settings, now);
    expect(shown.has(1) && shown.has(2)).toBe(true);
    const oneSegment = planSegments({ articles, lists }, tiers, 1);
    expect(articlesShownBy(index, { plan: oneSegment, lists }, 1, new Set(), settings, now).size).toBe(articles.length);
  });
});

describe('segmentShare', () => {
  const site = {
    search: tiers,
    pageSize: lists.pageSize,
    home,
    feeds: { itemCount: 4 },
    article: { relatedCount: settings.relatedCount },
  } satisfies ShareSettings;
  const count = 3;
  const shares = Array.from({ length: count }, (_, at) => segmentShare(index, site, { index: at + 1, count }, now));

  it('deals every article’s page to one segment, which renders its body and keeps it in full', () => {
    for (const { id } of articles) {
      const owners = shares.flatMap((share, at) => (ownsArticle(share.plan, at + 1, id) ? [at + 1] : []));
      expect(owners, `article ${id}`).toHaveLength(1);
      const share = shares[owners[0]! - 1]!;
      expect(share.bodies.has(id) && share.inFull.has(id), `article ${id}`).toBe(true);
    }
  });

  it('keeps in full every body it renders, and the same share whichever process reckons it', () => {
    for (const share of shares) for (const id of share.bodies) expect(share.inFull.has(id)).toBe(true);
    const again = segmentShare(buildArchiveIndex([...articles].reverse()), site, { index: 2, count }, now);
    expect([...again.inFull].sort()).toEqual([...shares[1]!.inFull].sort());
    expect(again.plan.owners).toEqual(shares[1]!.plan.owners);
  });

  it('reads the feeds’ item count and the home page’s settings from the site settings', () => {
    // A segment without the site unit, whose list pages show most of a small archive.
    const segment = shares.findIndex((share, at) => share.plan.owners.get(SITE_UNIT) !== at + 1) + 1;
    const share = shares[segment - 1]!;
    const moreItems = segmentShare(index, { ...site, feeds: { itemCount: 40 } }, { index: segment, count }, now);
    expect(moreItems.bodies.size).toBeGreaterThan(share.bodies.size);
    const noHome = { ...home, latestCount: 0, featuredCount: 0, siteNewsCount: 0, sections: [] };
    const lessHome = segmentShare(index, { ...site, home: noHome }, { index: segment, count }, now);
    expect(lessHome.inFull.size).toBeLessThan(share.inFull.size);
  });
});

describe('shareInputLine', () => {
  const article = { id: 7, date: new Date(now.getTime() - DAY), entry: { id: '1405/09/s', digest: 'abc' } };

  it('tells apart two articles that differ in number, entry, time or file', () => {
    const line = shareInputLine(article);
    for (const other of [
      { ...article, id: 8 },
      { ...article, entry: { ...article.entry, id: '1405/09/t' } },
      { ...article, date: new Date(article.date.getTime() + 1) },
      { ...article, entry: { ...article.entry, digest: 'abd' } },
      { ...article, entry: { id: article.entry.id } },
    ]) {
      expect(shareInputLine(other)).not.toBe(line);
    }
  });

  it('reads the time a packed article gives without a date, as its date would give it', () => {
    expect(shareInputLine({ ...article, time: article.date.getTime() })).toBe(shareInputLine(article));
  });
});
