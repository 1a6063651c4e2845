/**
 * A number is sacred (issue 18): no typography correction may change the value or the grouping of
 * a number, a date, a time, a range, a phone number, a version or a price. Checked as a property
 * over many generated Persian sentences that also hold the slips of every other rule around the
 * number, plus the news cases that once went wrong.
 */
import { describe, expect, it } from 'vitest';
import { fixPersianProse } from '../../src/lib/persian/typography';
import { numbersIn } from '../../src/lib/persian/typography/numbers';
import { toPersianDigits } from '../../src/lib/persian/digits';
import { DIGITS } from '../../src/lib/persian/script';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCRIPTS = [
  (d: string) => d,
  (d: string) => toPersianDigits(d),
  (d: string) => d.replace(/\d/g, (x) => DIGITS.arabicIndic[Number(x)]!),
];
const SEPARATORS = [',', '.', '٬', '٫', '/', ':', '-', '–', '\u0640', '--', ' ـ ', '...', '،'];
/** Words before and after the number, with the slips every rule corrects (each rule has one here). */
const BEFORE = [
  'قیمت',
  'در سال',
  'ساعت',
  'شمارهٔ',
  'نرخ',
  'تلفن',
  'از',
  'حدود',
  'كتاب',
  'خانه ی',
  'ڪتاب',
  'کتاب\u00adها',
  'عِِلم',
  'بیـــشتر',
  'تهران --',
  'گفت:',
  'او گفت "',
  'می شود',
  'بی رویه',
  'کتاب ها',
  'محسوس تر',
  'رفته اند',
  'ایرانی اند',
  'چرا?',
  'عجب!!!',
  'سازمان(',
  'این  متن',
];
const AFTER = [
  'تومان شد',
  'درصد',
  '%',
  ' %',
  'رسید',
  'نفر بودند',
  'ميليون',
  'است؟',
  'بود ،',
  'اعلام شد.',
  '" گفت',
  ')اعلام',
  '...و',
  '!!!',
  '؟؟؟',
  '-- خبر',
  'ـ ایرنا',
  'نامه ای',
];

describe('a number is sacred', () => {
  it('keeps the value and grouping of every number in 5,000 generated sentences', () => {
    const next = random(18);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const changed: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const parts = [String(Math.floor(next() * 100000))];
      for (let n = Math.floor(next() * 3); n > 0; n--) parts.push(pick(SEPARATORS), String(Math.floor(next() * 1000)));
      const number = pick(SCRIPTS)(parts.join(''));
      const sentence = `${pick(BEFORE)}${next() < 0.5 ? ' ' : ''}${number}${next() < 0.7 ? ' ' : ''}${pick(AFTER)}`;
      const { fixed, findings } = fixPersianProse(sentence);
      if (JSON.stringify(numbersIn(fixed)) !== JSON.stringify(numbersIn(sentence))) {
        changed.push(`${sentence} → ${fixed}`);
      }
      // Nor does a finding propose it, but the suggestion that asks which of two readings a number is.
      for (const { rule, before, after } of findings) {
        if (rule !== 'unclear-number' && JSON.stringify(numbersIn(after)) !== JSON.stringify(numbersIn(before))) {
          changed.push(`${sentence}: ${rule} proposes «${before}» → «${after}»`);
        }
      }
    }
    expect(changed).toEqual([]);
  });

  it('the cases that once went wrong: a price in Persian digits with an ASCII comma, a year range with a tatweel', () => {
    // The thousands comma becomes the Persian thousands separator, never the Persian comma «،».
    expect(fixPersianProse('قیمت ۱۲,۵۰۰ تومان شد').fixed).toBe('قیمت ۱۲٬۵۰۰ تومان شد');
    expect(fixPersianProse('در سال‌های ۱۳۹۸ـ۱۴۰۲ رشد کرد').fixed).toBe('در سال‌های ۱۳۹۸ـ۱۴۰۲ رشد کرد');
    // The tatweel that stretches a word still goes.
    expect(fixPersianProse('کتـــاب تازه').fixed).toBe('کتاب تازه');
  });

  it('writes a plain number in Persian digits whole, ranges and phone numbers included, and leaves an unclear one as written', () => {
    expect(fixPersianProse('سال 1398-1402 بود').fixed).toBe('سال ۱۳۹۸-۱۴۰۲ بود');
    expect(fixPersianProse('تلفن 021-88776655 است').fixed).toBe('تلفن ۰۲۱-۸۸۷۷۶۶۵۵ است');
    expect(fixPersianProse('قیمت 1,250,000 تومان').fixed).toBe('قیمت ۱٬۲۵۰٬۰۰۰ تومان');
    // Twelve and a half, or twelve thousand five hundred with a digit lost? Not for a fixer to say.
    expect(fixPersianProse('وزن 12,5 تن').fixed).toBe('وزن 12,5 تن');
    // A version is not a decimal number: no Persian decimal separator in it.
    expect(fixPersianProse('نسخهٔ 2.1.3 منتشر شد').fixed).toBe('نسخهٔ 2.1.3 منتشر شد');
    // Latin around: left alone, as before.
    expect(fixPersianProse('واکسن COVID-19 رسید').fixed).toBe('واکسن COVID-19 رسید');
  });

  it('asks about a number that could be read two ways, and never changes it', () => {
    const ask = (text: string) => fixPersianProse(text).findings.filter((finding) => finding.rule === 'unclear-number');
    expect(ask('وزن 12,5 تن')).toEqual([
      { rule: 'unclear-number', safety: 'suggestion', before: '12,5', after: '۱۲٫۵' },
    ]);
    expect(ask('وزن ۱۲,۵ تن')).toEqual([
      { rule: 'unclear-number', safety: 'suggestion', before: '۱۲,۵', after: '۱۲٫۵' },
    ]);
    expect(ask('نسخهٔ 2.1.3 منتشر شد')).toEqual([
      { rule: 'unclear-number', safety: 'suggestion', before: '2.1.3', after: '۲.۱.۳' },
    ]);
    // Already in Persian digits with its dots: nothing to propose.
    expect(ask('نسخهٔ ۲.۱.۳ منتشر شد')).toEqual([]);
    // In Latin text, not a question for Persian typography.
    expect(ask('Ubuntu 22.04.1 منتشر شد')).toEqual([]);
  });

  it('reads separators as what they say: a plain part in either script is the same number, an unclear one is not', () => {
    expect(numbersIn('۱۲٬۵۰۰ و 12,500 و ۲٫۵ و 2.5')).toEqual(['12,500', '12,500', '2.5', '2.5']);
    expect(numbersIn('۱۲٬۵')).not.toEqual(numbersIn('12,5'));
    expect(numbersIn('۲٫۱٫۳')).not.toEqual(numbersIn('2.1.3'));
    expect(numbersIn('۱۳۹۸ـ۱۴۰۲ و 1398–1402')).toEqual(['1398-1402', '1398-1402']);
  });
});
