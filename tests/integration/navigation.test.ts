/**
 * Walking the archive: section, tag, reporter and Jalali month pages, paging at the boundaries,
 * breadcrumbs, short links, related stories and the home page blocks. The archive is generated
 * here so each count is visible in the test; the fixture site settings use a page size of 3.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import siteConfig from '../fixtures/site.config';
import { brokenInternalLinks, builtPages, pageExists, readPage, type BuildResult } from '../helpers/build-site';
import { navigationSpecs, ZWNJ } from '../helpers/navigation-fixture';
import { navigationArchive, sharedBuild } from '../helpers/shared-build';
import { atLeast } from '../helpers/at-least';

const PAGE_SIZE = siteConfig.pageSize;
let build: BuildResult;
const doc = (urlPath: string) => parseHTML(readPage(build.outDir, urlPath)).document;
const cardLinks = (urlPath: string) =>
  [...doc(urlPath).querySelectorAll('.listing .card__title a')].map((a) => a.getAttribute('href'));
const crumbs = (urlPath: string) =>
  [...doc(urlPath).querySelectorAll('.breadcrumbs li')].map((li) => {
    const link = li.querySelector('a');
    return link ? `${li.textContent!.trim()} → ${link.getAttribute('href')}` : li.textContent!.trim();
  });

beforeAll(async () => {
  build = await sharedBuild(navigationArchive);
  if (build.status !== 0) throw new Error(`navigation build failed:\n${build.output}`);
});

describe('navigation', () => {
  it('uses the fixture page size of 3', () => {
    expect(PAGE_SIZE).toBe(3);
  });

  it('numbers the pages of a section of page size + 1 from the oldest, with rel prev/next', () => {
    // The newest numbered page holds one story, less than half a page: the front page shows both pages.
    expect(cardLinks('/category/economy/')).toEqual(['/news/7/a7/', '/news/6/a6/', '/news/5/a5/', '/news/4/a4/']);
    expect(cardLinks('/category/economy/1/')).toEqual(['/news/6/a6/', '/news/5/a5/', '/news/4/a4/']);
    expect(cardLinks('/category/economy/2/')).toEqual(['/news/7/a7/']);
    expect(pageExists(build.outDir, '/category/economy/3/')).toBe(false);
    const pager = (urlPath: string) => doc(urlPath).querySelector('.pagination')!;
    const current = (urlPath: string) =>
      pager(urlPath).querySelector('[aria-current="page"]')!.textContent!.replace(/\s+/g, ' ').trim();

    const front = doc('/category/economy/');
    expect(front.querySelector('head link[rel="next"]')).toBeNull();
    expect(front.querySelector('head link[rel="prev"]')).toBeNull();
    expect(current('/category/economy/')).toBe('تازه‌ترین خبرها');
    expect(pager('/category/economy/').querySelector('.pagination__ends a')!.getAttribute('href')).toBe(
      '/category/economy/1/',
    );

    const newest = doc('/category/economy/2/');
    expect(newest.querySelector('head link[rel="next"]')!.getAttribute('href')).toBe('/category/economy/1/');
    expect(newest.querySelector('head link[rel="prev"]')).toBeNull();
    expect(current('/category/economy/2/')).toBe('صفحهٔ ۲');
    expect(newest.title).toBe('اقتصادی (صفحهٔ ۲) | بایگان آزمایشی');

    const oldest = doc('/category/economy/1/');
    expect(oldest.querySelector('head link[rel="prev"]')!.getAttribute('href')).toBe('/category/economy/2/');
    expect(oldest.querySelector('head link[rel="next"]')).toBeNull();
    expect(oldest.querySelector('.pagination a[rel="prev"]')!.getAttribute('href')).toBe('/category/economy/2/');
    expect(
      [...pager('/category/economy/1/').querySelectorAll('.pagination__ends a')].map((a) => a.getAttribute('href')),
    ).toEqual(['/category/economy/']);
  });

  it('keeps a section of exactly one page on one page, without a pager', () => {
    expect(cardLinks('/category/culture/')).toEqual(['/news/3/a3/', '/news/2/a2/', '/news/1/a1/']);
    expect(pageExists(build.outDir, '/category/culture/1/')).toBe(false);
    expect(pageExists(build.outDir, '/category/culture/2/')).toBe(false);
    expect(doc('/category/culture/').querySelector('.pagination')).toBeNull();
  });

  it('merges the spellings of one tag into one tag page', () => {
    const slug = 'همکاریها';
    expect(cardLinks(`/tag/${slug}/`)).toEqual(['/news/6/a6/', '/news/5/a5/', '/news/4/a4/', '/news/2/a2/']);
    expect([...cardLinks(`/tag/${slug}/2/`), ...cardLinks(`/tag/${slug}/1/`)]).toEqual(cardLinks(`/tag/${slug}/`));
    const index = doc('/tag/');
    const entries = [...index.querySelectorAll('.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(entries).toEqual(['کتاب (۳)', `همکاری${ZWNJ}ها (۴)`]);
    expect(index.querySelector(`.counts a[href="/tag/${encodeURIComponent(slug)}/"]`)).not.toBeNull();
    expect(cardLinks('/tag/کتاب/')).toEqual(['/news/3/a3/', '/news/2/a2/', '/news/1/a1/']);
    expect(pageExists(build.outDir, '/tag/کتاب/2/')).toBe(false);
  });

  it('lists each reporter with their articles, co-written ones included', () => {
    expect(cardLinks('/author/ali-rezaei/')).toEqual(['/news/5/a5/', '/news/4/a4/', '/news/2/a2/', '/news/1/a1/']);
    const page = doc('/author/ali-rezaei/');
    expect(page.querySelector('h1')!.textContent).toBe('علی رضایی');
    expect(page.querySelector('.listing')!.textContent).toContain('خبرنگار بازار و تجارت.');
    expect(cardLinks('/author/newsroom/')).toEqual(['/news/7/a7/', '/news/6/a6/', '/news/5/a5/', '/news/3/a3/']);
    expect(cardLinks('/author/newsroom/1/')).toEqual(['/news/6/a6/', '/news/5/a5/', '/news/3/a3/']);
    expect(cardLinks('/author/newsroom/2/')).toEqual(['/news/7/a7/']);
  });

  it('builds the Jalali archive by the Tehran calendar day, leaving out empty months', () => {
    const years = doc('/archive/');
    expect([...years.querySelectorAll('.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      '۱۴۰۳ ۷ خبر',
    ]);
    const year = doc('/archive/1403/');
    expect([...year.querySelectorAll('.counts li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      'مهر ۳ خبر',
      'آذر ۴ خبر',
    ]);
    expect(year.querySelector('.counts a')!.getAttribute('href')).toBe('/archive/1403/07/');
    expect(pageExists(build.outDir, '/archive/1403/08/')).toBe(false);
    expect(cardLinks('/archive/1403/09/')).toEqual(['/news/7/a7/', '/news/6/a6/', '/news/5/a5/', '/news/4/a4/']);
    expect(cardLinks('/archive/1403/07/')).toEqual(['/news/3/a3/', '/news/2/a2/', '/news/1/a1/']);
    expect(doc('/archive/1403/09/').querySelector('h1')!.textContent).toBe('آرشیو آذر ۱۴۰۳');
  });

  it('shows title, lead, Jalali date and section in every listing', () => {
    const card = [...doc('/archive/1403/09/1/').querySelectorAll('.listing .card')].at(-1)!;
    expect(card.querySelector('.card__title')!.textContent!.trim()).toBe('خبر شمارهٔ ۴');
    expect(card.querySelector('.card__lead')!.textContent).toBe('خلاصهٔ خبر شمارهٔ ۴.');
    expect(card.querySelector('time')!.textContent).toBe('پنجشنبه ۱ آذر ۱۴۰۳ - ۰۰:۱۵');
    expect(card.querySelector('.card__kicker a')!.textContent).toBe('اقتصادی');
  });

  it('puts breadcrumbs on article and listing pages', () => {
    expect(crumbs('/news/5/a5/')).toEqual(['خانه → /', 'اقتصادی → /category/economy/', 'خبر شمارهٔ ۵']);
    expect(crumbs('/category/economy/')).toEqual(['خانه → /', 'اقتصادی']);
    expect(crumbs('/category/economy/2/')).toEqual(['خانه → /', 'اقتصادی → /category/economy/', 'صفحهٔ ۲']);
    expect(crumbs('/category/economy/1/')).toEqual(['خانه → /', 'اقتصادی → /category/economy/', 'صفحهٔ ۱']);
    expect(crumbs('/archive/1403/09/')).toEqual(['خانه → /', 'آرشیو → /archive/', '۱۴۰۳ → /archive/1403/', 'آذر']);
    expect(crumbs('/tag/کتاب/')).toEqual(['خانه → /', 'برچسب‌ها → /tag/', 'کتاب']);
    expect(crumbs('/author/newsroom/')).toEqual(['خانه → /', 'نویسندگان → /author/', 'تحریریه']);
  });

  it('gives every article a short link page that leads to its full URL without JavaScript', () => {
    for (const spec of navigationSpecs) {
      const page = doc(`/n/${spec.id}/`);
      const target = `/news/${spec.id}/a${spec.id}/`;
      expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=${target}`);
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
        `https://fixture.example.org${target}`,
      );
      expect(page.querySelector('body a')!.getAttribute('href')).toBe(target);
      expect(page.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    }
    expect(doc('/news/5/a5/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(
      'https://fixture.example.org/news/5/a5/',
    );
  });

  it('lists related stories by shared tags, then section, and the neighbours in the section', () => {
    const page = doc('/news/5/a5/');
    const related = [...page.querySelectorAll('.related .card__title a')].map((a) => a.getAttribute('href'));
    // 6, 4 and 2 share «همکاری‌ها»; 6 and 4 are also economy; the fixture shows 3.
    expect(related).toEqual(['/news/6/a6/', '/news/4/a4/', '/news/2/a2/']);
    expect(page.querySelector('.neighbours a[rel="prev"]')!.getAttribute('href')).toBe('/news/6/a6/');
    expect(page.querySelector('.neighbours a[rel="next"]')!.getAttribute('href')).toBe('/news/4/a4/');
    const newest = doc('/news/7/a7/');
    expect(newest.querySelector('.neighbours a[rel="prev"]')).toBeNull();
  });

  it('offers share links to plain URLs and no third-party script', () => {
    const page = doc('/news/5/a5/');
    const hrefs = [...page.querySelectorAll('.share a')].map((a) => a.getAttribute('href')!);
    const encoded = encodeURIComponent('https://fixture.example.org/news/5/a5/');
    expect(hrefs[0]).toBe(`https://t.me/share/url?url=${encoded}&text=${encodeURIComponent('خبر شمارهٔ ۵')}`);
    expect(hrefs[1]).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(hrefs[2]).toBe(`https://x.com/intent/post?url=${encoded}&text=${encodeURIComponent('خبر شمارهٔ ۵')}`);
    expect(hrefs[3]).toMatch(/^mailto:\?subject=/);
    expect(hrefs[4]).toBe('https://fixture.example.org/n/5/');
    expect(page.querySelector('.share button[data-copy]')!.hasAttribute('hidden')).toBe(true);
    // Scripts come from the site itself only.
    for (const script of atLeast(1, [...page.querySelectorAll('script[src]')], 'scripts'))
      expect(script.getAttribute('src')).toMatch(/^\/_astro\//);
  });

  it('shows the home sections from the settings and only recent breaking news in the ticker', () => {
    const home = doc('/');
    const sections = [...home.querySelectorAll('.home-section')].map((section) => ({
      title: section.querySelector('h2')!.textContent!.trim(),
      links: [...section.querySelectorAll('.card__title a')].map((a) => a.getAttribute('href')),
    }));
    expect(sections).toEqual([
      { title: 'اقتصادی', links: ['/news/7/a7/', '/news/6/a6/'] },
      { title: 'فرهنگ و هنر', links: ['/news/3/a3/', '/news/2/a2/'] },
    ]);
    // Breaking 7 (1 hour before the build) is in; breaking 6 (18 hours) is in; both within 24 hours.
    const ticker = [...home.querySelectorAll('[data-ticker] li')];
    expect(ticker.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(['/news/7/a7/', '/news/6/a6/']);
    expect(ticker[0]!.getAttribute('data-until')).toBe('2024-11-24T07:30:00.000Z');
  });

  it('leaves no internal link without a built page', () => {
    expect(brokenInternalLinks(build.outDir, builtPages(build.outDir))).toEqual([]);
    expect(existsSync(path.join(build.outDir, 'n', '7', 'index.html'))).toBe(true);
  });
});
