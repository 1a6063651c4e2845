/**
 * scripts/lib/legacy-import.ts: reading old news pages — HTML and plain-text dumps — into a
 * title, a lead, escaped Markdown, a date and a source, on pages written for these tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  attributionOf,
  blocksToMarkdown,
  ConfigError,
  decodeBytes,
  defaultConfig,
  escapeMarkdownText,
  extractFromHtml,
  extractFromText,
  freeArticlePath,
  kindOf,
  knownImports,
  leadFrom,
  legacyArticleMarkdown,
  normalizeSourceUrl,
  parseArgs,
  parseConfig,
  parseLegacyDate,
  planArticle,
  splitGluedSentences,
  UsageError,
} from '../../scripts/lib/legacy-import.ts';
import { frontmatterOf } from '../../scripts/lib/frontmatter.ts';
import { numbersIn } from '../../src/lib/persian/typography/numbers';

const fixtures = path.join(import.meta.dirname, '../fixtures/legacy');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const NOW = new Date('2026-11-29T12:00:00+03:30');

type Page = Exclude<ReturnType<typeof extractFromText>, { skip: string }>;
/** The page, or a failed expectation naming why it was skipped. */
function page(result: ReturnType<typeof extractFromText>): Page {
  if ('skip' in result) throw new Error(`skipped: ${result.skip}`);
  return result;
}

describe('parseLegacyDate', () => {
  it('reads Jalali dates with month names, as the "today" line and date lines write them', () => {
    expect(parseLegacyDate('شنبه, ۳ آذر , ۱۴۰۳')?.value).toEqual({ year: 1403, month: 9, day: 3, hour: 0, minute: 0 });
    expect(parseLegacyDate('۲۲ بهمن ۱۴۰۲ - ۱۰:۱۵')?.value).toEqual({
      year: 1402,
      month: 11,
      day: 22,
      hour: 10,
      minute: 15,
    });
    expect(parseLegacyDate('تاریخ : 15 مهرماه 1398 ساعت 4:20 ب.ظ')?.value).toEqual({
      year: 1398,
      month: 7,
      day: 15,
      hour: 16,
      minute: 20,
    });
    expect(parseLegacyDate('۱ ارديبهشت ۱۴۰۰')?.value).toMatchObject({ month: 2, day: 1 });
    expect(parseLegacyDate('۵ دی‌ماه ۱۴۰۱')?.value).toMatchObject({ year: 1401, month: 10, day: 5 });
  });

  it('reads numeric Jalali dates, either way round, in any digits', () => {
    expect(parseLegacyDate('۱۴۰۳/۰۹/۰۳ - ۱۴:۳۰')?.value).toEqual({
      year: 1403,
      month: 9,
      day: 3,
      hour: 14,
      minute: 30,
    });
    expect(parseLegacyDate('03-09-1403')?.value).toMatchObject({ year: 1403, month: 9, day: 3 });
  });

  it('turns ISO and Gregorian dates into the Tehran calendar day', () => {
    expect(parseLegacyDate('2022-09-01T10:15:00+04:30')?.value).toEqual({
      year: 1401,
      month: 6,
      day: 10,
      hour: 10,
      minute: 15,
    });
    const zoneless = parseLegacyDate('2024-11-23T14:30:00');
    expect(zoneless?.value).toEqual({ year: 1403, month: 9, day: 3, hour: 14, minute: 30 });
    expect(zoneless?.note).toMatch(/no time zone/);
  });

  it('refuses what is not a real date', () => {
    expect(parseLegacyDate('۳۰ اسفند ۱۴۰۲')).toBeUndefined(); // Esfand 1402 has 29 days
    expect(parseLegacyDate('1403/13/01')).toBeUndefined();
    expect(parseLegacyDate('۱۴۰۳/۰۹/۰۳ ۲۵:۰۰')).toBeUndefined();
    expect(parseLegacyDate('بدون تاریخ')).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('splits sentences glued by a lost line break, but not abbreviations or numbers', () => {
    expect(splitGluedSentences('آنها تاکید کردند.در این دیدار گفتگو شد. سپس رفتند')).toEqual([
      'آنها تاکید کردند.',
      'در این دیدار گفتگو شد. سپس رفتند',
    ]);
    expect(splitGluedSentences('نرخ ۳.۵ درصد شد و ج.ا.ا اعلام کرد')).toEqual(['نرخ ۳.۵ درصد شد و ج.ا.ا اعلام کرد']);
  });

  it('escapes every character Markdown would read as markup', () => {
    expect(escapeMarkdownText('<b>*x*</b> _y_ [z](u) a|b ~c~ &amp; #d `e` \\')).toBe(
      '\\<b\\>\\*x\\*\\</b\\> \\_y\\_ \\[z\\](u) a\\|b \\~c\\~ \\&amp; \\#d \\`e\\` \\\\',
    );
  });

  it('finds the agency or reporter of a «به گزارش …،» opening', () => {
    expect(attributionOf('به گزارش ایسنا، کتابخانه باز شد.')).toEqual({ phrase: 'ایسنا', agency: 'ایسنا' });
    expect(attributionOf('به گزارش خبرنگار روزنامهٔ محلی ، داوطلبان آمدند.')).toEqual({
      phrase: 'خبرنگار روزنامهٔ محلی',
      agency: 'روزنامهٔ محلی',
    });
    expect(attributionOf('به گزارش ايرنا به نقل از روابط عمومی، …')?.agency).toBe('ایرنا');
    expect(attributionOf('به گزارش خبرنگار ما، بازار باز شد.')).toEqual({ phrase: 'خبرنگار ما', agency: undefined });
    expect(attributionOf('بازار امروز باز شد.')).toBeUndefined();
  });

  it('takes the first sentences as the lead, without the «به گزارش» opening, at most 300 characters', () => {
    const p = (text: string) => ({ kind: 'p' as const, text, md: text });
    expect(leadFrom([p('به گزارش ایسنا، جملهٔ اول آمد. جملهٔ دوم هم آمد.')])).toBe('جملهٔ اول آمد. جملهٔ دوم هم آمد.');
    const long = `${'کلمه '.repeat(80)}پایان.`;
    const lead = leadFrom([p(long)]);
    expect(lead.length).toBeLessThanOrEqual(301);
    expect(lead.endsWith('…')).toBe(true);
    const many = Array.from({ length: 20 }, (_, i) => `جملهٔ شمارهٔ ${i} اینجاست.`).join(' ');
    expect(leadFrom([p(many)]).length).toBeLessThanOrEqual(300);
    expect(leadFrom([p(many)])).toMatch(/^جملهٔ شمارهٔ 0 اینجاست\. .*اینجاست\.$/);
  });

  it('normalises source URLs for comparison', () => {
    expect(normalizeSourceUrl('https://OLD.example.ir/a/b/#comments')).toBe('https://old.example.ir/a/b');
    expect(normalizeSourceUrl('https://old.example.ir/خبر')).toBe(
      normalizeSourceUrl('https://old.example.ir/%D8%AE%D8%A8%D8%B1/'),
    );
  });

  it('reads a file as HTML or text by its extension, else by its first tag', () => {
    expect(kindOf('a.html', 'plain')).toBe('html');
    expect(kindOf('a.txt', '<html>')).toBe('text');
    expect(kindOf('a', '<!DOCTYPE html><html>')).toBe('html');
    expect(kindOf('a.dump', 'منوی اصلی')).toBe('text');
  });

  it('decodes UTF-8 and old windows-1256 pages, and refuses binary files', () => {
    expect(decodeBytes(new TextEncoder().encode('\ufeffسلام'))).toEqual({ text: 'سلام', encoding: 'utf-8' });
    const bytes = readFileSync(path.join(fixtures, 'other-site/tehran-rain.htm'));
    const decoded = decodeBytes(bytes);
    expect(decoded?.encoding).toBe('windows-1256');
    expect(decoded?.text).toContain('بارش باران پايتخت');
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toBeUndefined();
  });

  it('reads Windows-1256 by <meta charset>, by its bytes, and over a declaration its bytes contradict', () => {
    const page = (name: string) => readFileSync(path.join(fixtures, 'encodings', name));
    const declared = decodeBytes(page('meta-charset.html'));
    expect(declared).toEqual({
      text: expect.stringContaining('<title>بازار کتاب تهران بازگشايي شد</title>'),
      encoding: 'windows-1256',
    });
    expect(decodeBytes(page('undeclared.htm'))?.text).toContain('پل عابر پياده ميدان اصلي شهر صبح امروز');
    // The same bytes under other declarations: an XML one is read; a Latin or UTF-8 one is wrong.
    const body = page('undeclared.htm');
    const under = (head: string) => decodeBytes(Buffer.concat([Buffer.from(head), body]));
    expect(under('<?xml version="1.0" encoding="windows-1256"?>\n')?.encoding).toBe('windows-1256');
    for (const [head, said] of [
      ['<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', 'windows-1252'],
      ['<meta charset="utf-8">', 'utf-8'],
    ]) {
      const decoded = under(head!);
      expect(decoded).toMatchObject({ encoding: 'windows-1256', declared: said });
      expect(decoded?.text).toContain('پل تازه شهر افتتاح شد');
    }
    // A Latin page that says so is read as it says.
    const latin = Buffer.from('<meta charset="iso-8859-1"><p>Café Müller</p>', 'latin1');
    expect(decodeBytes(latin)).toEqual({
      text: '<meta charset="iso-8859-1"><p>Café Müller</p>',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-16 pages, which hold NUL bytes, as text', () => {
    const html = '<html><head><meta charset="utf-16"><title>خبر</title></head><body><p>متن خبر</p></body></html>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]);
    expect(decodeBytes(bytes)).toEqual({ text: html, encoding: 'utf-16le' });
    expect(decodeBytes(Buffer.from(html, 'utf16le').swap16())).toEqual({ text: html, encoding: 'utf-16be' });
  });
});

describe('parseArgs', () => {
  it('reads inputs and flags', () => {
    expect(
      parseArgs(['a.html', '--section', 'economy', '--reporter=x،y', 'dir', '--dry-run', '--config', 'c.yml']),
    ).toEqual({
      inputs: ['a.html', 'dir'],
      section: 'economy',
      reporters: ['x', 'y'],
      config: 'c.yml',
      dryRun: true,
      help: false,
    });
  });

  it('refuses unknown flags and flags without a value', () => {
    expect(() => parseArgs(['--sectoin', 'x'])).toThrow(UsageError);
    expect(() => parseArgs(['a', '--section'])).toThrow(/--section needs a value/);
    expect(() => parseArgs(['a', '--section', 'x', '--section', 'y'])).toThrow(/one --section/);
  });
});

describe('parseConfig', () => {
  it('puts the old site selectors before the defaults', () => {
    const config = parseConfig(fixture('configs/baran.yml'), 'baran.yml');
    expect(config.sourceName).toBe('پورتال خبری باران');
    expect(config.html.title[0]).toBe('span.titr');
    expect(config.html.title).toContain('h1.entry-title');
    expect(config.html.remove).toEqual(expect.arrayContaining(['.tabligh', 'script', 'nav']));
  });

  it('names every bad key, selector and pattern', () => {
    let problems: string[] = [];
    try {
      parseConfig(fixture('configs/broken.yml'), 'broken.yml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      'broken.yml: extra: is not a setting; use one of sourceName, html, text',
      'broken.yml: html.titel: is not a setting; use one of title, body, date, lead, url, remove',
      expect.stringMatching(/^broken\.yml: html\.body: "div\[\[\[" is not a CSS selector/),
      expect.stringMatching(/^broken\.yml: text\.chrome: "\(unclosed" is not a regular expression/),
    ]);
  });

  it('refuses a file that is not JSON or YAML', () => {
    expect(() => parseConfig(fixture('configs/not-json.json'), 'not-json.json')).toThrow(
      /not-json\.json: is not valid JSON/,
    );
    expect(() => parseConfig('- a\n- b\n', 'list.yml')).toThrow(/must be a mapping/);
  });
});

describe('extractFromHtml: a WordPress-style page', () => {
  const result = page(extractFromHtml(fixture('wordpress/library-opens.html'), defaultConfig()));
  const markdown = blocksToMarkdown(result.blocks);

  it('finds the headline, the date, the canonical URL and the site name', () => {
    expect(result.title).toBe('کتابخانهٔ محله بعد از سه سال باز شد'); // Arabic ك → ک
    expect(result.date).toEqual({ value: { year: 1401, month: 6, day: 10, hour: 10, minute: 15 }, from: 'page' });
    expect(result.url).toBe('https://old-news.example.ir/1401/06/library/');
    expect(result.siteName).toBe('خبرنامهٔ شهر');
  });

  it('keeps the story as Markdown and leaves out chrome, scripts, embeds and boilerplate', () => {
    expect(markdown).toContain('به گزارش ایسنا، کتابخانهٔ عمومی محلهٔ نارمک'); // ك → ک in the body too
    expect(markdown).toContain('حالا **دوازده هزار** جلد');
    expect(markdown).toContain('\n\n## ساعت‌های کار\n\n- شنبه تا چهارشنبه: ۸ تا ۲۰\n- پنجشنبه‌ها: ۸ تا ۱۳\n\n');
    expect(markdown).toContain('*۱۲۰*');
    expect(markdown).toContain('[پایگاه کتابخانه](<https://old-news.example.ir/catalogue/>)');
    expect(markdown).toContain('[آیین‌نامه](<https://old-news.example.ir/rules/>)'); // relative, resolved
    expect(markdown).toContain('؛ این پیوند خطرناک است.'); // javascript: link → its text only
    expect(markdown).toContain('\n\n> کتاب‌خواندن را از کودکی باید آموخت.\n\n');
    expect(markdown).toContain('5 \\* 3 و a\\_b و \\[یادداشت\\] و \\<script\\>alert(1)\\</script\\> متن‌اند');
    for (const gone of [
      'tracker',
      'تزریق',
      'javascript',
      'iframe',
      'تلگرام',
      'خبر دیگر',
      'انتهای پیام',
      'برچسب',
      'عالی بود',
      'تماس با ما',
      'پربازدید',
      'منتشر شده در',
    ]) {
      expect(markdown).not.toContain(gone);
    }
    expect(markdown).not.toContain('کتابخانهٔ محله بعد از سه سال'); // the headline is not repeated
    expect(result.notes).toEqual([
      'left out an image (add by hand if wanted): https://old-news.example.ir/wp-content/uploads/2022/09/library.jpg («ساختمان تازهٔ کتابخانه»)',
    ]);
  });

  it('plans a draft with the lead, the date, and the agency of «به گزارش» as the source', () => {
    const plan = planArticle(result, { now: NOW });
    expect(plan.lead).toBe(
      'کتابخانهٔ عمومی محلهٔ نارمک پس از سه سال بازسازی صبح امروز دوباره به روی مردم باز شد. این کتابخانه حالا دوازده هزار جلد کتاب دارد.',
    );
    expect(plan.slug).toBe('کتابخانه-محله-بعد-از-سه-سال-باز-شد');
    expect(plan.source).toEqual({ name: 'ایسنا', url: 'https://old-news.example.ir/1401/06/library/' });
    expect(plan.dateFrom).toBe('page');
    const text = legacyArticleMarkdown({
      ...plan,
      id: 42,
      section: 'culture',
      reporters: ['newsroom'],
      input: 'p.html',
    });
    const data = parseYaml(frontmatterOf(text)) as Record<string, unknown>;
    expect(data).toEqual({
      id: 42,
      title: plan.title,
      lead: plan.lead,
      date: '1401/06/10 10:15',
      category: 'culture',
      tags: [],
      authors: ['newsroom'],
      draft: true,
      source: { name: 'ایسنا', url: 'https://old-news.example.ir/1401/06/library/' },
    });
    expect(text).toContain(`\n# legacy-import: from p.html; content sha256:${plan.hash}\n`);
    expect(text).toContain('\n# check: left out an image');
    expect(knownImports([{ file: 'a.md', frontmatter: frontmatterOf(text) }])).toEqual({
      urls: new Map([['https://old-news.example.ir/1401/06/library', 'a.md']]),
      hashes: new Map([[plan.hash, 'a.md']]),
    });
  });
});

describe('extractFromHtml: another site, with its config', () => {
  const config = parseConfig(fixture('configs/baran.yml'), 'baran.yml');
  const html = decodeBytes(readFileSync(path.join(fixtures, 'other-site/tehran-rain.htm')))!.text;

  it('uses the configured selectors, removes the ads, and repairs glued sentences', () => {
    const result = page(extractFromHtml(html, config));
    expect(result.title).toBe('بارش باران پایتخت را غافلگیر کرد');
    expect(result.date?.value).toEqual({ year: 1398, month: 7, day: 15, hour: 16, minute: 20 });
    expect(result.url).toBe('http://baran.example.com/news.asp?id=4512');
    expect(blocksToMarkdown(result.blocks)).toBe(
      [
        'به گزارش خبرنگار اجتماعی باران، بارش شدید باران عصر امروز در بیشتر محله‌های تهران آبگرفتگی درست کرد. مردم ساعت‌ها در ترافیک ماندند.',
        'سخنگوی مدیریت بحران گفت تیم‌های امدادی در 22 نقطه مستقر شده‌اند و تا نیمه‌شب کار می‌کنند.',
        'هواشناسی برای فردا هم باران پیش‌بینی کرده است.',
        '',
      ]
        .join('\n\n')
        .replace(/\n\n$/, '\n'),
    );
    expect(planArticle(result, { now: NOW, sourceName: config.sourceName }).source).toEqual({
      name: 'پورتال خبری باران',
      url: 'http://baran.example.com/news.asp?id=4512',
    });
  });

  it('without the config, finds no story and says what to configure', () => {
    const result = extractFromHtml(html, defaultConfig());
    expect(result).toEqual({ skip: expect.stringMatching(/^no story text found .*html\.body in a --config file$/) });
  });
});

describe('extractFromText: a plain-text dump', () => {
  it('drops the chrome, takes the headline and the story, and splits glued sentences', () => {
    const result = page(extractFromText(fixture('dumps/river-cleanup.txt'), defaultConfig()));
    expect(result.title).toBe('پاکسازی بستر رودخانهٔ شهر با کمک داوطلبان');
    expect(result.blocks.map((block) => block.text)).toEqual([
      'به گزارش خبرنگار روزنامهٔ محلی ، بیش از دویست داوطلب از صبح جمعه زباله‌های بستر رودخانه را جمع کردند و کیسه‌ها را به ایستگاه بازیافت رساندند.',
      'شهردار منطقه در حاشیهٔ این برنامه گفت که چنین کاری باید هر فصل تکرار شود. او افزود که سطل‌های تازه در طول مسیر پیاده‌روی نصب خواهد شد.',
      'گروه‌های دانش‌آموزی هم در این برنامه حضور داشتند و درباره جداسازی زباله آموزش دیدند.',
    ]);
    // The only date is the "today" line: the day the page was saved.
    expect(result.date).toEqual({ value: { year: 1403, month: 9, day: 12, hour: 0, minute: 0 }, from: 'today' });
    const plan = planArticle(result, { now: NOW });
    expect(plan.notes).toContain(
      "date taken from the page's 'today' line (the day it was saved, not published) — check it",
    );
    expect(plan.source).toEqual({ name: 'روزنامهٔ محلی' });
    expect(plan.attribution).toBe('خبرنگار روزنامهٔ محلی');
  });

  it('prefers a publication date line to the "today" line, and reads the URL and «منبع:» lines', () => {
    const result = page(extractFromText(fixture('dumps/bridge-dated.txt'), defaultConfig()));
    expect(result.title).toBe('پل عابر پیاده‌ی میدان اصلی افتتاح شد');
    expect(result.date).toEqual({ value: { year: 1402, month: 11, day: 22, hour: 10, minute: 15 }, from: 'page' });
    expect(result.url).toBe('https://old-news.example.ir/n/90412');
    expect(result.sourceLine).toBe('خبرگزاری نمونه');
    expect(result.blocks).toHaveLength(2); // not «کد خبر», not the related headline after «اخبار مرتبط»
    expect(blocksToMarkdown(result.blocks)).not.toMatch(/90412|کرایه|شهری/);
  });

  it('uses the time of import when there is no date at all, and says so', () => {
    const dump = 'منوی اصلی\nعنوان کوتاه خبر\nاین متن خبر است و هیچ تاریخی در این صفحه نیامده است، فقط متن.\n';
    const plan = planArticle(page(extractFromText(dump, defaultConfig())), { now: NOW });
    expect(plan.date).toEqual({ year: 1405, month: 9, day: 8, hour: 12, minute: 0 });
    expect(plan.dateFrom).toBe('now');
    expect(plan.notes).toContain('the page gives no date: the time of import was used — set the real date');
  });

  it('applies the safe typography corrections of check:content to the draft, and says so', () => {
    const dump =
      'منوی اصلی\nهمکاریها در حوزههای نظامی\nبه گزارش خبرنگار ما ، این دیدار در سال 1403 انجام شد و تصمیمها گرفته می شود.\n';
    const plan = planArticle(page(extractFromText(dump, defaultConfig())), { now: NOW });
    expect(plan.title).toBe('همکاری\u200cها در حوزه\u200cهای نظامی');
    expect(plan.body).toBe('به گزارش خبرنگار ما، این دیدار در سال ۱۴۰۳ انجام شد و تصمیمها گرفته می\u200cشود.\n');
    expect(plan.notes).toContainEqual(expect.stringMatching(/^corrected \d+ typographic slips/));
  });

  it('lists every correction it made, and applies no suggestion: it only notes it for the editor', () => {
    const dump = 'منوی اصلی\nکتاب ها رسید\nوزن بار 12,5 تن در سال 1403 بود و کتاب ها رسید.\n';
    const plan = planArticle(page(extractFromText(dump, defaultConfig())), { now: NOW });
    expect(plan.corrections).toEqual([
      { field: 'title', rule: 'zwnj-suffix', before: 'کتاب ها', after: 'کتاب\u200cها' },
      { field: 'lead', rule: 'zwnj-suffix', before: 'کتاب ها', after: 'کتاب\u200cها' },
      { field: 'lead', rule: 'persian-digits', before: '1403', after: '۱۴۰۳' },
      { field: 'body', rule: 'zwnj-suffix', before: 'کتاب ها', after: 'کتاب\u200cها' },
      { field: 'body', rule: 'persian-digits', before: '1403', after: '۱۴۰۳' },
    ]);
    expect(plan.body).toBe('وزن بار 12,5 تن در سال ۱۴۰۳ بود و کتاب\u200cها رسید.\n');
    expect(plan.notes).toContain('typography suggestion in the story [unclear-number], not applied: «12,5» → «۱۲٫۵»');
    expect(plan.notes).toContain('typography suggestion in the lead [unclear-number], not applied: «12,5» → «۱۲٫۵»');
  });

  it('never alters a number: prices, ranges, dates, times, phones, versions, percents, in every script', () => {
    const numbers = [
      'قیمت 12,500 و ۱۲,۵۰۰ و ١٢٬٥٠٠ تومان',
      'وزن 12,5 و ۱۲,۵ تن',
      'نسخهٔ 2.1.3 و ۲.۱.۳',
      'سال‌های 1398-1402 و ۱۳۹۸ـ۱۴۰۲ و 1398--1402 و ۱۳۹۸–۱۴۰۲',
      'تاریخ 1403/09/03 ساعت 14:30 و ۱۴۰۳/۰۹/۰۳',
      'تلفن 021-88776655 و نرخ 2.5 درصد و ۲٫۵ و 50% و ۱۲ %',
      'شمارهٔ 1,250,000 و ۱٬۲۵۰٬۰۰۰ و 12.500',
    ];
    const dump = `منوی اصلی\nتیتر خبر ${numbers[0]}\n${numbers.join('. ')}.\n`;
    const plan = planArticle(page(extractFromText(dump, defaultConfig())), { now: NOW });
    expect(numbersIn(plan.body)).toEqual(numbersIn(`${numbers.join('. ')}.`));
    expect(numbersIn(plan.title)).toEqual(numbersIn(numbers[0]!));
    // It did rewrite them, in Persian digits and separators, where that was safe.
    expect(plan.body).toContain('۱۲٬۵۰۰');
    expect(plan.corrections.some((correction) => correction.rule === 'persian-digits')).toBe(true);
  });

  it('escapes markup in a dump, and skips a dump with no story', () => {
    const dump =
      'تیتر با <b>تگ</b>\n# این <script>alert(1)</script> متن است و *ستاره* دارد و [پیوند](javascript:x) هم.\n';
    const result = page(extractFromText(dump, defaultConfig()));
    expect(result.title).toBe('تیتر با <b>تگ</b>'); // quoted YAML: Astro escapes it on the page
    expect(blocksToMarkdown(result.blocks)).toBe(
      '\\# این \\<script\\>alert(1)\\</script\\> متن است و \\*ستاره\\* دارد و \\[پیوند\\](javascript:x) هم.\n',
    );
    expect(extractFromText(fixture('unusable/chrome-only.txt'), defaultConfig())).toEqual({
      skip: 'no paragraph of story text found (no line of prose after the chrome)',
    });
  });

  it('takes text.title and text.chrome patterns from a config', () => {
    const config = parseConfig(
      JSON.stringify({ text: { title: '^تیتر\\s*:\\s*(.+)$', chrome: '^روتیتر' } }),
      'site.json',
    );
    const dump =
      'روتیتر: گزارش ویژه\nتیتر: سد شهر پر شد\nبا بارش‌های اخیر، حجم آب پشت سد شهر به بیشترین اندازهٔ ده سال گذشته رسید.\n';
    const result = page(extractFromText(dump, config));
    expect(result.title).toBe('سد شهر پر شد');
    expect(result.blocks.map((block) => block.text)).toEqual([
      'با بارش‌های اخیر، حجم آب پشت سد شهر به بیشترین اندازهٔ ده سال گذشته رسید.',
    ]);
  });
});

describe('freeArticlePath', () => {
  it('never reuses a taken name, .md or .mdx', () => {
    const date = { year: 1403, month: 9, day: 3, hour: 0, minute: 0 };
    const taken = new Set(['articles/1403/09/x', 'articles/1403/09/x-2']);
    expect(freeArticlePath(date, 'x', (name) => taken.has(name))).toBe('articles/1403/09/x-3.md');
    expect(freeArticlePath(date, 'y', (name) => taken.has(name))).toBe('articles/1403/09/y.md');
  });
});
