// @ts-check
/**
 * Pure logic for `npm run import:legacy` (scripts/import-legacy.mjs): the command line, the site
 * config, reading one page of an old news site (saved HTML or a plain-text dump) into a title, a
 * lead, Markdown paragraphs, a date and a source, and writing it as a draft article. No file
 * system, no clock: the CLI reads the files and passes the time of import in.
 *
 * Everything taken from a page is data: HTML is sanitised, then rebuilt as Markdown from its text,
 * with every character Markdown would read as markup escaped.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { parse as parseYaml } from 'yaml';
import { decodeAs, declaredEncoding, detectEncoding } from '../../src/lib/content/encoding.ts';
import { isValidJalaliDate, JALALI_MONTH_NAMES } from '../../src/lib/dates/jalali.ts';
import { parseArticleDate } from '../../src/lib/dates/parse-article-date.ts';
import { toAsciiDigits } from '../../src/lib/persian/digits.ts';
import { normalizePersianLetters } from '../../src/lib/persian/normalize.ts';
import { FA_LETTER } from '../../src/lib/persian/script.ts';
import { fixPersianProse, lintArticleTypography } from '../../src/lib/persian/typography.ts';
import { formatJalaliDateTime, slugFromTitle, tehranJalaliNow, UsageError, yamlQuote } from './new-article.mjs';

export { UsageError };

/** @typedef {import('./new-article.mjs').TehranDateTime} TehranDateTime */

/**
 * @typedef {object} LegacyArgs
 * @property {string[]} inputs
 * @property {string} [section]
 * @property {string[]} reporters
 * @property {string} [config]
 * @property {string} [content]
 * @property {string} [now]
 * @property {boolean} dryRun
 * @property {boolean} help
 */

/**
 * @typedef {object} HtmlConfig  CSS selectors, tried in order; the first that gives text wins.
 * @property {string[]} title
 * @property {string[]} body
 * @property {string[]} date
 * @property {string[]} lead
 * @property {string[]} url
 * @property {string[]} remove  removed from the story before it is converted
 */

/**
 * @typedef {object} TextConfig  Regular expressions matched against each trimmed line of a dump.
 * @property {RegExp[]} chrome  lines of site chrome to drop (menus, buttons, comment rules)
 * @property {RegExp[]} stop    once the story has begun, a line that ends it (comments, related news)
 * @property {RegExp[]} today   the "today" line: the day the page was saved, not its publication
 * @property {RegExp[]} date    a line with the publication date
 * @property {RegExp[]} title   a line with the headline (default: the line before the first paragraph)
 */

/**
 * @typedef {object} LegacyConfig
 * @property {string | undefined} sourceName  the source's name for every page (else the page's «منبع:», «به گزارش …», og:site_name, host)
 * @property {HtmlConfig} html
 * @property {TextConfig} text
 */

/**
 * @typedef {object} Block  One paragraph-level piece of the story.
 * @property {'p' | 'h2' | 'h3' | 'li' | 'oli'} kind
 * @property {string} text  plain text (for the lead and the content hash)
 * @property {string} md    the same as Markdown, escaped
 * @property {boolean} [quote]
 */

/**
 * @typedef {object} FoundDate
 * @property {TehranDateTime} value
 * @property {'page' | 'today' | 'now'} from
 * @property {string} [note]
 */

/**
 * @typedef {object} Extracted  What one page gave.
 * @property {string} title
 * @property {Block[]} blocks
 * @property {string | undefined} lead  a lead the page marks as such
 * @property {FoundDate | undefined} date
 * @property {string | undefined} url
 * @property {string | undefined} siteName
 * @property {string | undefined} sourceLine  the name in a «منبع: …» line
 * @property {string[]} notes  for the report: what was dropped or guessed
 */

/** @typedef {{ skip: string }} Skipped */

/** @typedef {{ name: string; url?: string }} Source */

export const USAGE = `Usage: npm run import:legacy -- <file-or-folder>... --section <slug> --reporter <slug> [options]

Imports pages of an old news site as draft articles in <content>/articles/<jalali-year>/<month>/<slug>.md.

  <file-or-folder>     saved HTML pages (.html, .htm) or plain-text dumps (.txt), or folders of them
  --section <slug>     the section for every imported article: a file name in <content>/categories/
  --reporter <slug>    a reporter: a file name in <content>/authors/ (repeat for more than one)
  --config <file>      the old site's selectors and patterns, JSON or YAML (default: WordPress-style pages)
  --content <dir>      the content folder (default: $BAYEGAN_CONTENT_DIR, else ./content)
  --now <date-time>    the time of import, used when a page has no date, e.g. 2026-11-29T12:00:00+03:30
  --dry-run            read and check everything, say what would be written; write nothing
  -h, --help           show this message`;

const VALUE_FLAGS = ['--section', '--reporter', '--config', '--content', '--now'];

/**
 * Reads the command line (without `node` and the script).
 * @param {readonly string[]} argv
 * @returns {LegacyArgs}
 */
export function parseArgs(argv) {
  /** @type {LegacyArgs} */
  const args = { inputs: [], reporters: [], dryRun: false, help: false };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (arg === '--dry-run') {
      args.dryRun = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`unknown option "${arg}".`);
    /** @type {string | undefined} */
    let value;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      i++;
    }
    if (value.trim() === '') throw new UsageError(`${flag} needs a value.`);
    if (flag === '--section') {
      if (args.section !== undefined && args.section !== value.trim()) {
        throw new UsageError('give one --section; every page of a run goes to the same section.');
      }
      args.section = value.trim();
    } else if (flag === '--reporter') {
      for (const reporter of value.split(/[،,]/)) {
        const slug = reporter.trim();
        if (slug && !args.reporters.includes(slug)) args.reporters.push(slug);
      }
    } else if (flag === '--config') args.config = value;
    else if (flag === '--content') args.content = value;
    else args.now = value;
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// The site config

/** Defaults for WordPress-style news pages. */
export const DEFAULT_HTML = /** @type {const} */ ({
  title: [
    'h1.entry-title',
    '.entry-title',
    'article h1',
    'h1.post-title',
    'h1.news-title',
    'meta[property="og:title"]',
    'meta[name="twitter:title"]',
    'main h1',
    'h1',
    'title',
  ],
  body: [
    '.entry-content',
    '.post-content',
    '[itemprop="articleBody"]',
    '.article-body',
    '.article-content',
    '.news-body',
    '.news-text',
    '.story-body',
    'article',
    'main',
  ],
  date: [
    'time.published[datetime]',
    'time.entry-date[datetime]',
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    '[itemprop="datePublished"]',
    'time[datetime]',
    '.entry-date',
    '.posted-on',
    '.post-date',
    '.news-date',
    '.publish-date',
  ],
  lead: ['.lead', '.news-lead', '.entry-lead'],
  url: ['link[rel="canonical"]', 'meta[property="og:url"]'],
  remove: [
    'script',
    'style',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'form',
    'button',
    'select',
    'input',
    'textarea',
    'nav',
    'header',
    'footer',
    'aside',
    '[role="navigation"]',
    '[role="complementary"]',
    '.sharedaddy',
    '.jp-relatedposts',
    '.addtoany_share_save_container',
    '.share',
    '.sharing',
    '.social',
    '.social-share',
    '.related',
    '.related-posts',
    '.yarpp-related',
    '.comments',
    '#comments',
    '.comment-respond',
    '.navigation',
    '.post-navigation',
    '.nav-links',
    '.breadcrumb',
    '.breadcrumbs',
    '.tags',
    '.tags-links',
    '.cat-links',
    '.entry-meta',
    '.entry-footer',
    '.ad',
    '.ads',
    '.advert',
    '.advertisement',
    '.banner',
    '.widget',
    '.sidebar',
    '#sidebar',
    '.menu',
    '.screen-reader-text',
  ],
});

/** Words of a label, with a space, a ZWNJ or nothing between them (لینک کوتاه / لینک‌کوتاه). */
const J = '[\\s\\u200c]?';
/** Defaults for plain-text dumps, matched against a trimmed line with Persian letters. */
export const DEFAULT_TEXT = /** @type {const} */ ({
  chrome: [
    '^[×✕✖xX]$',
    `^(منوی${J}(بالا|اصلی|پایین|سایت)|دسترسی${J}سریع|اخبار${J}(سایت|ویژه|داغ)|صفحه${J}(اصلی|نخست)|خانه|تماس${J}با${J}ما|درباره${J}ما|آرشیو|جستجو|جست${J}و${J}جو|ورود|عضویت|ثبت${J}نام|خروج)$`,
    `^(اشتراک${J}گذاری|چاپ|نسخه${J}چاپی|ارسال${J}به${J}دوستان|لینک${J}کوتاه|کپی${J}لینک|بازگشت|بالای${J}صفحه)\\s*([:：].*)?$`,
    `^(کد${J}خبر|شناسه${J}خبر|تعداد${J}بازدید|بازدید|سرویس|گروه${J}خبری)\\s*[:：].*$`,
    `^[•·▪◦●*-]?\\s*(دیدگاه|نظر|پیام)${J}(ها|های|هایی)?\\s.*(منتشر|تایید|تأیید)\\s*(نخواهد|خواهد|می|نمی)`,
    `^(انتهای${J}پیام|انتهای${J}خبر|پایان${J}خبر)\\.?$`,
  ],
  stop: [
    `^(نظرات|دیدگاه${J}ها|دیدگاه${J}شما|ارسال${J}(نظر|دیدگاه)|اخبار${J}مرتبط|مطالب${J}مرتبط|خبرهای${J}مرتبط|برچسب${J}ها|کلمات${J}کلیدی|پربازدیدترین${J}ها|آخرین${J}اخبار)\\s*(\\(\\d+\\)|[:：].*)?$`,
  ],
  today: ['^امروز\\s*[:：]'],
  date: [`^(تاریخ${J}انتشار|زمان${J}انتشار|تاریخ${J}خبر|تاریخ|انتشار)\\s*[:：]`],
  title: [],
});

const CONFIG_KEYS = ['sourceName', 'html', 'text'];
const HTML_KEYS = ['title', 'body', 'date', 'lead', 'url', 'remove'];
const TEXT_KEYS = ['chrome', 'stop', 'today', 'date', 'title'];

/** A bad `--config` file: every problem, one a line, each naming the key. */
export class ConfigError extends Error {
  /**
   * @param {string[]} problems
   */
  constructor(problems) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/**
 * @param {string} source  a regular expression as written in a config
 * @returns {RegExp}
 */
function compilePattern(source) {
  return new RegExp(source, 'iu');
}

/** The default config: WordPress-style HTML and the usual chrome of Persian news dumps. */
export function defaultConfig() {
  return configFrom({});
}

/**
 * Reads a config file's text (JSON, or YAML for any other extension).
 * Selectors and patterns given are tried before the defaults; `remove` and `chrome` add to them.
 * @param {string} text
 * @param {string} fileName  for messages
 * @returns {LegacyConfig}
 * @throws {ConfigError}
 */
export function parseConfig(text, fileName) {
  /** @type {unknown} */
  let data;
  try {
    data = /\.json$/i.test(fileName) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = /** @type {Error} */ (error).message.split('\n')[0];
    throw new ConfigError([`${fileName}: is not valid ${/\.json$/i.test(fileName) ? 'JSON' : 'YAML'}: ${message}`]);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      `${fileName}: must be a mapping with the keys ${CONFIG_KEYS.join(', ')}, e.g. html: { body: ['.news-text'] }`,
    ]);
  }
  return configFrom(/** @type {Record<string, unknown>} */ (data), fileName);
}

/**
 * @param {Record<string, unknown>} data
 * @param {string} [fileName]
 * @returns {LegacyConfig}
 */
function configFrom(data, fileName = 'config') {
  /** @type {string[]} */
  const problems = [];
  const unknownKeys = (/** @type {Record<string, unknown>} */ object, /** @type {string[]} */ keys, prefix = '') => {
    for (const key of Object.keys(object)) {
      if (!keys.includes(key)) {
        problems.push(`${fileName}: ${prefix}${key}: is not a setting; use one of ${keys.join(', ')}`);
      }
    }
  };
  /**
   * @param {unknown} value
   * @param {string} where
   * @returns {string[]}
   */
  const stringList = (value, where) => {
    if (value === undefined || value === null) return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
      problems.push(`${fileName}: ${where}: must be a text or a list of texts, e.g. ${where.split('.').pop()}: ['…']`);
      return [];
    }
    return list.map((item) => String(item).trim());
  };
  /**
   * @param {unknown} value
   * @param {string} where
   * @returns {Record<string, unknown>}
   */
  const section = (value, where) => {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${fileName}: ${where}: must be a mapping, e.g. ${where}: { … }`);
      return {};
    }
    return /** @type {Record<string, unknown>} */ (value);
  };

  unknownKeys(data, CONFIG_KEYS);
  const html = section(data['html'], 'html');
  const text = section(data['text'], 'text');
  unknownKeys(html, HTML_KEYS, 'html.');
  unknownKeys(text, TEXT_KEYS, 'text.');

  /** @type {string | undefined} */
  let sourceName;
  if (data['sourceName'] !== undefined) {
    if (typeof data['sourceName'] !== 'string' || data['sourceName'].trim() === '') {
      problems.push(`${fileName}: sourceName: must be the old site's name as text, e.g. sourceName: 'خبرگزاری نمونه'`);
    } else sourceName = normalizePersianLetters(data['sourceName'].trim());
  }

  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  /** @type {Record<string, string[]>} */
  const selectors = {};
  for (const key of HTML_KEYS) {
    const given = stringList(html[key], `html.${key}`);
    for (const selector of given) {
      try {
        document.querySelector(selector);
      } catch (error) {
        problems.push(
          `${fileName}: html.${key}: "${selector}" is not a CSS selector (${/** @type {Error} */ (error).message}); write one like 'div.news-text'`,
        );
      }
    }
    const defaults = /** @type {readonly string[]} */ (DEFAULT_HTML[/** @type {keyof HtmlConfig} */ (key)]);
    selectors[key] = [...new Set([...given, ...defaults])];
  }
  /** @type {Record<string, RegExp[]>} */
  const patterns = {};
  for (const key of TEXT_KEYS) {
    const given = stringList(text[key], `text.${key}`);
    /** @type {RegExp[]} */
    const compiled = [];
    for (const source of [...given, ...DEFAULT_TEXT[/** @type {keyof TextConfig} */ (key)]]) {
      try {
        compiled.push(compilePattern(normalizePersianLetters(source)));
      } catch (error) {
        problems.push(
          `${fileName}: text.${key}: "${source}" is not a regular expression (${/** @type {Error} */ (error).message}); escape special characters with \\, e.g. '^کد خبر\\s*:'`,
        );
      }
    }
    patterns[key] = compiled;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const s = (/** @type {string} */ key) => selectors[key] ?? [];
  const p = (/** @type {string} */ key) => patterns[key] ?? [];
  return {
    sourceName,
    html: { title: s('title'), body: s('body'), date: s('date'), lead: s('lead'), url: s('url'), remove: s('remove') },
    text: { chrome: p('chrome'), stop: p('stop'), today: p('today'), date: p('date'), title: p('title') },
  };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/**
 * Persian letters for Arabic ones (ZWNJ kept), whitespace runs as one space, trimmed.
 * @param {string} text
 */
export function cleanText(text) {
  return normalizePersianLetters(text)
    .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A full stop, «؟» or «!» glued to the next word: «کردند.در». Two letters before it at least, so
 * abbreviations like «ج.ا.ا» stay as written.
 */
const GLUED_SENTENCE = new RegExp(`(${FA_LETTER}{2}[.!؟?])(?=${FA_LETTER})`, 'gu');

/**
 * Paragraphs from a line of a dump whose line breaks were lost: a new paragraph wherever a
 * sentence is glued to the next one.
 * @param {string} line
 * @returns {string[]}
 */
export function splitGluedSentences(line) {
  return line
    .replace(GLUED_SENTENCE, '$1\n')
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * A space wherever a sentence is glued to the next one (for HTML, whose paragraphs are intact).
 * @param {string} text
 */
export function spaceGluedSentences(text) {
  return text.replace(GLUED_SENTENCE, '$1 ');
}

/**
 * Text as Markdown that shows exactly that text: every character that could start markup is
 * escaped with a backslash (CommonMark allows this for any ASCII punctuation).
 * @param {string} text
 */
export function escapeMarkdownText(text) {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
}

/**
 * Escapes what would start a block at the beginning of a paragraph: `-`, `+`, `=`, `1.` (`#` and
 * `>` are escaped everywhere).
 * @param {string} md
 */
export function escapeLineStart(md) {
  return md.replace(/^([+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** @param {string} text */
function isHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The form of a source URL used to tell whether a page was imported before: no fragment, no
 * trailing slash, host in lower case, percent-encoding as the URL standard writes it.
 * @param {string} url
 */
export function normalizeSourceUrl(url) {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    const href = parsed.href;
    return parsed.pathname !== '/' && href.endsWith('/') && !parsed.search ? href.slice(0, -1) : href;
  } catch {
    return url.trim();
  }
}

/**
 * The reporter or agency of a «به گزارش …،» opening.
 * @param {string} text  the first paragraph
 * @returns {{ phrase: string; agency: string | undefined } | undefined}
 *   phrase: what follows «به گزارش» (e.g. «خبرنگار ایرنا»); agency: the publisher in it, if named
 */
export function attributionOf(text) {
  const match = /^\s*به\s+گزارش\s+([^،,.:؛\n]{2,80}?)\s*[،,:]/u.exec(cleanText(text));
  if (!match) return undefined;
  const phrase = cleanText(match[1] ?? '');
  const agency = phrase
    .replace(/\s+(به\s+نقل\s+از|از|در)\s+.*$/u, '')
    .replace(
      /^(خبرنگار(ان)?|گزارشگر|گروه|سرویس)(\s+(گروه|سرویس))?(\s+(سیاسی|اقتصادی|اجتماعی|فرهنگی|ورزشی|بین‌الملل|بین\s?الملل|علمی|استانی|خبری))?\s+/u,
      '',
    )
    .trim();
  return { phrase, agency: agency && !/^(ما|این\s+پایگاه|این\s+سایت)$/u.test(agency) ? agency : undefined };
}

/** The «به گزارش …،» opening, removed from a lead. */
const ATTRIBUTION_PREFIX = /^\s*به\s+گزارش\s+[^،,.:؛\n]{2,80}?\s*[،,:]\s*/u;

/**
 * The lead: the first sentence(s) of the first paragraph, at most `max` characters, without the
 * «به گزارش …،» opening; a first sentence longer than that is cut at a word and ends with «…».
 * @param {readonly Block[]} blocks
 * @param {number} [max]
 * @returns {string}
 */
export function leadFrom(blocks, max = 300) {
  for (const block of blocks) {
    if (block.kind !== 'p') continue;
    const text = block.text.replace(ATTRIBUTION_PREFIX, '').trim();
    if (text.length < 10) continue;
    const sentences = text.match(/[^.!؟?]+(?:[.!؟?]+|$)/gu) ?? [text];
    let lead = '';
    for (const sentence of sentences) {
      const next = `${lead}${lead ? ' ' : ''}${sentence.trim()}`;
      if (next.length > max) break;
      lead = next;
    }
    if (lead) return lead;
    const cut = text.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s،,؛:]+$/u, '')}…`;
  }
  return '';
}

/**
 * A hash of what a page says (title and story), to recognise it when it has no URL.
 * @param {string} title
 * @param {readonly Block[]} blocks
 */
export function contentHash(title, blocks) {
  const text = [title, ...blocks.map((block) => block.text)].map((part) => cleanText(part)).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = [...JALALI_MONTH_NAMES, 'امرداد'];
const MONTH_NAME_DATE = new RegExp(
  `(\\d{1,2})\\s*(?:ام|م)?\\s*[,،]?\\s*(${MONTHS.join('|')})(?:${J}ماه)?\\s*[,،]?\\s*(\\d{4})`,
  'u',
);
const NUMERIC_DATE = /(?<!\d)(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?!\d)/u;
const NUMERIC_DATE_DAY_FIRST = /(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)/u;
const ISO_DATE_TIME = /(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?/u;
const CLOCK = /(?<![\d/])(\d{1,2}):(\d{2})(?::\d{2})?(?![\d/])/u;

/**
 * A date as old Persian news sites write it, read as Tehran time: `1403/09/03 14:30`,
 * `۱۴۰۳-۰۹-۰۳`, `03/09/1403`, «شنبه ۳ آذر ۱۴۰۳ - ۱۴:۳۰», «۳ آذرماه ۱۴۰۳ ساعت ۹:۰۵ ب.ظ», or ISO
 * 8601 (`2024-11-23T14:30:00+03:30`; without an offset it is read as Tehran time, with a note).
 * @param {string} raw
 * @returns {{ value: TehranDateTime; note?: string } | undefined}
 */
export function parseLegacyDate(raw) {
  const text = toAsciiDigits(normalizePersianLetters(raw)).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;

  const iso = ISO_DATE_TIME.exec(text);
  if (iso && Number(iso[1]?.slice(0, 4)) >= 1600) {
    if (iso[3]) {
      const date = new Date(`${iso[1]}T${iso[2]}${iso[3]}`);
      if (Number.isNaN(date.getTime())) return undefined;
      return { value: tehranJalaliNow(date) };
    }
    // No offset: take the clock time as Tehran's.
    const date = new Date(`${iso[1]}T${iso[2]}Z`);
    if (Number.isNaN(date.getTime())) return undefined;
    const wall = tehranJalaliNow(new Date(date.getTime() - 3.5 * 3600_000));
    return {
      value: withClock(wall, date.getUTCHours(), date.getUTCMinutes()),
      note: `the page's date "${raw.trim()}" has no time zone; it was read as Tehran time — check it`,
    };
  }

  /** @type {{ year: number; month: number; day: number; rest: string } | undefined} */
  let found;
  const named = MONTH_NAME_DATE.exec(text);
  if (named) {
    found = {
      year: Number(named[3]),
      month: (named[2] === 'امرداد' ? 5 : MONTHS.indexOf(/** @type {string} */ (named[2]))) + 1,
      day: Number(named[1]),
      rest: text.replace(named[0], ' '),
    };
  } else {
    const numeric = NUMERIC_DATE.exec(text);
    const dayFirst = numeric ? undefined : NUMERIC_DATE_DAY_FIRST.exec(text);
    if (numeric) {
      found = {
        year: Number(numeric[1]),
        month: Number(numeric[2]),
        day: Number(numeric[3]),
        rest: text.replace(numeric[0], ' '),
      };
    } else if (dayFirst) {
      found = {
        year: Number(dayFirst[3]),
        month: Number(dayFirst[2]),
        day: Number(dayFirst[1]),
        rest: text.replace(dayFirst[0], ' '),
      };
    }
  }
  if (!found) return undefined;

  let hour = 0;
  let minute = 0;
  const clock = CLOCK.exec(found.rest);
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    if (/ب\.?\s?ظ|بعد\s*از\s*ظهر|عصر|شب|\bpm\b/iu.test(found.rest) && hour < 12) hour += 12;
    if (/ق\.?\s?ظ|قبل\s*از\s*ظهر|\bam\b/iu.test(found.rest) && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return undefined;
  }

  const { year, month, day } = found;
  if (year >= 1600 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    // A Gregorian date without a zone: the calendar day and clock time in Tehran.
    const utc = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (utc.getUTCDate() !== day) return undefined;
    const wall = tehranJalaliNow(new Date(utc.getTime() - 3.5 * 3600_000));
    return { value: withClock(wall, hour, minute) };
  }
  if (year < 1250 || year > 1500 || !isValidJalaliDate(year, month, day)) return undefined;
  return { value: { year, month, day, hour, minute } };
}

/**
 * `date` with its clock set to `hour:minute` (the calendar day is kept).
 * @param {TehranDateTime} date
 * @param {number} hour
 * @param {number} minute
 * @returns {TehranDateTime}
 */
function withClock(date, hour, minute) {
  return { year: date.year, month: date.month, day: date.day, hour, minute };
}

// ---------------------------------------------------------------------------------------------
// HTML

const SANITIZE_OPTIONS = /** @type {import('sanitize-html').IOptions} */ ({
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'span',
    'div',
    'section',
    'article',
    'main',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'sup',
    'sub',
    'small',
    'mark',
    'cite',
    'q',
    'abbr',
    'code',
    'pre',
    'font',
    'center',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'button',
    'select',
    'head',
    'title',
  ],
});

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'figure',
  'figcaption',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'center',
]);

/**
 * @typedef {object} HtmlNode  The part of linkedom's DOM that is read here.
 * @property {number} nodeType
 * @property {string} [nodeName]
 * @property {string | null} textContent
 * @property {HtmlNode[]} childNodes
 * @property {(name: string) => string | null} [getAttribute]
 */

/**
 * @param {HtmlNode} node
 * @returns {string}
 */
const tagOf = (node) => (node.nodeType === 1 ? String(node.nodeName).toLowerCase() : '');

/**
 * Converts sanitised HTML into escaped Markdown blocks.
 */
class MarkdownWriter {
  /**
   * @param {string | undefined} baseUrl  the page's URL, to resolve relative links
   */
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    /** @type {Block[]} */
    this.blocks = [];
    /** @type {string[]} */
    this.images = [];
    this.tables = 0;
    this.droppedLinks = 0;
    this.md = '';
    this.text = '';
    this.quote = 0;
  }

  /**
   * Ends the paragraph being written.
   * @param {Block['kind']} [kind]
   */
  flush(kind = 'p') {
    const text = spaceGluedSentences(this.text.replace(/\s+/g, ' ').trim());
    const md = escapeLineStart(spaceGluedSentences(this.md.replace(/\s+/g, ' ').trim()));
    this.md = '';
    this.text = '';
    if (!text) return;
    /** @type {Block} */
    const block = { kind, text, md };
    if (this.quote > 0) block.quote = true;
    this.blocks.push(block);
  }

  /**
   * @param {HtmlNode} node
   */
  block(node) {
    for (const child of node.childNodes) {
      const tag = tagOf(child);
      if (child.nodeType === 3) this.inline(child);
      else if (child.nodeType !== 1) continue;
      else if (tag === 'br' || tag === 'hr') this.flush();
      else if (/^h[1-6]$/.test(tag)) {
        this.flush();
        this.inlineChildren(child);
        this.flush(tag === 'h1' || tag === 'h2' ? 'h2' : 'h3');
      } else if (tag === 'ul' || tag === 'ol') {
        this.flush();
        this.list(child, tag === 'ol');
      } else if (tag === 'blockquote') {
        this.flush();
        this.quote++;
        this.block(child);
        this.flush();
        this.quote--;
      } else if (tag === 'table') {
        this.flush();
        this.table(child);
      } else if (tag === 'figure' && this.findImages(child)) {
        this.flush();
        const caption = cleanText(child.textContent ?? '');
        if (caption) this.images[this.images.length - 1] += ` («${caption}»)`;
      } else if (tag === 'img') this.image(child);
      else if (BLOCK_TAGS.has(tag)) {
        this.flush();
        this.block(child);
        this.flush();
      } else this.inline(child);
    }
  }

  /**
   * @param {HtmlNode} node
   * @returns {boolean} whether there was one
   */
  findImages(node) {
    let found = false;
    const visit = (/** @type {HtmlNode} */ current) => {
      for (const child of current.childNodes) {
        if (tagOf(child) === 'img') {
          this.image(child);
          found = true;
        } else visit(child);
      }
    };
    visit(node);
    return found;
  }

  /**
   * @param {HtmlNode} node
   */
  image(node) {
    const src = node.getAttribute?.('src') ?? '';
    const url = this.resolve(src);
    this.images.push(url ?? (src || '(no address)'));
  }

  /**
   * @param {HtmlNode} list
   * @param {boolean} ordered
   */
  list(list, ordered) {
    for (const item of list.childNodes) {
      if (tagOf(item) !== 'li') {
        if (item.nodeType === 1) {
          this.inlineChildren(item);
          this.flush(ordered ? 'oli' : 'li');
        }
        continue;
      }
      /** @type {HtmlNode[]} */
      const nested = [];
      for (const child of item.childNodes) {
        const tag = tagOf(child);
        if (tag === 'ul' || tag === 'ol') nested.push(child);
        else if (BLOCK_TAGS.has(tag)) {
          this.inlineChildren(child);
          this.space();
        } else this.inline(child);
      }
      this.flush(ordered ? 'oli' : 'li');
      for (const child of nested) this.list(child, tagOf(child) === 'ol');
    }
  }

  /**
   * @param {HtmlNode} table
   */
  table(table) {
    this.tables++;
    const visit = (/** @type {HtmlNode} */ node) => {
      for (const child of node.childNodes) {
        const tag = tagOf(child);
        if (tag === 'tr') {
          const cells = child.childNodes.filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th');
          cells.forEach((cell, index) => {
            if (index > 0) {
              this.md += ' — ';
              this.text += ' — ';
            }
            this.inlineChildren(cell);
          });
          this.flush();
        } else if (tag === 'caption') {
          this.inlineChildren(child);
          this.flush();
        } else if (child.nodeType === 1) visit(child);
      }
    };
    visit(table);
  }

  space() {
    this.md += ' ';
    this.text += ' ';
  }

  /**
   * @param {HtmlNode} node
   */
  inlineChildren(node) {
    for (const child of node.childNodes) {
      if (BLOCK_TAGS.has(tagOf(child)) || tagOf(child) === 'br') {
        this.space();
        this.inlineChildren(child);
        this.space();
      } else this.inline(child);
    }
  }

  /**
   * @param {HtmlNode} node
   */
  inline(node) {
    if (node.nodeType === 3) {
      const text = cleanTextKeepEdges(node.textContent ?? '');
      this.md += escapeMarkdownText(text);
      this.text += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (tag === 'img') return this.image(node);
    if (tag === 'br') return this.space();
    const wrap = tag === 'strong' || tag === 'b' ? '**' : tag === 'em' || tag === 'i' ? '*' : '';
    const isLink = tag === 'a';
    if (!wrap && !isLink) return this.inlineChildren(node);

    const outer = { md: this.md, text: this.text };
    this.md = '';
    this.text = '';
    this.inlineChildren(node);
    const inner = { md: this.md, text: this.text };
    this.md = outer.md;
    this.text = outer.text;
    const lead = /^\s/.test(inner.md) ? ' ' : '';
    const trail = /\s$/.test(inner.md) ? ' ' : '';
    const md = inner.md.trim();
    this.text += inner.text;
    if (!md) {
      this.md += lead || trail;
      return;
    }
    if (isLink) {
      const href = this.resolve(node.getAttribute?.('href') ?? '');
      if (href) this.md += `${lead}[${md}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)${trail}`;
      else {
        if (node.getAttribute?.('href')) this.droppedLinks++;
        this.md += `${lead}${md}${trail}`;
      }
      return;
    }
    this.md += `${lead}${wrap}${md}${wrap}${trail}`;
  }

  /**
   * An absolute http(s) URL, or undefined.
   * @param {string} href
   * @returns {string | undefined}
   */
  resolve(href) {
    const trimmed = href.trim();
    if (!trimmed || trimmed.startsWith('#')) return undefined;
    try {
      const url = this.baseUrl ? new URL(trimmed, this.baseUrl) : new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Like cleanText, but a space at either end stays (one), so inline pieces keep their spacing.
 * @param {string} text
 */
function cleanTextKeepEdges(text) {
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) ? ' ' : '';
  const clean = cleanText(text);
  return clean ? `${lead}${clean}${trail}` : lead || trail;
}

/**
 * Markdown blocks of a piece of HTML, sanitised first.
 * @param {string} html
 * @param {string | undefined} baseUrl
 * @returns {{ blocks: Block[]; notes: string[] }}
 */
export function htmlToBlocks(html, baseUrl) {
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  const writer = new MarkdownWriter(baseUrl);
  writer.block(/** @type {HtmlNode} */ (/** @type {unknown} */ (document.body)));
  writer.flush();
  /** @type {string[]} */
  const notes = [];
  if (writer.images.length > 0) {
    notes.push(
      `left out ${writer.images.length === 1 ? 'an image' : `${writer.images.length} images`} (add by hand if wanted): ${writer.images.join(', ')}`,
    );
  }
  if (writer.tables > 0) notes.push(`a table became paragraphs, one a row — check it`);
  if (writer.droppedLinks > 0) {
    notes.push(`${writer.droppedLinks} link(s) without a full http(s) address kept as plain text`);
  }
  return { blocks: writer.blocks, notes };
}

/**
 * @typedef {object} DomElement  The part of a linkedom element used here.
 * @property {string} tagName
 * @property {string | null} textContent
 * @property {string} innerHTML
 * @property {(name: string) => string | null} getAttribute
 * @property {(name: string, value: string) => void} setAttribute
 * @property {(selector: string) => DomElement | null} querySelector
 * @property {(selector: string) => Iterable<DomElement>} querySelectorAll
 * @property {(selector: string) => DomElement | null} closest
 * @property {(deep: boolean) => DomElement} cloneNode
 * @property {() => void} remove
 */

/**
 * The text an element stands for: a meta's content, a time's datetime, else its text.
 * @param {DomElement} element
 */
function valueOf(element) {
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return element.getAttribute('content') ?? '';
  if (tag === 'link') return element.getAttribute('href') ?? '';
  return element.textContent ?? '';
}

const DROP_MARK = 'data-bayegan-legacy-drop';

/**
 * Reads a saved HTML page.
 * @param {string} html
 * @param {LegacyConfig} config
 * @returns {Extracted | Skipped}
 */
export function extractFromHtml(html, config) {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped);
  const root = /** @type {DomElement} */ (/** @type {unknown} */ (document.documentElement));
  const first = (/** @type {readonly string[]} */ selectors, /** @type {(e: DomElement) => boolean} */ ok) => {
    for (const selector of selectors) {
      for (const element of root.querySelectorAll(selector)) if (ok(element)) return { element, selector };
    }
    return undefined;
  };
  /** @type {string[]} */
  const notes = [];

  const siteNameElement = root.querySelector('meta[property="og:site_name"]');
  const siteName = siteNameElement ? cleanText(valueOf(siteNameElement)) || undefined : undefined;

  const urlOf = (/** @type {DomElement} */ e) =>
    (e.getAttribute('href') ?? e.getAttribute('content') ?? e.getAttribute('value') ?? e.textContent ?? '').trim();
  const urlFound = first(config.html.url, (e) => isHttpUrl(urlOf(e)));
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const url = urlFound ? urlOf(urlFound.element) : savedFrom && isHttpUrl(savedFrom) ? savedFrom : undefined;

  const titleFound = first(
    config.html.title,
    (e) => cleanText(valueOf(e)).length > 0 && !e.closest('nav, [role="navigation"]'),
  );
  let title = titleFound ? cleanText(valueOf(titleFound.element)) : '';
  if (titleFound && ['title', 'meta'].includes(titleFound.element.tagName.toLowerCase())) {
    title = withoutSiteName(title, siteName);
  }
  if (titleFound) titleFound.element.setAttribute(DROP_MARK, '');

  /** @type {FoundDate | undefined} */
  let date;
  for (const selector of config.html.date) {
    for (const element of root.querySelectorAll(selector)) {
      const raw = element.getAttribute('datetime') ?? valueOf(element);
      const parsed = parseLegacyDate(raw);
      if (!parsed) continue;
      date = { value: parsed.value, from: 'page' };
      if (parsed.note) date.note = parsed.note;
      element.setAttribute(DROP_MARK, '');
      break;
    }
    if (date) break;
  }

  const leadFound = first(config.html.lead, (e) => cleanText(e.textContent ?? '').length > 0);
  const lead = leadFound ? cleanText(leadFound.element.textContent ?? '') : undefined;
  if (leadFound) leadFound.element.setAttribute(DROP_MARK, '');

  // The story: the first body selector that still has text once chrome is removed.
  /** @type {{ blocks: Block[]; notes: string[]; selector: string } | undefined} */
  let body;
  for (const selector of config.html.body) {
    const element = root.querySelector(selector);
    if (!element) continue;
    const clone = element.cloneNode(true);
    for (const remove of [`[${DROP_MARK}]`, ...config.html.remove]) {
      for (const junk of [...clone.querySelectorAll(remove)]) junk.remove();
    }
    const converted = htmlToBlocks(clone.innerHTML, url);
    if (converted.blocks.length > 0) {
      body = { ...converted, selector };
      break;
    }
  }

  // A "today" line in the page's chrome is the day it was saved: a date of last resort.
  if (!date) {
    const lines = (root.querySelector('body')?.textContent ?? '').split(/\n/).map(cleanText);
    for (const line of lines) {
      const today = todayDate(line, config);
      if (today) {
        date = today;
        break;
      }
    }
  }

  if (!title) {
    return {
      skip: `no title found (tried ${describeSelectors(config.html.title)}); name the headline's element with html.title in a --config file`,
    };
  }
  if (!body) {
    return {
      skip: `no story text found (tried ${describeSelectors(config.html.body)}); name the story's element with html.body in a --config file`,
    };
  }
  const { blocks, sourceLine } = withoutBoilerplate(body.blocks, config);
  if (blocks.length === 0) return { skip: `the story (${body.selector}) has nothing but boilerplate` };
  notes.push(...body.notes);
  return { title, blocks, lead, date, url, siteName, sourceLine, notes };
}

/**
 * @param {readonly string[]} selectors
 */
function describeSelectors(selectors) {
  return selectors.length > 6 ? `${selectors.slice(0, 6).join(', ')}, …` : selectors.join(', ');
}

/**
 * A `<title>` or og:title without the site's name: «خبر | سایت» → «خبر».
 * @param {string} title
 * @param {string | undefined} siteName
 */
function withoutSiteName(title, siteName) {
  const parts = title.split(/\s+[|\-–—»«:]\s+/u).map((part) => part.trim());
  if (parts.length < 2) return title;
  const rest = siteName ? parts.filter((part) => part !== siteName) : parts;
  return rest.reduce((longest, part) => (part.length > longest.length ? part : longest), '') || title;
}

/**
 * The date in a "today" line, if `line` is one.
 * @param {string} line
 * @param {LegacyConfig} config
 * @returns {FoundDate | undefined}
 */
function todayDate(line, config) {
  for (const pattern of config.text.today) {
    const match = pattern.exec(line);
    if (!match) continue;
    const parsed = parseLegacyDate(line.slice(match.index + match[0].length));
    if (parsed) return { value: parsed.value, from: 'today' };
  }
  return undefined;
}

/**
 * Paragraphs that are site boilerplate («انتهای پیام», «کد خبر: …») removed; a «منبع: …» line is
 * taken out and returned.
 * @param {readonly Block[]} blocks
 * @param {LegacyConfig} config
 * @returns {{ blocks: Block[]; sourceLine: string | undefined }}
 */
function withoutBoilerplate(blocks, config) {
  /** @type {string | undefined} */
  let sourceLine;
  const kept = blocks.filter((block) => {
    const source = /^منبع\s*[:：]\s*(.{2,80})$/u.exec(block.text);
    if (source && !isHttpUrl((source[1] ?? '').trim())) {
      sourceLine ??= cleanText(source[1] ?? '').replace(/[.،]$/u, '');
      return false;
    }
    return !config.text.chrome.some((pattern) => pattern.test(block.text)) || block.text.length > 200;
  });
  return { blocks: kept, sourceLine };
}

// ---------------------------------------------------------------------------------------------
// Plain-text dumps

/**
 * A line of prose rather than a menu item or a headline.
 * @param {string} line
 */
const isProse = (line) => line.length >= 120 || (line.length >= 30 && /[.!؟?](\s|$)/u.test(line));

const BULLET = /^[•·▪◦●*-]\s+/u;
const URL_LINE = /^(?:(?:لینک|آدرس|نشانی|منبع|url|link|source)[^:：]{0,20}[:：]\s*)?(https?:\/\/\S+)$/iu;

/**
 * Reads a plain-text dump of a page: site chrome (menus, the "today" line, comment rules) around
 * a headline and the story.
 * @param {string} raw
 * @param {LegacyConfig} config
 * @returns {Extracted | Skipped}
 */
export function extractFromText(raw, config) {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(cleanText);
  /** @type {string[]} */
  const notes = [];
  /** @type {FoundDate | undefined} */
  let date;
  /** @type {FoundDate | undefined} */
  let today;
  /** @type {string | undefined} */
  let url;
  /** @type {string | undefined} */
  let sourceLine;
  /** @type {string | undefined} */
  let title;
  /** @type {string[]} content lines, in order */
  const content = [];
  let storyBegun = false;

  for (const line of lines) {
    if (!line) continue;
    const todayFound = todayDate(line, config);
    if (todayFound) {
      today ??= todayFound;
      continue;
    }
    if (config.text.today.some((pattern) => pattern.test(line))) continue;
    const dateLine = config.text.date.find((pattern) => pattern.test(line));
    if (dateLine) {
      const parsed = parseLegacyDate(line);
      if (parsed && !date) {
        date = { value: parsed.value, from: 'page' };
        if (parsed.note) date.note = parsed.note;
      }
      continue;
    }
    const urlMatch = URL_LINE.exec(line);
    if (urlMatch) {
      if (!url && isHttpUrl(urlMatch[1] ?? '')) url = urlMatch[1];
      continue;
    }
    const source = /^منبع\s*[:：]\s*(.{2,80})$/u.exec(line);
    if (source) {
      sourceLine ??= cleanText(source[1] ?? '').replace(/[.،]$/u, '');
      continue;
    }
    if (storyBegun && config.text.stop.some((pattern) => pattern.test(line))) break;
    const titleMatch = config.text.title.map((pattern) => pattern.exec(line)).find((match) => match);
    if (titleMatch && !title) {
      title = cleanText(titleMatch[1] ?? line.slice(titleMatch.index + titleMatch[0].length)) || line;
      continue;
    }
    if (config.text.chrome.some((pattern) => pattern.test(line)) && line.length <= 200) continue;
    if (!storyBegun && config.text.stop.some((pattern) => pattern.test(line))) continue;
    // A line that is only a date (with a weekday or a time) is the page's date line.
    const onlyDate = line.length <= 60 && isDateLine(line) ? parseLegacyDate(line) : undefined;
    if (onlyDate) {
      if (!date) {
        date = { value: onlyDate.value, from: 'page' };
        if (onlyDate.note) date.note = onlyDate.note;
      }
      continue;
    }
    if (isProse(line)) storyBegun = true;
    content.push(line);
  }

  const firstProse = content.findIndex(isProse);
  if (firstProse < 0) return { skip: 'no paragraph of story text found (no line of prose after the chrome)' };
  if (!title) {
    const candidate = content[firstProse - 1];
    if (candidate === undefined || candidate.length > 200) {
      return {
        skip: 'no headline found: no short line before the first paragraph; give text.title in a --config file',
      };
    }
    title = candidate;
    const skipped = content.slice(0, firstProse - 1);
    if (skipped.length > 0) notes.push(`left out ${skipped.length} line(s) before the headline: ${quoted(skipped)}`);
  } else if (firstProse > 0) {
    notes.push(`left out ${firstProse} line(s) before the story: ${quoted(content.slice(0, firstProse))}`);
  }

  let storyLines = content.slice(firstProse);
  let last = storyLines.length - 1;
  while (last > 0 && !isProse(storyLines[last] ?? '')) last--;
  const trailing = storyLines.slice(last + 1);
  if (trailing.length > 0) notes.push(`left out ${trailing.length} short line(s) after the story: ${quoted(trailing)}`);
  storyLines = storyLines.slice(0, last + 1);

  /** @type {Block[]} */
  const blocks = [];
  let glued = 0;
  for (const line of storyLines) {
    if (BULLET.test(line)) {
      const text = line.replace(BULLET, '');
      blocks.push({ kind: 'li', text, md: escapeMarkdownText(text) });
      continue;
    }
    const paragraphs = splitGluedSentences(line);
    glued += paragraphs.length - 1;
    for (const text of paragraphs) blocks.push({ kind: 'p', text, md: escapeLineStart(escapeMarkdownText(text)) });
  }
  if (glued > 0) {
    notes.push(
      `split ${glued === 1 ? 'one place' : `${glued} places`} where a sentence was glued to the next («کردند.در») into paragraphs — check the breaks`,
    );
  }
  const kept = withoutBoilerplate(blocks, config);
  sourceLine ??= kept.sourceLine;
  if (!date && today) date = today;
  return { title, blocks: kept.blocks, lead: undefined, date, url, siteName: undefined, sourceLine, notes };
}

/** Words that go with a date: weekdays, «ساعت», «تاریخ», «انتشار», «ق.ظ» … */
const DATE_WORDS = new RegExp(
  `((یک|دو|سه|چهار|پنج)${J})?شنبه|جمعه|ساعت|تاریخ|انتشار|منتشر${J}شده|بروزرسانی|به${J}روز${J}رسانی|روز|ماه|ق\\.?${J}ظ|ب\\.?${J}ظ|${MONTHS.join('|')}`,
  'gu',
);

/**
 * Whether a line says nothing but a date (and its weekday, time and label).
 * @param {string} line
 */
function isDateLine(line) {
  return line.replace(DATE_WORDS, '').replace(/[^\p{L}]+/gu, '').length <= 3;
}

/**
 * @param {readonly string[]} lines
 */
function quoted(lines) {
  const shown = lines.slice(0, 5).map((line) => `«${line.length > 40 ? `${line.slice(0, 40)}…` : line}»`);
  return `${shown.join(', ')}${lines.length > 5 ? ', …' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Text from a page's bytes (src/lib/content/encoding.ts tells the encodings apart): by its
 * byte-order mark; UTF-8 when the bytes are valid UTF-8; UTF-16 by its NUL bytes; else the encoding
 * the page declares (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding?>`),
 * unless the declaration is plainly wrong: UTF-8 or UTF-16 that the bytes are not, or a Latin one
 * (`iso-8859-1`, `windows-1252`, the old default) when the bytes read as Persian in Windows-1256;
 * else Windows-1256, the usual encoding of old Persian sites.
 * @param {Uint8Array} bytes
 * @returns {{ text: string; encoding: string; declared?: string } | undefined}  undefined for a
 *   binary file; `declared`: the encoding the page declares, when that was wrong
 */
export function decodeBytes(bytes) {
  const detected = detectEncoding(bytes);
  if (detected === 'utf-8' || detected === 'utf-16le' || detected === 'utf-16be') {
    return { text: decodeAs(bytes, detected).replace(/^\uFEFF/, ''), encoding: detected };
  }
  if (bytes.includes(0)) return undefined;
  const declared = declaredEncoding(bytes);
  const wrong =
    declared === undefined ||
    declared === 'utf-8' ||
    declared.startsWith('utf-16') ||
    (declared === 'windows-1252' && detected === 'windows-1256');
  const encoding = wrong ? 'windows-1256' : declared;
  return { text: new TextDecoder(encoding).decode(bytes), encoding, ...(wrong && declared ? { declared } : {}) };
}

/**
 * Whether a file is read as HTML: by its extension, else by its first tag.
 * @param {string} fileName
 * @param {string} text
 * @returns {'html' | 'text'}
 */
export function kindOf(fileName, text) {
  if (/\.x?html?$/i.test(fileName)) return 'html';
  if (/\.txt$/i.test(fileName)) return 'text';
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i.test(text) ? 'html' : 'text';
}

// ---------------------------------------------------------------------------------------------
// Existing articles and the new one

export const IMPORT_MARK = '# legacy-import:';

/**
 * The source URLs and content hashes of articles already in the archive.
 * @param {Iterable<{ file: string; frontmatter: string }>} articles
 * @returns {{ urls: Map<string, string>; hashes: Map<string, string> }}  → the file
 */
export function knownImports(articles) {
  /** @type {Map<string, string>} */
  const urls = new Map();
  /** @type {Map<string, string>} */
  const hashes = new Map();
  for (const { file, frontmatter } of articles) {
    const hash = /^# legacy-import:.*\bsha256:([0-9a-f]{16,64})/m.exec(frontmatter)?.[1];
    if (hash && !hashes.has(hash)) hashes.set(hash, file);
    /** @type {unknown} */
    let data;
    try {
      data = parseYaml(frontmatter);
    } catch {
      continue;
    }
    if (!data || typeof data !== 'object' || !('source' in data)) continue;
    const source = data.source;
    const url = source && typeof source === 'object' && 'url' in source ? source.url : undefined;
    if (typeof url === 'string' && url.trim() && !urls.has(normalizeSourceUrl(url))) {
      urls.set(normalizeSourceUrl(url), file);
    }
  }
  return { urls, hashes };
}

/**
 * @typedef {object} PlannedArticle
 * @property {string} title
 * @property {string} lead
 * @property {TehranDateTime} date
 * @property {FoundDate['from']} dateFrom
 * @property {string} slug
 * @property {Source | undefined} source
 * @property {string | undefined} attribution  the «به گزارش …» phrase
 * @property {string} hash
 * @property {string} body  Markdown
 * @property {string[]} notes  for the report and the draft's frontmatter
 * @property {AppliedCorrection[]} corrections  the safe typography corrections made, for the report
 */

/**
 * @typedef {object} AppliedCorrection  One safe typography correction made to the draft.
 * @property {'title' | 'lead' | 'body'} field
 * @property {import('../../src/lib/persian/typography.ts').TypographyRule} rule
 * @property {string} before
 * @property {string} after
 */

/**
 * Everything about the article a page becomes, except its id and path.
 * @param {Extracted} page
 * @param {{ now: Date; sourceName?: string | undefined }} options
 * @returns {PlannedArticle}
 */
export function planArticle(page, { now, sourceName }) {
  const notes = [...page.notes];
  // The safe corrections of `npm run check:content -- --fix --write`, each listed in the report;
  // a suggestion is never applied: it becomes a note for the editor.
  /** @type {AppliedCorrection[]} */
  const corrections = [];
  /**
   * @param {'title' | 'lead' | 'body'} field
   * @param {readonly Omit<import('../../src/lib/persian/typography.ts').TypographyFinding, 'line' | 'field'>[]} findings
   */
  const sort = (field, findings) => {
    for (const { rule, safety, before, after } of findings) {
      if (safety === 'safe') corrections.push({ field, rule, before, after });
      else
        notes.push(
          `typography suggestion in the ${field === 'body' ? 'story' : field} [${rule}], not applied: «${before}» → «${after}»`,
        );
    }
  };
  const fix = (/** @type {'title' | 'lead'} */ field, /** @type {string} */ text) => {
    const result = fixPersianProse(text);
    sort(field, result.findings);
    return result.fixed;
  };
  const title = fix('title', cleanText(page.title));
  let lead = fix('lead', page.lead ? cleanText(page.lead) : leadFrom(page.blocks));
  if (!lead) {
    lead = title;
    notes.push('the story gives no lead sentence; the headline stands in as the lead — write one');
  }

  /** @type {TehranDateTime} */
  let date;
  /** @type {FoundDate['from']} */
  let dateFrom;
  if (page.date) {
    date = page.date.value;
    dateFrom = page.date.from;
    if (page.date.note) notes.push(page.date.note);
    if (dateFrom === 'today') {
      notes.push(`date taken from the page's 'today' line (the day it was saved, not published) — check it`);
    }
  } else {
    date = tehranJalaliNow(now);
    dateFrom = 'now';
    notes.push('the page gives no date: the time of import was used — set the real date');
  }
  const dateText = formatJalaliDateTime(date);
  if (parseArticleDate(dateText).getTime() > now.getTime()) {
    notes.push(`the date ${dateText} is after the time of import, so the article would be scheduled — check it`);
  }

  const attribution = page.blocks[0] ? attributionOf(page.blocks[0].text) : undefined;
  /** @type {string | undefined} */
  let name = sourceName ?? page.sourceLine ?? attribution?.agency ?? page.siteName;
  if (!name && page.url) name = new URL(page.url).hostname.replace(/^www\./, '');
  /** @type {Source | undefined} */
  let source;
  if (name) {
    source = { name: cleanText(name) };
    if (page.url) source.url = page.url;
  }

  const typography = lintArticleTypography(blocksToMarkdown(page.blocks));
  const body = typography.fixed;
  sort('body', typography.findings);
  if (corrections.length > 0) {
    notes.push(
      `corrected ${corrections.length} typographic slips (نیم‌فاصله, Persian letters, punctuation and digits; listed in the import report), as npm run check:content -- --fix --write would`,
    );
  }

  const maxSlug = 80;
  let slug = slugFromTitle(title);
  if (slug.length > maxSlug)
    slug = slug.slice(0, slug.lastIndexOf('-', maxSlug) > 20 ? slug.lastIndexOf('-', maxSlug) : maxSlug);
  slug = slug.replace(/-+$/, '') || `legacy-${contentHash(title, page.blocks).slice(0, 8)}`;

  return {
    title,
    lead,
    date,
    dateFrom,
    slug,
    source,
    attribution: attribution?.phrase,
    hash: contentHash(title, page.blocks),
    body,
    notes,
    corrections,
  };
}

/**
 * The story as Markdown: blank lines between paragraphs, lists kept together.
 * @param {readonly Block[]} blocks
 */
export function blocksToMarkdown(blocks) {
  /** @type {string[]} */
  const out = [];
  let number = 0;
  /** @type {Block | undefined} */
  let previous;
  for (const block of blocks) {
    if (block.kind !== 'oli') number = 0;
    let line =
      block.kind === 'h2'
        ? `## ${block.md}`
        : block.kind === 'h3'
          ? `### ${block.md}`
          : block.kind === 'li'
            ? `- ${block.md}`
            : block.kind === 'oli'
              ? `${++number}. ${block.md}`
              : block.md;
    if (block.quote) line = `> ${line}`;
    const sameList =
      previous !== undefined &&
      previous.kind === block.kind &&
      (block.kind === 'li' || block.kind === 'oli') &&
      Boolean(previous.quote) === Boolean(block.quote);
    if (out.length > 0) out.push(sameList ? '\n' : previous?.quote && block.quote ? '\n>\n' : '\n\n');
    out.push(line);
    previous = block;
  }
  return `${out.join('')}\n`;
}

/**
 * The draft article's file: frontmatter, notes for the editor as YAML comments, and the story.
 * @param {PlannedArticle & { id: number; section: string; reporters: readonly string[]; input: string }} article
 * @returns {string}
 */
export function legacyArticleMarkdown(article) {
  const list = (/** @type {readonly string[]} */ items) => `[${items.map(yamlQuote).join(', ')}]`;
  const comment = (/** @type {string} */ text) => `# ${text.replace(/[\r\n]+/g, ' ')}`;
  return [
    '---',
    `id: ${article.id}`,
    `title: ${yamlQuote(article.title)}`,
    `lead: ${yamlQuote(article.lead)}`,
    `date: ${formatJalaliDateTime(article.date)}`,
    `category: ${article.section}`,
    'tags: []',
    `authors: ${list(article.reporters)}`,
    'draft: true',
    ...(article.source
      ? [
          'source:',
          `  name: ${yamlQuote(article.source.name)}`,
          ...(article.source.url ? [`  url: ${yamlQuote(article.source.url)}`] : []),
        ]
      : []),
    `${IMPORT_MARK} from ${article.input.replace(/[\r\n]+/g, ' ')}; content sha256:${article.hash}`,
    ...article.notes.map((note) => comment(`check: ${note}`)),
    '---',
    '',
    article.body,
  ].join('\n');
}

/**
 * A path `articles/<year>/<month>/<slug>.md` not yet taken: `<slug>-2`, `<slug>-3`, … otherwise.
 * An `.md` and an `.mdx` of the same name are the same entry, so either takes the name.
 * @param {TehranDateTime} date
 * @param {string} slug
 * @param {(relativePath: string) => boolean} taken  given a path with `/`, without extension
 */
export function freeArticlePath(date, slug, taken) {
  const folder = `articles/${date.year}/${String(date.month).padStart(2, '0')}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? slug : `${slug}-${n}`;
    if (!taken(`${folder}/${name}`)) return `${folder}/${name}.md`;
  }
}
