/**
 * A gallery, a video and a sound in a reader's browser (the fixture's MDX notice, served with the
 * site's own headers, CSP included): the keyboard walks the gallery's pictures in reading order and
 * opens one; the gallery works with JavaScript off; the video plays from the site itself with its
 * Persian captions, and nothing breaks the CSP. Axe, the skip link and focus rings on this page:
 * tests/browser/quality.test.ts («article with media»).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPageProblems, sharedChromium } from '../helpers/browser';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { serveStatic, type StaticServer } from '../helpers/static-server';

const NOTICE = '/news/2/notice/';
const PHONE = { width: 390, height: 844 };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  server = await serveStatic(build.outDir, { withHeaders: true });
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records CSP violations, console errors and requests to any other host. */
async function watch(page: Page) {
  const problems = await recordPageProblems(page);
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:'))
      problems.push(`request to ${request.url()}`);
  });
  return problems;
}

describe('the gallery', () => {
  it('is walked with Tab, picture by picture in reading order, each link with a focus ring; Enter opens the picture', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(server.origin + NOTICE, { waitUntil: 'networkidle' });
    const links = page.locator('.gallery a');
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(3);

    // From the last focusable element before the gallery, Tab reaches each picture in turn.
    await page.locator('.gallery').evaluate((gallery) => {
      const before = document.createElement('button');
      before.id = 'before-gallery';
      gallery.before(before);
      before.focus();
    });
    const reached: { href: string | null; outline: string }[] = [];
    for (let i = 0; i < hrefs.length; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const style = getComputedStyle(active);
          return { href: active.getAttribute('href'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
        }),
      );
    }
    expect(reached.map((item) => item.href)).toEqual(hrefs);
    for (const item of reached) expect(item.outline).toMatch(/^solid [1-9]/);

    // In a right-to-left page the first picture is the rightmost of its row.
    const boxes = await links.evaluateAll((all) => all.slice(0, 2).map((a) => a.getBoundingClientRect().left));
    expect(boxes[0]).toBeGreaterThan(boxes[1]!);

    await page.locator('#before-gallery').evaluate((button) => button.remove());
    expect(problems).toEqual([]);
    // (Chromium's own viewer of the opened picture styles it inline, which the site's CSP refuses:
    // the picture shows all the same, so what follows the navigation is not checked for that.)
    await links.first().focus();
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().isNavigationRequest() && answer.frame() === page.mainFrame()),
      // The picture is open (and loaded) once the page's address is the picture's.
      page.waitForURL(/\.webp$/),
      page.keyboard.press('Enter'),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/webp');
    expect(await page.evaluate(() => (document.querySelector('img') as HTMLImageElement).naturalWidth)).toBeGreaterThan(
      0,
    );
    await context.close();
  });

  it('shows every picture with JavaScript off, loaded as it scrolls into view', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.origin + NOTICE, { waitUntil: 'networkidle' });
    const images = page.locator('.gallery img');
    expect(await images.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await images.nth(i).scrollIntoViewIfNeeded();
      await expect
        .poll(() => images.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
      // A thumbnail fills its column on a phone: two to a row.
      const width = await images.nth(i).evaluate((img) => img.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(120);
      expect(width).toBeLessThan(PHONE.width / 2);
    }
    await context.close();
  });
});

describe('video and sound', () => {
  it('play from the site itself with the Persian captions, within the CSP', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(server.origin + NOTICE, { waitUntil: 'networkidle' });
    // preload="none": nothing of the video or sound before the reader asks (the captions, a few
    // hundred bytes, come with the page, so they show from the first second).
    const mediaRequests = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => /\.webm$/.test(name)),
      );
    expect(await mediaRequests()).toEqual([]);

    const cues = await page.locator('.prose video').evaluate(async (video: HTMLVideoElement) => {
      video.muted = true;
      const track = video.textTracks[0]!;
      track.mode = 'showing';
      await video.play();
      await new Promise((resolve) => setTimeout(resolve, 500));
      video.pause();
      return [...(track.cues ?? [])].map((cue) => (cue as VTTCue).text);
    });
    expect(cues).toEqual(['آفتاب صبح بر سردر بازار', 'غرفه‌ها یکی‌یکی باز می‌شوند']);
    const played = await page.locator('.prose audio').evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 300));
      audio.pause();
      return audio.currentTime > 0;
    });
    expect(played).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
