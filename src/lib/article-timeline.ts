/**
 * An article's life after its first publication, for display: its corrections and the updates of a
 * live page, newest first with stable anchors, the date it last changed, and the site-wide list of
 * recent corrections. Pure: the pages, feeds and structured data read it.
 */
import { latest, type Dated } from './content/timeline.ts';
import { toTehranJalali } from './dates/jalali.ts';

export interface Correction extends Dated {
  text: string;
}

export interface LiveUpdate extends Dated {
  title?: string | undefined;
  /** Paragraphs separated by a blank line. */
  text: string;
}

/** What the timeline reads of an article's frontmatter. */
export interface TimelineData {
  date: Date;
  updated?: Date | undefined;
  corrections: readonly Correction[];
  live: boolean;
  updates: readonly LiveUpdate[];
  liveEnded?: Date | undefined;
}

/** An item with the anchor of its place on the article's page (`#update-14050910-1840`). */
export type Anchored<T> = T & { anchor: string };

/**
 * When the article last changed for its readers: its `updated` date, its latest correction or its
 * latest live update, whichever is latest; undefined when it never changed. Lists and feeds are still
 * ordered by first publication.
 */
export function lastModified(data: TimelineData): Date | undefined {
  return latest([...(data.updated ? [{ date: data.updated }] : []), ...data.corrections, ...data.updates]);
}

/** Whether the page shows «پوشش زنده»: a live page whose coverage has not been ended. */
export function isLiveNow(data: Pick<TimelineData, 'live' | 'liveEnded'>): boolean {
  return data.live && !data.liveEnded;
}

/** Newest first; of equal times the one higher in the file first (reporters add updates on top). */
function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.date.getTime() - a.item.date.getTime() || a.index - b.index)
    .map(({ item }) => item);
}

/** `14050910-1840`: the Tehran Jalali date and time of an instant, ASCII digits, for anchors. */
function stamp(date: Date): string {
  const j = toTehranJalali(date);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${j.year}${two(j.month)}${two(j.day)}-${two(j.hour)}${two(j.minute)}`;
}

/**
 * Items newest first, each with an anchor made from its Tehran time (`update-14050910-1840`): the
 * link to an update stays the same however many come after it. Two in one minute get `-2`, `-3`.
 */
export function anchoredNewestFirst<T extends Dated>(items: readonly T[], prefix: string): Anchored<T>[] {
  const used = new Map<string, number>();
  // Numbered from the oldest, so a later item never changes an earlier one's anchor.
  const oldestFirst = newestFirst(items).reverse();
  const anchors = new Map<T, string>();
  for (const item of oldestFirst) {
    const base = `${prefix}-${stamp(item.date)}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    anchors.set(item, count === 1 ? base : `${base}-${count}`);
  }
  return newestFirst(items).map((item) => ({ ...item, anchor: anchors.get(item)! }));
}

/** The live updates of a page, newest first, anchored `#update-…`. */
export const liveUpdatesNewestFirst = (updates: readonly LiveUpdate[]) => anchoredNewestFirst(updates, 'update');

/** The corrections of a page, newest first, anchored `#correction-…`. */
export const correctionsNewestFirst = (corrections: readonly Correction[]) =>
  anchoredNewestFirst(corrections, 'correction');

/** The paragraphs of a live update's text. */
export const paragraphsOf = (text: string) => text.split('\n\n');

/**
 * The date of the archive's newest correction, the corrections page's first line
 * (`recentCorrections`), read from the corrections alone: the sitemap dates the page by it, in the
 * segment of the site's pages, which need not hold the corrected stories' headlines.
 */
export function newestCorrectionDate(
  articles: Iterable<{ data: { corrections: readonly Dated[] } }>,
): Date | undefined {
  let newest: Date | undefined;
  for (const { data } of articles) {
    for (const { date } of data.corrections) if (!newest || date > newest) newest = date;
  }
  return newest;
}

/** How many corrections the site-wide corrections page lists: the newest, about a year's worth. */
export const CORRECTIONS_PAGE_LIMIT = 100;

/** One line of the corrections page. */
export interface CorrectionEntry {
  /** The corrected story's headline and site path, with the correction's anchor. */
  title: string;
  href: string;
  date: Date;
  text: string;
}

/**
 * The newest corrections of the archive, newest first (ties: the newer story first), at most
 * `limit`. Only what the page shows, so that the page changes only when a correction does.
 */
export function recentCorrections(
  articles: Iterable<{ id: number; path: string; data: { title: string; corrections: readonly Correction[] } }>,
  limit = CORRECTIONS_PAGE_LIMIT,
): CorrectionEntry[] {
  const entries: { id: number; entry: CorrectionEntry }[] = [];
  for (const article of articles) {
    // Most stories have none: their page's path is not asked for.
    if (article.data.corrections.length === 0) continue;
    for (const correction of correctionsNewestFirst(article.data.corrections)) {
      entries.push({
        id: article.id,
        entry: {
          title: article.data.title,
          href: `${article.path}#${correction.anchor}`,
          date: correction.date,
          text: correction.text,
        },
      });
    }
  }
  return entries
    .sort((a, b) => b.entry.date.getTime() - a.entry.date.getTime() || b.id - a.id)
    .slice(0, limit)
    .map(({ entry }) => entry);
}
