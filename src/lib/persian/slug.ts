/**
 * URL slugs for Persian and Latin text. Persian letters are kept (browsers show them decoded);
 * digits become ASCII, ZWNJ and spaces become hyphens, so a slug is always readable and stable.
 */
import { toAsciiDigits } from './digits.ts';
import { normalizePersianLetters } from './normalize.ts';

export function slugify(text: string): string {
  return toAsciiDigits(normalizePersianLetters(text.normalize('NFKC')))
    .normalize('NFD')
    .replace(/[\u064b-\u0652\u0654-\u065f\u0670\u0300-\u036f]/g, '') // diacritics (not the madda: آ is a letter)
    .normalize('NFC')
    .toLowerCase()
    .replace(/\u0640/g, '') // tatweel
    .replace(/[^\p{L}\p{N}]+/gu, '-') // spaces, ZWNJ, punctuation
    .replace(/^-+|-+$/g, '');
}

/** A slug is valid when slugifying it changes nothing. */
export function isSlug(text: string): boolean {
  return text.length > 0 && slugify(text) === text;
}
