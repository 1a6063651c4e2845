/**
 * Every rule in the order it runs: letters first (so that later rules see Persian letters), then
 * marks that stand for other marks, then words and their affixes, punctuation and its spacing,
 * numbers, and last the spaces left over.
 */
import { LETTER_RULES } from './letters.ts';
import { NUMBER_RULES } from './numbers.ts';
import { applyRules, type ProseOptions, type Record, type Rule, type TextRule } from './prose.ts';
import { EARLY_PUNCTUATION_RULES, PUNCTUATION_RULES, SPACE_RULES } from './punctuation.ts';
import { WORD_RULES } from './words.ts';

export const RULES: readonly (Rule | TextRule)[] = [
  ...LETTER_RULES,
  ...EARLY_PUNCTUATION_RULES,
  ...WORD_RULES,
  ...PUNCTUATION_RULES,
  ...NUMBER_RULES,
  ...SPACE_RULES,
];

/** Applies every rule to one piece of prose: safe corrections in the text returned, all of them recorded. */
export function fixProse(text: string, options: ProseOptions, record: Record): string {
  return applyRules(text, RULES, options, record);
}
