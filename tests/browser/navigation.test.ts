/**
 * Navigation a reader clicks through, in headless Chromium: the short link, the breaking-news
 * ticker (expiry on the reader's clock, reduced motion) and the copy-link button.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../helpers/browser';
import { navigationArchive, sharedBuild } from '../helpers/shared-build';
import { serveStatic, type StaticServer } from '../helpers/static-server';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const build = await sharedBuild(navigationArchive);
  if (build.status !== 0) throw new Error(`navigation build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reader navigation', () => {
  it('follows a short link to the full article URL, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/n/5/`);
    await page.waitForURL(`${server.origin}/news/5/a5/`);
    expect(await page.locator('h1').textContent()).toBe('خبر شمارهٔ ۵');
    await context.close();
  });

  it('walks home → section → article → tag → archive month with clicks', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('.home-section h2 a', { hasText: 'اقتصادی' }).click();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/category/economy/');
    // The section's four stories are all on its front page; its oldest numbered page is one click away.
    expect(await page.locator('.listing .card').count()).toBe(4);
    await page.locator('.pagination a', { hasText: 'نخستین صفحه' }).click();
    expect(new URL(page.url()).pathname).toBe('/category/economy/1/');
    await page.locator('.pagination a[rel="prev"]').click();
    expect(new URL(page.url()).pathname).toBe('/category/economy/2/');
    await page.locator('.pagination a[rel="next"]').click();
    expect(new URL(page.url()).pathname).toBe('/category/economy/1/');
    await page.locator('.listing .card__title a').last().click();
    expect(new URL(page.url()).pathname).toBe('/news/4/a4/');
    await page.locator('.tags a').first().click();
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/tag/همکاریها/');
    await page.goto(`${server.origin}/archive/`);
    await page.locator('.counts a').first().click();
    await page.locator('.counts a', { hasText: 'آذر' }).click();
    expect(new URL(page.url()).pathname).toBe('/archive/1403/09/');
    expect(await page.locator('.listing .card').count()).toBe(4);
    await context.close();
  });

  it('shows breaking news while it is recent and drops it on the reader clock afterwards', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2024-11-23T12:00:00+03:30'));
    await page.goto(`${server.origin}/`);
    expect(await page.locator('[data-ticker] li').count()).toBe(2);
    // 20 hours later the article of 1403/09/02 18:00 is past its 24 hours; the other is not.
    await page.clock.setFixedTime(new Date('2024-11-24T08:00:00+03:30'));
    await page.reload();
    expect(await page.locator('[data-ticker] li').count()).toBe(1);
    await page.clock.setFixedTime(new Date('2024-11-30T12:00:00+03:30'));
    await page.reload();
    expect(await page.locator('[data-ticker]').count()).toBe(0);
    await context.close();
  });

  it('moves the ticker only for readers who have not asked for reduced motion', async () => {
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date('2024-11-23T12:00:00+03:30'));
      await page.goto(`${server.origin}/`);
      const name = await page.locator('.ticker__items').evaluate((list) => getComputedStyle(list).animationName);
      await context.close();
      return name;
    };
    expect(await animationOf('no-preference')).not.toBe('none');
    expect(await animationOf('reduce')).toBe('none');
  });

  it('copies the short link with the copy button when JavaScript can', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.origin}/news/5/a5/`);
    const button = page.locator('.share button[data-copy]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://fixture.example.org/n/5/');
    expect(await button.textContent()).toBe('پیوند رونوشت شد');
    await context.close();
  });
});
