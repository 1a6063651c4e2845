/** Persian text helpers of the corpus generator: digits, YAML scalars, word counts, templates. */

/** ASCII digits → Persian digits (۰–۹). */
export function persianDigits(value: number | string) {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + d.charCodeAt(0) - 48));
}

/** A count in Persian digits with the Persian thousands separator: ۱۲٬۵۰۰. */
export function persianCount(n: number) {
  return persianDigits(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u066c'));
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** A YAML single-quoted scalar: `'…'`, with a single quote written twice. */
export function yamlString(text: string) {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A letter or digit of the scripts the corpus writes (ASCII, Arabic-script letters, Persian and
 * Arabic-Indic digits); punctuation such as «، ؛ ٬» is not.
 * @param c a UTF-16 code unit
 */
export function isWordCharacter(c: number) {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0660 && c <= 0x0669) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06f0 && c <= 0x06ff)
  );
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
