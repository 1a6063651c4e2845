import { describe, expect, it } from 'vitest';
import { listingPages, settledPages, type ListingPage } from '../../src/lib/listing-pages';

const BASE = '/category/economy/';
/** Stories 1..n, newest (n) first. */
const stories = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const summary = (page: ListingPage<number>) => ({
  url: page.url,
  items: page.items,
  newer: page.newer,
  older: page.older,
});

/** Every story the reader meets walking from the front page to the oldest by "older" links. */
function walkOlder(pages: ListingPage<number>[]): number[] {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const seen: number[] = [];
  for (let page = byUrl.get(BASE); page; page = page.older ? byUrl.get(page.older) : undefined)
    seen.push(...page.items);
  return seen;
}

describe('listingPages', () => {
  it('keeps a list that fits on one page on its front page alone, without numbered pages', () => {
    expect(listingPages(stories(3), 3, BASE)).toEqual([{ number: 0, items: [3, 2, 1], url: BASE, newest: BASE }]);
    expect(listingPages([], 3, BASE)).toEqual([{ number: 0, items: [], url: BASE, newest: BASE }]);
  });

  it('counts numbered pages from the oldest, the newest one partly filled', () => {
    const pages = listingPages(stories(8), 3, BASE).map(summary);
    expect(pages).toEqual([
      // The newest page holds 2 of 3 (at least half a page): the front page shows it alone.
      { url: BASE, items: [8, 7], newer: undefined, older: `${BASE}2/` },
      { url: `${BASE}1/`, items: [3, 2, 1], newer: `${BASE}2/`, older: undefined },
      { url: `${BASE}2/`, items: [6, 5, 4], newer: BASE, older: `${BASE}1/` },
      { url: `${BASE}3/`, items: [8, 7], newer: undefined, older: `${BASE}2/` },
    ]);
  });

  it('shows the page before too when the newest holds less than half a page', () => {
    const pages = listingPages(stories(7), 3, BASE).map(summary);
    expect(pages[0]).toEqual({ url: BASE, items: [7, 6, 5, 4], newer: undefined, older: `${BASE}1/` });
    // Page 1 leads back to the front page, which shows pages 2 and 3.
    expect(pages[1]).toEqual({ url: `${BASE}1/`, items: [3, 2, 1], newer: BASE, older: undefined });
    expect(pages[2]).toEqual({ url: `${BASE}2/`, items: [6, 5, 4], newer: `${BASE}3/`, older: `${BASE}1/` });
    expect(pages[3]).toEqual({ url: `${BASE}3/`, items: [7], newer: undefined, older: `${BASE}2/` });
  });

  it('walks from the front page to the oldest story meeting every story once, newest first', () => {
    for (const pageSize of [1, 2, 3, 5, 20]) {
      for (let n = 0; n <= 4 * pageSize + 1; n++) {
        expect(walkOlder(listingPages(stories(n), pageSize, BASE))).toEqual(stories(n));
      }
    }
  });

  it('never shows fewer than half a page on the front page of a multi-page list, nor more than one and a half', () => {
    for (let n = 21; n <= 200; n++) {
      const front = listingPages(stories(n), 20, BASE)[0]!;
      expect(front.items.length).toBeGreaterThanOrEqual(10);
      expect(front.items.length).toBeLessThan(30);
    }
  });

  it('leaves every full numbered page as it was when a story is added, but its newer link near the top', () => {
    const pageSize = 20;
    for (let n = 21; n <= 120; n++) {
      const before = listingPages(stories(n), pageSize, BASE);
      const after = new Map(listingPages(stories(n + 1), pageSize, BASE).map((page) => [page.url, page]));
      const changed = before.filter((page) => JSON.stringify(page) !== JSON.stringify(after.get(page.url)));
      // The front page and the newest numbered page change; at most two older ones change their newer link.
      expect(changed.length).toBeLessThanOrEqual(4);
      for (const page of before) {
        const now = after.get(page.url)!;
        expect(now, `page ${page.url} of ${n} still exists`).toBeDefined();
        if (page.number > 0 && page.items.length === pageSize) expect(now.items).toEqual(page.items);
      }
      const added = [...after.keys()].filter((url) => !before.some((page) => page.url === url));
      expect(added.length).toBeLessThanOrEqual(1);
    }
  });

  it('links newer and older pages both ways, so rel=prev/next are honest', () => {
    for (const n of [4, 7, 8, 45, 59, 60, 61]) {
      const pages = listingPages(stories(n), 20 > n ? 3 : 20, BASE);
      const byUrl = new Map(pages.map((page) => [page.url, page]));
      for (const page of pages) {
        if (page.older) {
          const older = byUrl.get(page.older)!;
          // The older page's newest story is the one right after this page's oldest.
          expect(older.items[0]).toBe(page.items.at(-1)! - 1);
        }
        if (page.newer) expect(byUrl.get(page.newer)!.items.at(-1)).toBe(page.items[0]! + 1);
      }
    }
  });

  it("takes a page's stories from the list only when they are read, and keeps none", () => {
    const list = stories(50);
    const sliced: [number | undefined, number | undefined][] = [];
    const counted = {
      length: list.length,
      at: (index: number) => list.at(index),
      slice: (start?: number, end?: number) => {
        sliced.push([start, end]);
        return list.slice(start, end);
      },
    };
    const pages = listingPages(counted, 4, BASE);
    // The paths and links of every page, with no story taken.
    expect(pages.map((page) => page.url)).toHaveLength(14);
    expect(sliced).toEqual([]);
    const [front, oldest] = pages;
    expect(front!.items).toEqual([50, 49]);
    expect(oldest!.items).toEqual([4, 3, 2, 1]);
    // Read again, sliced again: a page holds no story of its own.
    expect(front!.items).toEqual([50, 49]);
    expect(sliced).toEqual([
      [0, 2],
      [46, 50],
      [0, 2],
    ]);
    // In the order a page's fields are written, which a page's fingerprint encodes.
    expect(Object.keys(pages[2]!)).toEqual(['number', 'items', 'url', 'newest', 'oldest', 'newer', 'older']);
    expect(Object.keys(front!)).toEqual(['number', 'items', 'url', 'newest', 'oldest', 'older']);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => listingPages(stories(3), 0, BASE)).toThrow(/pageSize/);
  });
});

describe('settledPages', () => {
  /** The numbered pages of a list of `total` stories, by number. */
  const numbered = (total: number, pageSize: number) =>
    new Map(listingPages(stories(total), pageSize, BASE).map((page) => [page.number, page]));

  it('names the numbered pages no newer story changes, and no more', () => {
    let checked = 0;
    for (let pageSize = 1; pageSize <= 6; pageSize++) {
      for (let total = 0; total <= 40; total++) {
        const settled = settledPages(total, pageSize);
        const now = numbered(total, pageSize);
        const later = Array.from({ length: 3 * pageSize }, (_, more) => numbered(total + more + 1, pageSize));
        for (let number = 1; number <= settled; number++) {
          for (const pages of later) expect(pages.get(number)).toEqual(now.get(number));
          checked += 1;
        }
        // The next page, when there is one, changes with the stories that come soon after.
        const next = now.get(settled + 1);
        if (next)
          expect(later.some((pages) => JSON.stringify(pages.get(settled + 1)) !== JSON.stringify(next))).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('settles nothing in a list of one page or two', () => {
    expect(settledPages(3, 3)).toBe(0);
    expect(settledPages(6, 3)).toBe(0);
    expect(settledPages(9, 3)).toBe(1);
    expect(() => settledPages(3, 0)).toThrow(/pageSize/);
  });
});
