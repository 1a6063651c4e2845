/**
 * Corrections and live coverage in the built fixture archive (on 1404/01/12): the «اصلاحیه» box,
 * the live page with its updates newest first, their JSON-LD, the site-wide corrections page and
 * what the feeds and sitemap say of both. Reads the shared fixture build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPages, readPage, type BuildResult } from '../helpers/build-site';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { atLeast } from '../helpers/at-least';

const ORIGIN = 'https://fixture.example.org';
const CORRECTED = '/news/8/last-day-of-leap-year/';
const LIVE = '/news/5/snow-live/';

let build: BuildResult;
const documentOf = (urlPath: string) => parseHTML(readPage(build.outDir, urlPath)).document;
const jsonLd = (urlPath: string) =>
  [...documentOf(urlPath).querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent!) as Record<string, unknown>,
  )[0]!;
const meta = (urlPath: string) =>
  Object.fromEntries(
    [...documentOf(urlPath).querySelectorAll('.article__meta div')].map((row) => [
      row.querySelector('dt')!.textContent,
      row.querySelector('time')?.getAttribute('datetime'),
    ]),
  );

beforeAll(async () => {
  build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('a corrected story', () => {
  it('shows the «اصلاحیه» box with the Jalali date-time, and «به‌روزرسانی» follows the correction', () => {
    const box = documentOf(CORRECTED).querySelector('[data-pagefind-body] aside#corrections')!;
    expect(box.querySelector('h2')!.textContent).toBe('اصلاحیه');
    const item = box.querySelector('li#correction-14040101-0730')!;
    expect(item.querySelector('time')!.getAttribute('datetime')).toBe('2025-03-21T07:30:00+03:30');
    expect(item.querySelector('time')!.textContent).toBe('جمعه ۱ فروردین ۱۴۰۴ - ۰۷:۳۰');
    expect(item.textContent).toContain('پنجشنبه درست است.');
    expect(meta(CORRECTED)['به‌روزرسانی:']).toBe('2025-03-21T07:30:00+03:30');
    // A story never corrected has no box.
    expect(documentOf('/news/2/notice/').querySelector('#corrections')).toBeNull();
  });

  it('carries schema.org correction and dateModified in its NewsArticle JSON-LD', () => {
    const ld = jsonLd(CORRECTED);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['dateModified']).toBe('2025-03-21T07:30:00+03:30');
    expect(ld['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'در نسخهٔ نخست، روز سی‌ام اسفند چهارشنبه آمده بود؛ پنجشنبه درست است.',
        datePublished: '2025-03-21T07:30:00+03:30',
      },
    ]);
  });

  it('is listed on /corrections/, linked to the correction, and every page links there', () => {
    const page = documentOf('/corrections/');
    expect(page.querySelector('h1')!.textContent).toBe('اصلاحیه‌ها');
    const items = [...page.querySelectorAll('.correction-list li')];
    expect(items.map((li) => li.querySelector('h2 a')!.getAttribute('href'))).toEqual([
      `${CORRECTED}#correction-14040101-0730`,
    ]);
    expect(items[0]!.querySelector('time')!.textContent).toBe('جمعه ۱ فروردین ۱۴۰۴ - ۰۷:۳۰');
    for (const { file, html } of atLeast(10, builtPages(build.outDir), 'built pages')) {
      // Short links: a redirect, no page; the web editor: Decap's page, not the site's.
      if (file.startsWith('n/') || file.startsWith('admin/')) continue;
      expect(parseHTML(html).document.querySelector('.site-footer a[href="/corrections/"]'), file).not.toBeNull();
    }
  });
});

describe('a live page', () => {
  it('shows «پوشش زنده», the summary, then the updates newest first with Jalali times and anchors', () => {
    const document = documentOf(LIVE);
    expect(document.querySelector('.article__kicker .badge--live')!.textContent).toBe('پوشش زنده');
    const body = document.querySelector('[data-pagefind-body]')!;
    expect(body.querySelector('h2.article__summary')!.textContent).toBe('خلاصه');
    const updates = [...body.querySelectorAll('.live-update')];
    expect(updates.map((u) => u.id)).toEqual(['update-14031001-0930', 'update-14031001-0815']);
    const link = updates[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#update-14031001-0930');
    expect(link.querySelector('time')!.getAttribute('datetime')).toBe('2024-12-21T09:30:00+03:30');
    expect(link.textContent!.replace(/\s+/g, ' ').trim()).toBe('۰۹:۳۰ ۱ دی ۱۴۰۳');
    expect(updates[0]!.querySelector('h3')!.textContent).toBe('مدرسه‌ها تعطیل شد');
    // Paragraphs kept, reader-visible text escaped.
    expect([...updates[1]!.querySelectorAll('p:not(.live-update__time)')].map((p) => p.textContent)).toEqual([
      'برف‌روب‌ها از ساعت هشت در خیابان‌های اصلی کار می‌کنند.',
      'پاکبانان از مردم خواستند خودروها را در <کوچه‌ها> پارک کنند.',
    ]);
    expect(meta(LIVE)['به‌روزرسانی:']).toBe('2024-12-21T09:30:00+03:30');
    // Lists show the badge too.
    expect(documentOf('/category/site/').querySelector(`.card:has(a[href="${LIVE}"]) .badge--live`)).not.toBeNull();
  });

  it('is a LiveBlogPosting with coverageStartTime, no end while live, and its updates newest first', () => {
    const ld = jsonLd(LIVE);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld['coverageStartTime']).toBe('2024-12-21T07:00:00+03:30');
    expect(ld).not.toHaveProperty('coverageEndTime');
    expect(ld['dateModified']).toBe('2024-12-21T09:30:00+03:30');
    expect(ld['liveBlogUpdate']).toEqual([
      {
        '@type': 'BlogPosting',
        url: `${ORIGIN}${LIVE}#update-14031001-0930`,
        headline: 'مدرسه‌ها تعطیل شد',
        datePublished: '2024-12-21T09:30:00+03:30',
        articleBody: 'مدرسه‌های شهر امروز تعطیل است.',
      },
      {
        '@type': 'BlogPosting',
        url: `${ORIGIN}${LIVE}#update-14031001-0815`,
        // Untitled: its first words, cut at a space before 110 characters.
        headline: expect.stringMatching(/^برف‌روب‌ها از ساعت هشت در خیابان‌های اصلی کار می‌کنند\. پاکبانان .{10,}…$/),
        datePublished: '2024-12-21T08:15:00+03:30',
        articleBody:
          'برف‌روب‌ها از ساعت هشت در خیابان‌های اصلی کار می‌کنند.\nپاکبانان از مردم خواستند خودروها را در <کوچه‌ها> پارک کنند.',
      },
    ]);
  });
});

describe('feeds and sitemap', () => {
  it('keep first-publication order and guids; the items carry the correction and the updates', async () => {
    const feed = await new Parser<Record<string, never>, { 'content:encoded': string }>().parseString(
      readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8'),
    );
    expect(feed.items.map((item) => item.link)).toEqual(
      [CORRECTED, LIVE, '/news/7/market/', '/news/2/notice/', `/news/3/${encodeURIComponent('کتاب-تابستان')}/`].map(
        (p) => `${ORIGIN}${p}`,
      ),
    );
    for (const item of feed.items) expect(item.guid).toBe(item.link);
    const corrected = feed.items[0]!['content:encoded'];
    expect(corrected).toContain('<h2>اصلاحیه</h2>');
    expect(corrected).toContain('پنجشنبه درست است.');
    const live = feed.items[1]!['content:encoded'];
    expect(live.indexOf('مدرسه‌ها تعطیل شد')).toBeLessThan(live.indexOf('برف‌روب‌ها'));
    expect(live).toContain(`href="${ORIGIN}${LIVE}#update-14031001-0930"`);
    expect(live).toContain('&lt;کوچه‌ها&gt;');
    // The channel changed when the correction was made, after the newest story.
    expect(new Date(feed.lastBuildDate!).toISOString()).toBe('2025-03-21T04:00:00.000Z');
  });

  it('dates the corrected story, the live page and the corrections page by their last change', () => {
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    const lastmod = (p: string) => new RegExp(`<loc>${ORIGIN}${p}</loc><lastmod>([^<]+)</lastmod>`).exec(sitemap)?.[1];
    expect(lastmod(CORRECTED)).toBe('2025-03-21T07:30:00+03:30');
    expect(lastmod(LIVE)).toBe('2024-12-21T09:30:00+03:30');
    expect(lastmod('/corrections/')).toBe('2025-03-21T07:30:00+03:30');
  });
});
