/**
 * One set of letter and digit facts (src/lib/persian/script.ts) for search and typography: a word
 * the typography fixer writes is the word search finds, however the reporter typed it.
 */
import { describe, expect, it } from 'vitest';
import { toAsciiDigits, toPersianDigits } from '../../src/lib/persian/digits';
import { normalizePersianLetters, persianComparisonKey } from '../../src/lib/persian/normalize';
import { ARABIC_TWINS, DIGITS, LETTER_TWINS, OTHER_SCRIPT_TWINS, TATWEEL, ZWNJ } from '../../src/lib/persian/script';
import { fixPersianProse } from '../../src/lib/persian/typography';
import { foldForIndex, normalizeQuery } from '../../src/lib/search/normalize';

/** What Pagefind keeps of an indexed text: it drops the ZWNJ from indexed words. */
const indexed = (text: string) => foldForIndex(text).replaceAll(ZWNJ, '');

/** Words of news prose with every letter that has a twin, in their Persian spelling. */
const WORDS = ['کتابخانه', 'یکی', 'مدرسه', 'خانهٔ', 'پاکستانی', 'کمیته', 'بیشتر', 'ایران', 'دایره‌المعارف'];
/** The same words as they arrive from other keyboards, OCR and old files. */
const TYPED = ['كتابخانه', 'يكي', 'مدرسة', 'خانۀ', 'پاڪستانے', 'كميتہ', 'بیـــشتر', 'ايران', 'دایرةالمعارف'];

describe('the letter facts are one table', () => {
  it('every twin of LETTER_TWINS is a Persian letter (or ه with the hamza above)', () => {
    for (const [twin, persian] of Object.entries(LETTER_TWINS)) {
      expect(persian, twin).toMatch(/^[\u0647\u06a9\u06cc](\u0654)?$/);
    }
    expect(Object.keys(LETTER_TWINS)).toEqual(
      expect.arrayContaining([...Object.keys(ARABIC_TWINS), ...Object.keys(OTHER_SCRIPT_TWINS), 'ة', 'ۀ']),
    );
  });

  it('the digit sets are what the digit conversions use', () => {
    expect(toPersianDigits(DIGITS.ascii)).toBe(DIGITS.persian);
    expect(toPersianDigits(DIGITS.arabicIndic)).toBe(DIGITS.persian);
    expect(toAsciiDigits(DIGITS.persian)).toBe(DIGITS.ascii);
    expect(toAsciiDigits(DIGITS.arabicIndic)).toBe(DIGITS.ascii);
  });

  it('display keeps letters of other alphabets; search and comparison fold them', () => {
    expect(normalizePersianLetters('كتاب ے')).toBe('کتاب ے');
    expect(foldForIndex('ے ہ ڪ ۍ ې')).toBe('ی ه ک ی ی');
    expect(persianComparisonKey('پاڪستانے')).toBe(persianComparisonKey('پاکستانی'));
  });
});

describe('a word the typography fixer writes is found by search', () => {
  it.each(TYPED.map((typed, index) => [typed, WORDS[index]!]))('«%s» → «%s»', (typed, persian) => {
    const { fixed } = fixPersianProse(typed);
    expect(fixed).toBe(persian);
    // The index holds what the fixer wrote; a reader types either spelling.
    expect(indexed(fixed)).toBe(indexed(typed));
    expect(normalizeQuery(fixed)).toBe(normalizeQuery(typed));
    expect(persianComparisonKey(fixed)).toBe(persianComparisonKey(typed));
  });

  it('for every letter twin, the tatweel and every digit script, in 2,000 generated words', () => {
    const twins = Object.keys(LETTER_TWINS).filter((twin) => twin !== 'ۀ' && twin !== 'ة');
    let seed = 18;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      // Twins anywhere, a tatweel inside the word (at its end it stands for a dash).
      const word = [...pick(WORDS.slice(0, 3))]
        .map((letter, index, letters) =>
          next() < 0.3 ? pick(twins) : next() < 0.1 && index < letters.length - 1 ? `${letter}${TATWEEL}` : letter,
        )
        .join('');
      const number = pick([DIGITS.ascii, DIGITS.persian, DIGITS.arabicIndic]).slice(0, 4);
      const typed = `در سال ${number} ${word} تازه`;
      const { fixed } = fixPersianProse(typed);
      if (indexed(fixed) !== indexed(typed) || normalizeQuery(fixed) !== normalizeQuery(typed)) {
        mismatches.push(`${typed} → ${fixed}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
