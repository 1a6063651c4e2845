/**
 * Rules on letters and marks: Arabic and other alphabets' letters for Persian ones, the ZWNJ's
 * stand-ins, the ezafe on a silent ه, doubled diacritics, the tatweel. The letter facts are in
 * ../script.ts, shared with search, so that a corrected word is found by the same query.
 */
import { toPersianDigits } from '#lib/persian/digits.ts';
import {
  ARABIC_INDIC_DIGIT,
  ARABIC_TWINS,
  FA_LETTER,
  FOREIGN_WORD_LETTER,
  HAMZA_ABOVE,
  HARAKAT,
  HEH_YEH,
  OTHER_SCRIPT_TWINS,
  PRESENTATION_FORM,
  STANDALONE_HAMZA,
  TATWEEL,
  TEH_MARBUTA,
  ZWNJ,
  ZWNJ_STAND_INS,
} from '#lib/persian/script.ts';
import { LETTER, WORD, WORD_END, WORD_START, type Rule } from './prose.ts';

const ARABIC = Object.keys(ARABIC_TWINS).join('');
const OTHER = Object.keys(OTHER_SCRIPT_TWINS).join('');
const FOREIGN_WORD = new RegExp(FOREIGN_WORD_LETTER, 'u');
/** A word: letters, marks, ZWNJ (and the digits of its own rule). */
const wordWith = (inner: string) => new RegExp(`[\\p{L}\\p{M}${ZWNJ}]*(?:${inner})[\\p{L}\\p{M}${ZWNJ}]*`, 'gu');

export const LETTER_RULES: readonly Rule[] = [
  {
    id: 'non-persian-letters',
    trigger: new RegExp(`[${OTHER}]|${PRESENTATION_FORM}`, 'u'),
    // Glyph forms pasted from old PDFs become the letters they show; Urdu and Pashto letters in a
    // Persian word become their Persian twins. A word with a letter Persian never uses is quoted
    // Urdu, Pashto or Kurdish, and is left as written.
    pattern: wordWith(`[${OTHER}]|${PRESENTATION_FORM}`),
    replace: ({ text }) => {
      const unfolded = text.replace(new RegExp(PRESENTATION_FORM, 'gu'), (ch) => ch.normalize('NFKC'));
      if (FOREIGN_WORD.test(unfolded)) return unfolded;
      return unfolded.replace(new RegExp(`[${OTHER}]`, 'gu'), (ch) => OTHER_SCRIPT_TWINS[ch] ?? ch);
    },
  },
  {
    id: 'arabic-letters',
    trigger: new RegExp(`[${ARABIC}${TEH_MARBUTA}]|${ARABIC_INDIC_DIGIT}`, 'u'),
    // Whole words, so a finding reads «كتاب» → «کتاب». ة inside a compound (دایرةالمعارف) becomes
    // ه + ZWNJ, the standard spelling دایره‌المعارف; at a word's end, ه.
    pattern: wordWith(`[${ARABIC}${TEH_MARBUTA}]|${ARABIC_INDIC_DIGIT}+`),
    replace: ({ text }) =>
      toPersianDigits(
        text
          .replace(new RegExp(`${TEH_MARBUTA}(?=${FA_LETTER})`, 'gu'), `ه${ZWNJ}`)
          .replaceAll(TEH_MARBUTA, 'ه')
          .replace(new RegExp(`[${ARABIC}]`, 'gu'), (ch) => ARABIC_TWINS[ch] ?? ch),
      ),
  },
  {
    id: 'soft-hyphen',
    trigger: new RegExp(`[${ZWNJ_STAND_INS}]`),
    // Only between Persian letters: in Latin text a soft hyphen is a real hyphenation point.
    pattern: new RegExp(`(?<=${FA_LETTER})[${ZWNJ_STAND_INS}]+(?=${FA_LETTER})`, 'gu'),
    replace: () => ZWNJ,
  },
  {
    id: 'heh-ezafe',
    trigger: new RegExp(`${HEH_YEH}|ه[ ${ZWNJ}]?${STANDALONE_HAMZA}|ه +ی`, 'u'),
    // The ezafe on a silent ه is a hamza above it: «خانهٔ». Typed as ۀ, as a standalone ء, or as a
    // detached ی («خانه ی»). A detached ی only after a silent ه: not after «اه», «وه» and «آه»,
    // where the ه is said (راه، کوه) and takes no ی, nor after a word of two letters (که، چه).
    pattern: new RegExp(
      `${HEH_YEH}|${WORD_START}(${WORD}ه)[ ${ZWNJ}]?${STANDALONE_HAMZA}${WORD_END}|${WORD_START}(${WORD}${FA_LETTER}(?<![اوآ])ه) +ی${WORD_END}`,
      'gu',
    ),
    replace: ({ text, groups: [hamzaWord, yeWord] }) => {
      if (text === HEH_YEH) return `ه${HAMZA_ABOVE}`;
      if (hamzaWord) return `${hamzaWord}${HAMZA_ABOVE}`;
      return yeWord && yeWord.split(ZWNJ).pop()!.length >= 3 ? `${yeWord}${HAMZA_ABOVE}` : text;
    },
  },
  {
    id: 'diacritics',
    trigger: new RegExp(HARAKAT, 'u'),
    // A mark typed twice, after a ZWNJ, or after a space (where it shows on a dotted circle).
    pattern: new RegExp(`(${HARAKAT})\\1+|(?<=${FA_LETTER})[ ${ZWNJ}]+(?=${HARAKAT})`, 'gu'),
    replace: ({ groups: [doubled] }) => doubled ?? '',
  },
  {
    id: 'tatweel',
    trigger: new RegExp(TATWEEL),
    // Only a stroke inside a word, between two letters: a tatweel with no letter beside it separates
    // numbers (a year range «۱۳۹۸ـ۱۴۰۲»), and one at a word's edge next to a space stands for a
    // dash («تهرانـ ایرنا», ./punctuation.ts); taking them out would glue what they separate.
    pattern: new RegExp(`(?<=${LETTER})${TATWEEL}+(?=${LETTER})`, 'gu'),
    replace: () => '',
  },
];
