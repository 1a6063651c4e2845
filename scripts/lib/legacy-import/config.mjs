// @ts-check
/**
 * The old site's config: CSS selectors for HTML pages and line patterns for text dumps, JSON or
 * YAML, checked strictly; WordPress-style defaults.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.mjs).
 */
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { normalizePersianLetters } from '../../../src/lib/persian/normalize.ts';
import { J } from './text.mjs';

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
