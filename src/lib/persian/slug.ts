/**
 * URL slugs for Persian and Latin text. Persian letters are kept (browsers show them decoded);
 * digits become ASCII, ZWNJ and spaces become hyphens, so a slug is always readable and stable.
 */
import { toAsciiDigits } from './digits.ts';
import { normalizePersianLetters } from './normalize.ts';
import { DIACRITIC, TATWEEL } from './script.ts';

/** Arabic-script diacritics (not the madda: آ is a letter) and Latin combining accents. */
const MARKS = new RegExp(`${DIACRITIC}|[\\u0300-\\u036f]`, 'g');

export function slugify(text: string): string {
  return toAsciiDigits(normalizePersianLetters(text.normalize('NFKC')))
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replaceAll(TATWEEL, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-') // spaces, ZWNJ, punctuation
    .replace(/^-+|-+$/g, '');
}

/** A slug is valid when slugifying it changes nothing. */
export function isSlug(text: string): boolean {
  return text.length > 0 && slugify(text) === text;
}
