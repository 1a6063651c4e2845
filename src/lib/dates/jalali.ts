/**
 * Jalali (Solar Hijri) dates of instants, as seen in Tehran, and their Persian display strings.
 * Month and weekday names come from our own tables, not from Intl: Intl's Persian patterns
 * change between ICU versions.
 */
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { padPersian, toPersianDigits } from '#lib/persian/digits.ts';
import { fromTehranWallTime, tehranWallTime } from './tehran.ts';

export const JALALI_MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/** Month names in Latin letters, for messages shown in a terminal that cannot shape Persian. */
export const JALALI_MONTH_LATIN_NAMES = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

/** Weekday names from Saturday, the first day of the Persian week. */
export const PERSIAN_WEEKDAY_NAMES = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const;

export interface JalaliDate {
  /** Jalali year, e.g. 1403. */
  year: number;
  /** 1 = Farvardin … 12 = Esfand. */
  month: number;
  day: number;
}

export interface TehranJalaliDateTime extends JalaliDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Saturday (شنبه) … 6 = Friday (جمعه). */
  weekday: number;
}

/** The Jalali calendar date and clock time in Tehran at `instant`. */
export function toTehranJalali(instant: Date): TehranJalaliDateTime {
  const wall = tehranWallTime(instant);
  const { jy, jm, jd } = toJalaali(wall.year, wall.month, wall.day);
  const sundayBased = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  return {
    year: jy,
    month: jm,
    day: jd,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    weekday: (sundayBased + 1) % 7,
  };
}

export function isValidJalaliDate(year: number, month: number, day: number): boolean {
  return isValidJalaaliDate(year, month, day);
}

export function jalaliMonthLength(year: number, month: number): number {
  return jalaaliMonthLength(year, month);
}

/** The instant at which Tehran's clocks showed this Jalali date and time. Throws on an impossible date. */
export function fromTehranJalali(date: JalaliDate, hour = 0, minute = 0, second = 0): Date {
  if (!isValidJalaaliDate(date.year, date.month, date.day)) {
    throw new RangeError(`Invalid Jalali date ${date.year}/${date.month}/${date.day}`);
  }
  const { gy, gm, gd } = toGregorian(date.year, date.month, date.day);
  return fromTehranWallTime({ year: gy, month: gm, day: gd, hour, minute, second });
}

export function jalaliMonthName(month: number): string {
  const name = JALALI_MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`Invalid Jalali month ${month}`);
  return name;
}

/** «۳ آذر ۱۴۰۳» in Tehran, without the weekday. */
export function formatJalaliDay(instant: Date): string {
  const j = toTehranJalali(instant);
  return `${toPersianDigits(j.day)} ${jalaliMonthName(j.month)} ${toPersianDigits(j.year)}`;
}

/** «شنبه ۳ آذر ۱۴۰۳» */
export function formatJalaliDate(instant: Date): string {
  return `${PERSIAN_WEEKDAY_NAMES[toTehranJalali(instant).weekday]} ${formatJalaliDay(instant)}`;
}

/** «۱۴:۳۰» in Tehran. */
export function formatTehranTime(instant: Date): string {
  const j = toTehranJalali(instant);
  return `${padPersian(j.hour)}:${padPersian(j.minute)}`;
}

/** «شنبه ۳ آذر ۱۴۰۳ - ۰۰:۳۰», the date line of Persian news sites. */
export function formatJalaliDateTime(instant: Date): string {
  return `${formatJalaliDate(instant)} - ${formatTehranTime(instant)}`;
}

/** «۱۴۰۳/۰۹/۰۳», a compact numeric date for dense lists. */
export function formatJalaliNumeric(instant: Date): string {
  const j = toTehranJalali(instant);
  return `${toPersianDigits(j.year)}/${padPersian(j.month)}/${padPersian(j.day)}`;
}
