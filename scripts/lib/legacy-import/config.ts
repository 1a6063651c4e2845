/**
 * The old site's config: CSS selectors for HTML pages and line patterns for text dumps, JSON or
 * YAML, checked strictly; WordPress-style defaults.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { normalizePersianLetters } from '../../../src/lib/persian/normalize.ts';
import { J } from './text.ts';

/** CSS selectors, tried in order; the first that gives text wins. */
export interface HtmlConfig {
  title: string[];
  body: string[];
  date: string[];
  lead: string[];
  url: string[];
  /** removed from the story before it is converted */
  remove: string[];
}

/** Regular expressions matched against each trimmed line of a dump. */
export interface TextConfig {
  /** lines of site chrome to drop (menus, buttons, comment rules) */
  chrome: RegExp[];
  /** once the story has begun, a line that ends it (comments, related news) */
  stop: RegExp[];
  /** the "today" line: the day the page was saved, not its publication */
  today: RegExp[];
  /** a line with the publication date */
  date: RegExp[];
  /** a line with the headline (default: the line before the first paragraph) */
  title: RegExp[];
}

export interface LegacyConfig {
  /** the source's name for every page (else the page's «منبع:», «به گزارش …», og:site_name, host) */
  sourceName: string | undefined;
  html: HtmlConfig;
  text: TextConfig;
}

/** Defaults for WordPress-style news pages. */
export const DEFAULT_HTML = {
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
} as const;

/** Defaults for plain-text dumps, matched against a trimmed line with Persian letters. */
export const DEFAULT_TEXT = {
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
} as const;

const CONFIG_KEYS = ['sourceName', 'html', 'text'];
const HTML_KEYS = ['title', 'body', 'date', 'lead', 'url', 'remove'];
const TEXT_KEYS = ['chrome', 'stop', 'today', 'date', 'title'];

/** A bad `--config` file: every problem, one a line, each naming the key. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/**
 * @param source a regular expression as written in a config
 */
function compilePattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

/** The default config: WordPress-style HTML and the usual chrome of Persian news dumps. */
export function defaultConfig() {
  return configFrom({});
}

/**
 * Reads a config file's text (JSON, or YAML for any other extension).
 * Selectors and patterns given are tried before the defaults; `remove` and `chrome` add to them.
 * @param fileName for messages
 * @throws {ConfigError}
 */
export function parseConfig(text: string, fileName: string): LegacyConfig {
  let data: unknown;
  try {
    data = /\.json$/i.test(fileName) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    throw new ConfigError([`${fileName}: is not valid ${/\.json$/i.test(fileName) ? 'JSON' : 'YAML'}: ${message}`]);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([
      `${fileName}: must be a mapping with the keys ${CONFIG_KEYS.join(', ')}, e.g. html: { body: ['.news-text'] }`,
    ]);
  }
  return configFrom(data as Record<string, unknown>, fileName);
}

function configFrom(data: Record<string, unknown>, fileName = 'config'): LegacyConfig {
  const problems: string[] = [];
  const unknownKeys = (object: Record<string, unknown>, keys: string[], prefix = '') => {
    for (const key of Object.keys(object)) {
      if (!keys.includes(key)) {
        problems.push(`${fileName}: ${prefix}${key}: is not a setting; use one of ${keys.join(', ')}`);
      }
    }
  };
  const stringList = (value: unknown, where: string): string[] => {
    if (value === undefined || value === null) return [];
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
      problems.push(`${fileName}: ${where}: must be a text or a list of texts, e.g. ${where.split('.').pop()}: ['…']`);
      return [];
    }
    return list.map((item) => String(item).trim());
  };
  const section = (value: unknown, where: string): Record<string, unknown> => {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${fileName}: ${where}: must be a mapping, e.g. ${where}: { … }`);
      return {};
    }
    return value as Record<string, unknown>;
  };

  unknownKeys(data, CONFIG_KEYS);
  const html = section(data['html'], 'html');
  const text = section(data['text'], 'text');
  unknownKeys(html, HTML_KEYS, 'html.');
  unknownKeys(text, TEXT_KEYS, 'text.');

  let sourceName: string | undefined;
  if (data['sourceName'] !== undefined) {
    if (typeof data['sourceName'] !== 'string' || data['sourceName'].trim() === '') {
      problems.push(`${fileName}: sourceName: must be the old site's name as text, e.g. sourceName: 'خبرگزاری نمونه'`);
    } else sourceName = normalizePersianLetters(data['sourceName'].trim());
  }

  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const selectors: Record<string, string[]> = {};
  for (const key of HTML_KEYS) {
    const given = stringList(html[key], `html.${key}`);
    for (const selector of given) {
      try {
        document.querySelector(selector);
      } catch (error) {
        problems.push(
          `${fileName}: html.${key}: "${selector}" is not a CSS selector (${(error as Error).message}); write one like 'div.news-text'`,
        );
      }
    }
    const defaults = DEFAULT_HTML[key as keyof HtmlConfig] as readonly string[];
    selectors[key] = [...new Set([...given, ...defaults])];
  }
  const patterns: Record<string, RegExp[]> = {};
  for (const key of TEXT_KEYS) {
    const given = stringList(text[key], `text.${key}`);
    const compiled: RegExp[] = [];
    for (const source of [...given, ...DEFAULT_TEXT[key as keyof TextConfig]]) {
      try {
        compiled.push(compilePattern(normalizePersianLetters(source)));
      } catch (error) {
        problems.push(
          `${fileName}: text.${key}: "${source}" is not a regular expression (${(error as Error).message}); escape special characters with \\, e.g. '^کد خبر\\s*:'`,
        );
      }
    }
    patterns[key] = compiled;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const s = (key: string) => selectors[key] ?? [];
  const p = (key: string) => patterns[key] ?? [];
  return {
    sourceName,
    html: { title: s('title'), body: s('body'), date: s('date'), lead: s('lead'), url: s('url'), remove: s('remove') },
    text: { chrome: p('chrome'), stop: p('stop'), today: p('today'), date: p('date'), title: p('title') },
  };
}
