/**
 * The header's date line (src/lib/dates/date-line.ts, hijri.ts): the Tehran day in the calendars of
 * the settings, with a fixed "now" around Tehran's midnight and across month and year ends, and the
 * Hijri date against Iran's official calendar on known days.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  dateLineData,
  dateLineOptionsFromData,
  dateLineParts,
  formatDateLine,
  type DateLineOptions,
} from '../../src/lib/dates/date-line';
import { HIJRI_CALENDAR, HIJRI_MONTH_NAMES, tehranHijriDate } from '../../src/lib/dates/hijri';
import { ZWNJ } from '../../src/lib/persian/script';

const ALL: DateLineOptions = { calendars: ['jalali', 'hijri', 'gregorian'], hijriOffsetDays: 0 };
/** An instant given as Tehran wall time (+03:30, Iran's offset all year since 2022). */
const tehran = (wall: string) => new Date(`${wall}+03:30`);

describe('the date line', () => {
  it('writes the issue’s example: Monday 9 Azar 1405 in three calendars', () => {
    expect(formatDateLine(tehran('2026-11-30T09:00:00'), ALL)).toBe(
      `دوشنبه ۹ آذر ۱۴۰۵ - ۲۰ جمادی${ZWNJ}الثانی ۱۴۴۸ - 30 November 2026`,
    );
  });

  it('changes every calendar together at midnight in Tehran, not UTC or the reader’s zone', () => {
    // 23:59:59 on Sunday 8 Azar in Tehran is 20:29:59 UTC; a second later it is Monday in Tehran.
    const before = new Date('2026-11-29T20:29:59Z');
    const after = new Date('2026-11-29T20:30:00Z');
    expect(formatDateLine(before, ALL)).toBe(`یکشنبه ۸ آذر ۱۴۰۵ - ۱۹ جمادی${ZWNJ}الثانی ۱۴۴۸ - 29 November 2026`);
    expect(formatDateLine(after, ALL)).toBe(`دوشنبه ۹ آذر ۱۴۰۵ - ۲۰ جمادی${ZWNJ}الثانی ۱۴۴۸ - 30 November 2026`);
    // Still 29 November in UTC: the Gregorian date too is Tehran's.
    expect(after.getUTCDate()).toBe(29);
  });

  it('crosses month and year ends in each calendar: Nowruz 1405, the end of February, the Hijri year', () => {
    // 29 Esfand 1404 → 1 Farvardin 1405 (Saturday 21 March 2026), Ramadan → Shawwal 1447.
    expect(formatDateLine(tehran('2026-03-20T23:59:00'), ALL)).toBe('جمعه ۲۹ اسفند ۱۴۰۴ - ۱ شوال ۱۴۴۷ - 20 March 2026');
    expect(formatDateLine(tehran('2026-03-21T00:00:00'), ALL)).toBe(
      'شنبه ۱ فروردین ۱۴۰۵ - ۲ شوال ۱۴۴۷ - 21 March 2026',
    );
    // The last day of February and the first of March (and of Esfand 1404).
    expect(
      formatDateLine(tehran('2026-02-28T12:00:00'), { calendars: ['jalali', 'gregorian'], hijriOffsetDays: 0 }),
    ).toBe('شنبه ۹ اسفند ۱۴۰۴ - 28 February 2026');
    expect(
      formatDateLine(tehran('2026-03-01T12:00:00'), { calendars: ['jalali', 'gregorian'], hijriOffsetDays: 0 }),
    ).toBe('یکشنبه ۱۰ اسفند ۱۴۰۴ - 1 March 2026');
    // Dhu al-Hijja 1447 → Muharram 1448 (16 June 2026 by Umm al-Qura).
    expect(tehranHijriDate(tehran('2026-06-15T12:00:00'))).toEqual({ year: 1447, month: 12, day: 29 });
    expect(tehranHijriDate(tehran('2026-06-16T12:00:00'))).toEqual({ year: 1448, month: 1, day: 1 });
  });

  it('moves the Hijri date alone by the offset, across a month end too', () => {
    const eve = tehran('2026-03-20T12:00:00');
    const line = (hijriOffsetDays: number) => formatDateLine(eve, { ...ALL, hijriOffsetDays });
    expect(line(-1)).toBe('جمعه ۲۹ اسفند ۱۴۰۴ - ۳۰ رمضان ۱۴۴۷ - 20 March 2026');
    expect(line(0)).toBe('جمعه ۲۹ اسفند ۱۴۰۴ - ۱ شوال ۱۴۴۷ - 20 March 2026');
    expect(line(1)).toBe('جمعه ۲۹ اسفند ۱۴۰۴ - ۲ شوال ۱۴۴۷ - 20 March 2026');
  });

  it('shows the calendars of the settings, in their order, the Gregorian one marked as English', () => {
    const now = tehran('2026-11-30T09:00:00');
    expect(dateLineParts(now, { calendars: ['jalali'], hijriOffsetDays: 0 })).toEqual([
      { calendar: 'jalali', text: 'دوشنبه ۹ آذر ۱۴۰۵' },
    ]);
    expect(dateLineParts(now, { calendars: ['jalali', 'gregorian', 'hijri'], hijriOffsetDays: 0 })).toEqual([
      { calendar: 'jalali', text: 'دوشنبه ۹ آذر ۱۴۰۵' },
      { calendar: 'gregorian', text: '30 November 2026', lang: 'en' },
      { calendar: 'hijri', text: `۲۰ جمادی${ZWNJ}الثانی ۱۴۴۸` },
    ]);
  });

  it('writes Persian digits in the Persian dates and ASCII digits in the English one', () => {
    const [jalali, hijri, gregorian] = dateLineParts(tehran('2026-11-30T09:00:00'), ALL);
    for (const part of [jalali!, hijri!]) expect(part.text, part.calendar).not.toMatch(/[0-9]/);
    expect(gregorian!.text).not.toMatch(/[۰-۹]/);
  });

  it('names the twelve lunar months as Iran’s official calendar writes them, with ZWNJ', () => {
    expect(HIJRI_MONTH_NAMES).toHaveLength(12);
    expect(HIJRI_MONTH_NAMES[5]).toBe(`جمادی${ZWNJ}الثانی`);
    expect(HIJRI_MONTH_NAMES[11]).toBe(`ذی${ZWNJ}الحجه`);
    // Every month's name comes out of the calendar: a year of days passes through all twelve.
    const seen = new Set<string>();
    for (let day = 0; day < 355; day++) {
      const hijri = tehranHijriDate(new Date(Date.UTC(2026, 0, 1 + day, 9)))!;
      seen.add(HIJRI_MONTH_NAMES[hijri.month - 1]!);
    }
    expect(seen.size).toBe(12);
  });
});

/**
 * Iran's official calendar (Council for Public Culture; the Leader's office for the months it
 * announces by sighting) against Umm al-Qura: the offset that makes the line say the official
 * date. docs/reference.md#date-line tables the same days.
 */
const OFFICIAL: [tehranDay: string, official: string, offset: number][] = [
  ['2024-04-10', '۱ شوال ۱۴۴۵', 0], // Eid al-Fitr, 22 Farvardin 1403
  ['2024-06-17', `۱۰ ذی${ZWNJ}الحجه ۱۴۴۵`, -1], // Eid al-Adha, 28 Khordad 1403
  ['2024-08-25', '۲۰ صفر ۱۴۴۶', -1], // Arbaeen, 4 Shahrivar 1403
  ['2025-03-31', '۱ شوال ۱۴۴۶', -1], // Eid al-Fitr, 11 Farvardin 1404
  ['2025-07-05', '۹ محرم ۱۴۴۷', -1], // Tasua, 14 Tir 1404
  ['2025-08-14', '۲۰ صفر ۱۴۴۷', 0], // Arbaeen, 23 Mordad 1404
  ['2026-03-20', '۳۰ رمضان ۱۴۴۷', -1], // 29 Esfand 1404, the eve of Nowruz
  ['2026-03-21', '۱ شوال ۱۴۴۷', -1], // Eid al-Fitr on Nowruz, 1 Farvardin 1405
  ['2026-05-27', `۱۰ ذی${ZWNJ}الحجه ۱۴۴۷`, 0], // Eid al-Adha, 6 Khordad 1405
  ['2026-06-24', '۹ محرم ۱۴۴۸', 0], // Tasua, 3 Tir 1405
  ['2026-11-30', `۲۰ جمادی${ZWNJ}الثانی ۱۴۴۸`, 0], // 9 Azar 1405, the example
];

describe('the Hijri date against Iran’s official calendar', () => {
  for (const [day, official, offset] of OFFICIAL) {
    it(`${day}: ${official} with an offset of ${offset}`, () => {
      const line = (hijriOffsetDays: number) =>
        dateLineParts(tehran(`${day}T10:00:00`), { calendars: ['jalali', 'hijri'], hijriOffsetDays })[1]!.text;
      expect(line(offset)).toBe(official);
      // And not without it: the offset is what the setting is for.
      if (offset !== 0) expect(line(0)).not.toBe(official);
    });
  }
});

describe('the options the page hands the site script', () => {
  it('go through data- attributes and back', () => {
    const options: DateLineOptions = { calendars: ['jalali', 'hijri', 'gregorian'], hijriOffsetDays: -1 };
    const data = dateLineData(options);
    expect(data).toEqual({ 'data-calendars': 'jalali hijri gregorian', 'data-hijri-offset': '-1' });
    expect(
      dateLineOptionsFromData({ calendars: data['data-calendars'], hijriOffset: data['data-hijri-offset'] }),
    ).toEqual(options);
  });

  it('fall back to the Jalali date alone on attributes that are missing or odd', () => {
    expect(dateLineOptionsFromData({})).toEqual({ calendars: ['jalali'], hijriOffsetDays: 0 });
    expect(dateLineOptionsFromData({ calendars: 'julian', hijriOffset: 'x' })).toEqual({
      calendars: ['jalali'],
      hijriOffsetDays: 0,
    });
    expect(dateLineOptionsFromData({ calendars: 'jalali hijri julian', hijriOffset: '1.5' })).toEqual({
      calendars: ['jalali', 'hijri'],
      hijriOffsetDays: 0,
    });
  });
});

describe('a platform without the Islamic calendar', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('shows the other calendars and leaves the Hijri date out, rather than a Gregorian date in its place', async () => {
    // An engine built without full ICU answers every calendar with the Gregorian one.
    const RealFormat = Intl.DateTimeFormat;
    // A plain function, not an arrow: the code calls it with `new`.
    vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
      locales?: Intl.LocalesArgument,
      options?: Intl.DateTimeFormatOptions,
    ) {
      const calendar = options?.calendar === HIJRI_CALENDAR ? 'gregory' : options?.calendar;
      return new RealFormat(locales, { ...options, ...(calendar ? { calendar } : {}) });
    } as unknown as typeof Intl.DateTimeFormat);
    vi.resetModules();
    const fresh = await import('../../src/lib/dates/date-line');
    expect(fresh.formatDateLine(tehran('2026-11-30T09:00:00'), ALL)).toBe('دوشنبه ۹ آذر ۱۴۰۵ - 30 November 2026');
  });
});
