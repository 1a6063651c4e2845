/**
 * How the search index is split into pieces ("shards"). Each shard is indexed on its own, so
 * indexing memory is bounded by the largest shard, and a change re-indexes only the shards whose
 * articles changed. Readers' browsers merge the shards they search (Pagefind's mergeIndex).
 *
 * `planSearchTiers` lays the archive out the way new stories arrive, from the oldest article on:
 * - **latest**: the newest articles, fewer than `latestArticles` (100): every new story re-indexes
 *   this shard alone, and only its few files change on the CDN;
 * - **recent**: the articles before those, fewer than `recentArticles` (2,000), in whole runs of
 *   `latestArticles`: re-indexed each time the latest shard fills up;
 * - **years**: everything older, in whole runs of `recentArticles`, grouped by `planSearchShards`
 *   into Jalali years up to `shardArticles`: the newest group is re-indexed each time the recent
 *   shard fills up (once every 2,000 stories), older years never.
 * The layout depends on the archive alone, never on the builds before it, so an incremental build
 * writes the index a build from scratch writes.
 */
import { monthRangeTitle, rangeTitle, searchScopeTitle, sinceTitle } from '#i18n/fa.ts';
import { formatJalaliDay, jalaliMonthName, toTehranJalali } from '#lib/dates/jalali.ts';
import { toPersianDigits } from '#lib/persian/digits.ts';
import type { ArticleRows, NewestFirst } from '#lib/article-list.ts';
import type { SearchShardsManifest } from './scope.ts';

export interface IndexedPage {
  /** The article's number: pages of one time fall in its order. */
  id: number;
  /** The URL the page is served at. */
  url: string;
  /** Its publication date (from the page's `datetime`). */
  date: Date;
  /** Its date's time, when the page gives it without making a `Date` (`IndexedArticle`). */
  time?: number;
}

/**
 * An article of the archive's index as a page a shard files, before or without its page being
 * read: its number and time, its URL and date made when asked. A segment files every article of
 * the archive twice (its plan, then its search step, for the other segments' pages); as objects of
 * their number, URL and date, a million articles took about 0.3 GB of heap at once (each a
 * percent-encoded path and a `Date`), where these take 56 bytes an article. The URL is asked for
 * only when two articles share a time, or when a search step looks its page up.
 */
export class IndexedArticle implements IndexedPage {
  readonly id: number;
  readonly time: number;
  readonly #articles: NewestFirst<{ path: string }>;
  readonly #at: number;

  /** The article at `at` of `articles`, which is `article`. */
  constructor(articles: NewestFirst<{ path: string }>, at: number, article: { id: number; date: Date; time?: number }) {
    this.id = article.id;
    this.time = article.time ?? article.date.getTime();
    this.#articles = articles;
    this.#at = at;
  }

  get url(): string {
    return this.#articles.at(this.#at)!.path;
  }

  get date(): Date {
    return new Date(this.time);
  }
}

/** Every article of `articles` (the archive's index, newest first) as a page a shard files, oldest first. */
export function indexedArticles(
  articles: ArticleRows<{ id: number; path: string; date: Date; time?: number }>,
): IndexedArticle[] {
  const pages: IndexedArticle[] = [];
  let at = 0;
  for (const article of articles) pages.push(new IndexedArticle(articles, at++, article));
  return pages.reverse();
}

export interface SearchShard<P extends IndexedPage = IndexedPage> {
  /** ASCII, the Jalali years or months it holds: `1398-1402`, `1403` or `1404-01-06`. */
  id: string;
  /** What readers see in the search scope choice: «خبرهای ۱۳۹۸ تا ۱۴۰۲». */
  label: string;
  pages: P[];
}

const pad = (month: number) => String(month).padStart(2, '0');

/**
 * Splits pages into shards, newest first; pages keep their given order inside a shard. Whole years
 * are grouped from the oldest on, each group as large as fits in `maxArticles`, so the newest years
 * (where new stories land) form the last, smallest group and a new story re-indexes only that. A
 * year larger than the limit is split into runs of whole months the same way.
 */
export function planSearchShards<P extends IndexedPage>(pages: readonly P[], maxArticles: number): SearchShard<P>[] {
  const byYearMonth = new Map<number, P[][]>();
  for (const page of pages) {
    const { year, month } = toTehranJalali(page.date);
    let months = byYearMonth.get(year);
    if (!months) byYearMonth.set(year, (months = Array.from({ length: 12 }, () => [])));
    months[month - 1]!.push(page);
  }
  const shards: SearchShard<P>[] = [];
  let group: { fromYear: number; toYear: number; pages: P[] } | undefined;
  const closeGroup = () => {
    if (!group) return;
    const { fromYear, toYear } = group;
    const years =
      fromYear === toYear ? toPersianDigits(fromYear) : rangeTitle(toPersianDigits(fromYear), toPersianDigits(toYear));
    shards.push({
      id: fromYear === toYear ? String(fromYear) : `${fromYear}-${toYear}`,
      label: searchScopeTitle(years),
      pages: group.pages,
    });
    group = undefined;
  };
  for (const year of [...byYearMonth.keys()].sort((a, b) => a - b)) {
    const months = byYearMonth.get(year)!;
    const yearPages = months.flat();
    if (yearPages.length <= maxArticles) {
      if (group && group.pages.length + yearPages.length <= maxArticles) {
        group.toYear = year;
        group.pages.push(...yearPages);
      } else {
        closeGroup();
        group = { fromYear: year, toYear: year, pages: yearPages };
      }
      continue;
    }
    closeGroup();
    // Whole months, oldest first, each run as large as fits; a month larger than the limit is a run of its own.
    const runs: { fromMonth: number; toMonth: number; pages: P[] }[] = [];
    for (let month = 1; month <= 12; month++) {
      const list = months[month - 1]!;
      if (list.length === 0) continue;
      const last = runs.at(-1);
      if (last && last.pages.length + list.length <= maxArticles) {
        last.toMonth = month;
        last.pages.push(...list);
      } else {
        runs.push({ fromMonth: month, toMonth: month, pages: [...list] });
      }
    }
    for (const run of runs) {
      shards.push({
        id: `${year}-${pad(run.fromMonth)}-${pad(run.toMonth)}`,
        label: searchScopeTitle(
          monthRangeTitle(jalaliMonthName(run.fromMonth), jalaliMonthName(run.toMonth), toPersianDigits(year)),
        ),
        pages: run.pages,
      });
    }
  }
  closeGroup();
  return shards.reverse();
}

export interface SearchTiers {
  /** The most articles of one year shard (site setting `search.shardArticles`). */
  shardArticles: number;
  /** The recent shard holds fewer than this (`search.recentArticles`). */
  recentArticles: number;
  /** The latest shard holds fewer than this (`search.latestArticles`). */
  latestArticles: number;
}

/** The ids of the two shards new stories go into (ASCII, never a Jalali year). */
export const LATEST_SHARD = 'latest';
export const RECENT_SHARD = 'newer';

/**
 * Oldest first, by date and then number, so that equal dates always fall in the same order, the
 * site's lists' (`compareNewestFirst`), reversed. Not by URL: a segment files every article of the
 * archive, and only its own pages' paths are made (src/build/search-index.ts).
 */
const chronological = <P extends IndexedPage>(a: P, b: P) =>
  (a.time ?? a.date.getTime()) - (b.time ?? b.date.getTime()) || a.id - b.id;

/** The shards of the whole archive, newest first (see the top of this file). */
export function planSearchTiers<P extends IndexedPage>(pages: readonly P[], tiers: SearchTiers): SearchShard<P>[] {
  const { shardArticles, recentArticles, latestArticles } = tiers;
  const ordered = [...pages].sort(chronological);
  const sealedEnd = Math.floor(ordered.length / recentArticles) * recentArticles;
  const latestStart = sealedEnd + Math.floor((ordered.length - sealedEnd) / latestArticles) * latestArticles;
  const since = (list: P[]) => formatJalaliDay(list[0]!.date);
  const shards: SearchShard<P>[] = [];
  const latest = ordered.slice(latestStart);
  if (latest.length > 0) {
    shards.push({ id: LATEST_SHARD, label: searchScopeTitle(sinceTitle(since(latest))), pages: latest });
  }
  const recent = ordered.slice(sealedEnd, latestStart);
  if (recent.length > 0) {
    const until = formatJalaliDay(recent.at(-1)!.date);
    shards.push({ id: RECENT_SHARD, label: searchScopeTitle(rangeTitle(since(recent), until)), pages: recent });
  }
  return [...shards, ...planSearchShards(ordered.slice(0, sealedEnd), shardArticles)];
}

/** Whether a shard is in the routing table (`routing.ts`): every shard but the two newest. */
export function routedShard(id: string): boolean {
  return id !== LATEST_SHARD && id !== RECENT_SHARD;
}

/** The manifest the search page reads. */
export function shardsManifest(shards: readonly SearchShard[]): SearchShardsManifest {
  return {
    shards: shards.map((shard) => {
      const years = shard.pages.map((page) => toTehranJalali(page.date).year);
      return {
        id: shard.id,
        label: shard.label,
        articles: shard.pages.length,
        years: [Math.min(...years), Math.max(...years)],
        routed: routedShard(shard.id),
      };
    }),
  };
}
