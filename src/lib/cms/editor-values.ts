/**
 * What Bayegan's editor widgets compute (src/scripts/admin/widgets.ts), as pure functions: the next
 * free id, a date typed in Persian or Latin digits, the folder of a new article. The widgets only
 * show them; these decide.
 */
import { articleFolder } from '#lib/content/content-layout.ts';
import { frontmatterDate, tehranDateTimeAt } from '#lib/dates/frontmatter-date.ts';
import { formatJalaliDateTime } from '#lib/dates/jalali.ts';
import { parseArticleDate } from '#lib/dates/parse-article-date.ts';
import { toAsciiDigits } from '#lib/persian/digits.ts';

/** 1 + the largest id among the archive's articles (as `npm run new` counts); 1 for none. */
export function nextArticleId(ids: Iterable<unknown>): number {
  let max = 0;
  for (const id of ids) {
    const n = typeof id === 'number' ? id : Number(String(id ?? '').trim());
    if (Number.isSafeInteger(n) && n > max) max = n;
  }
  return max + 1;
}

/** The `date` of an article written now: `1405/09/10 14:30` in Tehran. */
export function dateNow(now: Date): string {
  return frontmatterDate(tehranDateTimeAt(now));
}

/** A date as typed: Persian or Arabic-Indic digits become ASCII, as the files hold them. */
export function typedDate(text: string): string {
  return toAsciiDigits(text);
}

/** The instant of a date the schema accepts, or undefined. */
export function dateInstant(text: unknown): Date | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return parseArticleDate(text);
  } catch {
    return undefined;
  }
}

/** How a date reads to a reporter, «شنبه ۳ آذر ۱۴۰۳ - ۰۰:۳۰», or '' when it cannot be read. */
export function readableDate(text: unknown): string {
  const instant = dateInstant(text);
  return instant ? formatJalaliDateTime(instant) : '';
}

/** The folder of an article first published at `date`, `1405/09`, as `npm run new` places it; undefined if unreadable. */
export function folderForDate(text: unknown): string | undefined {
  const instant = dateInstant(text);
  return instant ? articleFolder(tehranDateTimeAt(instant)) : undefined;
}
