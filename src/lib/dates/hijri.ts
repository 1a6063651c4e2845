/**
 * The Hijri (lunar, qamari) date of a Tehran calendar day, for the date line in the header. The
 * platform's Islamic calendar does the arithmetic (`Intl`, the Umm al-Qura variant); month names
 * come from our own table, as Iran's official calendar writes them, not from Intl's Persian
 * patterns, which change between ICU versions.
 *
 * Iran's official lunar months begin when the new moon is sighted (the Leader's office announces
 * it), so they can start a day after, or before, any computed calendar: `offsetDays` moves the
 * computed date to the official one. Why Umm al-Qura and what the offset was on known dates:
 * docs/reference.md#date-line.
 */
import { toPersianDigits } from '#lib/persian/digits.ts';
import { tehranWallTime } from './tehran.ts';

/**
 * The Islamic calendar of `Intl` the date line uses. Umm al-Qura is computed from the moon's
 * position at Mecca; of the platform's variants it was closest to Iran's official calendar on the
 * dates compared (docs/reference.md#date-line). `islamic-civil` is arithmetical and drifts by a day or two.
 */
export const HIJRI_CALENDAR = 'islamic-umalqura';

/** The lunar months as Iran's official calendar and news sites write them. */
export const HIJRI_MONTH_NAMES = [
  'محرم',
  'صفر',
  'ربیع\u200cالاول',
  'ربیع\u200cالثانی',
  'جمادی\u200cالاول',
  'جمادی\u200cالثانی',
  'رجب',
  'شعبان',
  'رمضان',
  'شوال',
  'ذی\u200cالقعده',
  'ذی\u200cالحجه',
] as const;

export interface HijriDate {
  year: number;
  /** 1 = Muharram … 12 = Dhu al-Hijja. */
  month: number;
  day: number;
}

let formatter: Intl.DateTimeFormat | null | undefined;

/**
 * The Umm al-Qura formatter, made on first use; null where the platform lacks that calendar (an
 * engine built without full ICU silently falls back to the Gregorian one, which must not be shown
 * as a Hijri date).
 */
function hijriFormatter(): Intl.DateTimeFormat | null {
  if (formatter === undefined) {
    const candidate = new Intl.DateTimeFormat('en-u-nu-latn', {
      calendar: HIJRI_CALENDAR,
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatter = candidate.resolvedOptions().calendar === HIJRI_CALENDAR ? candidate : null;
  }
  return formatter;
}

/**
 * The Hijri date of the Tehran calendar day of `instant`, moved by `offsetDays`; undefined when
 * the platform has no Umm al-Qura calendar. The lunar day begins at sunset, but a date line names
 * the civil day, as Iran's official calendar does: the day changes at midnight in Tehran.
 */
export function tehranHijriDate(instant: Date, offsetDays = 0): HijriDate | undefined {
  const format = hijriFormatter();
  if (!format) return undefined;
  const wall = tehranWallTime(instant);
  // Noon UTC of that Gregorian day, moved by the offset: the same civil day in any reading.
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + offsetDays, 12));
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(day)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') parts[part.type] = Number(part.value);
  }
  const { year, month, day: dayOfMonth } = parts;
  if (!year || !month || !dayOfMonth || month > 12) return undefined;
  return { year, month, day: dayOfMonth };
}

/** «۲۰ جمادی‌الثانی ۱۴۴۸» */
export function formatHijriDate(date: HijriDate): string {
  return `${toPersianDigits(date.day)} ${HIJRI_MONTH_NAMES[date.month - 1]} ${toPersianDigits(date.year)}`;
}
