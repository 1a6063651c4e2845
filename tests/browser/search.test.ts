/**
 * Persian search as a reader uses it: queries typed into the real /search/ page of a built site,
 * each with the articles it must find and must not find. Every article of the fixture carries one
 * spelling variant in a word used nowhere else (see the table below).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ui } from '../../src/i18n/fa';
import { toPersianDigits } from '../../src/lib/persian/digits';
import { sharedChromium } from '../helpers/browser';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { ZWNJ } from '../../src/lib/persian/script';

/** Article id → the sentence that carries its variant. */
const articles: Record<number, string> = {
  1: 'باغ زیتون روستا امسال پربار بود.', // Persian yeh
  2: 'برداشت انجير در استهبان آغاز شد.', // Arabic yeh
  3: 'صادرات كشمش ملایر افزایش یافت.', // Arabic kaf
  4: 'کلوچه فومن در نمایشگاه سوغات.', // Persian kaf
  5: 'جایزه به مصطفى رسید.', // alef maksura
  6: 'مدرسة علمیه قدیمی مرمت شد.', // teh marbuta
  7: 'ساختمان خانۀ سالمندان افتتاح شد.', // heh with hamza (ۀ)
  8: `شهروندان می${ZWNJ}خواهند پارک بماند.`, // ZWNJ prefix
  9: 'گلدان ها در بازار گل فروخته شد.', // detached suffix, written apart
  10: 'کاروانسراها مرمت می‌شوند.', // suffix written joined
  11: 'مُعَلِّم نمونه معرفی شد.', // tashkeel
  12: 'ســـفر نوروزی آغاز شد.', // tatweel
  13: 'انقلاب ۱۳۵۷ در موزه.', // Persian digits
  14: 'قرارداد 1368 بازخوانی شد.', // ASCII digits
  15: 'سند ١٣٨٠ پیدا شد.', // Arabic-Indic digits
  16: `درخت${ZWNJ}های کهن شهر شناسنامه گرفتند.`, // plural with ZWNJ
  17: 'درختان پارک آبیاری شدند.', // plural -ان
  18: `بزرگ${ZWNJ}ترین سد استان آبگیری شد.`, // superlative
  19: 'قطار سریع اصفهان راه افتاد.', // phrase
  20: 'قطار باری دیروز با سرعت کم و بسیار سریع به ایستگاه رسید.', // same words, not a phrase
  21: 'او تنها نماینده ایران بود.', // a word that merely ends in ها
  22: 'مسابقه تنیس برگزار شد.', // what «تنها» stemmed too far would find
  23: 'ستاره‌ای نمایان شد.', // a word that merely ends in یان
  24: 'نمایشگاه گل گشایش یافت.', // what «نمایان» stemmed too far would find
  25: 'ایرانیان خارج از کشور رأی دادند.', // plural -یان
};

interface Case {
  query: string;
  find: number[];
  notFind?: number[];
}

const cases: Case[] = [
  // Arabic and Persian letters
  { query: 'زيتون', find: [1] },
  { query: 'زیتون', find: [1] },
  { query: 'انجیر', find: [2] },
  { query: 'انجير', find: [2] },
  { query: 'کشمش', find: [3] },
  { query: 'كلوچه', find: [4] },
  { query: 'مصطفی', find: [5] },
  { query: 'مصطفي', find: [5] },
  { query: 'مدرسه', find: [6] },
  { query: 'مدرسة', find: [6] },
  { query: 'خانه سالمندان', find: [7] },
  { query: 'خانهٔ سالمندان', find: [7] },
  { query: 'خانۀ', find: [7] },
  // ZWNJ, space or joined
  { query: 'میخواهند', find: [8] },
  { query: 'می خواهند', find: [8] },
  { query: `می${ZWNJ}خواهند`, find: [8] },
  { query: 'گلدانها', find: [9] },
  { query: `گلدان${ZWNJ}ها`, find: [9] },
  { query: 'گلدان ها', find: [9] },
  { query: `کاروانسرا${ZWNJ}ها`, find: [10] },
  // Diacritics and tatweel
  { query: 'معلم', find: [11] },
  { query: 'مُعلّم', find: [11] },
  { query: 'سفر', find: [12] },
  { query: 'ســفر', find: [12] },
  // Three digit scripts
  { query: '1357', find: [13] },
  { query: '١٣٥٧', find: [13] },
  { query: '۱۳۶۸', find: [14] },
  { query: '1380', find: [15] },
  // Plural and superlative forms
  { query: 'درختها', find: [16, 17] },
  { query: 'درخت', find: [16, 17] },
  { query: 'بزرگترین', find: [18] },
  { query: 'بزرگ ترین', find: [18] },
  // «ایرانیان» is searched as «ایران»: the plural finds the singular too.
  { query: 'ایرانیان', find: [21, 25] },
  // Quoted phrases
  { query: '"قطار سریع"', find: [19], notFind: [20] },
  { query: '«قطار سریع»', find: [19], notFind: [20] },
  { query: 'قطار سریع', find: [19, 20] },
  // Precision: words that merely end in ها / یان
  { query: 'تنها', find: [21], notFind: [22] },
  { query: 'نمایان', find: [23], notFind: [24] },
];

let server: StaticServer;
let shardedServer: StaticServer;
let shardedPage: Page;
let shardCount = 0;
let browser: Browser;
let page: Page;

const dayOf = (id: number) => String((id % 28) + 1).padStart(2, '0');

/** One month of 1403: the whole archive fits in one shard of the search index. */
const inOneMonth = (id: number) => `1403/09/${dayOf(id)} 10:00`;

/**
 * Spread over five Jalali years and three months of each: with tests/fixtures/search-site.config.ts
 * the index comes in many shards that the search page merges.
 */
const yearOf = (id: number) => 1399 + ((id + 1) % 5);
const overFiveYears = (id: number) => `${yearOf(id)}/${String(1 + (id % 3) * 4).padStart(2, '0')}/${dayOf(id)} 10:00`;

function writeArchive(name: string, articleDate: (id: number) => string): string {
  const contentDir = path.join(tmpRoot, name, 'content');
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  for (const folder of ['categories', 'authors']) {
    cpSync(path.join(projectRoot, 'tests/fixtures/archive', folder), path.join(contentDir, folder), {
      recursive: true,
    });
  }
  for (const [id, sentence] of Object.entries(articles)) {
    writeFileSync(
      path.join(contentDir, 'articles', `s${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: 'گزارش شمارهٔ ${toPersianDigits(id)}'`,
        "lead: 'گزارشی کوتاه.'",
        `date: ${articleDate(Number(id))}`,
        `category: ${Number(id) % 2 ? 'economy' : 'culture'}`,
        "authors: ['ali-rezaei']",
        '---',
        '',
        sentence,
        '',
      ].join('\n'),
    );
  }
  return contentDir;
}

/** The article ids of the result links shown. */
const shownIds = (page: Page) =>
  page
    .locator('.search-result__link')
    .evaluateAll((links) => links.map((link) => Number(/\/news\/(\d+)\//.exec(link.getAttribute('href') ?? '')?.[1])));

/** Waits until the status reports the search for `query` done. */
async function settled(page: Page, query: string) {
  await page.waitForFunction((typed) => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status.includes(`«${typed}»`) && !/در حال/.test(status);
  }, query);
}

/**
 * Every result of a query, newest first: «نتایج قدیمی‌تر» is pressed until the archive is done. The
 * query is sent with Enter, as a reader who does not wait for the pause after typing does (the
 * pause itself has its own test below): 600 ms a query fewer, for about 80 queries.
 */
async function search(query: string, page: Page): Promise<number[]> {
  const input = page.locator('#search-input');
  await input.fill('');
  await input.press('Enter');
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') === '');
  await input.fill(query);
  await input.press('Enter');
  await settled(page, query);
  await showAll(page);
  return shownIds(page);
}

async function showAll(page: Page) {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('.search-result').length > count ||
        (document.querySelector<HTMLButtonElement>('#search-more')?.hidden ?? true),
      before,
    );
  }
}

beforeAll(async () => {
  const now = { BAYEGAN_NOW: '2025-01-01T12:00:00+03:30' };
  // Two sites, built side by side.
  const [build, sharded] = await Promise.all([
    buildSite('search', writeArchive('search', inOneMonth), now),
    buildSite('search-shards', writeArchive('search-shards', overFiveYears), {
      ...now,
      BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/search-site.config.ts'),
    }),
  ]);
  if (build.status !== 0) throw new Error(`search build failed:\n${build.output}`);
  if (sharded.status !== 0) throw new Error(`sharded search build failed:\n${sharded.output}`);
  shardCount = (
    JSON.parse(readFileSync(path.join(sharded.outDir, 'pagefind/shards.json'), 'utf8')) as { shards: unknown[] }
  ).shards.length;
  server = await serveStatic(build.outDir);
  shardedServer = await serveStatic(sharded.outDir);
  browser = await sharedChromium();
  page = await browser.newPage();
  await page.goto(`${server.origin}/search/`, { waitUntil: 'networkidle' });
  shardedPage = await browser.newPage();
  // The whole archive, as every reader searches it.
  await shardedPage.goto(`${shardedServer.origin}/search/`, { waitUntil: 'networkidle' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await shardedServer?.close();
});

describe('Persian search on the real search page', () => {
  it(`covers at least 30 queries (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const { query, find, notFind = [] } of cases) {
    it(`«${query}» finds ${find.join(', ')}${notFind.length ? ` and not ${notFind.join(', ')}` : ''}`, async () => {
      const found = (await search(query, page)).sort((a, b) => a - b);
      expect(found).toEqual([...find].sort((a, b) => a - b));
      for (const id of notFind) expect(found).not.toContain(id);
      // The reader still sees what they typed.
      expect(await page.locator('#search-input').inputValue()).toBe(query);
    });
  }

  it('searches as the reader types, once they pause, and not for every letter', async () => {
    const input = page.locator('#search-input');
    await input.fill('');
    await input.press('Enter');
    const searches: string[] = [];
    await page.exposeFunction('recordStatus', (text: string) => searches.push(text));
    await page.evaluate(() => {
      const status = document.querySelector('#search-status')!;
      const record = (window as unknown as { recordStatus: (text: string) => void }).recordStatus;
      const observer = new MutationObserver(() => record(status.textContent ?? ''));
      observer.observe(status, { childList: true, subtree: true, characterData: true });
      (window as unknown as { statusObserver: MutationObserver }).statusObserver = observer;
    });
    // Typed letter by letter, faster than the pause: one search, for the whole word.
    await input.pressSequentially('کشمش', { delay: 50 });
    await settled(page, 'کشمش');
    expect(await shownIds(page)).toEqual([3]);
    await page.evaluate(() => (window as unknown as { statusObserver: MutationObserver }).statusObserver.disconnect());
    expect(searches.filter((text) => text.includes('«'))).toEqual([searches.at(-1)]);
  });

  it('indexes the story, not the page around it: the short link printed with the story is left out', async () => {
    // «پیوند کوتاه: https://…/n/7/» is on every article page for print; no fixture story says «پیوند».
    expect(await search(ui.shortLink.split(' ')[0]!, page)).toEqual([]);
  });

  it('reaches results from the header search form, without JavaScript in the form', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto(`${server.origin}/`);
    await reader.fill('#site-search', 'كشمش');
    await reader.press('#site-search', 'Enter');
    await reader.waitForURL(/\/search\/\?q=/);
    await reader.waitForSelector('.search-result__link');
    expect(await shownIds(reader)).toEqual([3]);
    expect(await reader.locator('#search-input').inputValue()).toBe('كشمش');
    await context.close();
  });

  it('shows Persian filters (section, year, reporter) and the section and date of each result', async () => {
    await search('زیتون', page);
    const filters = await page.locator('.archive-search__filter-name').allTextContents();
    expect(filters.sort()).toEqual(['سال', 'نویسنده', 'گروه خبری'].sort());
    const meta = await page.locator('.search-result__meta').allTextContents();
    expect(meta.join(' ')).toContain('۱۴۰۳');
    expect(meta.join(' ')).toContain('اقتصاد');
  });

  it('says that search needs JavaScript when it is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reader = await context.newPage();
    await reader.goto(`${server.origin}/search/?q=test`);
    expect(await reader.locator('main').textContent()).toContain('جستجو در این سایت به جاوااسکریپت نیاز دارد');
    await context.close();
  });
});

/**
 * A large archive's index comes in shards (src/lib/search/shards.ts) merged in the reader's browser.
 * Pagefind answers a word missing from a shard with that shard's nearest shorter word
 * (Pagefind/pagefind#780); src/lib/search/shard-precision.ts leaves such shards out, so every
 * query finds exactly what it finds in one index.
 */
describe('search over an index in shards', () => {
  it('merges the shards of the index: the archive of five years comes in more than four', () => {
    expect(shardCount).toBeGreaterThan(4);
  });

  it('searches the whole archive by default, newest first, ten results at a time', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    // «گزارش» is in every article's title.
    await reader.goto(`${shardedServer.origin}/search/?q=${encodeURIComponent('گزارش')}`);
    await settled(reader, 'گزارش');
    const first = await shownIds(reader);
    expect(first).toHaveLength(10);
    expect(await reader.locator('#search-more').isVisible()).toBe(true);
    await showAll(reader);
    const all = await shownIds(reader);
    expect([...all].sort((a, b) => a - b)).toEqual(Object.keys(articles).map(Number));
    expect(all.slice(0, 10)).toEqual(first);
    // Newest first: by publication date, across every shard.
    const dates = all.map((id) => overFiveYears(id));
    const byDate = (date: string) => date.replace(/\D/g, '').padStart(14, '0');
    expect(dates.map(byDate)).toEqual([...dates].map(byDate).sort().reverse());
    expect(await reader.locator('#search-status').textContent()).toContain('۲۵ نتیجه برای «گزارش»');
    await context.close();
  });

  it('finds a story of the oldest year by default, loading only the shards that hold its word', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    const metas: string[] = [];
    reader.on('request', (request) => {
      if (request.url().endsWith('.pf_meta')) metas.push(new URL(request.url()).pathname.split('/')[2]!);
    });
    // «کلوچه» is only in article 4, of 1399, the oldest year.
    expect(yearOf(4)).toBe(1399);
    await reader.goto(`${shardedServer.origin}/search/?q=${encodeURIComponent('کلوچه')}`);
    await settled(reader, 'کلوچه');
    expect(await shownIds(reader)).toEqual([4]);
    const manifest = JSON.parse(
      await (await reader.request.get(`${shardedServer.origin}/pagefind/shards.json`)).text(),
    ) as { shards: { id: string; routed: boolean; years: number[] }[] };
    const routed = metas.filter((id) => manifest.shards.find((shard) => shard.id === id)?.routed);
    // One year shard of the archive's many: the one the routing table names.
    expect(routed).toHaveLength(1);
    expect(manifest.shards.find((shard) => shard.id === routed[0])!.years).toEqual([1399, 1399]);
    await context.close();
  });

  it('filters by year, section and reporter across the archive, and keeps them in the address', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();
    await reader.goto(`${shardedServer.origin}/search/?q=${encodeURIComponent('گزارش')}&year=1399`);
    await settled(reader, 'گزارش');
    await showAll(reader);
    const ofYear = await shownIds(reader);
    expect(ofYear.length).toBeGreaterThan(0);
    expect(new Set(ofYear.map(yearOf))).toEqual(new Set([1399]));
    expect(ofYear.length).toBe(Object.keys(articles).filter((id) => yearOf(Number(id)) === 1399).length);

    await reader.selectOption('select[name="year"]', '');
    await reader.selectOption('select[name="section"]', 'economy');
    await reader.waitForURL(/section=economy/);
    await settled(reader, 'گزارش');
    await showAll(reader);
    const economy = await shownIds(reader);
    expect(economy.length).toBe(13);
    expect(economy.every((id) => id % 2 === 1)).toBe(true);
    await context.close();
  });

  for (const { query, find, notFind = [] } of cases) {
    it(`«${query}» finds ${find.join(', ')} across the merged shards, and nothing else`, async () => {
      const found = (await search(query, shardedPage)).sort((a, b) => a - b);
      expect(found).toEqual([...find].sort((a, b) => a - b));
      for (const id of notFind) expect(found).not.toContain(id);
    });
  }
});
