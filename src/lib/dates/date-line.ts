/**
 * The date line of the header, «دوشنبه ۹ آذر ۱۴۰۵ - ۲۰ جمادی‌الثانی ۱۴۴۸ - 30 November 2026», as
 * Iranian news sites print it: today's Tehran day in the calendars the site settings name
 * (`dateLine`), Jalali first and always. Pure: the page (for the home page's build day) and the
 * site script (for the reader's day) render the same parts.
 */
import { formatHijriDate, tehranHijriDate } from './hijri.ts';
import { formatJalaliDate } from './jalali.ts';
import { tehranWallTime } from './tehran.ts';

/** The calendars a date line can show, in the order Iranian sites print them. */
export const DATE_LINE_CALENDARS = ['jalali', 'hijri', 'gregorian'] as const;
export type DateLineCalendar = (typeof DATE_LINE_CALENDARS)[number];

export interface DateLineOptions {
  /** The calendars shown, Jalali first. */
  calendars: readonly DateLineCalendar[];
  /** Days added to the computed Hijri date to match Iran's official one (see ./hijri.ts). */
  hijriOffsetDays: number;
}

export interface DateLinePart {
  calendar: DateLineCalendar;
  text: string;
  /**
   * `en` for the Gregorian date, written in English with ASCII digits as Iranian sites write it:
   * marked so that screen readers read it in English and the bidi algorithm keeps it whole.
   */
  lang?: 'en';
}

/**
 * Between two calendars' dates, ' - '. Pages write it as a space, then the dash in one box with the
 * date it leads (`white-space: nowrap`): a line too long for a phone wraps before a dash, never
 * leaving one at a line's end.
 */
export const DATE_LINE_BREAK = ' ';
export const DATE_LINE_DASH = '- ';
export const DATE_LINE_SEPARATOR = `${DATE_LINE_BREAK}${DATE_LINE_DASH}`;

const GREGORIAN_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** «30 November 2026»: the Gregorian date of the Tehran day of `instant`. */
export function formatGregorianDay(instant: Date): string {
  const { year, month, day } = tehranWallTime(instant);
  return `${day} ${GREGORIAN_MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * The date line's parts for the Tehran day of `instant`, one per calendar in the settings' order.
 * A Hijri part is left out where the platform has no Islamic calendar: nothing rather than a
 * wrong date.
 */
export function dateLineParts(instant: Date, options: DateLineOptions): DateLinePart[] {
  const parts: DateLinePart[] = [];
  for (const calendar of options.calendars) {
    if (calendar === 'jalali') parts.push({ calendar, text: formatJalaliDate(instant) });
    if (calendar === 'gregorian') parts.push({ calendar, text: formatGregorianDay(instant), lang: 'en' });
    if (calendar === 'hijri') {
      const hijri = tehranHijriDate(instant, options.hijriOffsetDays);
      if (hijri) parts.push({ calendar, text: formatHijriDate(hijri) });
    }
  }
  return parts;
}

/** The whole line as text. */
export function formatDateLine(instant: Date, options: DateLineOptions): string {
  return dateLineParts(instant, options)
    .map((part) => part.text)
    .join(DATE_LINE_SEPARATOR);
}

/**
 * The options a page hands the site script, as `data-` attributes of the date line (the settings
 * themselves are not in the browser), and back: `data-calendars="jalali hijri"`,
 * `data-hijri-offset="-1"`. Unknown calendars and a missing or odd offset are ignored.
 */
export function dateLineData(options: DateLineOptions): { 'data-calendars': string; 'data-hijri-offset': string } {
  return { 'data-calendars': options.calendars.join(' '), 'data-hijri-offset': String(options.hijriOffsetDays) };
}

export function dateLineOptionsFromData(data: {
  calendars?: string | undefined;
  hijriOffset?: string | undefined;
}): DateLineOptions {
  const calendars = (data.calendars ?? 'jalali')
    .split(' ')
    .filter((name): name is DateLineCalendar => (DATE_LINE_CALENDARS as readonly string[]).includes(name));
  const offset = Number(data.hijriOffset ?? 0);
  return {
    calendars: calendars.length > 0 ? calendars : ['jalali'],
    hijriOffsetDays: Number.isInteger(offset) ? offset : 0,
  };
}
