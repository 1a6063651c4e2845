/**
 * Dates on old pages: Jalali with month names or numbers, day first or last, ISO; Tehran time; the
 * "today" line.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { isValidJalaliDate, JALALI_MONTH_NAMES } from '../../../src/lib/dates/jalali.ts';
import { toAsciiDigits } from '../../../src/lib/persian/digits.ts';
import { normalizePersianLetters } from '../../../src/lib/persian/normalize.ts';
import { tehranDateTimeAt } from '../frontmatter.ts';
import { J } from './text.ts';

import type { TehranDateTime } from '../frontmatter.ts';
import type { FoundDate } from './types.ts';
import type { LegacyConfig } from './config.ts';

export const MONTHS = [...JALALI_MONTH_NAMES, 'امرداد'];
const MONTH_NAME_DATE = new RegExp(
  `(\\d{1,2})\\s*(?:ام|م)?\\s*[,،]?\\s*(${MONTHS.join('|')})(?:${J}ماه)?\\s*[,،]?\\s*(\\d{4})`,
  'u',
);
const NUMERIC_DATE = /(?<!\d)(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?!\d)/u;
const NUMERIC_DATE_DAY_FIRST = /(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)/u;
const ISO_DATE_TIME = /(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?/u;
const CLOCK = /(?<![\d/])(\d{1,2}):(\d{2})(?::\d{2})?(?![\d/])/u;

/**
 * A date as old Persian news sites write it, read as Tehran time: `1403/09/03 14:30`,
 * `۱۴۰۳-۰۹-۰۳`, `03/09/1403`, «شنبه ۳ آذر ۱۴۰۳ - ۱۴:۳۰», «۳ آذرماه ۱۴۰۳ ساعت ۹:۰۵ ب.ظ», or ISO
 * 8601 (`2024-11-23T14:30:00+03:30`; without an offset it is read as Tehran time, with a note).
 */
export function parseLegacyDate(raw: string): { value: TehranDateTime; note?: string } | undefined {
  const text = toAsciiDigits(normalizePersianLetters(raw)).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;

  const iso = ISO_DATE_TIME.exec(text);
  if (iso && Number(iso[1]?.slice(0, 4)) >= 1600) {
    if (iso[3]) {
      const date = new Date(`${iso[1]}T${iso[2]}${iso[3]}`);
      if (Number.isNaN(date.getTime())) return undefined;
      return { value: tehranDateTimeAt(date) };
    }
    // No offset: take the clock time as Tehran's.
    const date = new Date(`${iso[1]}T${iso[2]}Z`);
    if (Number.isNaN(date.getTime())) return undefined;
    const wall = tehranDateTimeAt(new Date(date.getTime() - 3.5 * 3600_000));
    return {
      value: withClock(wall, date.getUTCHours(), date.getUTCMinutes()),
      note: `the page's date "${raw.trim()}" has no time zone; it was read as Tehran time — check it`,
    };
  }

  let found: { year: number; month: number; day: number; rest: string } | undefined;
  const named = MONTH_NAME_DATE.exec(text);
  if (named) {
    found = {
      year: Number(named[3]),
      month: (named[2] === 'امرداد' ? 5 : MONTHS.indexOf(named[2] as string)) + 1,
      day: Number(named[1]),
      rest: text.replace(named[0], ' '),
    };
  } else {
    const numeric = NUMERIC_DATE.exec(text);
    const dayFirst = numeric ? undefined : NUMERIC_DATE_DAY_FIRST.exec(text);
    if (numeric) {
      found = {
        year: Number(numeric[1]),
        month: Number(numeric[2]),
        day: Number(numeric[3]),
        rest: text.replace(numeric[0], ' '),
      };
    } else if (dayFirst) {
      found = {
        year: Number(dayFirst[3]),
        month: Number(dayFirst[2]),
        day: Number(dayFirst[1]),
        rest: text.replace(dayFirst[0], ' '),
      };
    }
  }
  if (!found) return undefined;

  let hour = 0;
  let minute = 0;
  const clock = CLOCK.exec(found.rest);
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    if (/ب\.?\s?ظ|بعد\s*از\s*ظهر|عصر|شب|\bpm\b/iu.test(found.rest) && hour < 12) hour += 12;
    if (/ق\.?\s?ظ|قبل\s*از\s*ظهر|\bam\b/iu.test(found.rest) && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return undefined;
  }

  const { year, month, day } = found;
  if (year >= 1600 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    // A Gregorian date without a zone: the calendar day and clock time in Tehran.
    const utc = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (utc.getUTCDate() !== day) return undefined;
    const wall = tehranDateTimeAt(new Date(utc.getTime() - 3.5 * 3600_000));
    return { value: withClock(wall, hour, minute) };
  }
  if (year < 1250 || year > 1500 || !isValidJalaliDate(year, month, day)) return undefined;
  return { value: { year, month, day, hour, minute } };
}

/** `date` with its clock set to `hour:minute` (the calendar day is kept). */
function withClock(date: TehranDateTime, hour: number, minute: number): TehranDateTime {
  return { year: date.year, month: date.month, day: date.day, hour, minute };
}

/** The date in a "today" line, if `line` is one. */
export function todayDate(line: string, config: LegacyConfig): FoundDate | undefined {
  for (const pattern of config.text.today) {
    const match = pattern.exec(line);
    if (!match) continue;
    const parsed = parseLegacyDate(line.slice(match.index + match[0].length));
    if (parsed) return { value: parsed.value, from: 'today' };
  }
  return undefined;
}
