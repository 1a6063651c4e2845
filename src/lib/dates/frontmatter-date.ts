/**
 * The form of an article's `date` as the newsroom's tools write it (`npm run new`, the legacy importer,
 * the web editor): the Jalali date and Tehran wall-clock time to the minute, `1405/09/08 14:30`,
 * which parse-article-date.ts reads back as the same instant.
 */
import { toTehranJalali, type TehranJalaliDateTime } from './jalali.ts';

/** A Jalali date and Tehran wall-clock time, to the minute: what the frontmatter's `date` holds. */
export type TehranDateTime = Pick<TehranJalaliDateTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>;

/** The Tehran wall clock at `instant`, with the day as a Jalali date, to the minute. */
export function tehranDateTimeAt(instant: Date): TehranDateTime {
  const { year, month, day, hour, minute } = toTehranJalali(instant);
  return { year, month, day, hour, minute };
}

/** `1405/09/08 14:30`, the way the frontmatter's `date` is written. */
export function frontmatterDate(date: TehranDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}/${two(date.month)}/${two(date.day)} ${two(date.hour)}:${two(date.minute)}`;
}
