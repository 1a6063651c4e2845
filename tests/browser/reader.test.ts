/**
 * What a reader sees, in real headless Chromium, on the fixture archive served from localhost.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, resolveChromium, sharedChromium } from '../helpers/browser';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { ZWNJ } from '../../src/lib/persian/script';

const ARTICLE = '/news/7/market/';
// The narrowest phones still in use: the layout must hold from 320 px.
const PHONE = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 900 };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // Built on 1404/01/12 (2025-04-01) in Tehran: the date shown without JavaScript below.
  const build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records every request leaving the local server and every console error. */
async function openPage(context: BrowserContext, urlPath: string) {
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:'))
      foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(server.origin + urlPath, { waitUntil: 'networkidle' });
  return { page, foreignRequests, consoleErrors };
}

const todayText = (page: Page) => page.locator('time[data-today]').textContent();

describe('reader in a browser', () => {
  it("shows today's date in the three calendars for the reader's day, not the build day", async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: 'UTC' });
    const page = await context.newPage();
    // Friday 22 Nov 2024 21:00 UTC is already Saturday 3 Azar 1403 in Tehran, in every calendar.
    await page.clock.setFixedTime(new Date('2024-11-22T21:00:00Z'));
    await page.goto(server.origin + '/', { waitUntil: 'networkidle' });
    expect(await todayText(page)).toBe(`شنبه ۳ آذر ۱۴۰۳ - ۲۱ جمادی${ZWNJ}الاول ۱۴۴۶ - 23 November 2024`);
    expect(await page.locator('time[data-today]').getAttribute('datetime')).toBe('2024-11-23');
    expect(await page.locator('time[data-today] span[lang="en"][dir="ltr"]').textContent()).toBe('23 November 2024');
    await context.close();
  });

  it('keeps each date of the line whole, wrapping between them on a narrow phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-11-30T06:00:00Z'));
    await page.goto(server.origin + ARTICLE, { waitUntil: 'networkidle' });
    const lines = await page.locator('time[data-today] > span').evaluateAll((spans) =>
      // The lines a date's boxes sit on (bidi runs of digits and letters make several boxes per line).
      spans.map((span) => new Set([...span.getClientRects()].map((rect) => Math.round(rect.top))).size),
    );
    // Three dates, each on one line, whatever the line as a whole does at 320 px: it does wrap there.
    expect(lines).toEqual([1, 1, 1]);
    const tops = await page
      .locator('time[data-today] > span')
      .evaluateAll((spans) => spans.map((span) => Math.round(span.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    await context.close();
  });

  it('falls back to the build date without JavaScript on the home page, and to no date elsewhere', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.origin + '/', { waitUntil: 'networkidle' });
    expect(await todayText(page)).toBe('سه‌شنبه ۱۲ فروردین ۱۴۰۴ - ۳ شوال ۱۴۴۶ - 1 April 2025');
    expect(await page.locator('#latest .card').count()).toBe(5);
    // An article page may be carried over from a build days ago: it shows no day rather than a past one.
    await page.goto(server.origin + ARTICLE, { waitUntil: 'networkidle' });
    expect(await page.locator('.today').isVisible()).toBe(false);
    expect(await page.locator('h1').textContent()).toContain('بازار مرکزی');
    await context.close();
  });

  it("shows the reader's day on an article page too, when JavaScript runs", async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2024-11-22T21:00:00Z'));
    await page.goto(server.origin + ARTICLE, { waitUntil: 'networkidle' });
    expect(await page.locator('.today').isVisible()).toBe(true);
    expect(await page.locator('.today').textContent()).toMatch(/^امروز:\s+شنبه ۳ آذر ۱۴۰۳ - .+ - 23 November 2024$/);
    expect(await page.locator('time[data-today]').getAttribute('datetime')).toBe('2024-11-23');
    await context.close();
  });

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`lays out home, section and article right to left on a ${name}, with no request off the site`, async () => {
      const context = await browser.newContext({ viewport });
      for (const urlPath of ['/', '/category/economy/', ARTICLE, `/news/3/${encodeURIComponent('کتاب-تابستان')}/`]) {
        const { page, foreignRequests, consoleErrors } = await openPage(context, urlPath);
        expect(foreignRequests, urlPath).toEqual([]);
        expect(consoleErrors, urlPath).toEqual([]);
        const layout = await page.evaluate(() => {
          // The extent of the first heading's text (not its box, which is full-width either way).
          const heading = document.querySelector('main .section-title, main .article__kicker a')!;
          const range = document.createRange();
          range.selectNodeContents(heading);
          const text = range.getBoundingClientRect();
          return {
            dir: getComputedStyle(document.documentElement).direction,
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            rightGap: document.documentElement.clientWidth - text.right,
            leftGap: text.left,
          };
        });
        expect(layout.dir, urlPath).toBe('rtl');
        // Nothing pushes the page wider than the screen (a classic RTL bug: a sideways scroll).
        expect(layout.overflow, urlPath).toBeLessThanOrEqual(0);
        // The heading's text starts at the right-hand side of the page.
        expect(layout.rightGap, urlPath).toBeLessThan(layout.leftGap);
        await page.close();
      }
      await context.close();
    });
  }

  it('uses the self-hosted Vazirmatn font', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const { page } = await openPage(context, ARTICLE);
    const font = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        family: getComputedStyle(document.body).fontFamily,
        loaded: document.fonts.check('16px "Vazirmatn Variable"', 'سلام'),
        files: performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => name.endsWith('.woff2')),
      };
    });
    expect(font.family).toMatch(/^"?Vazirmatn Variable/);
    expect(font.loaded).toBe(true);
    expect(font.files.some((file) => file.startsWith(server.origin) && file.includes('vazirmatn-arabic'))).toBe(true);
    await context.close();
  });

  it('follows the reader into dark mode', async () => {
    const context = await browser.newContext({ viewport: PHONE, colorScheme: 'dark' });
    const { page } = await openPage(context, ARTICLE);
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .match(/\d+/g)!
      .map(Number);
    expect((r! + g! + b!) / 3).toBeLessThan(60);
    await context.close();
  });

  it('prints just the story: menus, footer, breadcrumbs and share links are hidden', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page } = await openPage(context, ARTICLE);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mainnav').isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.breadcrumbs').isVisible()).toBe(false);
    expect(await page.locator('.share').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await page.locator('.prose').isVisible()).toBe(true);
    // On paper the reader still gets the way back to the story.
    expect(await page.locator('.print-only').textContent()).toContain('https://fixture.example.org/n/7/');
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    await context.close();
  });

  it('opens a Persian-slug article from the home page link', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const { page } = await openPage(context, '/');
    await page.locator('#latest').getByRole('link', { name: 'کتاب تابستانی برای کودکان' }).click();
    await page.waitForLoadState('networkidle');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/news/3/کتاب-تابستان/');
    expect(await page.locator('h1').textContent()).toBe('کتاب تابستانی برای کودکان');
    await context.close();
  });
});

describe('on a machine without a system Chromium', () => {
  it('the tests drive the Chromium of the npm package @sparticuz/chromium, which renders the site alike', async () => {
    const { source } = await resolveChromium([]);
    expect(source).toBe('@sparticuz/chromium');
    const packaged = await launchChromium([]);
    try {
      const context = await packaged.newContext({ viewport: PHONE });
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.origin)) foreign.push(request.url());
      });
      await page.goto(server.origin + ARTICLE, { waitUntil: 'networkidle' });
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('h1').textContent()).toContain('بازار مرکزی');
      // The self-hosted Persian font is the one in use, and the layout holds at 320 px.
      const loadedFonts = await page.evaluate(() =>
        [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
      );
      expect(loadedFonts.some((family) => family.includes('Vazirmatn'))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(foreign).toEqual([]);
      await context.close();
    } finally {
      await packaged.close();
    }
  });
});
