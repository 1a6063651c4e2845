/**
 * How the search index is split into pieces ("shards"): runs of whole Jalali years up to
 * `maxArticles` articles, a year with more articles split into runs of whole months. Each shard is indexed on its own, so
 * indexing memory is bounded by the largest shard, and a new story re-indexes only its own shard.
 * Readers' browsers merge the shards they search (Pagefind's mergeIndex).
 */
import { monthRangeTitle, searchScopeTitle, yearRangeTitle } from '../../i18n/fa.ts';
import { jalaliMonthName, toTehranJalali } from '../dates/jalali.ts';
import { toPersianDigits } from '../persian/digits.ts';
import type { SearchShardsManifest } from './scope.ts';

export interface IndexedPage {
  /** The URL the page is served at. */
  url: string;
  /** Its publication date (from the page's `datetime`). */
  date: Date;
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
      fromYear === toYear
        ? toPersianDigits(fromYear)
        : yearRangeTitle(toPersianDigits(fromYear), toPersianDigits(toYear));
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

/** The newest shards whose articles add up to at most `maxArticles` (always at least one). */
export function defaultScopeSize(shards: readonly { pages: readonly unknown[] }[], maxArticles: number): number {
  let articles = 0;
  let count = 0;
  for (const shard of shards) {
    if (count > 0 && articles + shard.pages.length > maxArticles) break;
    articles += shard.pages.length;
    count++;
  }
  return count;
}

/** The manifest the search page reads. */
export function shardsManifest(shards: readonly SearchShard[], defaultScopeArticles: number): SearchShardsManifest {
  return {
    shards: shards.map((shard) => ({ id: shard.id, label: shard.label, articles: shard.pages.length })),
    defaultScope: defaultScopeSize(shards, defaultScopeArticles),
  };
}
