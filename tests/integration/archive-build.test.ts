/**
 * Builds tests/fixtures/archive with a fixed "now" and reads the produced HTML.
 * The fixture holds one article per hard case: the Tehran-midnight instant, a DST summer, Esfand 30
 * of a leap year, a Persian file name, pasted Arabic letters, an MDX component, a draft and a
 * scheduled article.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageExists, readPage, type BuildResult } from '../helpers/build-site';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { atLeast } from '../helpers/at-least';

let build: BuildResult;
const documentOf = (urlPath: string) => parseHTML(readPage(build.outDir, urlPath)).document;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file));
}

beforeAll(async () => {
  build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('built archive', () => {
  it('runs the build on the pinned Node, not the machine default', () => {
    expect(build.output).toMatch(/running on Node v(2[4-9]|[3-9]\d)\./);
  });

  it('gives every page lang="fa" dir="rtl", a title and one absolute canonical', () => {
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      expect(document.documentElement.getAttribute('lang'), file).toBe('fa');
      expect(document.documentElement.getAttribute('dir'), file).toBe('rtl');
      expect(document.title.length, file).toBeGreaterThan(0);
      const canonicals = document.querySelectorAll('link[rel="canonical"]');
      expect(canonicals.length, file).toBe(1);
      expect(canonicals[0]!.getAttribute('href'), file).toMatch(/^https:\/\//);
    }
  });

  it('makes no request to another host from any page or stylesheet', () => {
    const requestAttributes = [
      ['script[src]', 'src'],
      ['link[rel="stylesheet"]', 'href'],
      ['link[rel="preload"]', 'href'],
      ['link[rel="icon"]', 'href'],
      ['img', 'src'],
      ['img[srcset]', 'srcset'],
      ['source[srcset]', 'srcset'],
      ['iframe', 'src'],
      ['video', 'src'],
      ['audio', 'src'],
    ] as const;
    for (const file of atLeast(8, htmlFiles(build.outDir), 'built pages')) {
      const html = readFileSync(file, 'utf8');
      const { document } = parseHTML(html);
      for (const [selector, attribute] of requestAttributes) {
        for (const element of document.querySelectorAll(selector)) {
          const value = element.getAttribute(attribute) ?? '';
          for (const url of value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')) {
            expect(url, `${file}: ${selector}`).not.toMatch(/^(https?:)?\/\//);
          }
        }
      }
      expect(html, file).not.toMatch(/@import\s+url\(\s*['"]?(https?:)?\/\//);
    }
    const cssDir = path.join(build.outDir, '_astro');
    const stylesheets = readdirSync(cssDir).filter((name) => name.endsWith('.css'));
    for (const file of atLeast(1, stylesheets, 'stylesheets')) {
      expect(readFileSync(path.join(cssDir, file), 'utf8'), file).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    }
    // The web editor's preview (/admin/) carries the site's fonts in a stylesheet of its own.
    const fontFaces = stylesheets
      .filter((file) => !file.startsWith('editor-preview'))
      .filter((file) =>
        /@font-face\{font-family:\s*['"]?Vazirmatn Variable[^}]*url\(\/_astro\/vazirmatn-arabic/.test(
          readFileSync(path.join(cssDir, file), 'utf8'),
        ),
      );
    expect(fontFaces.length).toBe(1);
  });

  it('publishes articles at /news/<id>/<slug>/, including Persian slugs from file names', () => {
    expect(pageExists(build.outDir, '/news/7/market/')).toBe(true);
    expect(pageExists(build.outDir, '/news/8/last-day-of-leap-year/')).toBe(true);
    expect(pageExists(build.outDir, '/news/2/notice/')).toBe(true);
    expect(pageExists(build.outDir, '/news/3/کتاب-تابستان/')).toBe(true);
    const home = readPage(build.outDir, '/');
    expect(home).toContain(`href="/news/3/${encodeURIComponent('کتاب-تابستان')}/"`);
  });

  it('leaves drafts and scheduled articles out entirely', () => {
    expect(readdirSync(path.join(build.outDir, 'news')).sort()).toEqual(['2', '3', '5', '7', '8']);
    for (const file of atLeast(8, htmlFiles(build.outDir), 'built pages')) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('پیش‌نویس منتشرنشده');
      expect(html, file).not.toContain('خبر زمان‌بندی‌شده');
    }
  });

  it('shows the Tehran calendar day: 2024-11-22T21:00Z is Saturday 3 Azar 1403, 00:30', () => {
    const document = documentOf('/news/7/market/');
    const times = [...document.querySelectorAll('.article__meta time')];
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual([
      '2024-11-23T00:30:00+03:30',
      '2024-11-23T12:15:00+03:30',
    ]);
    expect(times.map((t) => t.textContent)).toEqual(['شنبه ۳ آذر ۱۴۰۳ - ۰۰:۳۰', 'شنبه ۳ آذر ۱۴۰۳ - ۱۲:۱۵']);
  });

  it('reads Jalali frontmatter dates in Tehran time, with DST before 2022 and Esfand 30 of leap years', () => {
    const summer = documentOf('/news/3/کتاب-تابستان/').querySelector('.article__meta time')!;
    expect(summer.getAttribute('datetime')).toBe('2019-08-01T10:15:00+04:30');
    expect(summer.textContent).toBe('پنجشنبه ۱۰ مرداد ۱۳۹۸ - ۱۰:۱۵');
    const esfand = documentOf('/news/8/last-day-of-leap-year/').querySelector('.article__meta time')!;
    expect(esfand.getAttribute('datetime')).toBe('2025-03-20T18:00:00+03:30');
    expect(esfand.textContent).toBe('پنجشنبه ۳۰ اسفند ۱۴۰۳ - ۱۸:۰۰');
    const mdx = documentOf('/news/2/notice/').querySelector('.article__meta time')!;
    expect(mdx.textContent).toBe('شنبه ۳۰ اسفند ۱۳۹۹ - ۰۹:۰۰');
  });

  it('renders the article: section, title, lead, authors, number, image, body and tags', () => {
    const document = documentOf('/news/7/market/');
    const article = document.querySelector('article.article')!;
    expect(article.querySelector('h1')!.textContent).toBe('بازار مرکزی شهر بازگشایی شد');
    expect(article.querySelector('.article__kicker a')!.textContent).toBe('اقتصادی');
    expect(article.querySelector('.article__kicker a')!.getAttribute('href')).toBe('/category/economy/');
    expect(article.querySelector('.article__lead')!.textContent).toContain('پس از دو سال مرمت');
    const meta = Object.fromEntries(
      [...article.querySelectorAll('.article__meta div')].map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]),
    );
    expect(Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, v?.replace(/\s+/g, ' ').trim()]))).toEqual({
      'تاریخ انتشار:': 'شنبه ۳ آذر ۱۴۰۳ - ۰۰:۳۰',
      'به‌روزرسانی:': 'شنبه ۳ آذر ۱۴۰۳ - ۱۲:۱۵',
      'نویسنده:': 'علی رضایی، تحریریه',
      'شناسه خبر:': '۷',
    });
    const image = article.querySelector('.article__figure img')!;
    expect(image.getAttribute('alt')).toBe('نمای ورودی بازار');
    expect(image.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect(article.querySelector('.prose h2')!.textContent).toBe('جزئیات');
    expect([...article.querySelectorAll('.tags li')].map((li) => li.textContent)).toEqual(['بازار', 'بازارها', 'مرمت']);
    expect(document.title).toBe('بازار مرکزی شهر بازگشایی شد | بایگان آزمایشی');
    expect(document.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(
      'بازار مرکزی پس از دو سال مرمت، بامداد امروز به روی خریداران باز شد.',
    );
  });

  it('normalises pasted Arabic letters in displayed text, but not inside code', () => {
    const document = documentOf('/news/3/کتاب-تابستان/');
    expect(document.querySelector('h1')!.textContent).toBe('کتاب تابستانی برای کودکان');
    expect(document.querySelector('.article__lead')!.textContent).toBe(
      'کتابخانه ملی فهرست کتاب‌های تابستان را منتشر کرد.',
    );
    expect(document.querySelector('.prose p')!.textContent).toBe('کتابخانه ملی امروز فهرست را منتشر کرد.');
    expect(document.querySelector('.prose pre')!.getAttribute('dir')).toBe('ltr');
    expect(document.querySelector('.prose pre')!.textContent).toContain("'كد'");
    expect([...document.querySelectorAll('.tags li')].map((li) => li.textContent)).toEqual(['کتاب']);
    const source = document.querySelector('.article__footer a')!;
    expect(source.textContent).toBe('خبرگزاری نمونه');
    expect(source.getAttribute('href')).toBe('https://example.com/news/3');
    // ZWNJ is kept in displayed text.
    expect(document.querySelector('.article__lead')!.textContent).toContain('کتاب\u200cهای');
  });

  it('renders MDX components used without imports', () => {
    const document = documentOf('/news/2/notice/');
    expect(document.querySelector('.fact-box .fact-box__title')!.textContent).toBe('در یک نگاه');
    expect(document.querySelectorAll('.fact-box li').length).toBe(2);
    expect(document.querySelector('.pull-quote figcaption')!.textContent).toContain('سردبیر');
  });

  it('builds the home page: latest news newest first, the featured box and the site-news box', () => {
    const document = documentOf('/');
    const latest = [...document.querySelectorAll('#latest .card__title a')].map((a) => a.getAttribute('href'));
    expect(latest).toEqual([
      '/news/8/last-day-of-leap-year/',
      '/news/5/snow-live/',
      '/news/7/market/',
      '/news/2/notice/',
      `/news/3/${encodeURIComponent('کتاب-تابستان')}/`,
    ]);
    expect([...document.querySelectorAll('#featured .card__title a')].map((a) => a.textContent)).toEqual([
      'بازار مرکزی شهر بازگشایی شد',
    ]);
    expect([...document.querySelectorAll('#site-news .card__title a')].map((a) => a.textContent)).toEqual([
      'بارش برف در شهر',
      'نسخهٔ تازهٔ سایت',
    ]);
  });

  it("prints the build date as today's fallback and ships the script that updates it", () => {
    const document = documentOf('/');
    const today = document.querySelector('time[data-today]')!;
    expect(today.getAttribute('datetime')).toBe('2025-04-01');
    // The fixture's settings ask for all three calendars (Umm al-Qura, no offset).
    const line = 'سه‌شنبه ۱۲ فروردین ۱۴۰۴ - ۳ شوال ۱۴۴۶ - 1 April 2025';
    expect(today.textContent).toBe(line);
    expect(today.parentElement!.textContent!.replace(/\s+/g, ' ').trim()).toBe(`امروز: ${line}`);
    expect(today.querySelector('span[lang="en"][dir="ltr"]')!.textContent).toBe('1 April 2025');
    const scripts = [...document.querySelectorAll('script[type="module"]')].map((script) => {
      const src = script.getAttribute('src');
      return src ? readFileSync(path.join(build.outDir, src), 'utf8') : script.textContent!;
    });
    expect(scripts.some((code) => code.includes('[data-today]'))).toBe(true);
  });

  it('prints no build day on pages a later build may carry over, only the line the script fills', () => {
    const document = documentOf('/news/7/market/');
    const line = document.querySelector('.today')!;
    expect(line.hasAttribute('hidden')).toBe(true);
    // A placeholder, not an empty <time> (which the W3C checker rejects).
    expect(line.querySelector('time')).toBeNull();
    expect(line.querySelector('span[data-today]')!.textContent).toBe('');
    expect(document.querySelector('.site-footer')!.textContent).toContain('© ۱۴۰۴');
  });

  it('builds section pages and a 404 page', () => {
    const document = documentOf('/category/economy/');
    expect(document.querySelector('h1')!.textContent).toBe('اقتصادی');
    expect(document.querySelectorAll('.card').length).toBe(2);
    expect(statSync(path.join(build.outDir, '404.html')).isFile()).toBe(true);
  });

  it('builds the search index of the article pages only, from their article body', () => {
    const manifest = JSON.parse(readFileSync(path.join(build.outDir, 'pagefind/shards.json'), 'utf8')) as {
      shards: { id: string; articles: number; routed: boolean }[];
    };
    // A small archive is one shard, the newest, searched for every query (no routing table needed).
    expect(manifest.shards).toEqual([expect.objectContaining({ articles: 5, routed: false })]);
    expect(JSON.parse(readFileSync(path.join(build.outDir, 'pagefind/routes.json'), 'utf8'))).toEqual({
      shards: [],
      chunks: [],
    });
    const shardDir = path.join(build.outDir, 'pagefind', manifest.shards[0]!.id);
    const entry = JSON.parse(readFileSync(path.join(shardDir, 'pagefind-entry.json'), 'utf8')) as {
      version: string;
      languages: Record<string, { page_count: number }>;
    };
    // Pagefind's scripts carry the check that keeps merged shards precise (shard-precision.ts).
    for (const script of ['pagefind.js', 'pagefind-worker.js']) {
      expect(readFileSync(path.join(shardDir, script), 'utf8')).toContain('bayeganKeepMatchingShards(await');
    }
    // Pagefind's highlighter is served once, for the article a result opens; its own UIs are not.
    expect(statSync(path.join(build.outDir, 'pagefind/pagefind-highlight.js')).isFile()).toBe(true);
    expect(existsSync(path.join(build.outDir, 'pagefind/pagefind-ui.js'))).toBe(false);
    expect(existsSync(path.join(shardDir, 'bayegan-terms.txt'))).toBe(false);
    expect(entry.version).toBe('1.6.0');
    expect(Object.keys(entry.languages)).toEqual(['fa']);
    expect(entry.languages.fa!.page_count).toBe(5);
    for (const file of atLeast(8, htmlFiles(build.outDir), 'built pages')) {
      const bodies = parseHTML(readFileSync(file, 'utf8')).document.querySelectorAll('[data-pagefind-body]');
      const isArticle = path.relative(build.outDir, file).startsWith(`news${path.sep}`);
      expect(bodies.length, file).toBe(isArticle ? 1 : 0);
    }
    const body = documentOf('/news/7/market/').querySelector('[data-pagefind-body]')!;
    expect(body.querySelector('h1')).not.toBeNull();
    expect(body.querySelector('.prose')).not.toBeNull();
    expect(body.querySelector('.share, .related, .breadcrumbs, .neighbours')).toBeNull();
  });
});
