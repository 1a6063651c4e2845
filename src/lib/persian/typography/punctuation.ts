/**
 * Rules on punctuation and spacing: Persian marks, quotes, dashes and the ellipsis; no space before
 * a mark and one after it; none inside brackets and one outside. Each needs Persian around it, so
 * Latin text keeps its own punctuation, and none touches a digit's neighbourhood in a way that could
 * join or split a number.
 */
import {
  ANY_DIGIT,
  ASCII_OR_PERSIAN_DIGIT,
  FA_LETTER,
  PERSIAN_DIGIT,
  PERSIAN_PUNCTUATION,
  TATWEEL,
  WORD_CHARS,
} from '#lib/persian/script.ts';
import { HONORIFICS } from './lexicon.ts';
import { inPersianProse, LETTER, nearestLetter, type Rule, type TextRule } from './prose.ts';

const ANY_DIGIT_RE = new RegExp(ANY_DIGIT);
const FA_LETTER_RE = new RegExp(FA_LETTER, 'u');
const PERSIAN_DIGIT_OR_GUILLEMET = new RegExp(`${PERSIAN_DIGIT}|»`);
/** What may stand right before a mark that closes a Persian phrase: a letter, a Persian digit, a closing bracket. */
const BEFORE_MARK = `(?:${FA_LETTER}|${PERSIAN_DIGIT}|[»)])`;

/** The nearest character that is not a space, from `from` in direction `step`. */
function nearestNonSpace(text: string, from: number, step: 1 | -1): string {
  for (let i = from; i >= 0 && i < text.length; i += step) if (text[i] !== ' ') return text[i]!;
  return '';
}

/** Straight quotes in pairs, and curly “…”, around Persian text become «…». */
const persianQuotes: TextRule = {
  trigger: /["“]/,
  run(text, change) {
    // Straight quotes only when they pair up on the line; a backslash-escaped one is not a quote.
    const straight = [...text.matchAll(/(?<!\\)"/g)].map((match) => match.index);
    const pairs: [number, number][] = [];
    if (straight.length % 2 === 0)
      for (let i = 0; i < straight.length; i += 2) pairs.push([straight[i]!, straight[i + 1]!]);
    for (const match of text.matchAll(/“[^“”"]*”/g)) pairs.push([match.index, match.index + match[0].length - 1]);
    let result = text;
    for (const [open, close] of pairs.sort((a, b) => a[0] - b[0])) {
      const inner = text.slice(open + 1, close);
      // Persian inside, and no Latin word right outside: "quoted" English keeps its quotes.
      if (!FA_LETTER_RE.test(inner) || /[A-Za-z]/.test(inner)) continue;
      if (nearestLetter(text, open - 1, -1) === 'latin' || nearestLetter(text, close + 1, 1) === 'latin') continue;
      const quoted = `«${inner}»`;
      if (change('persian-quotes', text.slice(open, close + 1), quoted, text, open) !== quoted) continue;
      // «» take the place of the two quote marks, one character each: the offsets stay valid.
      result = `${result.slice(0, open)}«${result.slice(open + 1, close)}»${result.slice(close + 1)}`;
    }
    return result;
  },
};

export const EARLY_PUNCTUATION_RULES: readonly (Rule | TextRule)[] = [
  persianQuotes,
  {
    id: 'dashes',
    trigger: new RegExp(`--|${TATWEEL}`),
    // -- and --- between Persian words; a tatweel alone between spaces or at a word's edge next to a
    // space is a dash too («تهران ـ ایرنا», «تهرانـ ایرنا»). Never between digits (a range stays as
    // written), never in a line of dashes (a Markdown rule or table: no letters around), never an
    // HTML comment's <!-- -->.
    pattern: new RegExp(
      `(?<![-<!])(-{2,3})(?![->])|(?<=^|\\s|${LETTER})${TATWEEL}+(?=\\s|$)|(?<=^|\\s)${TATWEEL}+(?=${LETTER})`,
      'gu',
    ),
    replace: ({ text, groups: [dashes], whole, offset }) => {
      const end = offset + text.length;
      if (
        ANY_DIGIT_RE.test(nearestNonSpace(whole, offset - 1, -1)) ||
        ANY_DIGIT_RE.test(nearestNonSpace(whole, end, 1))
      )
        return text;
      if (!inPersianProse(whole, offset, end)) return text;
      return dashes === '---' ? '—' : '–';
    },
  },
  {
    id: 'ellipsis',
    trigger: /\.\s?\.|…/,
    // «...» (or «. . .») is «…», with no space before it after a word, and a space after it before one.
    pattern: /( *)(\.(?: ?\.){2,}|…)(?!\.)/g,
    replace: ({ text, groups: [spaces], whole, offset }) => {
      const end = offset + text.length;
      const before = whole[offset - 1] ?? '';
      const after = whole[end] ?? '';
      if (ANY_DIGIT_RE.test(before) || ANY_DIGIT_RE.test(after) || before === '.') return text;
      if (!inPersianProse(whole, offset, end)) return text;
      const keepSpaces = spaces && !FA_LETTER_RE.test(before) && !/[»)]/.test(before);
      const space = FA_LETTER_RE.test(after) ? ' ' : '';
      return `${keepSpaces ? spaces : ''}…${space}`;
    },
  },
];

export const PUNCTUATION_RULES: readonly Rule[] = [
  {
    id: 'persian-punctuation',
    trigger: /[,;?]/,
    // A Latin , ; ? right after Persian (a letter, a Persian digit or a closing guillemet), spaces
    // before it dropped. Never between digits of any script: «۱۲,۵۰۰» is a number with its
    // thousands separator (./numbers.ts).
    pattern: new RegExp(`([${WORD_CHARS}»]) *([,;]|\\?+)(?!${ANY_DIGIT})`, 'gu'),
    replace: ({ text, groups: [before, marks] }) => {
      if (!FA_LETTER_RE.test(before!) && !PERSIAN_DIGIT_OR_GUILLEMET.test(before!)) return text;
      return `${before}${marks!.replace(/[,;?]/g, (mark) => PERSIAN_PUNCTUATION[mark]!)}`;
    },
  },
  {
    id: 'repeated-marks',
    trigger: /!\s*!|؟\s*؟/,
    // «!!!» and «؟؟؟» after Persian: one mark says it. A mixed «؟!» is left as written.
    pattern: new RegExp(`(?<=${BEFORE_MARK} *)([!؟])(?: *\\1)+`, 'gu'),
    replace: ({ groups: [mark] }) => mark!,
  },
  {
    id: 'punctuation-spacing',
    trigger: / [،؛؟!:.]/,
    // No space before «، ؛ ؟ ! : .» after Persian, none between «؟» and «!». A colon after a digit
    // is a time (۱۴ : ۳۰ is left for a person), a «!» before «[» an image, a «.» before a digit a
    // number: left alone.
    pattern: new RegExp(
      `(?<=${FA_LETTER}|[»)]) +(?=[،؛؟:]|!(?!\\[)|\\.(?!${ASCII_OR_PERSIAN_DIGIT}|\\.))|(?<=${PERSIAN_DIGIT}) +(?=[،؛؟]|!(?!\\[)|\\.(?!${ASCII_OR_PERSIAN_DIGIT}|\\.))|(?<=[؟!]) +(?=[؟!])`,
      'gu',
    ),
    replace: () => '',
  },
  {
    id: 'punctuation-spacing',
    trigger: /[،؛؟!:][^\s]/,
    // One space after «، ؛ ؟ ! :» when a Persian word follows right away. None is added after «.»:
    // abbreviations («ج.ا.ا») and domain names have none. In a plain YAML value «: » would start a
    // new field, so no space is added after a colon there.
    pattern: new RegExp(`(?<=${FA_LETTER}[،؛؟!:])(?=${FA_LETTER}|«)`, 'gu'),
    replace: ({ text, whole, offset, options }) => (whole[offset - 1] === ':' && options.yaml === 'plain' ? text : ' '),
  },
  {
    id: 'bracket-spacing',
    trigger: /[(«)»]/,
    // No space just inside ( ) and « » next to Persian; one space outside, between a Persian word and
    // the bracket. Not before an honorific «پیامبر(ص)», written that way on purpose. [ ] and { } are
    // Markdown links and MDX expressions: never respaced.
    pattern: new RegExp(
      `(?<=[(«])( +)(?=${FA_LETTER}|${PERSIAN_DIGIT})|(?<=${FA_LETTER}|${PERSIAN_DIGIT}|[.!؟…])( +)(?=[)»])|(?<=${FA_LETTER})(?=[(«])|(?<=[)»])(?=${FA_LETTER})`,
      'gu',
    ),
    replace: ({ text, groups, whole, offset }) => {
      if (groups.some((group) => group !== undefined)) return '';
      const honorific = /^\(([^()]{1,3})\)/.exec(whole.slice(offset))?.[1];
      if (honorific && HONORIFICS.has(honorific)) return text;
      return ' ';
    },
  },
];

export const SPACE_RULES: readonly Rule[] = [
  {
    id: 'double-space',
    trigger: / {2}/,
    // Between two characters in Persian prose: Latin text and a Markdown hard break (two spaces at
    // the end of a line) are left as they are.
    pattern: /(?<=\S) {2,}(?=\S)/g,
    replace: ({ text, whole, offset }) => (inPersianProse(whole, offset, offset + text.length) ? ' ' : text),
  },
];
