/**
 * Persian text normalisation at two strengths:
 * - `normalizePersianLetters` is safe for displayed text: it only replaces Arabic code points that
 *   have a Persian twin (ي ى → ی, ك → ک) and unfolds presentation forms. ZWNJ, digits and
 *   diacritics stay as written.
 * - `persianComparisonKey` folds every spelling variant a reader or reporter may type into one key,
 *   for comparing and grouping (tags, duplicate detection). It is never displayed.
 */
import { toAsciiDigits } from './digits.ts';

export const ZWNJ = '\u200c';

const ARABIC_TO_PERSIAN_LETTERS: Record<string, string> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی
  '\u0649': '\u06cc', // ى alef maksura → ی
  '\u0643': '\u06a9', // ك Arabic kaf → ک
};

/** Arabic presentation forms A and B: legacy encodings pasted from old PDFs and Word files. */
const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]/g;

/** Replaces Arabic letters that have a Persian twin; keeps ZWNJ, digits and everything else. */
export function normalizePersianLetters(text: string): string {
  return text
    .replace(PRESENTATION_FORMS, (ch) => ch.normalize('NFKC'))
    .replace(/[\u064a\u0649\u0643]/g, (ch) => ARABIC_TO_PERSIAN_LETTERS[ch] ?? ch);
}

/**
 * Tashkeel, superscript alef and the hamza marks (أ → ا) — not part of spelling for comparison.
 * The madda (U+0653) stays: آ is a letter of its own in Persian (آب is not اب).
 */
const DIACRITICS = /[\u064b-\u0652\u0654-\u065f\u0670]/g;
const TATWEEL = /\u0640/g;
/** Invisible format characters other than ZWNJ: ZWSP, ZWJ, LRM/RLM, embeddings, isolates, BOM, soft hyphen. */
const INVISIBLE_FORMAT = /[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;

/** Suffixes written detached, joined or with ZWNJ (کتاب ها / کتابها / کتاب‌ها), folded to joined. */
const DETACHED_SUFFIX = /([\u0600-\u06ff])[\s\u200c]+(هایی|هایم|هایت|هایش|های|ها|ترین|تر)(?=$|[^\u0600-\u06ff])/g;
/** The verbal prefixes می/نمی written detached or with ZWNJ (می شود / می‌شود / میشود). */
const DETACHED_PREFIX = /(^|[^\u0600-\u06ff])(ن?می)[\s\u200c]+(?=[\u0600-\u06ff])/g;

/**
 * A key that is equal for every common spelling variant of the same Persian text: Arabic and
 * Persian letters, ZWNJ / space / joined affixes, digit scripts, tatweel, diacritics, case.
 */
export function persianComparisonKey(text: string): string {
  const letters = normalizePersianLetters(
    text
      .normalize('NFKC')
      .replace(/[\u06c0\u0629]/g, '\u0647') // ۀ ة → ه
      .replace(/\u0626/g, '\u06cc') // ئ → ی (رئیس / رییس)
      .replace(/[\u0623\u0625\u0671]/g, '\u0627') // أ إ ٱ → ا
      .replace(/\u0624/g, '\u0648'), // ؤ → و
  );
  const bare = letters.normalize('NFD').replace(DIACRITICS, '').normalize('NFC').replace(TATWEEL, '');
  return toAsciiDigits(
    bare
      .replace(INVISIBLE_FORMAT, '')
      .replace(DETACHED_SUFFIX, '$1$2')
      .replace(DETACHED_PREFIX, '$1$2')
      .replaceAll(ZWNJ, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase(),
  );
}
