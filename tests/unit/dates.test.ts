import { describe, expect, it } from 'vitest';
import {
  formatJalaliDate,
  formatJalaliDateTime,
  formatJalaliNumeric,
  fromTehranJalali,
  toTehranJalali,
} from '../../src/lib/dates/jalali';
import { parseArticleDate } from '../../src/lib/dates/parse-article-date';
import {
  fromTehranWallTime,
  tehranWallTime,
  tehranOffsetMinutes,
  toTehranIsoDate,
  toTehranIsoString,
} from '../../src/lib/dates/tehran';

const at = (iso: string) => new Date(iso);

describe('Tehran zone', () => {
  it('uses +04:30 in summers until 2022 and +03:30 after', () => {
    expect(tehranOffsetMinutes(at('2019-08-01T06:00:00Z'))).toBe(270);
    expect(tehranOffsetMinutes(at('2022-06-15T06:00:00Z'))).toBe(270);
    expect(tehranOffsetMinutes(at('2023-06-15T06:00:00Z'))).toBe(210);
    expect(tehranOffsetMinutes(at('2024-11-22T21:00:00Z'))).toBe(210);
  });

  it('writes ISO strings with the offset in force at that instant', () => {
    expect(toTehranIsoString(at('2024-11-22T21:00:00Z'))).toBe('2024-11-23T00:30:00+03:30');
    expect(toTehranIsoString(at('2019-08-01T05:45:00Z'))).toBe('2019-08-01T10:15:00+04:30');
    expect(toTehranIsoDate(at('2024-11-22T21:00:00Z'))).toBe('2024-11-23');
  });

  it('resolves a repeated hour (end of DST, 2022-09-21) to the earlier instant', () => {
    // Clocks went from 24:00 back to 23:00; 23:30 happened at +04:30 and again at +03:30.
    const instant = fromTehranWallTime({ year: 2022, month: 9, day: 21, hour: 23, minute: 30, second: 0 });
    expect(instant.toISOString()).toBe('2022-09-21T19:00:00.000Z');
  });

  it('moves a skipped time (start of DST, 1398/01/02 00:30) forward by the jump', () => {
    const instant = fromTehranWallTime({ year: 2019, month: 3, day: 22, hour: 0, minute: 30, second: 0 });
    expect(toTehranIsoString(instant)).toBe('2019-03-22T01:30:00+04:30');
  });
});

describe('Jalali dates in Tehran', () => {
  it('puts 2024-11-22T21:00Z on Saturday 3 Azar 1403 in Tehran (Friday in UTC)', () => {
    const instant = at('2024-11-22T21:00:00Z');
    expect(toTehranJalali(instant)).toMatchObject({ year: 1403, month: 9, day: 3, hour: 0, minute: 30, weekday: 0 });
    expect(formatJalaliDate(instant)).toBe('شنبه ۳ آذر ۱۴۰۳');
    expect(formatJalaliDateTime(instant)).toBe('شنبه ۳ آذر ۱۴۰۳ - ۰۰:۳۰');
    expect(formatJalaliNumeric(instant)).toBe('۱۴۰۳/۰۹/۰۳');
  });

  it('turns the year at Nowruz', () => {
    expect(toTehranJalali(at('2024-03-19T20:29:59Z'))).toMatchObject({ year: 1402, month: 12, day: 29 });
    expect(toTehranJalali(at('2024-03-19T20:30:00Z'))).toMatchObject({ year: 1403, month: 1, day: 1 });
    expect(formatJalaliDate(at('2025-03-21T08:00:00Z'))).toBe('جمعه ۱ فروردین ۱۴۰۴');
  });

  it('knows leap years: Esfand 30 exists in 1399 and 1403, not in 1402', () => {
    expect(formatJalaliDate(fromTehranJalali({ year: 1403, month: 12, day: 30 }, 12))).toBe('پنجشنبه ۳۰ اسفند ۱۴۰۳');
    expect(fromTehranJalali({ year: 1399, month: 12, day: 30 }, 12).toISOString()).toBe('2021-03-20T08:30:00.000Z');
    expect(() => fromTehranJalali({ year: 1402, month: 12, day: 30 })).toThrow(RangeError);
  });

  it('converts summer dates of the DST years with +04:30', () => {
    expect(fromTehranJalali({ year: 1398, month: 5, day: 10 }, 10, 15).toISOString()).toBe('2019-08-01T05:45:00.000Z');
    expect(fromTehranJalali({ year: 1402, month: 5, day: 10 }, 10, 15).toISOString()).toBe('2023-08-01T06:45:00.000Z');
  });

  it('does not depend on the machine zone', () => {
    // Same instant, same answer, whatever TZ the process has: only the Intl zone is used.
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(formatJalaliDate(at('2024-11-22T21:00:00Z'))).toBe('شنبه ۳ آذر ۱۴۰۳');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('parseArticleDate', () => {
  it('reads Jalali dates in ASCII, Persian and Arabic-Indic digits, with / or -', () => {
    const expected = '2024-11-23T11:00:00.000Z';
    expect(parseArticleDate('1403/09/03 14:30').toISOString()).toBe(expected);
    expect(parseArticleDate('۱۴۰۳-۰۹-۰۳ ۱۴:۳۰').toISOString()).toBe(expected);
    expect(parseArticleDate('١٤٠٣/٩/٣ ١٤:٣٠').toISOString()).toBe(expected);
    expect(parseArticleDate('1403/09/03 14:30:00').toISOString()).toBe(expected);
    expect(parseArticleDate('1403/09/03').toISOString()).toBe('2024-11-22T20:30:00.000Z');
  });

  it('reads ISO with an offset and Dates parsed by YAML', () => {
    expect(parseArticleDate('2022-06-15T09:30:00+04:30').toISOString()).toBe('2022-06-15T05:00:00.000Z');
    expect(parseArticleDate('2024-11-22T21:00:00Z').toISOString()).toBe('2024-11-22T21:00:00.000Z');
    const d = new Date('2024-01-01T00:00:00Z');
    expect(parseArticleDate(d)).toBe(d);
  });

  it('rejects impossible dates with the fix in the message', () => {
    expect(() => parseArticleDate('1402/12/30')).toThrow(/Esfand 1402 has 29 days/);
    expect(() => parseArticleDate('1403/13/01')).toThrow(/month 13 does not exist/);
    expect(() => parseArticleDate('1403/07/31')).toThrow(/Mehr 1403 has 30 days/);
    expect(() => parseArticleDate('1403/09/03 25:00')).toThrow(/clock time/);
    expect(() => parseArticleDate('2024-02-30T10:00:00+03:30')).toThrow(/not a real date/);
  });

  it('rejects ISO without an offset and unknown shapes, saying what to write', () => {
    expect(() => parseArticleDate('2024-11-22T14:30')).toThrow(/no time-zone offset.*\+03:30/);
    expect(() => parseArticleDate('2024/11/22 14:30')).toThrow(/outside 1250–1500/);
    expect(() => parseArticleDate('دیروز')).toThrow(/1403\/09\/03 14:30/);
    expect(() => parseArticleDate('')).toThrow(/missing/);
    expect(() => parseArticleDate(42)).toThrow(/missing or not a date/);
    expect(() => parseArticleDate(new Date('nope'))).toThrow(/not a valid date/);
  });
});

describe('tehranWallTime reads the same clock as Intl', () => {
  const oracle = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tehran',
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const fromIntl = (instant: Date) => {
    const parts = Object.fromEntries(
      oracle
        .formatToParts(instant)
        .flatMap((part) => (part.type === 'literal' ? [] : [[part.type, Number(part.value)]])),
    );
    return {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
    };
  };

  it('at every minute around the clock changes of 2006, 2021 and 2022, and at 20,000 instants from 1900 to 2040', () => {
    const instants: Date[] = [];
    // Spring forward and fall back (Tehran kept daylight saving time until 2022).
    for (const day of ['2006-03-21', '2006-09-21', '2021-03-21', '2021-09-21', '2022-03-21', '2022-09-21']) {
      const start = Date.parse(`${day}T00:00:00Z`) - 12 * 3600_000;
      for (let minute = 0; minute < 48 * 60; minute += 1) instants.push(new Date(start + minute * 60_000 + 17_123));
    }
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const from = Date.parse('1900-01-01T00:00:00Z');
    const to = Date.parse('2040-01-01T00:00:00Z');
    for (let i = 0; i < 20_000; i++) instants.push(new Date(from + Math.floor(random() * (to - from))));
    const wrong = instants.filter(
      (instant) => JSON.stringify(tehranWallTime(instant)) !== JSON.stringify(fromIntl(instant)),
    );
    expect(wrong.map((instant) => instant.toISOString())).toEqual([]);
  });
});
