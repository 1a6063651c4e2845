/**
 * The typography engine for one piece of plain prose (a headline, a lead, the prose between the
 * protected spans of a Markdown line): every rule in order, safe corrections applied, suggestions
 * only recorded. The rules themselves are in ./letters.ts, ./words.ts, ./punctuation.ts and
 * ./numbers.ts; their ids and classes in ./registry.ts.
 */
import { FA_LETTER, LATIN_LETTER, TATWEEL, WORD_CHARS, ZWNJ } from '#lib/persian/script.ts';
import { isSafe, type Safety, type TypographyRule } from './registry.ts';

/** How the prose is quoted in a YAML file, which limits what a rule may write into it. */
export type YamlStyle = 'plain' | 'single' | 'double' | 'block';

export interface ProseOptions {
  /** Set when the prose is the value of a YAML field (a frontmatter or a data file). */
  yaml?: YamlStyle;
}

export interface RuleMatch {
  text: string;
  groups: (string | undefined)[];
  /** The prose the rule runs on, and where the match starts in it. */
  whole: string;
  offset: number;
  options: ProseOptions;
}

/** A replacement under the rule's own id, or under another id of the same rule family. */
export type Replacement = string | { rule: TypographyRule; text: string };

export interface Rule {
  id: TypographyRule;
  /** A cheap test: the rule runs only on text that contains this (most prose is clean). */
  trigger: RegExp;
  /** With the `g` flag. */
  pattern: RegExp;
  replace: (match: RuleMatch) => Replacement;
}

/** A rule that rewrites the text itself (numbers), calling `change` for each change it proposes. */
export interface TextRule {
  trigger: RegExp;
  run: (text: string, change: Change, options: ProseOptions) => string;
}

/**
 * Proposes replacing `match` (at `offset` in `whole`) by `replacement` under `rule`: records it, and
 * returns what the text should hold: the replacement when the rule is safe, the match otherwise.
 */
export type Change = (
  rule: TypographyRule,
  match: string,
  replacement: string,
  whole: string,
  offset: number,
) => string;

export type Record = (rule: TypographyRule, safety: Safety, before: string, after: string) => void;

/** Regex pieces for "not inside a word": no Persian letter, digit or ZWNJ before or after. */
export const WORD_START = `(?<![${WORD_CHARS}${ZWNJ}])`;
export const WORD_END = `(?![${WORD_CHARS}${ZWNJ}])`;
/** A letter or mark of any script, not the tatweel (itself a "letter" to Unicode, Lm); needs the `u` flag. */
export const LETTER = `(?:(?!${TATWEEL})[\\p{L}\\p{M}])`;
/** The letters of a word so far, compounds joined by a ZWNJ included (نشان‌دهنده). */
export const WORD = `(?:${FA_LETTER}|${ZWNJ})*`;

const FA_LETTER_RE = new RegExp(FA_LETTER, 'u');
const LATIN_LETTER_RE = new RegExp(LATIN_LETTER);

/** The script of the nearest letter from `from` in direction `step`, on the same line. */
export function nearestLetter(text: string, from: number, step: 1 | -1): 'fa' | 'latin' | undefined {
  for (let i = from; i >= 0 && i < text.length; i += step) {
    const ch = text[i]!;
    if (FA_LETTER_RE.test(ch)) return 'fa';
    if (LATIN_LETTER_RE.test(ch)) return 'latin';
    if (ch === '\n') return undefined;
  }
  return undefined;
}

/**
 * Whether `whole[start, end)` stands in Persian prose: the nearest letter on one side at least is
 * Persian and on neither side Latin. Latin text keeps its own punctuation, digits and quotes.
 */
export function inPersianProse(whole: string, start: number, end: number): boolean {
  const left = nearestLetter(whole, start - 1, -1);
  const right = nearestLetter(whole, end, 1);
  return left !== 'latin' && right !== 'latin' && (left === 'fa' || right === 'fa');
}

/** Runs one rule over `text`. */
function runRule(rule: Rule, text: string, options: ProseOptions, change: Change): string {
  if (!rule.trigger.test(text)) return text;
  return text.replace(rule.pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const offsetIndex = args.findIndex((arg) => typeof arg === 'number');
    const offset = args[offsetIndex] as number;
    const whole = args[offsetIndex + 1] as string;
    const groups = args.slice(1, offsetIndex) as (string | undefined)[];
    const replacement = rule.replace({ text: match, groups, whole, offset, options });
    const [id, replaced] =
      typeof replacement === 'string' ? [rule.id, replacement] : [replacement.rule, replacement.text];
    return change(id, match, replaced, whole, offset);
  });
}

/** Applies every rule of `rules` to one piece of prose, in order; records each change. */
export function applyRules(
  text: string,
  rules: readonly (Rule | TextRule)[],
  options: ProseOptions,
  record: Record,
): string {
  const change: Change = (rule, match, replacement, whole, offset) => {
    if (replacement === match) return match;
    // Show the whole words around the slip, as the reporter will look for them.
    const left = /\S*$/.exec(whole.slice(0, offset))![0];
    const right = /^\S*/.exec(whole.slice(offset + match.length))![0];
    const safe = isSafe(rule);
    record(rule, safe ? 'safe' : 'suggestion', left + match + right, left + replacement + right);
    return safe ? replacement : match;
  };
  let result = text;
  for (const rule of rules) {
    if ('run' in rule) {
      if (rule.trigger.test(result)) result = rule.run(result, change, options);
    } else result = runRule(rule, result, options, change);
  }
  return result;
}
