import { describe, expect, it } from 'vitest';
import { BUILD_MEMORY_LIMIT, buildMemoryCeiling, buildMemoryLimit } from '#lib/build-memory.ts';
import {
  fillImageStandIns,
  imageStandIn,
  pageWorkerMustStop,
  startsPageWorker,
  PAGE_WORKER_MIN_PAGES,
  routeKey,
} from '#lib/parallel-pages.ts';

const GIB = 1024 ** 3;

describe('buildMemoryCeiling', () => {
  it('is 6 GB on a large machine and three quarters of a small one', () => {
    expect(buildMemoryCeiling(64 * GIB)).toBe(BUILD_MEMORY_LIMIT);
    expect(buildMemoryCeiling(4 * GIB)).toBe(3 * GIB);
  });

  it('takes a larger or smaller limit from BAYEGAN_BUILD_MEMORY, still within three quarters of the machine', () => {
    expect(buildMemoryLimit({})).toBe(BUILD_MEMORY_LIMIT);
    expect(buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: ' ' })).toBe(BUILD_MEMORY_LIMIT);
    expect(buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: '10' })).toBe(10 * GIB);
    expect(buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: '4.5' })).toBe(4.5 * GIB);
    expect(buildMemoryCeiling(64 * GIB, buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: '10' }))).toBe(10 * GIB);
    expect(buildMemoryCeiling(8 * GIB, buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: '10' }))).toBe(6 * GIB);
  });

  it('refuses a limit that is not a number of gigabytes, naming the variable and the fix', () => {
    for (const given of ['10GB', '0.5', '-2', 'ten', '1e3']) {
      expect(() => buildMemoryLimit({ BAYEGAN_BUILD_MEMORY: given })).toThrow(
        new RegExp(
          `BAYEGAN_BUILD_MEMORY="${given.replace('.', '\\.')}" is not a number of gigabytes .*BAYEGAN_BUILD_MEMORY=10`,
        ),
      );
    }
  });
});

describe('startsPageWorker: a second rendering thread only when it pays and fits', () => {
  it('starts none for a small or incremental build', () => {
    expect(startsPageWorker(PAGE_WORKER_MIN_PAGES - 1, 0.5 * GIB, 24 * GIB)).toBe(false);
    expect(startsPageWorker(PAGE_WORKER_MIN_PAGES, 0.5 * GIB, 24 * GIB)).toBe(true);
  });

  it('starts one while at least 1 GB is left under the ceiling, and none when less is', () => {
    // 100,000 articles: Node holds about 3.9 GB at page generation; 6 GB leaves 2.1 GB.
    expect(startsPageWorker(130_000, 3.9 * GIB, 24 * GIB)).toBe(true);
    expect(startsPageWorker(130_000, 5.2 * GIB, 24 * GIB)).toBe(false);
    // A 4 GB machine: the ceiling is 3 GB.
    expect(startsPageWorker(14_000, 2.5 * GIB, 4 * GIB)).toBe(false);
    expect(startsPageWorker(14_000, 1.5 * GIB, 4 * GIB)).toBe(true);
  });

  it('starts one for any number of pages when asked to (minPages 0, the tests)', () => {
    expect(startsPageWorker(3, 0.5 * GIB, 24 * GIB, { minPages: 0 })).toBe(true);
  });

  it('starts none for a segment whose pages are fewer than one a hundred articles of the archive', () => {
    // A million articles: segment 3 of 256 renders 5,378 pages, 3 of 64 about 21,000.
    expect(startsPageWorker(5_378, 1.4 * GIB, 7 * GIB, { archiveArticles: 1_000_000 })).toBe(false);
    expect(startsPageWorker(20_914, 1.4 * GIB, 24 * GIB, { archiveArticles: 1_000_000 })).toBe(true);
    expect(startsPageWorker(10_000, 1.4 * GIB, 24 * GIB, { archiveArticles: 1_000_000 })).toBe(true);
    // A segment of a small archive: the number of pages alone decides.
    expect(startsPageWorker(PAGE_WORKER_MIN_PAGES, 0.5 * GIB, 24 * GIB, { archiveArticles: 20_000 })).toBe(true);
  });
});

describe('pageWorkerMustStop: the second thread is let go when the build passes its ceiling', () => {
  it('stops the worker once the process holds more than the ceiling, not before', () => {
    // A million articles on a large machine: 6 GB is the ceiling, whatever the machine has.
    expect(pageWorkerMustStop(5.9 * GIB, 24 * GIB)).toBe(false);
    expect(pageWorkerMustStop(6.1 * GIB, 24 * GIB)).toBe(true);
    // A 7 GB runner: three quarters of it, 5.25 GB.
    expect(pageWorkerMustStop(5.2 * GIB, 7 * GIB)).toBe(false);
    expect(pageWorkerMustStop(5.3 * GIB, 7 * GIB)).toBe(true);
  });
});

describe('fillImageStandIns: the worker page with the real image URLs', () => {
  const first = imageStandIn('a1b2', 0);
  const tenth = imageStandIn('a1b2', 10);

  it('puts each URL where its stand-in is, in attributes, srcset and JSON alike', () => {
    const page =
      `<img src="${first}" srcset="${first} 400w, ${tenth} 800w">` +
      `<script type="application/ld+json">{"image":"https://example.org${tenth}"}</script>`;
    const urls = new Map([
      [first, '/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z1x.webp'],
      [tenth, '/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z2y.webp'],
    ]);
    expect(fillImageStandIns(page, urls)).toBe(
      '<img src="/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z1x.webp" srcset="/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z1x.webp 400w, /_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z2y.webp 800w">' +
        '<script type="application/ld+json">{"image":"https://example.org/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1.Ab12_Z2y.webp"}</script>',
    );
  });

  it('does not take the stand-in of image 1 for the start of image 10', () => {
    const one = imageStandIn('a1b2', 1);
    expect(
      fillImageStandIns(
        `${tenth} ${one}`,
        new Map([
          [one, '/one.webp'],
          [tenth, '/ten.webp'],
        ]),
      ),
    ).toBe('/ten.webp /one.webp');
  });

  it('gives up (the main thread renders the page) when a URL would have been escaped on its way in', () => {
    for (const url of ['/_astro/a&b.webp', "/_astro/it's.webp", '/_astro/a"b.webp']) {
      expect(fillImageStandIns(`<img src="${first}">`, new Map([[first, url]]))).toBeUndefined();
    }
  });

  it('gives up when the page names a stand-in it has no URL for', () => {
    expect(fillImageStandIns(`<img src="${tenth}">`, new Map([[first, '/a.webp']]))).toBeUndefined();
  });

  it('leaves a page without images as it is', () => {
    expect(fillImageStandIns('<p>بدون تصویر</p>', new Map())).toBe('<p>بدون تصویر</p>');
  });
});

describe('routeKey: one name for a route in both threads', () => {
  it('tells apart two routes of one pattern and two patterns of one component', () => {
    const keys = [
      routeKey({ route: '/news/[id]/[slug]', component: 'src/pages/news/[id]/[slug].astro' }),
      routeKey({ route: '/news/[id]/[slug]', component: 'src/pages/other.astro' }),
      routeKey({ route: '/n/[id]', component: 'src/pages/news/[id]/[slug].astro' }),
    ];
    expect(new Set(keys).size).toBe(3);
  });
});
