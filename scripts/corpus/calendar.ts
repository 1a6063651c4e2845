/** The corpus's publishing timeline: Jalali days of the archive, Tehran time, frontmatter dates. */
import { jalaaliMonthLength, toGregorian } from 'jalaali-js';
import { toPersianDigits } from '../../src/lib/persian/digits.ts';
import { frontmatterDate, yamlQuote } from '../lib/frontmatter.ts';
import { pad2 } from './text.ts';

export const FIRST_JALALI_YEAR = 1385;
/** Articles are dated before this Jalali day (exclusive). */
export const END_JALALI_DATE = { year: 1405, month: 9, day: 1 };
/** Articles are published between 07:00 and 22:59 Tehran time, clear of the DST clock changes. */
export const FIRST_HOUR = 7;
export const MINUTES_PER_DAY = 16 * 60;

/**
 * Tehran's UTC offset on a Jalali day, at any time between 07:00 and 22:59. Iran kept daylight
 * saving time (+04:30) from 1 Farvardin 24:00 to 30 Shahrivar 24:00 until 1401 (2022), except in
 * 1385–1386 (2006–2007), when it was suspended; IANA's Asia/Tehran agrees. Otherwise +03:30.
 */
export function tehranOffset(year: number, month: number, day: number) {
  const dstYear = year <= 1401 && year !== 1385 && year !== 1386;
  // Shahrivar has 31 days: its 31st is already back on standard time.
  const inSummer = (month === 1 && day >= 2) || (month >= 2 && month <= 5) || (month === 6 && day <= 30);
  return dstYear && inSummer ? '+04:30' : '+03:30';
}

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

let calendarCache: JalaliDay[] | undefined;

/** Every Jalali day from 1385/01/01 to the day before END_JALALI_DATE. */
export function archiveDays() {
  if (calendarCache) return calendarCache;
  const days: JalaliDay[] = [];
  for (let year = FIRST_JALALI_YEAR; year <= END_JALALI_DATE.year; year++) {
    for (let month = 1; month <= 12; month++) {
      const length = jalaaliMonthLength(year, month);
      for (let day = 1; day <= length; day++) {
        const key = year * 10000 + month * 100 + day;
        if (key >= END_JALALI_DATE.year * 10000 + END_JALALI_DATE.month * 100 + END_JALALI_DATE.day) {
          calendarCache = days;
          return days;
        }
        days.push({ year, month, day });
      }
    }
  }
  calendarCache = days;
  return days;
}

export interface ArticleTime {
  /** Jalali */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A point on the publishing timeline (minutes of 07:00–22:59 days since 1385/01/01) as a date. */
export function timeAt(index: number): ArticleTime {
  const days = archiveDays();
  const day = days[Math.floor(index / MINUTES_PER_DAY)] as JalaliDay;
  const minuteOfDay = index % MINUTES_PER_DAY;
  return { ...day, hour: FIRST_HOUR + Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

export type DateStyle = 'jalali' | 'jalali-persian' | 'jalali-dash' | 'iso';

/** A frontmatter date value, written the way reporters write it. */
export function formatDate(t: ArticleTime, style: DateStyle) {
  const time = `${pad2(t.hour)}:${pad2(t.minute)}`;
  switch (style) {
    case 'jalali':
      return frontmatterDate(t);
    case 'jalali-dash':
      return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${time}`;
    case 'jalali-persian':
      return yamlQuote(toPersianDigits(frontmatterDate(t)));
    case 'iso': {
      const { gy, gm, gd } = toGregorian(t.year, t.month, t.day);
      return `${gy}-${pad2(gm)}-${pad2(gd)}T${time}:00${tehranOffset(t.year, t.month, t.day)}`;
    }
  }
}
