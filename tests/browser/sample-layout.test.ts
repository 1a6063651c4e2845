/**
 * The sample archive, as a newsroom first sees it, holds together on the narrowest phones:
 * no page scrolls sideways at 320 px, and nothing is requested from another host.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../helpers/browser';
import { sampleSite, sharedBuild } from '../helpers/shared-build';
import { serveStatic, type StaticServer } from '../helpers/static-server';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const build = await sharedBuild(sampleSite);
  if (build.status !== 0) throw new Error(`sample build failed:\n${build.output}`);
  server = await serveStatic(build.outDir);
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pages = [
  '/',
  '/news/1012/public-libraries-bill/',
  '/news/1004/ai-startup-weekend/',
  '/news/1005/shiraz-council-budget-1402/',
  // A gallery, a video and a sound.
  '/news/1015/tabriz-bazaar-photo-report/',
  '/news/1014/u17-asian-champions/',
  '/news/1016/tehran-snow-live/',
  '/corrections/',
  '/category/economy/',
  '/tag/',
  '/author/',
  '/author/maryam-karimi/',
  '/archive/',
  '/archive/1403/',
  '/archive/1403/09/',
  '/feeds/',
  '/search/?q=کتاب',
  '/404.html',
];

describe('sample archive on a 320 px phone', () => {
  it('never scrolls sideways and stays on the site', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    const overflowing: string[] = [];
    for (const urlPath of pages) {
      const response = await page.goto(server.origin + urlPath, { waitUntil: 'networkidle' });
      expect(response?.status(), urlPath).toBe(200);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) overflowing.push(`${urlPath}: ${overflow}px`);
    }
    expect(overflowing).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });
});
