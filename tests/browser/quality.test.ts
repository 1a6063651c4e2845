/**
 * Every kind of page, served with the site's own `_headers` (CSP included) in Debian's Chromium:
 * no Content-Security-Policy violation and no console error, zero axe-core accessibility
 * violations on phone and desktop in light and dark mode, and a keyboard path with a visible focus.
 * The same build is then served by Cloudflare's own runtime (`wrangler pages dev`): it must answer
 * every kind of request as our test server does, and break no page either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPageProblems, sharedChromium } from '../helpers/browser';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { serveStatic, serveWithCloudflare, type StaticServer } from '../helpers/static-server';
import { ui } from '../../src/i18n/fa';
import { inOrder } from '../../src/lib/in-order';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
/** The axe rules (of WCAG 2.1 A and AA) that read colours: text contrast, links told apart from text. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

let outDir: string;
let server: StaticServer;
let browser: Browser;
/** One URL of every page type of the fixture archive. */
let pages: Record<string, string>;

beforeAll(async () => {
  const build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  outDir = build.outDir;
  server = await serveStatic(outDir, { withHeaders: true });
  browser = await sharedChromium();
  const home = await browser.newPage();
  await home.goto(`${server.origin}/tag/`);
  const tag = await home.locator('main a[href^="/tag/"]').first().getAttribute('href');
  await home.goto(`${server.origin}/archive/1403/`);
  const month = await home.locator('main a[href^="/archive/1403/"]').first().getAttribute('href');
  await home.close();
  pages = {
    home: '/',
    section: '/category/economy/',
    article: '/news/7/market/',
    'corrected article': '/news/8/last-day-of-leap-year/',
    'live page': '/news/5/snow-live/',
    corrections: '/corrections/',
    'article with a Persian slug': `/news/3/${encodeURIComponent('کتاب-تابستان')}/`,
    // Pictures with credits, a gallery, a video and a sound (tests/browser/media.test.ts plays them).
    'article with media': '/news/2/notice/',
    'tag index': '/tag/',
    tag: tag!,
    'reporter index': '/author/',
    reporter: '/author/ali-rezaei/',
    archive: '/archive/',
    'archive year': '/archive/1403/',
    'archive month': month!,
    search: `/search/?q=${encodeURIComponent('بازار')}`,
    feeds: '/feeds/',
    'comment sent': '/comments/thanks/',
    'comment refused': '/comments/refused/',
    'not found': '/no-such-page/',
  };
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a page recording CSP violations and console errors; waits for search results if any. By
 * default until the network is idle (a late request could break the CSP); axe, which reads the
 * page as it stands, needs only its load.
 */
async function open(
  page: Page,
  urlPath: string,
  origin = server.origin,
  waitUntil: 'networkidle' | 'load' = 'networkidle',
) {
  const errors = await recordPageProblems(page);
  await page.goto(origin + urlPath, { waitUntil });
  if (urlPath.startsWith('/search/')) await page.locator('.search-result').first().waitFor();
  return errors;
}

/** The page types (all by default) without a CSP violation or console error, and the short link. */
async function expectNoBrokenPage(origin: string, names = Object.keys(pages)) {
  const context = await browser.newContext({ viewport: PHONE });
  // Four pages open at a time: each waits half a second of network quiet, which need not be in a row.
  const opened = inOrder(names, 4, async (name) => {
    const page = await context.newPage();
    const errors = await open(page, pages[name]!, origin);
    await page.close();
    return { name, errors };
  });
  for await (const { name, errors } of opened) {
    // The 404 page is served with status 404, which Chromium logs as a failed resource.
    expect(
      errors.filter((e) => !(name === 'not found' && /404/.test(e))),
      name,
    ).toEqual([]);
  }
  const page = await context.newPage();
  await page.goto(`${origin}/n/7/`);
  await page.waitForURL(`${origin}/news/7/market/`);
  await context.close();
}

describe('served with the CDN headers', () => {
  it('sends the Content-Security-Policy and security headers with every page', async () => {
    const response = await fetch(`${server.origin}/news/7/market/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // The web editor's own policy (docs/editor.md#content-security-policy), there and only there.
    const admin = (await fetch(`${server.origin}/admin/`)).headers.get('content-security-policy');
    expect(admin).toMatch(/^default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline';/);
    expect(admin).not.toContain(',');
    expect(response.headers.get('content-security-policy')).not.toMatch(/'unsafe-eval'|blob:/);
  });

  it('redirects old addresses, adds the folder slash, and answers unknown paths with the 404 page', async () => {
    const get = (urlPath: string) => fetch(server.origin + urlPath, { redirect: 'manual' });
    const feed = await get('/feed?utm_source=x');
    expect([feed.status, feed.headers.get('location')]).toEqual([301, '/rss.xml?utm_source=x']);
    const noSlash = await get('/news/7/market');
    expect([noSlash.status, noSlash.headers.get('location')]).toEqual([308, '/news/7/market/']);
    const notFound = await get('/no-such-page/');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('cache-control')).toBe('no-store');
    expect(notFound.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await notFound.text()).toContain(ui.notFoundTitle);
  });

  it('breaks no page: no CSP violation, no console error, search and the short link still work', async () => {
    await expectNoBrokenPage(server.origin);
  });
});

/** The headers compared between the two hosts (not dates, ETags, compression, `x-server-env: dev`). */
const COMPARED_HEADERS = [
  'location',
  'content-type',
  'cache-control',
  'access-control-allow-origin',
  'x-content-type-options',
  'content-security-policy',
  'strict-transport-security',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
];

/** What a host answers to each path: status and the compared headers. */
async function answers(origin: string, urlPaths: string[]) {
  const summary: Record<string, Record<string, string | number | null>> = {};
  for (const urlPath of urlPaths) {
    const response = await fetch(origin + urlPath, { redirect: 'manual' });
    await response.body?.cancel();
    summary[urlPath] = {
      status: response.status,
      ...Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)])),
    };
  }
  return summary;
}

describe("on Cloudflare's own runtime (wrangler pages dev)", () => {
  let cloudflare: StaticServer;
  beforeAll(async () => {
    cloudflare = await serveWithCloudflare(outDir);
  }, 90_000);
  afterAll(async () => {
    await cloudflare?.close();
  });

  it('answers every kind of request as our test server does', async () => {
    // One file of every type the build writes (Pagefind's index and WebAssembly included). Not
    // _headers and _redirects: 404 on Cloudflare, but 502 on its local runtime (docs/operations.md#cloudflare-pages).
    const byType = new Map<string, string>();
    for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
      const type = path.extname(file);
      if (type && !byType.has(type)) byType.set(type, `/${file.split(path.sep).join('/')}`);
    }
    const requests = [
      ...Object.values(pages),
      ...byType.values(),
      ...['/feed', '/feed/', '/rss?utm_source=x', '/sitemap.xml', '/n/7/', '/n/7'],
      // JSON feeds: their type comes from _headers over the host's application/json.
      ...['/feed.json', '/category/economy/feed.json', '/author/ali-rezaei/feed.json'],
      ...['/news/7/market', '/news/7/market/index.html', '/search?q=x', '/404.html', '/404', '/no-such-page'],
      `/news/3/${encodeURIComponent('کتاب-تابستان')}`,
      // The web editor: its own CSP replaces the site's (`! Content-Security-Policy`), its files.
      ...['/admin/', '/admin', '/admin/config.yml', '/admin/decap-cms/'],
    ];
    expect(await answers(cloudflare.origin, requests)).toEqual(await answers(server.origin, requests));
  });

  it('breaks no page: no CSP violation, no console error, search and the short link still work', async () => {
    // The other page types get the same answers (above): their browser check would repeat ours.
    await expectNoBrokenPage(cloudflare.origin, [
      'home',
      'article',
      'article with a Persian slug',
      'search',
      'not found',
    ]);
  });
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const [viewportName, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`has no violations on any page type: ${viewportName}, light and dark mode`, async () => {
      // axe is injected as a script, which the site's own CSP rightly refuses: bypass it here.
      const context = await browser.newContext({ viewport, bypassCSP: true });
      // Three pages at a time: a page's load and axe's run in Chromium overlap the others' waits.
      const checked = inOrder(Object.entries(pages), 3, async ([name, urlPath]) => {
        const found: string[] = [];
        const page = await context.newPage();
        await open(page, urlPath, server.origin, 'load');
        await page.evaluate(axeSource);
        // Each page is loaded once and checked in both colour schemes (the site follows the reader's):
        // every rule in the light one; in the dark one, which changes nothing but the colours (the
        // tokens of src/styles/tokens.css), the rules about colours.
        const backgrounds = new Set<string>();
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
          const runOnly =
            colorScheme === 'light'
              ? { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
              : { type: 'rule', values: COLOUR_RULES };
          const violations = await page.evaluate(async (runOnly) => {
            const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
            const result = await axe.run({ runOnly });
            return result.violations as { id: string; nodes: { target: string[]; failureSummary: string }[] }[];
          }, runOnly);
          for (const violation of violations) {
            for (const node of violation.nodes) {
              found.push(
                `${name} ${urlPath} (${colorScheme}): ${violation.id} at ${node.target.join(' ')}: ${node.failureSummary}`,
              );
            }
          }
        }
        await page.close();
        return { name, found, schemes: backgrounds.size };
      });
      const found: string[] = [];
      for await (const page of checked) {
        expect(page.schemes, `${page.name}: the dark scheme took effect`).toBe(2);
        found.push(...page.found);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});

describe('keyboard', () => {
  /** The focused element and whether it shows a focus ring. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim() ?? '',
        id: element.id,
        className: element.className,
        ring:
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
          (style.boxShadow !== 'none' && style.boxShadow !== ''),
        visible: box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < innerHeight,
      };
    });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`starts with a visible skip link to the story, and every focused control shows a ring (${colorScheme})`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, colorScheme });
      const page = await context.newPage();
      await page.goto(`${server.origin}/news/7/market/`);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip.className).toContain('skip-link');
      expect(skip.visible && skip.ring, JSON.stringify(skip)).toBe(true);
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('main');
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        const element = await focused(page);
        expect(element.ring, `Tab ${i + 1}: ${JSON.stringify(element)}`).toBe(true);
      }
      await context.close();
    });
  }
});
