import { describe, expect, it } from 'vitest';
import {
  buildArchiveIndex,
  monthKey,
  positionIn,
  positionInList,
  relatedArticles,
  sectionNeighbours,
  tagSlug,
  tagSlugsOf,
  type ArchiveIndex,
  type ArchiveItem,
} from '../../src/lib/archive';
import type { ArticleList } from '../../src/lib/article-list';
import { ZWNJ } from '../../src/lib/persian/script';

function item(
  id: number,
  iso: string,
  categoryId: string,
  tags: readonly string[] = [],
  authorIds: readonly string[] = ['reporter'],
): ArchiveItem {
  return { id, date: new Date(iso), categoryId, authorIds, tags };
}

const ids = (list: Iterable<{ id: number }>) => Array.from(list, (article) => article.id);

/** Finds an article by id in a fixture, failing loudly when the fixture is wrong. */
function byId<T extends { id: number }>(list: readonly T[], id: number): T {
  const found = list.find((article) => article.id === id);
  if (!found) throw new Error(`no article ${id} in fixture`);
  return found;
}

describe('tagSlug', () => {
  it('gives every spelling variant of one tag the same slug', () => {
    const variants = [
      `همکاری${ZWNJ}ها`, // with ZWNJ
      'همکاریها', // joined
      'همکاری ها', // detached with a space
      `همكاري${ZWNJ}ها`, // Arabic kaf and yeh
    ];
    const slugs = new Set(variants.map(tagSlug));
    expect(slugs.size).toBe(1);
    expect([...slugs][0]).toBe('همکاریها');
  });

  it('turns the space between words into a hyphen', () => {
    expect(tagSlug('هوش مصنوعی')).toBe('هوش-مصنوعی');
  });

  it('lower-cases Latin letters', () => {
    expect(tagSlug('AI Ethics')).toBe('ai-ethics');
    expect(tagSlug('NASA')).toBe(tagSlug('nasa'));
  });

  it('gives ASCII digits whatever digit script was typed', () => {
    expect(tagSlug('انتخابات ۱۴۰۳')).toBe('انتخابات-1403');
    expect(tagSlug('انتخابات ١٤٠٣')).toBe('انتخابات-1403');
  });

  it('gives an empty slug for a tag with no letters or digits', () => {
    expect(tagSlug('  ')).toBe('');
    expect(tagSlug(ZWNJ)).toBe('');
  });
});

describe('buildArchiveIndex: sections and reporters', () => {
  const articles = [
    item(6, '2024-11-23T10:00:00Z', 'politics', [], ['sara']),
    item(5, '2024-11-22T10:00:00Z', 'sport', [], ['ali']),
    item(4, '2024-11-21T10:00:00Z', 'politics', [], ['ali', 'sara']),
    item(3, '2024-11-20T10:00:00Z', 'economy', [], ['reza']),
    item(2, '2024-11-19T10:00:00Z', 'politics', [], ['ali']),
    item(1, '2024-11-18T10:00:00Z', 'sport', [], ['sara']),
  ];
  const index = buildArchiveIndex(articles);

  it('keeps all articles newest first, as given, without mutating the input', () => {
    expect(ids(index.articles)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(index.articles).not.toBe(articles);
  });

  it('groups by section, newest first, with the right counts', () => {
    expect([...index.byCategory.keys()].sort()).toEqual(['economy', 'politics', 'sport']);
    expect(ids(index.byCategory.get('politics')!)).toEqual([6, 4, 2]);
    expect(ids(index.byCategory.get('sport')!)).toEqual([5, 1]);
    expect(ids(index.byCategory.get('economy')!)).toEqual([3]);
  });

  it('groups by reporter, newest first; a co-written article is in both reporters’ groups', () => {
    expect(ids(index.byAuthor.get('sara')!)).toEqual([6, 4, 1]);
    expect(ids(index.byAuthor.get('ali')!)).toEqual([5, 4, 2]);
    expect(ids(index.byAuthor.get('reza')!)).toEqual([3]);
    const total = [...index.byAuthor.values()].reduce((sum, list) => sum + list.length, 0);
    expect(total).toBe(7); // six articles, one of them with two reporters
  });

  it('finds each article’s position in its section', () => {
    const politics = index.byCategory.get('politics')!;
    expect(positionInList(index, politics, byId(articles, 6))).toBe(0);
    expect(positionInList(index, politics, byId(articles, 4))).toBe(1);
    expect(positionInList(index, politics, byId(articles, 2))).toBe(2);
    expect(positionInList(index, politics, byId(articles, 5))).toBeUndefined();
    expect(positionInList(index, index.byCategory.get('economy')!, byId(articles, 3))).toBe(0);
    // One not in the archive at all, of an archive article's moment.
    expect(positionInList(index, politics, item(7, '2024-11-21T10:00:00Z', 'politics'))).toBeUndefined();
  });
});

describe('buildArchiveIndex: tags', () => {
  const withZwnj = `همکاری${ZWNJ}ها`;
  const arabic = `همكاري${ZWNJ}ها`;
  const articles = [
    item(8, '2024-11-23T10:00:00Z', 'politics', ['همکاری ها', 'پزشکی']),
    item(7, '2024-11-22T10:00:00Z', 'politics', [withZwnj, 'تهران']),
    item(6, '2024-11-21T10:00:00Z', 'economy', ['همکاریها', arabic]), // one tag, two spellings
    item(5, '2024-11-20T10:00:00Z', 'economy', [withZwnj, 'ورزش']),
    item(4, '2024-11-19T10:00:00Z', 'sport', ['ورزش', 'AI']),
    item(3, '2024-11-18T10:00:00Z', 'sport', ['همکاری ها', 'ai']),
    item(2, '2024-11-17T10:00:00Z', 'sport', ['تهران', 'تهران']),
    item(1, '2024-11-16T10:00:00Z', 'sport', []),
  ];
  const index = buildArchiveIndex(articles);
  const cooperation = tagSlug(withZwnj);

  it('merges spelling variants into one group, newest first', () => {
    const group = index.byTag.get(cooperation)!;
    expect(group.slug).toBe(cooperation);
    expect(ids(group.articles)).toEqual([8, 7, 6, 5, 3]);
  });

  it('labels a merged group with its most used spelling', () => {
    // «همکاری ها» ×2 (8, 3), «همکاری‌ها» ×2 (7, 5), «همکاریها» ×1 (6; its Arabic twin is the same tag).
    // Tie between the first two: the form of the newest article (8) wins.
    expect(index.byTag.get(cooperation)!.label).toBe('همکاری ها');
  });

  it('labels by count before recency', () => {
    const list = [
      item(3, '2024-11-23T10:00:00Z', 'a', ['همکاری ها']),
      item(2, '2024-11-22T10:00:00Z', 'a', [`همکاری${ZWNJ}ها`]),
      item(1, '2024-11-21T10:00:00Z', 'a', [`همکاری${ZWNJ}ها`]),
    ];
    const groups = [...buildArchiveIndex(list).byTag.values()];
    expect(groups).toHaveLength(1);
    expect(groups[0]!.label).toBe(`همکاری${ZWNJ}ها`);
  });

  it('on a tie, labels with the form of the newest article whichever form comes first in the input', () => {
    const older = [
      item(4, '2024-11-23T10:00:00Z', 'a', ['AI']),
      item(3, '2024-11-22T10:00:00Z', 'a', ['ai']),
      item(2, '2024-11-21T10:00:00Z', 'a', ['ai']),
      item(1, '2024-11-20T10:00:00Z', 'a', ['AI']),
    ];
    expect(buildArchiveIndex(older).byTag.get('ai')!.label).toBe('AI');
    const swapped = older.map((article) => ({ ...article, tags: article.tags.map((t) => (t === 'AI' ? 'ai' : 'AI')) }));
    expect(buildArchiveIndex(swapped).byTag.get('ai')!.label).toBe('ai');
  });

  it('lists an article once in a group even when it gives the tag twice, in one or two spellings', () => {
    expect(ids(index.byTag.get(cooperation)!.articles).filter((id) => id === 6)).toHaveLength(1);
    expect(ids(index.byTag.get(tagSlug('تهران'))!.articles)).toEqual([7, 2]);
  });

  it('merges Latin tags case-insensitively', () => {
    const group = index.byTag.get('ai')!;
    expect(ids(group.articles)).toEqual([4, 3]);
    expect(group.label).toBe('AI'); // tie: newest article’s form
  });

  it('keys every group by its own slug, each slug once', () => {
    const slugs = [...index.byTag.keys()];
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const [key, group] of index.byTag) expect(group.slug).toBe(key);
    expect(slugs.sort()).toEqual(['ai', 'تهران', 'همکاریها', 'ورزش', 'پزشکی'].sort());
  });

  it('sorts groups by label in Persian order', () => {
    const labels = [...index.byTag.values()].map((group) => group.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fa')));
    // Persian order: پ right after ب, و before ه; code point order would give تهران, همکاری ها, ورزش, پزشکی.
    const persian = labels.filter((label) => label !== 'AI');
    expect(persian).toEqual(['پزشکی', 'تهران', 'ورزش', 'همکاری ها']);
  });

  it('gives each article its tag slugs in its own order, without duplicates', () => {
    expect(tagSlugsOf(byId(articles, 8))).toEqual([cooperation, 'پزشکی']);
    expect(tagSlugsOf(byId(articles, 6))).toEqual([cooperation]);
    expect(tagSlugsOf(byId(articles, 2))).toEqual(['تهران']);
    expect(tagSlugsOf(byId(articles, 1))).toEqual([]);
  });

  it('skips tags that slugify to nothing', () => {
    const list = [item(1, '2024-11-23T10:00:00Z', 'a', ['  ', 'ورزش'])];
    const built = buildArchiveIndex(list);
    expect([...built.byTag.keys()]).toEqual(['ورزش']);
    expect(tagSlugsOf(list[0]!)).toEqual(['ورزش']);
  });

  it('finds each article’s position in each tag group', () => {
    const group = index.byTag.get(cooperation)!.articles;
    expect([8, 7, 6, 5, 3].map((id) => positionInList(index, group, byId(articles, id)))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('buildArchiveIndex: Tehran calendar months', () => {
  const monthOf = (iso: string) => {
    const article = item(1, iso, 'a');
    const { byMonth } = buildArchiveIndex([article]);
    expect(byMonth.size).toBe(1);
    return [...byMonth.keys()][0];
  };

  it('formats month keys with two-digit months', () => {
    expect(monthKey(1403, 9)).toBe('1403-09');
    expect(monthKey(1403, 12)).toBe('1403-12');
  });

  it('files an article under the Tehran calendar day, not the UTC day', () => {
    // 22 Nov 21:00 UTC is 23 Nov 00:30 in Tehran: 1403/09/03.
    expect(monthOf('2024-11-22T21:00:00Z')).toBe('1403-09');
    // 20 Nov 20:29 UTC is 20 Nov 23:59 in Tehran: 1403/08/30, the last day of Aban.
    expect(monthOf('2024-11-20T20:29:00Z')).toBe('1403-08');
    // One minute later it is 21 Nov 00:00 in Tehran: 1 Azar 1403, though still 20 Nov in UTC.
    expect(monthOf('2024-11-20T20:30:00Z')).toBe('1403-09');
    // 21 Nov 20:29 UTC is already 1 Azar (21 Nov 23:59 in Tehran).
    expect(monthOf('2024-11-21T20:29:00Z')).toBe('1403-09');
  });

  it('starts the year at Nowruz in Tehran', () => {
    expect(monthOf('2024-03-19T20:29:59Z')).toBe('1402-12');
    expect(monthOf('2024-03-19T20:30:00Z')).toBe('1403-01');
  });

  it('groups by month newest first and summarises years', () => {
    const articles = [
      item(7, '2024-11-23T10:00:00Z', 'a'), // 1403-09
      item(6, '2024-11-22T21:00:00Z', 'a'), // 1403-09
      item(5, '2024-11-20T20:29:00Z', 'a'), // 1403-08
      item(4, '2024-04-10T10:00:00Z', 'a'), // 1403-01
      item(3, '2024-03-19T20:30:00Z', 'a'), // 1403-01
      item(2, '2024-03-19T20:29:59Z', 'a'), // 1402-12
      item(1, '2023-05-01T10:00:00Z', 'a'), // 1402-02
    ];
    const index = buildArchiveIndex(articles);
    expect([...index.byMonth.keys()]).toEqual(['1403-09', '1403-08', '1403-01', '1402-12', '1402-02']);
    const azar = index.byMonth.get('1403-09')!;
    expect(azar.year).toBe(1403);
    expect(azar.month).toBe(9);
    expect(ids(azar.articles)).toEqual([7, 6]);
    expect(ids(index.byMonth.get('1403-01')!.articles)).toEqual([4, 3]);
    expect(index.byMonth.has('1403-02')).toBe(false);

    expect(index.years).toEqual([
      {
        year: 1403,
        count: 5,
        months: [
          { month: 1, count: 2 },
          { month: 8, count: 1 },
          { month: 9, count: 2 },
        ],
      },
      {
        year: 1402,
        count: 2,
        months: [
          { month: 2, count: 1 },
          { month: 12, count: 1 },
        ],
      },
    ]);
  });

  it('gives an empty archive no months and no years', () => {
    const index = buildArchiveIndex([]);
    expect(index.byMonth.size).toBe(0);
    expect(index.years).toEqual([]);
    expect(index.byTag.size).toBe(0);
  });
});

describe('positionIn and sectionNeighbours', () => {
  const articles = [
    item(5, '2024-11-23T10:00:00Z', 'politics'),
    item(4, '2024-11-22T10:00:00Z', 'sport'),
    item(3, '2024-11-21T10:00:00Z', 'politics'),
    item(2, '2024-11-20T10:00:00Z', 'economy'),
    item(1, '2024-11-19T10:00:00Z', 'politics'),
  ];
  const index = buildArchiveIndex(articles);

  it('finds an article’s index in a newest-first list, or undefined', () => {
    expect(articles.map((article) => positionIn(articles, article))).toEqual([0, 1, 2, 3, 4]);
    expect(positionIn([], byId(articles, 3))).toBeUndefined();
    // Another article of the same moment is not it, whichever side of it the search lands.
    expect(positionIn(articles, item(6, '2024-11-21T10:00:00Z', 'politics'))).toBeUndefined();
    expect(positionIn(articles, item(2, '2024-11-21T10:00:00Z', 'politics'))).toBeUndefined();
  });

  it('tells apart articles of the same moment by number, the higher first', () => {
    const sameMoment = [9, 8, 7].map((id) => item(id, '2024-11-23T10:00:00Z', 'politics'));
    expect(sameMoment.map((article) => positionIn(sameMoment, article))).toEqual([0, 1, 2]);
    const index = buildArchiveIndex([...sameMoment].reverse());
    expect(ids(index.articles)).toEqual([9, 8, 7]);
    expect(sectionNeighbours(index, byId(sameMoment, 8))).toEqual({ newer: sameMoment[0], older: sameMoment[2] });
  });

  it('gives the newer and older article in the same section', () => {
    expect(sectionNeighbours(index, byId(articles, 3))).toEqual({
      newer: byId(articles, 5),
      older: byId(articles, 1),
    });
  });

  it('gives the newest article no newer neighbour and the oldest no older one', () => {
    const newest = sectionNeighbours(index, byId(articles, 5));
    expect(newest.newer).toBeUndefined();
    expect(newest.older).toBe(byId(articles, 3));
    expect('newer' in newest).toBe(false);

    const oldest = sectionNeighbours(index, byId(articles, 1));
    expect(oldest.newer).toBe(byId(articles, 3));
    expect(oldest.older).toBeUndefined();
    expect('older' in oldest).toBe(false);
  });

  it('gives an article alone in its section no neighbours', () => {
    expect(sectionNeighbours(index, byId(articles, 2))).toEqual({});
    expect(sectionNeighbours(index, byId(articles, 4))).toEqual({});
  });

  it('gives an article not in the archive no neighbours', () => {
    expect(sectionNeighbours(index, item(99, '2024-11-23T10:00:00Z', 'politics'))).toEqual({});
  });
});

describe('relatedArticles', () => {
  it('ranks by shared tags, then same section, then newest', () => {
    const articles = [
      item(9, '2024-11-24T10:00:00Z', 'sport', ['x']), // 1 shared, other section, newest
      item(8, '2024-11-23T10:00:00Z', 'politics'), // same section, no tags
      item(7, '2024-11-22T10:00:00Z', 'politics', ['x', 'y', 'z']), // the article
      item(6, '2024-11-21T10:00:00Z', 'economy', ['y', 'x']), // 2 shared, other section
      item(5, '2024-11-20T10:00:00Z', 'politics', ['x']), // 1 shared, same section, older than 9
      item(4, '2024-11-19T10:00:00Z', 'economy', ['z']), // 1 shared, other section
      item(3, '2024-11-18T10:00:00Z', 'politics'), // same section, no tags
      item(2, '2024-11-17T10:00:00Z', 'economy', ['w']), // nothing in common
      item(1, '2024-11-16T10:00:00Z', 'economy', ['x', 'y', 'z']), // 3 shared, oldest
    ];
    const index = buildArchiveIndex(articles);
    const related = relatedArticles(index, byId(articles, 7), { count: 10 });
    expect(ids(related)).toEqual([1, 6, 5, 9, 4, 8, 3]);
  });

  it('breaks a full tie by the higher article number', () => {
    const articles = [
      item(3, '2024-11-23T10:00:00Z', 'a', ['x']),
      item(2, '2024-11-22T10:00:00Z', 'b', ['x']),
      item(1, '2024-11-22T10:00:00Z', 'b', ['x']),
    ];
    const index = buildArchiveIndex(articles);
    expect(ids(relatedArticles(index, byId(articles, 3), { count: 5 }))).toEqual([2, 1]);
  });

  it('counts spelling variants of a tag as the same tag', () => {
    const articles = [
      item(3, '2024-11-23T10:00:00Z', 'a', [`همکاری${ZWNJ}ها`]),
      item(2, '2024-11-22T10:00:00Z', 'b', ['همکاری ها']),
      item(1, '2024-11-21T10:00:00Z', 'c', ['ورزش']),
    ];
    const index = buildArchiveIndex(articles);
    expect(ids(relatedArticles(index, byId(articles, 3), { count: 5 }))).toEqual([2]);
  });

  it('never returns the article itself and never returns duplicates', () => {
    const articles = [
      item(4, '2024-11-23T10:00:00Z', 'a', ['x', 'y']),
      item(3, '2024-11-22T10:00:00Z', 'a', ['x', 'y']),
      item(2, '2024-11-21T10:00:00Z', 'a', ['x', 'y', 'X']),
      item(1, '2024-11-20T10:00:00Z', 'a', ['y']),
    ];
    const index = buildArchiveIndex(articles);
    for (const article of articles) {
      const related = ids(relatedArticles(index, article, { count: 10 }));
      expect(related).not.toContain(article.id);
      expect(new Set(related).size).toBe(related.length);
      expect(related).toHaveLength(3);
    }
  });

  it('returns at most `count` articles', () => {
    const articles = Array.from({ length: 10 }, (_, i) =>
      item(10 - i, new Date(Date.UTC(2024, 10, 23 - i, 10)).toISOString(), 'a', ['x']),
    );
    const index = buildArchiveIndex(articles);
    expect(ids(relatedArticles(index, articles[0]!, { count: 3 }))).toEqual([9, 8, 7]);
    expect(relatedArticles(index, articles[0]!, { count: 0 })).toEqual([]);
  });

  it('fills from the same section when too few articles share tags', () => {
    const articles = [
      item(6, '2024-11-23T10:00:00Z', 'politics'), // same section, newest
      item(5, '2024-11-22T10:00:00Z', 'sport'), // unrelated
      item(4, '2024-11-21T10:00:00Z', 'politics', ['x']), // the article
      item(3, '2024-11-20T10:00:00Z', 'economy', ['x']), // shares a tag
      item(2, '2024-11-19T10:00:00Z', 'politics', ['y']), // same section
      item(1, '2024-11-18T10:00:00Z', 'sport', ['y']), // unrelated
    ];
    const index = buildArchiveIndex(articles);
    expect(ids(relatedArticles(index, byId(articles, 4), { count: 3 }))).toEqual([3, 6, 2]);
    expect(ids(relatedArticles(index, byId(articles, 4), { count: 10 }))).toEqual([3, 6, 2]);
  });

  it('considers only a window of positions around the article in each group', () => {
    // Twelve articles share tag x, each in a section of its own, so only the tag offers candidates.
    const articles = Array.from({ length: 12 }, (_, i) =>
      item(12 - i, new Date(Date.UTC(2024, 10, 23, 12 - i)).toISOString(), `section-${i}`, ['x']),
    );
    const index = buildArchiveIndex(articles);
    const first = articles[0]!;
    const far = articles[10]!; // ten positions away in tag x
    const related = relatedArticles(index, first, { count: 20, window: 2 });
    expect(ids(related)).toEqual([11, 10]);
    expect(related).not.toContain(far);

    // In the middle of the list the window reaches both ways.
    expect(ids(relatedArticles(index, articles[5]!, { count: 20, window: 2 }))).toEqual([9, 8, 6, 5]);

    // The window applies to the section too.
    const section = Array.from({ length: 12 }, (_, i) =>
      item(12 - i, new Date(Date.UTC(2024, 10, 23, 12 - i)).toISOString(), 'politics'),
    );
    const sectionIndex = buildArchiveIndex(section);
    expect(ids(relatedArticles(sectionIndex, section[0]!, { count: 20, window: 2 }))).toEqual([11, 10]);

    // Without a window, the default (12 each side) reaches the far article.
    expect(relatedArticles(index, first, { count: 20 })).toContain(far);
  });

  it('ranks as its definition does on random archives, ties of time included', () => {
    // The ranking made plainly: each candidate an article, compared by its fields, sorted whole.
    const byDefinition = (index: ArchiveIndex<ArchiveItem>, article: ArchiveItem, count: number, window: number) => {
      const shared = new Map<ArchiveItem, number>();
      const visit = (list: ArticleList<ArchiveItem>, sharesTag: boolean) => {
        const position = ids(list).indexOf(article.id);
        for (let at = Math.max(0, position - window); at <= Math.min(list.length - 1, position + window); at++) {
          const other = list.at(at)!;
          if (other.id !== article.id) shared.set(other, (shared.get(other) ?? 0) + (sharesTag ? 1 : 0));
        }
      };
      for (const slug of tagSlugsOf(article)) visit(index.byTag.get(slug)!.articles, true);
      visit(index.byCategory.get(article.categoryId)!, false);
      const same = (other: ArchiveItem) => Number(other.categoryId === article.categoryId);
      return [...shared]
        .sort(
          ([a, aShared], [b, bShared]) =>
            bShared - aShared || same(b) - same(a) || b.date.getTime() - a.date.getTime() || b.id - a.id,
        )
        .slice(0, count)
        .map(([other]) => other.id);
    };
    let seed = 23;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let archive = 0; archive < 5; archive++) {
      // Few distinct times, so that many articles tie on time and the number decides.
      const articles = Array.from({ length: 300 }, (_, i) =>
        item(
          i + 1,
          new Date(Date.UTC(2024, 0, 1 + random(40), random(3))).toISOString(),
          `section-${random(5)}`,
          Array.from({ length: random(5) }, () => `tag-${random(12)}`),
        ),
      );
      const index = buildArchiveIndex(articles);
      for (const article of articles) {
        const [count, window] = [1 + random(8), 1 + random(12)];
        expect(ids(relatedArticles(index, article, { count, window }))).toEqual(
          byDefinition(index, article, count, window),
        );
      }
    }
  });

  it('gives an article with no tags, alone in its section, no related articles', () => {
    const articles = [
      item(3, '2024-11-23T10:00:00Z', 'politics', ['x']),
      item(2, '2024-11-22T10:00:00Z', 'culture'),
      item(1, '2024-11-21T10:00:00Z', 'politics', ['x']),
    ];
    const index = buildArchiveIndex(articles);
    expect(relatedArticles(index, byId(articles, 2), { count: 5 })).toEqual([]);
  });

  it('stays bounded on a large archive', { timeout: 30_000 }, () => {
    const total = 20_000;
    const categories = 8;
    const tagCount = 300;
    const count = 6;
    const start = Date.UTC(2024, 10, 23, 12);
    const articles: ArchiveItem[] = [];
    for (let i = 0; i < total; i++) {
      const id = total - i;
      // Three distinct tags out of 300: the offsets stay below 300 in total.
      const a = id % tagCount;
      const b = (a + 1 + ((id * 7) % 99)) % tagCount;
      const c = (b + 1 + ((id * 13) % 99)) % tagCount;
      const tags = [`برچسب ${a}`, `برچسب ${b}`, `برچسب ${c}`];
      articles.push({
        id,
        date: new Date(start - i * 3_600_000),
        categoryId: `section-${id % categories}`,
        authorIds: [`reporter-${id % 50}`],
        tags,
      });
    }
    const index = buildArchiveIndex(articles);
    expect(index.byCategory.size).toBe(categories);
    expect(index.byTag.size).toBe(tagCount);
    expect(tagSlugsOf(index.articles.at(0)!)).toHaveLength(3);

    let checked = 0;
    for (const article of index.articles) {
      const related = relatedArticles(index, article, { count });
      expect(related.length).toBeLessThanOrEqual(count);
      checked += 1;
    }
    expect(checked).toBe(total);
  });
});

describe('tagSlug keeps آ', () => {
  it('gives آب and اب different slugs', () => {
    expect(tagSlug('آب')).toBe('آب');
    expect(tagSlug('آب')).not.toBe(tagSlug('اب'));
  });
});
