/**
 * Numbers in Persian prose: ASCII digits written as Persian digits, the Latin decimal point and
 * thousands comma as the Persian «٫» and «٬», the percent sign as «٪». A number is sacred: each is
 * rewritten whole, its value and grouping kept, and only when its separators say plainly what it
 * is. One that could be read two ways (12,5: twelve and a half, or 12,500 with a digit lost? 2.1.3:
 * a version) is reported as a suggestion with the likelier reading, never changed.
 */
import { toAsciiDigits, toPersianDigits } from '#lib/persian/digits.ts';
import {
  ASCII_OR_PERSIAN_DIGIT,
  DECIMAL_SEPARATOR,
  PERCENT_SIGN,
  PERSIAN_DIGIT,
  TATWEEL,
  THOUSANDS_SEPARATOR,
} from '#lib/persian/script.ts';
import { nearestLetter, type Rule, type TextRule } from './prose.ts';

/**
 * The numbers of a text as what they say, to tell whether a correction kept them: digits of every
 * script read as ASCII, a range's dash (-, –, ـ) as `-`, and the separators of a plain part (see
 * `plainNumber`) as `,` and `.` whichever script they are in. An unclear part keeps its separators
 * as written, so that reading 12,5 as ۱۲٬۵ or 2.1.3 as ۲٫۱٫۳ counts as a change.
 */
export function numbersIn(text: string): string[] {
  const numbers = toAsciiDigits(text).match(READ_NUMBER) ?? [];
  return numbers.map((number) =>
    number
      .replace(RANGE_DASH, '-')
      .split(/([/:-])/)
      .map((part) =>
        plainNumber(part) ? part.replaceAll(THOUSANDS_SEPARATOR, ',').replaceAll(DECIMAL_SEPARATOR, '.') : part,
      )
      .join(''),
  );
}

/**
 * A number: digits with . , ٫ ٬ / : or a range's dash (-, --, –) between them, read whole so that
 * both ends of a range are written alike (Arabic-Indic digits are the letter rule's business).
 */
const D = ASCII_OR_PERSIAN_DIGIT;
const NUMBER = new RegExp(`${D}+(?:(?:[.,/:${DECIMAL_SEPARATOR}${THOUSANDS_SEPARATOR}–]|-{1,3})${D}+)*`, 'g');
/** A number as `numbersIn` reads it (digits already ASCII), and a range's dash. */
const READ_NUMBER = new RegExp(`\\d+(?:[.,/:${DECIMAL_SEPARATOR}${THOUSANDS_SEPARATOR}\\-–${TATWEEL}]\\d+)*`, 'g');
const RANGE_DASH = new RegExp(`[–${TATWEEL}]`, 'g');

/**
 * Whether a number's separators say plainly what it is, so that writing it with Persian digits and
 * separators keeps its value: commas (or ٬) only between groups of three (12,500; not 12,5), at most
 * one decimal point (not a version such as 2.1.3), in each part of a range, date or time.
 */
function plainNumber(number: string): boolean {
  return toAsciiDigits(number)
    .replaceAll(THOUSANDS_SEPARATOR, ',')
    .replaceAll(DECIMAL_SEPARATOR, '.')
    .split(/[/:–-]+/)
    .every(
      (part) => (!part.includes(',') || /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/.test(part)) && !/\..*\./.test(part),
    );
}

/** The Persian separators for the Latin ones between digits. */
function persianSeparators(number: string): string {
  return number
    .replace(new RegExp(`(?<=${D})\\.(?=${D})`, 'g'), DECIMAL_SEPARATOR)
    .replace(new RegExp(`(?<=${D}),(?=${D})`, 'g'), THOUSANDS_SEPARATOR);
}

/**
 * The likelier reading of a number that is not plain, for a suggestion: a lone comma as a decimal
 * separator (12,5 → ۱۲٫۵); every other separator as written (a version ۲.۱.۳).
 */
function likelyReading(number: string): string {
  return toPersianDigits(
    number
      .split(/([/:–-]+)/)
      .map((part) => (/^[^,.]*,[^,.]*$/.test(part) ? part.replace(',', DECIMAL_SEPARATOR) : part))
      .join(''),
  );
}

const numbers: TextRule = {
  trigger: new RegExp(D),
  run: (text, change) =>
    text.replace(NUMBER, (number: string, offset: number, whole: string) => {
      const left = nearestLetter(whole, offset - 1, -1);
      const right = nearestLetter(whole, offset + number.length, 1);
      // Latin around: the number belongs to Latin text, and is left as written.
      if (left === 'latin' || right === 'latin') return number;
      const ascii = /[0-9]/.test(number);
      if (ascii) {
        if (left !== 'fa' && right !== 'fa') return number;
        // Next to a Latin letter or unit directly (COVID-19, 5G, mp3), a number belongs to Latin text.
        if (/[A-Za-z_-]$/.test(whole.slice(0, offset)) || /^[A-Za-z_]/.test(whole.slice(offset + number.length)))
          return number;
      } else if (!/[.,]/.test(number)) return number;
      if (!plainNumber(number)) return change('unclear-number', number, likelyReading(number), whole, offset);
      return change(
        ascii ? 'persian-digits' : 'number-separators',
        number,
        toPersianDigits(persianSeparators(number)),
        whole,
        offset,
      );
    }),
};

const percentSign: Rule = {
  id: 'percent-sign',
  trigger: new RegExp(`%|\\s${PERCENT_SIGN}`),
  // After a Persian digit, «%» is «٪», with no space before it.
  pattern: new RegExp(`(?<=${PERSIAN_DIGIT}) ?[%${PERCENT_SIGN}]`, 'gu'),
  replace: () => PERCENT_SIGN,
};

export const NUMBER_RULES: readonly (Rule | TextRule)[] = [numbers, percentSign];
