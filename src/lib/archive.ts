/**
 * The archive's navigation, computed once per build: articles grouped by section, tag, reporter
 * and Tehran calendar month, plus each article's neighbours and related stories. Every grouping
 * is one pass over the articles, and every per-article lookup is bounded, so a build grows
 * linearly with the archive.
 */
import { ArticleList, RowGroups, type ArticleRows } from './article-list.ts';
import { articleFacts } from './article-table.ts';
import { boundedMemo } from './bounded-memo.ts';
import { toTehranJalali } from './dates/jalali.ts';
import { persianComparisonKey } from './persian/normalize.ts';
import { positionInSorted, type Indexed } from './sorted-search.ts';
import { slugify } from './persian/slug.ts';
import { compareNewestFirst } from './content/publication.ts';

/** What the archive needs to know about an article. */
export interface ArchiveItem {
  id: number;
  date: Date;
  categoryId: string;
  authorIds: readonly string[];
  tags: readonly string[];
}

export interface TagGroup<T> {
  /** The URL segment: `/tag/<slug>/`. Derived from the spelling-folded key, so it is stable. */
  slug: string;
  /** The spelling shown to readers: the most used form (the newest on a tie). */
  label: string;
  /** Newest first. */
  articles: ArticleList<T>;
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  /** Newest first. */
  articles: ArticleList<T>;
}

export interface YearSummary {
  year: number;
  count: number;
  /** Months that have articles, with their counts, in calendar order. */
  months: { month: number; count: number }[];
}

/**
 * The URL segment of a tag: every spelling variant of one tag gives the same segment. Remembered:
 * an archive has a few hundred tags, written on every article.
 */
export const tagSlug: (tag: string) => string = boundedMemo((tag) => slugify(persianComparisonKey(tag)));

/**
 * Every list is an `ArticleList` of `articles`: rows of that one table, not arrays of their own
 * (./article-list.ts).
 */
export interface ArchiveIndex<T extends ArchiveItem> {
  /** Newest first: an array, or a table that makes some of them when asked (./article-table.ts). */
  articles: ArticleRows<T>;
  byCategory: Map<string, ArticleList<T>>;
  /**
   * Each article's section as a number, by its row in `articles`: two articles share a section when
   * their numbers are equal (4 bytes an article), told without making either.
   */
  sectionOfRow: Uint32Array;
  byAuthor: Map<string, ArticleList<T>>;
  /** Keyed by tag slug, sorted by label. */
  byTag: Map<string, TagGroup<T>>;
  /** Keyed by `1403-09`, newest month first. */
  byMonth: Map<string, MonthGroup<T>>;
  /** Newest year first. */
  years: YearSummary[];
}

export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** Each of an article's tag slugs once, with the spelling that gave it first, in the article's order. */
function* firstSpellings(article: { tags: readonly string[] }): Generator<[slug: string, tag: string]> {
  const slugs: string[] = [];
  for (const tag of article.tags) {
    const slug = tagSlug(tag);
    // A tag that slugifies to nothing (spaces, punctuation) has no page.
    if (!slug || slugs.includes(slug)) continue;
    slugs.push(slug);
    yield [slug, tag];
  }
}

/**
 * The slugs of an article's tags, each once, in the article's own order. Asked again each time
 * rather than kept per article: a map of every article's slugs took 6 MB of a 30,000-article
 * build's heap, and `tagSlug` remembers each tag's slug.
 */
export function tagSlugsOf(article: { tags: readonly string[] }): string[] {
  return Array.from(firstSpellings(article), ([slug]) => slug);
}

/**
 * Groups articles once, newest first (`compareNewestFirst`); each group keeps that order. An array
 * is sorted, as a copy; a table of the articles is taken as it is, newest first by its making
 * (./article-table.ts): a copy would be 8 bytes an article of every page thread's heap.
 */
export function buildArchiveIndex<T extends ArchiveItem>(articlesNewestFirst: ArticleRows<T>): ArchiveIndex<T> {
  // Sorted (in linear time when already in order) so that every list can be searched by date.
  const articles = Array.isArray(articlesNewestFirst)
    ? [...(articlesNewestFirst as readonly T[])].sort(compareNewestFirst)
    : articlesNewestFirst;
  const listOf = (rows: Uint32Array) => new ArticleList(articles, rows);
  const lists = (groups: RowGroups<string>) =>
    new Map(Array.from(groups.groups(), ([key, rows]) => [key, listOf(rows)]));

  // One pass, each article read once (a segment build's packed ones as their facts, not made),
  // fills every grouping: its section, its reporters, its tags (with how often each spelling names
  // each tag), and its Tehran calendar month, reckoned once.
  const sections = new RowGroups<string>(articles.length);
  const reporters = new RowGroups<string>(articles.length);
  const tags = new RowGroups<string>(articles.length);
  const months = new RowGroups<string>(articles.length);
  const spellings = new Map<string, Map<string, number>>();
  const calendar = new Map<string, { year: number; month: number }>();
  for (const article of articleFacts<ArchiveItem>(articles)) {
    sections.add([article.categoryId]);
    reporters.add(article.authorIds);
    tags.add(
      Array.from(firstSpellings(article), ([slug, tag]) => {
        const forms = spellings.get(slug) ?? new Map<string, number>();
        forms.set(tag, (forms.get(tag) ?? 0) + 1);
        spellings.set(slug, forms);
        return slug;
      }),
    );
    const { year, month } = toTehranJalali(article.date);
    const key = monthKey(year, month);
    if (!calendar.has(key)) calendar.set(key, { year, month });
    months.add([key]);
  }
  const tagRows = tags.groups();
  const byTag = new Map<string, TagGroup<T>>();
  for (const [slug, rows] of tagRows) {
    // Map iteration is insertion order: the first form met (newest article) wins a tie.
    let label = '';
    let best = 0;
    for (const [form, count] of spellings.get(slug)!) {
      if (count > best) [label, best] = [form, count];
    }
    byTag.set(slug, { slug, label, articles: listOf(rows) });
  }
  const sortedTags = [...byTag.values()].sort((a, b) => a.label.localeCompare(b.label, 'fa'));

  const byMonth = new Map(
    Array.from(months.groups(), ([key, rows]): [string, MonthGroup<T>] => [
      key,
      { ...calendar.get(key)!, articles: listOf(rows) },
    ]),
  );

  const years = new Map<number, YearSummary>();
  for (const group of byMonth.values()) {
    const summary = years.get(group.year) ?? { year: group.year, count: 0, months: [] };
    summary.count += group.articles.length;
    summary.months.push({ month: group.month, count: group.articles.length });
    years.set(group.year, summary);
  }
  for (const summary of years.values()) summary.months.sort((a, b) => a.month - b.month);

  return {
    articles,
    sectionOfRow: sections.keyNumbers(),
    byCategory: lists(sections),
    byAuthor: lists(reporters),
    byTag: new Map(sortedTags.map((group) => [group.slug, group])),
    byMonth,
    years: [...years.values()].sort((a, b) => b.year - a.year),
  };
}

/**
 * Where `article` is in `list` (newest first, as every list of the index is), found by halving:
 * maps of every article's place in each of its lists took 5 MB of a 30,000-article build's heap.
 * Undefined when the list does not hold it.
 */
export function positionIn<T extends { id: number; date: Date }>(list: Indexed<T>, article: T): number | undefined {
  return positionInSorted(list, article, compareNewestFirst);
}

/**
 * Where `article` is in `list`, one of the lists of `index`: its row in the index's table, found by
 * halving, then that row in the list, likewise. Undefined when the list does not hold it.
 * @param row the article's row in the table (`positionIn(index.articles, article)`), when the caller
 *   has it: a page's related stories and section neighbours look it up once
 */
export function positionInList<T extends ArchiveItem>(
  index: ArchiveIndex<T>,
  list: ArticleList<T>,
  article: T,
  row: number | undefined = positionIn(index.articles, article),
): number | undefined {
  return row === undefined ? undefined : list.indexOfRow(row);
}

/**
 * The newer and older article next to `article` in its section.
 * @param row its row in the index's table, when the caller has it (`positionInList`)
 */
export function sectionNeighbours<T extends ArchiveItem>(
  archive: ArchiveIndex<T>,
  article: T,
  row: number | undefined = positionIn(archive.articles, article),
): { newer?: T; older?: T } {
  const list = archive.byCategory.get(article.categoryId);
  const index = list && positionInList(archive, list, article, row);
  if (index === undefined) return {};
  const result: { newer?: T; older?: T } = {};
  if (index > 0) result.newer = list!.at(index - 1)!;
  if (index < list!.length - 1) result.older = list!.at(index + 1)!;
  return result;
}

export interface RelatedOptions {
  /** How many related articles to return. */
  count: number;
  /** How many articles on each side of the article's position each tag or section group offers. */
  window?: number;
}

/**
 * Related stories: articles sharing the most tags (same section breaks ties), newest first, then
 * filled from the same section. Candidates come only from a window around the article in each of
 * its groups, so the cost per article is bounded however large a tag or section grows.
 * @param row its row in the index's table, when the caller has it (`positionInList`)
 */
export function relatedArticles<T extends ArchiveItem>(
  index: ArchiveIndex<T>,
  article: T,
  { count, window = 12 }: RelatedOptions,
  row: number | undefined = positionIn(index.articles, article),
): T[] {
  if (row === undefined) return [];
  const section = index.byCategory.get(article.categoryId);
  // Each candidate by its row in the index's table, with how many of the article's tags it shares;
  // only the best `count` are made articles. Making each of the 40 to 100 candidates (a segment
  // build's packed articles are made when asked) to read its number, section and date was most of
  // the time: the plan of a million articles asks for every article (37 of its 115 s of
  // fingerprints, 6 December 2026).
  const shared = new Map<number, number>();
  // Loops over the windows in place: every article of the archive asks, a million times in a plan
  // of a million articles.
  const visit = (list: ArticleList<T> | undefined, sharesTag: boolean) => {
    const position = list?.indexOfRow(row);
    if (position === undefined) return;
    const end = Math.min(list!.length, position + window + 1);
    for (let at = Math.max(0, position - window); at < end; at++) {
      const other = list!.rowAt(at)!;
      if (other !== row) shared.set(other, (shared.get(other) ?? 0) + (sharesTag ? 1 : 0));
    }
  };
  for (const slug of tagSlugsOf(article)) visit(index.byTag.get(slug)!.articles, true);
  visit(section, false);
  type Candidate = { row: number; shared: number; sameSection: number };
  // Most shared tags, then the same section, then newest, then the higher number: a total order,
  // whose last two are the table's own (rows ascend newest first, `compareNewestFirst`).
  const before = (a: Candidate, b: Candidate) => b.shared - a.shared || b.sameSection - a.sameSection || a.row - b.row;
  const best: Candidate[] = [];
  const sectionOf = index.sectionOfRow;
  const ownSection = sectionOf[row];
  for (const [other, tags] of shared) {
    const candidate = { row: other, shared: tags, sameSection: sectionOf[other] === ownSection ? 1 : 0 };
    if (best.length === count) {
      if (count === 0 || before(candidate, best[count - 1]!) >= 0) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && before(candidate, best[at - 1]!) < 0) at--;
    best.splice(at, 0, candidate);
  }
  return best.map((candidate) => index.articles.at(candidate.row)!);
}

/**
 * The stories an article's page links to: its related stories (`relatedCount`, most related first)
 * and the next newer and older story of its section. One home for what a page shows of others: the
 * page (src/data/article-page.ts) and a segment's reckoning of what it keeps in full
 * (src/lib/shown-articles.ts) both ask here.
 */
export function storiesBeside<T extends ArchiveItem>(
  index: ArchiveIndex<T>,
  article: T,
  relatedCount: number,
): { related: T[]; newer?: T; older?: T } {
  // The article's row in the table, looked up once for both.
  const row = positionIn(index.articles, article);
  return {
    related: relatedArticles(index, article, { count: relatedCount }, row),
    ...sectionNeighbours(index, article, row),
  };
}
