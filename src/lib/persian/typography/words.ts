/**
 * Rules on how prefixes and suffixes meet their word: joined with a ZWNJ (نیم‌فاصله), never with a
 * space and, for these affixes, never glued. Conservative: many Persian words begin with می or end
 * in تر, ام or ای, so a rule joins only what is certain, and suggests where a person must look.
 */
import { ASCII_OR_PERSIAN_DIGIT, FA_LETTER, WORD_CHARS, ZWNJ } from '#lib/persian/script.ts';
import { COMPARABLE_ADJECTIVES, JOINED_VERBS } from './lexicon.ts';
import { WORD, WORD_END, WORD_START, type Rule } from './prose.ts';

const PLURAL_AND_COMPARATIVE = 'هایشان|هایتان|هایمان|هایی|هایم|هایت|هایش|های|ها|ترین|تری|تر';
/** The verb endings and the indefinite ی after a vowel: رفته‌اند، نوشته‌ام، نامه‌ای. */
const VERB_ENDINGS = 'اند|ایم|اید|ام|ای';
/** After a silent ه, the possessives اش and ات too (خانه‌اش); they are not words of their own. */
const AFTER_HEH_ENDINGS = `${VERB_ENDINGS}|اش|ات`;

export const WORD_RULES: readonly Rule[] = [
  {
    id: 'zwnj-prefix',
    trigger: /می /,
    // Detached: «می شود» → «می‌شود». Only before a Persian letter, and only the words می/نمی.
    // Not «ماه می» or «اول می»: می is also the month of May.
    pattern: new RegExp(`${WORD_START}(?<!${ASCII_OR_PERSIAN_DIGIT} |ماه |اول )(ن?می) +(?=${FA_LETTER})`, 'gu'),
    replace: ({ groups: [prefix] }) => `${prefix}${ZWNJ}`,
  },
  {
    id: 'zwnj-prefix',
    trigger: /می/,
    // Joined: «میشود» → «می‌شود», for known verb forms only.
    pattern: new RegExp(`${WORD_START}(ن?می)(${FA_LETTER}+)${WORD_END}`, 'gu'),
    replace: ({ text, groups: [prefix, rest] }) => (JOINED_VERBS.has(text) ? `${prefix}${ZWNJ}${rest}` : text),
  },
  {
    id: 'bi-prefix',
    trigger: /بی /,
    // «بی رویه» → «بی‌رویه», a suggestion: «بی» is also a letter's name and part of names (بی بی سی).
    pattern: new RegExp(`${WORD_START}بی +(?=${FA_LETTER})(?!بی${WORD_END}|سی${WORD_END})`, 'gu'),
    replace: () => `بی${ZWNJ}`,
  },
  {
    id: 'zwnj-suffix',
    trigger: / (?:ها|تر)/,
    // Detached: «کتاب ها» → «کتاب‌ها», «بزرگ ترین» → «بزرگ‌ترین». A lone «تر» is also the word
    // "wet" («پسماند تر»), so it is joined only to adjectives known to take it («بزرگ تر»); after
    // another word, joining it is a suggestion (detached-comparative).
    pattern: new RegExp(
      `${WORD_START}([${WORD_CHARS}${ZWNJ}]*${FA_LETTER}) +(${PLURAL_AND_COMPARATIVE})${WORD_END}`,
      'gu',
    ),
    replace: ({ groups: [word, suffix] }) =>
      suffix!.startsWith('تر') &&
      suffix !== 'ترین' &&
      !COMPARABLE_ADJECTIVES.has(word!) &&
      !COMPARABLE_ADJECTIVES.has(word!.split(ZWNJ).pop()!)
        ? { rule: 'detached-comparative', text: `${word}${ZWNJ}${suffix}` }
        : `${word}${ZWNJ}${suffix}`,
  },
  {
    id: 'zwnj-suffix',
    trigger: /[هی](?:ها|تر)/,
    // Joined after ه or ی, where Persian never glues the plural on: «حوزهها» → «حوزه‌ها»,
    // «همکاریها» → «همکاری‌ها». Comparatives only on stems of three letters or more (بهتر is a word).
    pattern: new RegExp(`${WORD_START}(${FA_LETTER}+[هی])(${PLURAL_AND_COMPARATIVE})${WORD_END}`, 'gu'),
    replace: ({ text, groups: [stem, suffix] }) =>
      (suffix!.startsWith('ت') && stem!.length < 3) || stem!.length < 2 ? text : `${stem}${ZWNJ}${suffix}`,
  },
  {
    id: 'zwnj-verb-suffix',
    trigger: /ه ا/,
    // After a silent ه, a verb ending, the indefinite ی or the possessive اش/ات is always its own
    // part of the word: «رفته اند» → «رفته‌اند», «نامه ای» → «نامه‌ای», «خانه اش» → «خانه‌اش». Not after «اه», «وه» (راه، کوه: the ه is
    // said) nor after two-letter words (که، چه).
    pattern: new RegExp(`${WORD_START}(${WORD}${FA_LETTER}(?<![اوآ])ه) +(${AFTER_HEH_ENDINGS})${WORD_END}`, 'gu'),
    replace: ({ text, groups: [word, ending] }) =>
      word!.split(ZWNJ).pop()!.length >= 3 ? `${word}${ZWNJ}${ending}` : text,
  },
  {
    id: 'detached-suffix',
    trigger: / ا[نمی]/,
    // After other letters the same endings are most often the verb (ایرانی اند، مسئول اند), but
    // «ای» may be the word of address (ای مردم) and after a consonant the ending may be written
    // joined (مسئولند): a suggestion. Not after ا or و, where the ending takes a ی (دانشجویم), nor
    // «ای» after a consonant (گفت ای مردم).
    pattern: new RegExp(`${WORD_START}(${WORD}${FA_LETTER}(?<![اوآه])) +(${VERB_ENDINGS})${WORD_END}`, 'gu'),
    replace: ({ text, groups: [word, ending] }) =>
      ending === 'ای' && !word!.endsWith('ی') ? text : `${word}${ZWNJ}${ending}`,
  },
];
