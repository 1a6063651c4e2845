/**
 * Reads the dates reporters write in frontmatter:
 * - Jalali, as written in the newsroom: `1403/09/03 14:30`, `۱۴۰۳-۰۹-۰۳ ۱۴:۳۰`, `1403/9/3`
 *   (Persian, Arabic-Indic or ASCII digits; `/` or `-`; time optional, seconds optional),
 *   read as Tehran wall-clock time;
 * - ISO 8601 with an explicit offset: `2024-11-22T14:30:00+03:30`;
 * - a Date that YAML already parsed from an unquoted ISO timestamp.
 * Anything else is an error whose message says what to write instead.
 */
import { toAsciiDigits } from '#lib/persian/digits.ts';
import { fromTehranJalali, isValidJalaliDate, JALALI_MONTH_LATIN_NAMES, jalaliMonthLength } from './jalali.ts';

const EXAMPLES =
  'write it as a Jalali date in Tehran time, like 1403/09/03 14:30, or as ISO with an offset, like 2024-11-23T14:30:00+03:30';

const JALALI_PATTERN = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The first and last Jalali years an archive date may fall in; anything else is a typo. */
const MIN_JALALI_YEAR = 1250;
const MAX_JALALI_YEAR = 1500;

export function parseArticleDate(value: unknown): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`is not a valid date; ${EXAMPLES}.`);
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`is missing or not a date; ${EXAMPLES}.`);
  }
  const text = toAsciiDigits(value.trim()).replace(/\s+/g, ' ');

  const iso = ISO_PATTERN.exec(text);
  // `1403-09-03 14:30` has the shape of ISO too: a year before 1600 can only be Jalali.
  if (iso && Number(iso[1]) >= 1600) {
    if (!iso[7]) {
      throw new Error(
        `"${value}" has no time-zone offset, so the hour is ambiguous; add Tehran's offset (e.g. ${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:00+03:30) or write the Jalali date instead.`,
      );
    }
    const parsed = new Date(text.replace(' ', 'T'));
    const [, y, m, d, hh, mm, ss] = iso.map(Number) as number[];
    const calendarOk =
      !Number.isNaN(parsed.getTime()) &&
      m! >= 1 &&
      m! <= 12 &&
      d! >= 1 &&
      d! <= new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    if (!calendarOk || hh! > 23 || mm! > 59 || (ss ?? 0) > 59) {
      throw new Error(`"${value}" is not a real date or time; ${EXAMPLES}.`);
    }
    return parsed;
  }

  const jalali = JALALI_PATTERN.exec(text);
  if (jalali) {
    const [year, month, day, hour = 0, minute = 0, second = 0] = jalali
      .slice(1)
      .map((part) => (part === undefined ? undefined : Number(part))) as number[];
    if (year! < MIN_JALALI_YEAR || year! > MAX_JALALI_YEAR) {
      throw new Error(
        `"${value}" is read as a Jalali date, but the year ${year} is outside ${MIN_JALALI_YEAR}–${MAX_JALALI_YEAR}; for a Gregorian date use ISO with an offset, like 2024-11-23T14:30:00+03:30.`,
      );
    }
    if (month! < 1 || month! > 12) {
      throw new Error(`"${value}": month ${month} does not exist; Jalali months are 1 (Farvardin) to 12 (Esfand).`);
    }
    if (!isValidJalaliDate(year!, month!, day!)) {
      const length = jalaliMonthLength(year!, month!);
      throw new Error(
        `"${value}": day ${day} does not exist; ${JALALI_MONTH_LATIN_NAMES[month! - 1]} ${year} has ${length} days.`,
      );
    }
    if (hour! > 23 || minute! > 59 || second! > 59) {
      throw new Error(
        `"${value}": the time is not a real clock time; write hours 00–23 and minutes 00–59, like 14:30.`,
      );
    }
    return fromTehranJalali({ year: year!, month: month!, day: day! }, hour, minute, second);
  }

  throw new Error(`"${value}" is not a date this archive understands; ${EXAMPLES}.`);
}
