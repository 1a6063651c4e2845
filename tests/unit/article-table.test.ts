import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, positionIn, storiesBeside, type ArchiveItem } from '../../src/lib/archive';
import { articleFacts, ArticleTable, newestFirstOrder } from '../../src/lib/article-table';
import { compareNewestFirst } from '../../src/lib/content/publication';

/** An article of the archive, varied by its number; some share a publication time. */
const item = (id: number): ArchiveItem & { time: number } => {
  const time = Date.UTC(2024, 0, 1) + Math.floor(id / 3) * 3_600_000;
  return {
    id,
    time,
    date: new Date(time),
    categoryId: ['economy', 'politics', 'culture'][id % 3]!,
    authorIds: [`r${id % 4}`],
    tags: id % 5 === 0 ? [] : [`tag ${id % 6}`, 'نفت'],
  };
};

const numbers = Array.from({ length: 60 }, (_, at) => at + 1);
/** The rows a build holds packed (every number not held), as a table of their own, shuffled. */
const heldNumbers = new Set(numbers.filter((id) => id % 4 === 1));
const packedRows = numbers.filter((id) => !heldNumbers.has(id)).sort((a, b) => ((a * 7919) % 61) - ((b * 7919) % 61));

/** The table of the held articles and the packed rows, counting how many articles it made. */
function table(keptAt?: number) {
  const held = numbers
    .filter((id) => heldNumbers.has(id))
    .map(item)
    .sort(compareNewestFirst);
  const rows = Uint32Array.from(packedRows.keys()).sort((a, b) =>
    compareNewestFirst(item(packedRows[a]!), item(packedRows[b]!)),
  );
  let made = 0;
  let factsMade = 0;
  const articles = new ArticleTable<ReturnType<typeof item>>(
    held,
    newestFirstOrder(held, rows, (row) => item(packedRows[row]!)),
    (row) => {
      made += 1;
      return item(packedRows[row]!);
    },
    {
      keptAt,
      factsOf: (row) => {
        factsMade += 1;
        return Object.assign(item(packedRows[row]!), { facts: true });
      },
    },
  );
  return { articles, held, made: () => made, factsMade: () => factsMade };
}

const all = numbers.map(item).sort(compareNewestFirst);
const ids = (items: Iterable<{ id: number }>) => Array.from(items, ({ id }) => id);

describe('ArticleTable', () => {
  it('holds every article newest first, the held ones and those made of their rows alike', () => {
    const { articles, held } = table();
    expect(articles.length).toBe(all.length);
    expect(ids(articles)).toEqual(ids(all));
    expect(articles.slice(10, 20)).toEqual(all.slice(10, 20));
    expect(articles.slice()).toEqual(all);
    expect(articles.at(0)).toEqual(all[0]);
    expect(articles.at(-1)).toEqual(all.at(-1));
    expect(articles.at(all.length)).toBeUndefined();
    // Several articles share a time: the higher number first, as `compareNewestFirst` orders them.
    expect(new Set(all.map((article) => article.time)).size).toBeLessThan(all.length);
    expect(articles.held).toBe(held);
  });

  it('hands out a held article itself, and makes one of a row anew each time it is listed', () => {
    const { articles, held, made } = table();
    const heldAt = ids(all).indexOf(held[0]!.id);
    expect(articles.at(heldAt)).toBe(held[0]);
    expect(made()).toBe(0);
    const packedAt = ids(all).findIndex((id) => !heldNumbers.has(id));
    const [first] = articles.slice(packedAt, packedAt + 1);
    const [again] = articles.slice(packedAt, packedAt + 1);
    expect(first).toEqual(again);
    expect(first).not.toBe(again);
    expect(made()).toBe(2);
  });

  it('keeps an article made when asked by place for the next asking, the last few thousand', () => {
    const { articles, made } = table(8);
    const packedAt = ids(all).findIndex((id) => !heldNumbers.has(id));
    const first = articles.at(packedAt);
    expect(articles.at(packedAt)).toBe(first);
    expect(made()).toBe(1);
    // Listed, it is made anew; asked by place, kept.
    expect(articles.slice(packedAt, packedAt + 1)[0]).not.toBe(first);
    expect(made()).toBe(2);
    // Forgotten when asked (what the articles are made of changed): made again, equal.
    articles.forgetMade();
    expect(articles.at(packedAt)).not.toBe(first);
    expect(articles.at(packedAt)).toEqual(first);
    // Past the limit (8 here) the kept ones are forgotten: an article is made again, equal.
    for (let at = 0; at < articles.length; at++) articles.at(at);
    const later = articles.at(packedAt);
    expect(later).toEqual(first);
    expect(later).not.toBe(first);
  });

  it('gives every article newest first as its facts: a held one itself, a row’s made of it, no article made', () => {
    const { articles, held, made, factsMade } = table();
    const facts = [...articles.facts()];
    expect(ids(facts)).toEqual(ids(all));
    expect(made()).toBe(0);
    expect(factsMade()).toBe(all.length - held.length);
    for (const article of held) expect(facts).toContain(article);
    expect(facts.filter((fact) => 'facts' in fact)).toHaveLength(all.length - held.length);
    expect([...articleFacts(articles)]).toEqual(facts);
    // Anything else is its own facts.
    expect(articleFacts(all)).toBe(all);
  });

  it('puts a held article before a row that compares equal to it', () => {
    const held = [{ id: 7, date: new Date(1000) }];
    const order = newestFirstOrder(
      held,
      Uint32Array.of(0, 1),
      (row) =>
        [
          { id: 7, time: 1000 },
          { id: 2, time: 1000 },
        ][row]!,
    );
    expect([...order]).toEqual([0, 1, 2]);
    const newer = newestFirstOrder(held, Uint32Array.of(0), () => ({ id: 1, time: 2000 }));
    expect([...newer]).toEqual([1, 0]);
  });

  it('gives the same index of the archive as an array of every article', () => {
    const { articles } = table();
    const fromTable = buildArchiveIndex(articles);
    const fromArray = buildArchiveIndex([...all].reverse());
    // The table is taken as it is (no copy); the array is sorted.
    expect(fromTable.articles).toBe(articles);
    expect(ids(fromArray.articles)).toEqual(ids(all));
    const lists = (index: typeof fromTable) => ({
      categories: [...index.byCategory].map(([key, list]) => [key, ids(list)]),
      authors: [...index.byAuthor].map(([key, list]) => [key, ids(list)]),
      tags: [...index.byTag].map(([key, tag]) => [key, tag.label, ids(tag.articles)]),
      months: [...index.byMonth].map(([key, month]) => [key, ids(month.articles)]),
      years: index.years,
    });
    expect(lists(fromTable)).toEqual(lists(fromArray));
    for (const article of all) {
      expect(positionIn(fromTable.articles, article)).toBe(positionIn(fromArray.articles, article));
      const beside = (index: typeof fromTable) => {
        const { related, newer, older } = storiesBeside(index, article, 4);
        return [ids(related), newer?.id, older?.id];
      };
      expect(beside(fromTable)).toEqual(beside(fromArray));
    }
  });
});
