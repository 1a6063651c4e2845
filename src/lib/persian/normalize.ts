/**
 * Persian text normalisation at two strengths (the letter facts are in ./script.ts):
 * - `normalizePersianLetters` is safe for displayed text: it only replaces Arabic code points that
 *   have a Persian twin (ي ى → ی, ك → ک) and unfolds presentation forms. ZWNJ, digits and
 *   diacritics stay as written, and so do letters of other alphabets (a quoted Kurdish or Urdu
 *   name is shown as written).
 * - `persianComparisonKey` folds every spelling variant a reader or reporter may type into one key,
 *   for comparing and grouping (tags, duplicate detection). It is never displayed.
 */
import { toAsciiDigits } from './digits.ts';
import {
  ARABIC_BLOCK,
  ARABIC_TWINS,
  DIACRITIC,
  INVISIBLE_FORMAT,
  LETTER_TWINS,
  PRESENTATION_FORM,
  TATWEEL,
  TWIN_LETTER,
  ZWNJ,
} from './script.ts';

export { ZWNJ };

const PRESENTATION_FORMS = new RegExp(PRESENTATION_FORM, 'g');
const ARABIC_TWIN = new RegExp(`[${Object.keys(ARABIC_TWINS).join('')}]`, 'g');

/** Replaces Arabic letters that have a Persian twin; keeps ZWNJ, digits and everything else. */
export function normalizePersianLetters(text: string): string {
  return text
    .replace(PRESENTATION_FORMS, (ch) => ch.normalize('NFKC'))
    .replace(ARABIC_TWIN, (ch) => ARABIC_TWINS[ch] ?? ch);
}

const TWINS = new RegExp(TWIN_LETTER, 'g');
const DIACRITICS = new RegExp(DIACRITIC, 'g');
const INVISIBLE = new RegExp(INVISIBLE_FORMAT, 'g');

/** Suffixes written detached, joined or with ZWNJ (کتاب ها / کتابها / کتاب‌ها), folded to joined. */
const DETACHED_SUFFIX = new RegExp(
  `([${ARABIC_BLOCK}])[\\s${ZWNJ}]+(هایی|هایم|هایت|هایش|های|ها|ترین|تر)(?=$|[^${ARABIC_BLOCK}])`,
  'g',
);
/** The verbal prefixes می/نمی written detached or with ZWNJ (می شود / می‌شود / میشود). */
const DETACHED_PREFIX = new RegExp(`(^|[^${ARABIC_BLOCK}])(ن?می)[\\s${ZWNJ}]+(?=[${ARABIC_BLOCK}])`, 'g');

/**
 * A key that is equal for every common spelling variant of the same Persian text: Arabic, Persian
 * and other alphabets' letters, ZWNJ / space / joined affixes, digit scripts, tatweel, diacritics
 * (the hamza marks included: رئیس / رییس, أ → ا, ؤ → و), case.
 */
export function persianComparisonKey(text: string): string {
  const letters = normalizePersianLetters(text.normalize('NFKC'))
    .replace(TWINS, (ch) => LETTER_TWINS[ch] ?? ch)
    .replace(/\u0626/g, '\u06cc') // ئ → ی (رئیس / رییس)
    .replace(/[\u0623\u0625\u0671]/g, '\u0627') // أ إ ٱ → ا
    .replace(/\u0624/g, '\u0648'); // ؤ → و
  const bare = letters.normalize('NFD').replace(DIACRITICS, '').normalize('NFC').replaceAll(TATWEEL, '');
  return toAsciiDigits(
    bare
      .replace(INVISIBLE, '')
      .replace(DETACHED_SUFFIX, '$1$2')
      .replace(DETACHED_PREFIX, '$1$2')
      .replaceAll(ZWNJ, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase(),
  );
}
