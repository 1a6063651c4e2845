/**
 * Persian spelling folded for search, once for both sides, so that a reader finds a story however
 * either side spelt it (the measured facts are in docs/reference.md#search). Pagefind by itself does not unify Arabic and Persian letters, digit scripts,
 * tatweel, or affixes written apart, joined or with ZWNJ.
 *
 * - `foldForIndex` rewrites what Pagefind reads. It stays good to display (results show excerpts
 *   of it): affixes are joined with a ZWNJ, digits become Persian.
 * - `normalizeQuery` rewrites what the reader typed before Pagefind sees it: the same folding,
 *   invisible characters removed (Pagefind keeps ZWNJ in queries but drops it from indexed words),
 *   and a light stemming of plural and superlative endings outside quoted phrases, since Pagefind
 *   matches query words as prefixes of indexed words.
 */
import { toPersianDigits } from '#lib/persian/digits.ts';
import {
  ARABIC_BLOCK,
  ARABIC_INDIC_DIGIT,
  FA_LETTER,
  INVISIBLE_FORMAT,
  LETTER_TWINS,
  PRESENTATION_FORM,
  TATWEEL,
  TWIN_LETTER,
  ZWNJ,
} from '#lib/persian/script.ts';

const PRESENTATION_FORMS = new RegExp(PRESENTATION_FORM, 'g');
const TWINS = new RegExp(TWIN_LETTER, 'g');

/**
 * Steps 1–5: presentation forms, letters with a Persian twin (Arabic ي ى ك, Urdu and Pashto letters,
 * ة → ه, ۀ → ه + hamza above, which Pagefind drops), tatweel, digits.
 */
function foldLetters(text: string): string {
  return toPersianDigits(
    text
      .replace(PRESENTATION_FORMS, (ch) => ch.normalize('NFKC'))
      .replace(TWINS, (ch) => LETTER_TWINS[ch] ?? ch)
      .replaceAll(TATWEEL, ''),
  );
}

const SUFFIXES = 'هایی|های|ها|ترین|تر';
/** A suffix written apart from its word (space or ZWNJ), or joined (handled by the index). */
// Word boundaries are letters only: Persian punctuation (، ؛ ؟) and digits end a word too.
const DETACHED_SUFFIX = new RegExp(`(${FA_LETTER})[ ${ZWNJ}]+(${SUFFIXES})(?!${FA_LETTER})`, 'g');
const DETACHED_PREFIX = new RegExp(`(?<!${FA_LETTER})(ن?می)[ ${ZWNJ}]+(?=${FA_LETTER})`, 'g');

/** Every step of `foldForIndex`, run whatever the text (the tests hold the shortcut to it). */
export function foldForIndexFully(text: string): string {
  return foldLetters(text).replace(DETACHED_SUFFIX, `$1${ZWNJ}$2`).replace(DETACHED_PREFIX, `$1${ZWNJ}`);
}

// Pure: the readers' search script, which imports this module for its queries, leaves it out.
const FOLDABLE = /* @__PURE__ */ new RegExp(
  `${PRESENTATION_FORM}|${TWIN_LETTER}|${TATWEEL}|[0-9]|${ARABIC_INDIC_DIGIT}|${FA_LETTER}`,
);

/**
 * Whether `text` holds a character one of the steps would change or match. Text without any (the
 * spaces and line breaks between a page's tags, Latin words) is left as it is without running
 * them: it took 40% of the folding of a built page (1.6 s instead of 2.6 s for 10,000 pages).
 */
export function mayFold(text: string): boolean {
  return FOLDABLE.test(text);
}

/** The text Pagefind indexes: folded, affixes attached with ZWNJ. Idempotent; ZWNJ kept. */
export function foldForIndex(text: string): string {
  return mayFold(text) ? foldForIndexFully(text) : text;
}

/** A query word in the Arabic script only: the words that are stemmed. */
const PERSIAN_WORD = new RegExp(`^[${ARABIC_BLOCK}]+$`);

/** Invisible format characters, ZWNJ included: none of them is part of a query word. */
const INVISIBLE = new RegExp(`${INVISIBLE_FORMAT}|${ZWNJ}`, 'g');

/**
 * Endings stripped from query words, longest first, each with the letters that must remain (so
 * that «تنها» or «نمایان» are not cut to a stem that matches unrelated words).
 */
const STEM_RULES: readonly [suffix: string, minStem: number][] = [
  ['هایشان', 3],
  ['هایتان', 3],
  ['هایمان', 3],
  ['هایش', 3],
  ['هایت', 3],
  ['هایم', 3],
  ['هایی', 3],
  ['های', 3],
  ['ترین', 3],
  ['یان', 4],
  ['ها', 3],
];

/** A query word without its plural or superlative ending, when enough of the word remains. */
export function stemQueryWord(word: string): string {
  for (const [suffix, minStem] of STEM_RULES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) return word.slice(0, -suffix.length);
  }
  return word;
}

/** What Pagefind should search for, given what the reader typed. */
export function normalizeQuery(query: string): string {
  // Invisible characters (ZWNJ included: it joins) and odd spaces go first, so that affixes
  // written apart by any of them are joined like those written apart by a plain space.
  const folded = foldLetters(query.normalize('NFC'))
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(DETACHED_SUFFIX, '$1$2')
    .replace(DETACHED_PREFIX, '$1');
  // Quoted phrases are searched as written; only the words outside quotes are stemmed.
  return folded
    .split(/("[^"]*"|«[^»]*»)/)
    .map((part, index) =>
      index % 2 === 1
        ? `"${part.slice(1, -1)}"`
        : part
            .split(' ')
            .map((word) => (PERSIAN_WORD.test(word) ? stemQueryWord(word) : word))
            .join(' '),
    )
    .join('');
}

/**
 * The same HTML with its text folded for the index: tags, attributes, character references and
 * the contents of scripts and styles are left exactly as they are.
 */
export function foldHtmlForIndex(html: string): string {
  // Scripts, styles and comments are matched whole: their contents may hold '<' and '>'.
  return html
    .split(/(<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<[^>]*>)/i)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      return part
        .split(/(&#?[a-z0-9]+;)/i)
        .map((text, index) => (index % 2 === 1 ? text : foldForIndex(text)))
        .join('');
    })
    .join('');
}

/**
 * The part of a built article page that Pagefind reads: the `data-pagefind-body` element (title,
 * lead, meta, filters and story are all inside it), in a bare document. Menus, footer, comments
 * and inline styles are cut off before the page goes to Pagefind, which then parses a third of
 * the bytes. A page without that element is returned whole.
 */
export function indexableHtml(html: string): string {
  const start = html.search(/<div\b[^>]*\sdata-pagefind-body\b/);
  if (start < 0) return html;
  let depth = 0;
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = start;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const lang = /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? 'fa';
      const body = html.slice(start, match.index + match[0].length);
      return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
    }
  }
  return html;
}

/** What Pagefind is given for a built article page: its indexed part, folded. */
export function indexedHtml(pageHtml: string): string {
  return foldHtmlForIndex(indexableHtml(pageHtml));
}
