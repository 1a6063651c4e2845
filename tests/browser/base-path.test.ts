/**
 * The fixture archive published under a sub-path (`base: '/newsroom/bayegan/'`, as on a GitHub Pages
 * project site or behind a reverse proxy), built once: every link, asset, form, feed, sitemap,
 * canonical, short link and CDN rule of the output is under the base, and a reader in Chromium,
 * served the site under that path only, searches, clicks through and follows a short link.
 *
 * The base is two folders, neither of which is a page of the site (`/archive/` would be: a link
 * that lost its base could still land on a page).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/lib/static-host';
import { toPersianDigits } from '../../src/lib/persian/digits';
import { sharedChromium } from '../helpers/browser';
import {
  brokenInternalLinks,
  buildSite,
  builtPages,
  projectRoot,
  readPage,
  tmpRoot,
  type BuildResult,
} from '../helpers/build-site';
import { serveStatic, type StaticServer } from '../helpers/static-server';
import { atLeast } from '../helpers/at-least';

const BASE = '/newsroom/bayegan/';
const ORIGIN = 'https://fixture.example.org';
const PUBLIC = `${ORIGIN}${BASE}`;
// 1404/01/12 12:00 in Tehran: after Esfand 30 1403, before the scheduled article (1404/02/01).
const NOW = '2025-04-01T12:00:00+03:30';

let build: BuildResult;
let server: StaticServer;
let browser: Browser;

const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
const siteFiles = (extension: string) =>
  readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(extension));

/**
 * The fixture archive and two more economy stories (four in all: the section gets a numbered page);
 * one links to another story and its short link in its body and shows two body images, one from
 * public/ and one next to the file.
 */
function writeArchive(): string {
  const contentDir = path.join(tmpRoot, 'base-path', 'content');
  rmSync(contentDir, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  const story = (id: number, slug: string, body: string) =>
    writeFileSync(
      path.join(contentDir, 'articles/1403', `${slug}.md`),
      [
        '---',
        `id: ${id}`,
        `title: 'گزارش زعفران شمارهٔ ${toPersianDigits(id)}'`,
        "lead: 'گزارشی کوتاه.'",
        `date: 1403/10/0${id - 10} 10:00`,
        'category: economy',
        "authors: ['ali-rezaei']",
        '---',
        '',
        body,
        '',
      ].join('\n'),
    );
  story(
    11,
    'linking',
    [
      'برداشت زعفران آغاز شد؛ [گزارش بازار](/news/7/market/) و [نشانی کوتاهش](/n/7/) را بخوانید.',
      '',
      '![نشان سایت](/logo.png)',
      '',
      '![بازار](./images/market.jpg)',
    ].join('\n'),
  );
  story(12, 'second', 'گزارش دوم.');
  return contentDir;
}

beforeAll(async () => {
  build = await buildSite('base-path', writeArchive(), {
    BAYEGAN_NOW: NOW,
    BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/base-site.config.ts'),
  });
  if (build.status !== 0) throw new Error(`base-path build failed:\n${build.output}`);
  server = await serveStatic(build.outDir, { base: BASE, withHeaders: true });
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The site file a public URL names (`…/news/7/market/` → `news/7/market/index.html`), if it is one. */
function fileOf(url: string): string | undefined {
  if (!url.startsWith(PUBLIC)) return undefined;
  const sitePath = decodeURIComponent(url.slice(PUBLIC.length).split(/[?#]/)[0]!);
  return sitePath === '' || sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
}

describe('a build under a base path', () => {
  it('links every page only to files of the site, all under the base', () => {
    const pages = builtPages(build.outDir);
    expect(pages.length).toBeGreaterThan(25);
    expect(brokenInternalLinks(build.outDir, pages, BASE)).toEqual([]);
  });

  it('reports a link that lost its base as broken, though the folder has that file', () => {
    const page = { file: 'made-up.html', html: '<a href="/news/7/market/">x</a><form action="/search/"></form>' };
    expect(brokenInternalLinks(build.outDir, [page], BASE)).toEqual([
      `made-up.html: /news/7/market/ (outside the base ${BASE})`,
      `made-up.html: /search/ (outside the base ${BASE})`,
    ]);
    // …and one that keeps it but names no file.
    expect(brokenInternalLinks(build.outDir, [{ file: 'x.html', html: `<a href="${BASE}news/99/">` }], BASE)).toEqual([
      `x.html: ${BASE}news/99/`,
    ]);
  });

  it('names no root-relative URL outside the base in any page, feed or sitemap', () => {
    for (const file of atLeast(10, [...siteFiles('.html'), ...siteFiles('.xml')], 'pages, feeds and sitemaps')) {
      for (const [, url] of read(file).matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) {
        expect(url!.startsWith(BASE), `${file}: ${url}`).toBe(true);
      }
    }
  });

  it('builds every absolute URL on the site (canonical, Open Graph, JSON-LD, feeds, sitemaps) on url + base', () => {
    const absolute = new Set<string>();
    for (const file of [...siteFiles('.html'), ...siteFiles('.xml'), 'robots.txt']) {
      for (const [url] of read(file).matchAll(/https:\/\/fixture\.example\.org[^\s"'<>&\\]*/g)) absolute.add(url);
    }
    absolute.delete(`${ORIGIN}/comments-endpoint`); // the fixture's comment service, not a page
    expect(absolute.size).toBeGreaterThan(30);
    const missing = [...absolute].filter((url) => {
      const file = fileOf(url);
      // The not-found page names itself /404/; hosts serve it as 404.html for any missing path.
      return !file || (file !== '404/index.html' && !siteFiles(path.extname(file) || '.html').includes(file));
    });
    expect(missing).toEqual([]);
    expect(read('rss.xml')).toContain(`<link>${PUBLIC}</link>`);
    expect(read('rss.xml')).toContain(`<?xml-stylesheet href="${BASE}rss.xsl"`);
    expect(read('sitemap-0.xml')).toContain(`<loc>${PUBLIC}news/7/market/</loc>`);
    expect(read('robots.txt')).toBe(
      `User-agent: *\nAllow: ${BASE}\n\nSitemap: ${PUBLIC}sitemap-index.xml\nSitemap: ${PUBLIC}sitemap-news.xml\n`,
    );
    expect(readPage(build.outDir, '/news/7/market/')).toContain(
      `<link rel="canonical" href="${PUBLIC}news/7/market/">`,
    );
  });

  it('puts the links and images of a story body under the base', () => {
    const html = readPage(build.outDir, '/news/11/linking/');
    expect(html).toContain(`<a href="${BASE}news/7/market/">گزارش بازار</a>`);
    expect(html).toContain(`<a href="${BASE}n/7/">`);
    expect(html).toContain(`src="${BASE}logo.png"`);
    expect(html).toMatch(new RegExp(`src="${BASE}_astro/market\\.[^"]+\\.webp"`));
  });

  it('writes short links that lead under the base', () => {
    const html = read('n/7/index.html');
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${BASE}news/7/market/">`);
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC}news/7/market/">`);
  });

  it('writes _headers and _redirects rules for the paths under the base only', () => {
    const headers = read('_headers');
    const patterns = headers.split('\n').filter((line) => line.startsWith('/'));
    expect(patterns.length).toBeGreaterThan(5);
    for (const pattern of patterns) expect(pattern.startsWith(BASE), pattern).toBe(true);
    const rules = parseHeadersFile(headers);
    expect(headersFor(rules, `${BASE}_astro/style.Ab12.css`)['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, `${BASE}news/7/market/`)['content-security-policy']).toContain("default-src 'self'");
    expect(headersFor(rules, '/_astro/style.Ab12.css')).toEqual({});
    const redirects = read('_redirects').trim().split('\n');
    expect(redirects).toContain(`${BASE}feed ${BASE}rss.xml 301`);
    for (const line of redirects) {
      const [from, to] = line.split(' ');
      expect(from!.startsWith(BASE), line).toBe(true);
      expect(siteFiles(path.extname(to!)), line).toContain(to!.slice(BASE.length));
    }
  });
});

describe('a reader on the site served under its base path', () => {
  const at = (sitePath: string) => `${server.origin}${BASE}${sitePath}`;
  const pathname = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);

  it('is served only there, with the CDN headers of its _headers file', async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${server.origin}/news/7/market/`))?.status()).toBe(404);
    const response = await page.goto(at('news/7/market/'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.close();
  });

  it('searches from the header form and opens a result', async () => {
    const page = await browser.newPage();
    await page.goto(at(''));
    await page.fill('#site-search', 'زعفران');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(pathname(page)).toBe(`${BASE}search/`);
    await page.waitForSelector('.search-result__link');
    const results = await page
      .locator('.search-result__link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')?.split('?')[0]));
    expect(results.sort()).toEqual([`${BASE}news/11/linking/`, `${BASE}news/12/second/`]);
    await page.locator('.search-result__link', { hasText: '۱۱' }).click();
    await page.waitForURL((url) => url.pathname === new URL(at('news/11/linking/')).pathname);
    expect(await page.locator('h1').textContent()).toContain('زعفران');
    // The searched word is marked on the article (Pagefind's highlighter, served under the base).
    await page.locator('mark.pagefind-highlight').first().waitFor();
    await page.close();
  });

  it('walks home → section → its oldest page → a story → the story it links to', async () => {
    const page = await browser.newPage();
    await page.goto(at(''));
    await page.locator('.home-section h2 a', { hasText: 'اقتصادی' }).click();
    expect(pathname(page)).toBe(`${BASE}category/economy/`);
    await page.locator('.pagination a', { hasText: 'نخستین صفحه' }).click();
    expect(pathname(page)).toBe(`${BASE}category/economy/1/`);
    await page.locator('.listing .card__title a').first().click();
    expect(pathname(page)).toMatch(new RegExp(`^${BASE}news/\\d+/`));
    await page.goto(at('news/11/linking/'));
    await page.locator('.prose a', { hasText: 'گزارش بازار' }).click();
    expect(pathname(page)).toBe(`${BASE}news/7/market/`);
    // The stylesheet came from under the base.
    const styled = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) => sheet.href?.includes('/_astro/') && sheet.cssRules.length > 0),
    );
    expect(styled).toBe(true);
    await page.close();
  });

  it('follows a short link under the base, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(at('n/7/'));
    await page.waitForURL(at('news/7/market/'));
    expect(await page.locator('h1').textContent()).toContain('بازار مرکزی');
    await context.close();
  });

  it('answers a missing path under the base with the not-found page, whose links work', async () => {
    const page = await browser.newPage();
    expect((await page.goto(at('no/such/page/')))?.status()).toBe(404);
    await page.locator('.notice a').click();
    expect(pathname(page)).toBe(BASE);
    await page.close();
  });
});
