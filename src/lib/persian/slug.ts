/**
 * URL slugs for Persian and Latin text. Persian letters are kept (browsers show them decoded);
 * digits become ASCII, ZWNJ and spaces become hyphens, so a slug is always readable and stable.
 */
import { toAsciiDigits } from './digits.ts';
import { normalizePersianLetters } from './normalize.ts';
import { DIACRITIC, TATWEEL } from './script.ts';

/** Arabic-script diacritics (not the madda: آ is a letter) and Latin combining accents. */
const MARKS = new RegExp(`${DIACRITIC}|[\\u0300-\\u036f]`, 'g');

/** Lower-case Latin letters and digits, words joined by one hyphen: a slug as it is. */
const ASCII_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `text` is a Latin slug (a data entry's file name, which is its slug in URLs). */
export const isAsciiSlug = (text: string): boolean => ASCII_SLUG.test(text);

export function slugify(text: string): string {
  // Given back at once: most file names are slugs already, and a segment build's threads ask for
  // the slug of every article they do not keep (about 2 µs each through the normalisations).
  if (isAsciiSlug(text)) return text;
  // Letters after the marks are dropped: ئ is ي with a hamza above, and without it would be the
  // Arabic yeh, a slug that is not a slug (slugify of it gives ی).
  return normalizePersianLetters(
    toAsciiDigits(text.normalize('NFKC')).normalize('NFD').replace(MARKS, '').normalize('NFC'),
  )
    .toLowerCase()
    .replaceAll(TATWEEL, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-') // spaces, ZWNJ, punctuation
    .replace(/^-+|-+$/g, '');
}

/** A slug is valid when slugifying it changes nothing. */
export function isSlug(text: string): boolean {
  return text.length > 0 && slugify(text) === text;
}
