/**
 * Text helpers of the corpus generator: word counts and templates. Persian digits, counts and YAML
 * quoting come from their homes (src/lib/persian/digits.ts, scripts/lib/frontmatter.ts).
 */
import { ANY_DIGIT, FA_LETTER } from '../../src/lib/persian/script.ts';

export const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Which UTF-16 code units below U+0700 are letters or digits of the scripts the corpus writes
 * (ASCII, the Persian/Arabic letters, Persian and Arabic-Indic digits): a table built once from the
 * script facts, because the word counter asks for every character of every article.
 */
const WORD_CHARACTERS = (() => {
  const pattern = new RegExp(`^(?:[A-Za-z]|${ANY_DIGIT}|${FA_LETTER})$`);
  const table = new Uint8Array(0x0700);
  for (let c = 0; c < table.length; c++) table[c] = pattern.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/**
 * A letter or digit of the scripts the corpus writes; punctuation such as «، ؛ ٬» is not.
 * @param c a UTF-16 code unit
 */
export function isWordCharacter(c: number) {
  return c < 0x0700 && WORD_CHARACTERS[c] === 1;
}

/**
 * Words in a Markdown/MDX body: whitespace-separated tokens with a letter or digit in them; tags
 * (`<FactBox …>`), link targets and markup symbols (`##`, `-`, `>`) do not count. A hand-written
 * scanner: it runs on every block of every article.
 */
export function countWords(markdown: string) {
  let count = 0;
  let hasLetter = false;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    let skipTo = -1;
    if (c === 0x3c /* < */) skipTo = markdown.indexOf('>', i);
    else if (c === 0x5d /* ] */ && markdown.charCodeAt(i + 1) === 0x28 /* ( */) skipTo = markdown.indexOf(')', i);
    if (skipTo !== -1 || c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      if (hasLetter) count++;
      hasLetter = false;
      if (skipTo !== -1) i = skipTo;
    } else if (!hasLetter && isWordCharacter(c)) {
      hasLetter = true;
    }
  }
  return hasLetter ? count + 1 : count;
}

/** Fills `{name}` slots from `values`; a function value is called for a fresh choice each time. */
export function fill(template: string, values: Record<string, string | (() => string)>) {
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`corpus template slot {${name}} has no value: ${template}`);
    return typeof value === 'function' ? value() : value;
  });
}
