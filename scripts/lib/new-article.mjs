// @ts-check
/**
 * Pure logic for `npm run new` (scripts/new-article.mjs): argument parsing, the next free id, the
 * Tehran date in Jalali, the slug and the new article's Markdown. No file system, no clock.
 */
import { toJalaali } from 'jalaali-js';
import { tehranWallTime } from '../../src/lib/dates/tehran.ts';
import { normalizePersianLetters } from '../../src/lib/persian/normalize.ts';
import { slugify } from '../../src/lib/persian/slug.ts';

/**
 * @typedef {object} NewArticleArgs
 * @property {string} [title]
 * @property {string} [section]
 * @property {string[]} reporters
 * @property {string[]} tags
 * @property {string} [slug]
 * @property {string} [content]
 * @property {string} [now]
 * @property {boolean} help
 */

/**
 * @typedef {object} TehranDateTime  A Jalali date and Tehran wall-clock time.
 * @property {number} year
 * @property {number} month
 * @property {number} day
 * @property {number} hour
 * @property {number} minute
 */

/**
 * @typedef {object} ArticleFields
 * @property {number} id
 * @property {string} title
 * @property {TehranDateTime} date
 * @property {string} section
 * @property {string[]} reporters
 * @property {string[]} [tags]
 */

/** A mistake in the command line: shown with the usage hint, exit 1. */
export class UsageError extends Error {}

export const LEAD_PLACEHOLDER = 'TODO: یک یا دو جمله خلاصهٔ خبر';
export const BODY_PLACEHOLDER = 'متن خبر را اینجا بنویسید.';

const VALUE_FLAGS = ['--title', '--section', '--reporter', '--tags', '--slug', '--content', '--now'];

/**
 * Reads the command line (without `node` and the script).
 * `--flag value` and `--flag=value`; `--reporter` may repeat; `--tags` splits on «،» and «,».
 * @param {readonly string[]} argv
 * @returns {NewArticleArgs}
 */
export function parseArgs(argv) {
  /** @type {NewArticleArgs} */
  const args = { reporters: [], tags: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`Unknown option "${arg}".`);
    /** @type {string | undefined} */
    let value;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && VALUE_FLAGS.includes(value.split('=')[0] ?? ''))) {
        throw new UsageError(`${flag} needs a value.`);
      }
      i++;
    }
    switch (flag) {
      case '--title':
        args.title = value;
        break;
      case '--section':
        args.section = value.trim();
        break;
      case '--reporter':
        for (const reporter of value.split(/[،,]/)) {
          const slug = reporter.trim();
          if (slug && !args.reporters.includes(slug)) args.reporters.push(slug);
        }
        break;
      case '--tags':
        for (const tag of splitTags(value)) if (!args.tags.includes(tag)) args.tags.push(tag);
        break;
      case '--slug':
        args.slug = value.trim();
        break;
      case '--content':
        args.content = value;
        break;
      case '--now':
        args.now = value;
        break;
    }
  }
  return args;
}

/**
 * Tags written as `'a،b'` or `'a, b'`: trimmed, without empty ones.
 * @param {string} text
 * @returns {string[]}
 */
export function splitTags(text) {
  return text
    .split(/[،,]/)
    .map((tag) => tag.replace(/\s+/g, ' ').trim())
    .filter((tag) => tag.length > 0);
}

/**
 * The frontmatter block of a Markdown file (between the opening and closing `---`), or '' if none.
 * @param {string} text
 * @returns {string}
 */
export function frontmatterOf(text) {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? (match[1] ?? '') : '';
}

/**
 * 1 + the largest `id:` in the given frontmatter blocks; 1 when there is none.
 * @param {Iterable<string>} frontmatterTexts
 * @returns {number}
 */
export function nextFreeId(frontmatterTexts) {
  let max = 0;
  for (const text of frontmatterTexts) {
    const match = /^id:[ \t]*['"]?(\d+)['"]?[ \t]*(?:#.*)?$/m.exec(text);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}

/**
 * The Tehran wall clock at `date`, with the day as a Jalali date.
 * @param {Date} date
 * @returns {TehranDateTime}
 */
export function tehranJalaliNow(date) {
  const wall = tehranWallTime(date);
  const { jy, jm, jd } = toJalaali(wall.year, wall.month, wall.day);
  return { year: jy, month: jm, day: jd, hour: wall.hour, minute: wall.minute };
}

/**
 * `1405/09/08 14:30`, the way the frontmatter's `date` is written.
 * @param {TehranDateTime} date
 * @returns {string}
 */
export function formatJalaliDateTime(date) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.year}/${two(date.month)}/${two(date.day)} ${two(date.hour)}:${two(date.minute)}`;
}

/**
 * Reads `--now`: an ISO 8601 date-time with an offset (or Z).
 * @param {string} text
 * @returns {Date}
 */
export function parseNow(text) {
  const date = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) ||
    Number.isNaN(date.getTime())
  ) {
    throw new UsageError(`--now "${text}" is not an ISO date-time with an offset, e.g. 2026-11-29T12:00:00+03:30.`);
  }
  return date;
}

/**
 * Persian letters for Arabic ones (ي ى → ی, ك → ک), as the site shows them
 * (src/lib/persian/normalize.ts).
 */
export const persianLetters = normalizePersianLetters;

/**
 * The URL slug for a title: `slugify` of src/lib/persian/slug.ts, the rules the site uses (Persian
 * letters for Arabic ones, ASCII digits, no diacritics, lower case, every run of other characters one
 * hyphen, none at the ends).
 */
export const slugFromTitle = slugify;

/**
 * A YAML single-quoted scalar: `'…'`, with every `'` doubled; line breaks become spaces.
 * @param {string} text
 * @returns {string}
 */
export function yamlQuote(text) {
  return `'${text.replace(/\s*[\r\n]+\s*/g, ' ').replaceAll("'", "''")}'`;
}

/**
 * The new article: complete frontmatter (a draft, with a lead to fill in) and a body to replace.
 * @param {ArticleFields} fields
 * @returns {string}
 */
export function articleMarkdown({ id, title, date, section, reporters, tags = [] }) {
  const list = (/** @type {readonly string[]} */ items) => `[${items.map(yamlQuote).join(', ')}]`;
  return [
    '---',
    `id: ${id}`,
    `title: ${yamlQuote(title.trim())}`,
    `lead: ${yamlQuote(LEAD_PLACEHOLDER)}`,
    `date: ${formatJalaliDateTime(date)}`,
    `category: ${section}`,
    `tags: ${list(tags)}`,
    `authors: ${list(reporters)}`,
    'draft: true',
    '---',
    '',
    BODY_PLACEHOLDER,
    '',
  ].join('\n');
}

/**
 * The article's path inside the content folder: `articles/<year>/<month>/<slug>.md`, with `/`.
 * @param {TehranDateTime} date
 * @param {string} slug
 * @returns {string}
 */
export function articleRelativePath(date, slug) {
  return `articles/${date.year}/${String(date.month).padStart(2, '0')}/${slug}.md`;
}

/**
 * `Unknown section "x". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی)`
 * @param {'section' | 'reporter'} kind
 * @param {string} value
 * @param {ReadonlyMap<string, string>} valid  slug → Persian name
 * @returns {string}
 */
export function unknownMessage(kind, value, valid) {
  return `Unknown ${kind} "${value}". Valid ${kind}s: ${describeChoices(valid)}`;
}

/**
 * `culture (فرهنگ و هنر), economy (اقتصادی)`, sorted by slug.
 * @param {ReadonlyMap<string, string>} valid
 * @returns {string}
 */
export function describeChoices(valid) {
  if (valid.size === 0) return '(none)';
  return [...valid]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, name]) => (name ? `${slug} (${name})` : slug))
    .join(', ');
}
