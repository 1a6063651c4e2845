/**
 * Pure logic for `npm run new` (scripts/new-article.ts): argument parsing, the next free id, the
 * Tehran date in Jalali, the slug and the new article's Markdown. No file system, no clock.
 */
import { toJalaali } from 'jalaali-js';
import { tehranWallTime } from '../../src/lib/dates/tehran.ts';
import { normalizePersianLetters } from '../../src/lib/persian/normalize.ts';
import { slugify } from '../../src/lib/persian/slug.ts';

export interface NewArticleArgs {
  title?: string;
  section?: string;
  reporters: string[];
  tags: string[];
  slug?: string;
  content?: string;
  now?: string;
  help: boolean;
}

/** A Jalali date and Tehran wall-clock time. */
export interface TehranDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ArticleFields {
  id: number;
  title: string;
  date: TehranDateTime;
  section: string;
  reporters: string[];
  tags?: string[];
}

/** A mistake in the command line: shown with the usage hint, exit 1. */
export class UsageError extends Error {}

export const LEAD_PLACEHOLDER = 'TODO: یک یا دو جمله خلاصهٔ خبر';
export const BODY_PLACEHOLDER = 'متن خبر را اینجا بنویسید.';

const VALUE_FLAGS = ['--title', '--section', '--reporter', '--tags', '--slug', '--content', '--now'];

/**
 * Reads the command line (without `node` and the script).
 * `--flag value` and `--flag=value`; `--reporter` may repeat; `--tags` splits on «،» and «,».
 */
export function parseArgs(argv: readonly string[]): NewArticleArgs {
  const args: NewArticleArgs = { reporters: [], tags: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`Unknown option "${arg}".`);
    let value: string | undefined;
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

/** Tags written as `'a،b'` or `'a, b'`: trimmed, without empty ones. */
export function splitTags(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((tag) => tag.replace(/\s+/g, ' ').trim())
    .filter((tag) => tag.length > 0);
}

/** The frontmatter block of a Markdown file (between the opening and closing `---`), or '' if none. */
export function frontmatterOf(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? (match[1] ?? '') : '';
}

/** 1 + the largest `id:` in the given frontmatter blocks; 1 when there is none. */
export function nextFreeId(frontmatterTexts: Iterable<string>): number {
  let max = 0;
  for (const text of frontmatterTexts) {
    const match = /^id:[ \t]*['"]?(\d+)['"]?[ \t]*(?:#.*)?$/m.exec(text);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}

/** The Tehran wall clock at `date`, with the day as a Jalali date. */
export function tehranJalaliNow(date: Date): TehranDateTime {
  const wall = tehranWallTime(date);
  const { jy, jm, jd } = toJalaali(wall.year, wall.month, wall.day);
  return { year: jy, month: jm, day: jd, hour: wall.hour, minute: wall.minute };
}

/** `1405/09/08 14:30`, the way the frontmatter's `date` is written. */
export function formatJalaliDateTime(date: TehranDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}/${two(date.month)}/${two(date.day)} ${two(date.hour)}:${two(date.minute)}`;
}

/** Reads `--now`: an ISO 8601 date-time with an offset (or Z). */
export function parseNow(text: string): Date {
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

/** A YAML single-quoted scalar: `'…'`, with every `'` doubled; line breaks become spaces. */
export function yamlQuote(text: string): string {
  return `'${text.replace(/\s*[\r\n]+\s*/g, ' ').replaceAll("'", "''")}'`;
}

/** The new article: complete frontmatter (a draft, with a lead to fill in) and a body to replace. */
export function articleMarkdown({ id, title, date, section, reporters, tags = [] }: ArticleFields): string {
  const list = (items: readonly string[]) => `[${items.map(yamlQuote).join(', ')}]`;
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

/** The article's path inside the content folder: `articles/<year>/<month>/<slug>.md`, with `/`. */
export function articleRelativePath(date: TehranDateTime, slug: string): string {
  return `articles/${date.year}/${String(date.month).padStart(2, '0')}/${slug}.md`;
}

/**
 * `Unknown section "x". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی)`
 * @param valid slug → Persian name
 */
export function unknownMessage(
  kind: 'section' | 'reporter',
  value: string,
  valid: ReadonlyMap<string, string>,
): string {
  return `Unknown ${kind} "${value}". Valid ${kind}s: ${describeChoices(valid)}`;
}

/** `culture (فرهنگ و هنر), economy (اقتصادی)`, sorted by slug. */
export function describeChoices(valid: ReadonlyMap<string, string>): string {
  if (valid.size === 0) return '(none)';
  return [...valid]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, name]) => (name ? `${slug} (${name})` : slug))
    .join(', ');
}
