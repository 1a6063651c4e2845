/**
 * The facts of the Persian script that every part of Bayegan relies on: which code points are
 * Persian letters, which letters of other alphabets stand in for them, the digits of each script,
 * the marks and invisible characters. Search folding (src/lib/search/normalize.ts), display and
 * comparison (./normalize.ts), digits (./digits.ts) and the typography rules (./typography/) all
 * read them from here, so that a word the typography fixer writes is the word search finds.
 */

/** Zero-width non-joiner (نیم‌فاصله): joins a prefix or suffix to its word without linking the letters. */
export const ZWNJ = '\u200c';
/** The soft hyphen and the not sign: what old word processors and web pages put where a ZWNJ belongs. */
export const ZWNJ_STAND_INS = '\u00ad\u00ac';
/** Tatweel (kashida, ـ): a stroke that stretches a word; not part of its spelling. */
export const TATWEEL = '\u0640';

/**
 * A letter of the Persian/Arabic alphabet (not a digit, mark, tatweel or punctuation), as a regex
 * class; with the `u` flag or without.
 */
export const FA_LETTER = '[\\u0621-\\u063f\\u0641-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff]';
/** Any code point of the Arabic block (letters, digits, marks, Persian punctuation), as a class body. */
export const ARABIC_BLOCK = '\\u0600-\\u06ff';
/** The Arabic block from ء on: letters, marks and digits, not the punctuation (، ؛ ؟) before it; a class body. */
export const WORD_CHARS = '\\u0621-\\u06ff';
/** A Latin letter, accented ones included. */
export const LATIN_LETTER = '[A-Za-z\\u00c0-\\u024f]';

/**
 * Arabic letters with an exact Persian twin: the same letter as Persian readers see it, typed on an
 * Arabic keyboard. Safe to replace anywhere, even in text that is only displayed.
 */
export const ARABIC_TWINS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي Arabic yeh → ی
  '\u0649': '\u06cc', // ى alef maksura → ی
  '\u0643': '\u06a9', // ك Arabic kaf → ک
};

/**
 * Letters of other alphabets written with the Arabic script (Urdu, Pashto, Sindhi) that OCR and
 * some keyboards put into Persian words. Kurdish ە and ھ are not here: they are letters of Kurdish
 * names that Persian news quotes (بەغدا), not slips.
 */
export const OTHER_SCRIPT_TWINS: Readonly<Record<string, string>> = {
  '\u06d2': '\u06cc', // ے Urdu yeh barree → ی
  '\u06cd': '\u06cc', // ۍ Pashto yeh with tail → ی
  '\u06d0': '\u06cc', // ې Pashto/Uyghur e → ی
  '\u06c1': '\u0647', // ہ Urdu heh goal → ه
  '\u06aa': '\u06a9', // ڪ Sindhi swash kaf → ک
};

/** Teh marbuta: Arabic feminine ending; in Persian spelling ه (مدرسة → مدرسه). */
export const TEH_MARBUTA = '\u0629';
/** Heh with yeh above (ۀ): the precomposed ezafe letter; the Persian standard writes ه + hamza above. */
export const HEH_YEH = '\u06c0';
/** The hamza above (U+0654), the ezafe mark on a silent ه: خانهٔ. */
export const HAMZA_ABOVE = '\u0654';
/** The standalone hamza (ء), often typed after ه where the hamza above belongs: خانهء. */
export const STANDALONE_HAMZA = '\u0621';

/**
 * Every letter that search, comparison and the fixer read as a Persian letter: Arabic and other
 * alphabets' twins, teh marbuta as ه, ۀ as ه + hamza above.
 */
export const LETTER_TWINS: Readonly<Record<string, string>> = {
  ...ARABIC_TWINS,
  ...OTHER_SCRIPT_TWINS,
  [TEH_MARBUTA]: '\u0647',
  [HEH_YEH]: `\u0647${HAMZA_ABOVE}`,
};
/** The letters of `LETTER_TWINS`, as a regex class. */
export const TWIN_LETTER = `[${Object.keys(LETTER_TWINS).join('')}]`;

/** Arabic presentation forms A and B: legacy glyph encodings pasted from old PDFs and Word files. */
export const PRESENTATION_FORM = '[\\ufb50-\\ufdff\\ufe70-\\ufefc]';

// The digits live in their own small module, so that a page script that only writes Persian digits
// (the header's date) does not carry the letter tables: this module re-exports them.
export * from './script-digits.ts';

/** The Persian comma, semicolon and question mark, by the Latin mark they replace. */
export const PERSIAN_PUNCTUATION: Readonly<Record<string, string>> = { ',': '،', ';': '؛', '?': '؟' };

/** The short vowels and other harakat (fatha, damma, kasra, their tanwin, shadda, sukun). */
export const HARAKAT = '[\\u064b-\\u0652]';
/**
 * Every mark that is not part of a word's spelling for comparison: harakat, the hamza marks below
 * and above (أ → ا), superscript alef. The madda (U+0653) is not here: آ is a letter of its own.
 */
export const DIACRITIC = '[\\u064b-\\u0652\\u0654-\\u065f\\u0670]';

/**
 * Invisible format characters other than ZWNJ: zero-width space and joiner, direction marks,
 * embeddings and isolates, word joiner, byte-order mark, soft hyphen.
 */
export const INVISIBLE_FORMAT = '[\\u200b\\u200d-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff\\u00ad]';

/**
 * Letters Persian does not use that mark a whole word as Urdu, Pashto, Sindhi or Kurdish (ٹ ڈ ڑ ں ھ ۓ,
 * ټ ځ څ ډ ړ ږ ښ ڼ, ڵ ڕ ێ ۆ ڤ ە): such a word is quoted as written, and its letters are not slips.
 */
export const FOREIGN_WORD_LETTER =
  '[\\u0679\\u0688\\u0691\\u06ba\\u06be\\u06d3\\u067c\\u0681\\u0685\\u0689\\u0693\\u0696\\u069a\\u06bc\\u06b5\\u0695\\u06ce\\u06c6\\u06a4\\u06d5]';
