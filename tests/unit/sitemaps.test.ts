import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  NEWS_MAX_ITEMS,
  NEWS_WINDOW_HOURS,
  newsSitemapXml,
  newsWindow,
  robotsTxt,
  SITEMAP_MAX_URLS,
  oneUrl,
  sitemapCount,
  sitemapIndexXml,
  sitemapUrls,
  urlRun,
  urlsetXml,
  type NewsItem,
  type SitemapUrl,
} from '../../src/lib/sitemaps';
import { ZWNJ } from '../../src/lib/persian/script';

const SITE = 'https://khabar.example.ir';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const HOUR = 3_600_000;

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature */
function parseXml(xml: string): any {
  return xmlParser.parse(xml);
}
function asArray<T>(value: T | T[] | undefined | ''): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** W3C datetime with seconds and an explicit ±hh:mm zone (no `Z`, no fraction). */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

describe('sitemap files of URL runs', () => {
  const urlAt = (n: number): SitemapUrl => ({ loc: `${SITE}/news/${n}/` });
  /** Runs of `counts` URLs, numbered on across them, each counting the URLs it made. */
  const runsOf = (...counts: number[]) => {
    let first = 0;
    const made: number[] = [];
    const runs = counts.map((count) => {
      const start = first;
      first += count;
      return urlRun(
        Array.from({ length: count }, (_, at) => start + at),
        (n) => {
          made.push(n);
          return urlAt(n);
        },
      );
    });
    return { runs, made };
  };
  const locs = (urls: SitemapUrl[]) => urls.map((url) => url.loc);
  const numbered = (from: number, to: number) => Array.from({ length: to - from }, (_, at) => urlAt(from + at).loc);

  it('fills one empty file when there is no URL', () => {
    expect(sitemapCount([])).toBe(1);
    expect(sitemapUrls([], 0)).toEqual([]);
    expect(sitemapCount(runsOf(0, 0).runs)).toBe(1);
  });

  it('splits 100,001 URLs at 50,000 into 50,000 / 50,000 / 1, in order, across runs of any size', () => {
    const { runs } = runsOf(1, 30_000, 0, 40_000, 30_000);
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(sitemapCount(runs)).toBe(3);
    expect(locs(sitemapUrls(runs, 0))).toEqual(numbered(0, 50_000));
    expect(locs(sitemapUrls(runs, 1))).toEqual(numbered(50_000, 100_000));
    expect(locs(sitemapUrls(runs, 2))).toEqual(numbered(100_000, 100_001));
  });

  it('fills exact multiples with no empty file after them', () => {
    expect(sitemapCount(runsOf(50_000).runs)).toBe(1);
    expect(sitemapCount(runsOf(25_000, 75_000).runs)).toBe(2);
    expect(sitemapCount([oneUrl(() => urlAt(1))])).toBe(1);
  });

  it('makes a run of one URL only when its file is made', () => {
    let made = 0;
    const runs = [oneUrl(() => (made++, urlAt(0))), ...runsOf(3).runs];
    expect(sitemapCount(runs)).toBe(1);
    expect(made).toBe(0);
    expect(locs(sitemapUrls(runs, 0))).toHaveLength(4);
    expect(made).toBe(1);
  });

  it("makes only the file's URLs, when asked: counting the files makes none", () => {
    const { runs, made } = runsOf(30_000, 40_000, 1);
    expect(sitemapCount(runs)).toBe(2);
    expect(made).toEqual([]);
    expect(sitemapUrls(runs, 1)).toHaveLength(20_001);
    expect(made).toEqual(Array.from({ length: 20_001 }, (_, at) => 50_000 + at));
  });
});

describe('urlsetXml', () => {
  it('writes a urlset in the sitemap namespace with loc and lastmod', () => {
    const xml = urlsetXml([{ loc: `${SITE}/`, lastmod: new Date('2024-11-22T21:00:00Z') }, { loc: `${SITE}/news/1/` }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseXml(xml);
    expect(doc.urlset['@xmlns']).toBe(SITEMAP_NS);
    expect(asArray(doc.urlset.url)).toEqual([
      { loc: `${SITE}/`, lastmod: '2024-11-23T00:30:00+03:30' },
      { loc: `${SITE}/news/1/` },
    ]);
  });

  it('omits lastmod when absent', () => {
    const doc = parseXml(urlsetXml([{ loc: `${SITE}/a/` }, { loc: `${SITE}/b/`, lastmod: undefined }]));
    for (const url of asArray(doc.urlset.url)) expect(url).not.toHaveProperty('lastmod');
  });

  it('writes lastmod with the Tehran offset of that instant (+04:30 in summer 2019, +03:30 in 2024)', () => {
    const summer2019 = new Date('2019-08-01T05:45:00Z');
    const winter2019 = new Date('2019-12-31T20:30:00Z');
    const summer2024 = new Date('2024-07-01T08:00:00Z');
    const doc = parseXml(
      urlsetXml([
        { loc: `${SITE}/1/`, lastmod: summer2019 },
        { loc: `${SITE}/2/`, lastmod: winter2019 },
        { loc: `${SITE}/3/`, lastmod: summer2024 },
      ]),
    );
    const lastmods: string[] = asArray(doc.urlset.url).map((url: { lastmod: string }) => url.lastmod);
    expect(lastmods).toEqual(['2019-08-01T10:15:00+04:30', '2020-01-01T00:00:00+03:30', '2024-07-01T11:30:00+03:30']);
    for (const value of lastmods) expect(value).toMatch(W3C_DATETIME);
    // Each value names the same instant it was given.
    expect(lastmods.map((value) => new Date(value).getTime())).toEqual(
      [summer2019, winter2019, summer2024].map((d) => d.getTime()),
    );
  });

  it('escapes & < > \' " in loc so the URL parses back exactly', () => {
    const loc = `${SITE}/search/?q=a&b=<c>&d='e'&f="g"`;
    const xml = urlsetXml([{ loc }]);
    expect(xml).toContain('&amp;b=&lt;c&gt;&amp;d=&apos;e&apos;&amp;f=&quot;g&quot;');
    expect(parseXml(xml).urlset.url.loc).toBe(loc);
  });

  it('keeps percent-encoded Persian URLs as they are', () => {
    const loc = `${SITE}/tag/${encodeURIComponent(`خانه${ZWNJ}ها`)}/`;
    expect(parseXml(urlsetXml([{ loc }])).urlset.url.loc).toBe(loc);
  });

  it('writes a well-formed, empty urlset for no URLs', () => {
    const doc = parseXml(urlsetXml([]));
    expect(doc.urlset['@xmlns']).toBe(SITEMAP_NS);
    expect(asArray(doc.urlset.url)).toEqual([]);
  });

  it(`accepts exactly ${SITEMAP_MAX_URLS} URLs and refuses one more with a RangeError`, () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    const urls: SitemapUrl[] = Array.from({ length: SITEMAP_MAX_URLS }, (_, i) => ({ loc: `${SITE}/n/${i}/` }));
    const xml = urlsetXml(urls);
    const parsed = asArray(parseXml(xml).urlset.url);
    expect(parsed).toHaveLength(SITEMAP_MAX_URLS);
    expect(parsed[0]).toEqual({ loc: `${SITE}/n/0/` });
    expect(parsed.at(-1)).toEqual({ loc: `${SITE}/n/49999/` });

    urls.push({ loc: `${SITE}/n/50000/` });
    expect(() => urlsetXml(urls)).toThrow(RangeError);
  });
});

describe('sitemapIndexXml', () => {
  it('lists the sitemaps in a sitemapindex in the sitemap namespace', () => {
    const xml = sitemapIndexXml([
      { loc: `${SITE}/sitemap-0.xml`, lastmod: new Date('2019-08-01T05:45:00Z') },
      { loc: `${SITE}/sitemap-1.xml?v=1&x=2` },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseXml(xml);
    expect(doc.urlset).toBeUndefined();
    expect(doc.sitemapindex['@xmlns']).toBe(SITEMAP_NS);
    expect(asArray(doc.sitemapindex.sitemap)).toEqual([
      { loc: `${SITE}/sitemap-0.xml`, lastmod: '2019-08-01T10:15:00+04:30' },
      { loc: `${SITE}/sitemap-1.xml?v=1&x=2` },
    ]);
  });
});

describe('newsWindow', () => {
  const now = new Date('2024-11-22T12:00:00Z');
  const at = (offsetMs: number, id: string) => ({ id, published: new Date(now.getTime() + offsetMs) });
  const windowOf = (items: ReturnType<typeof at>[]) => newsWindow(items, now, (item) => item.published);

  it('keeps items within [now − 48h, now], both ends included', () => {
    expect(NEWS_WINDOW_HOURS).toBe(48);
    const items = [
      at(-48 * HOUR - 1, 'just-too-old'),
      at(-48 * HOUR, 'oldest-allowed'),
      at(-24 * HOUR, 'middle'),
      at(0, 'now'),
      at(1, 'just-in-the-future'),
      at(-72 * HOUR, 'old'),
      at(5 * HOUR, 'future'),
    ];
    expect(windowOf(items).map((item) => item.id)).toEqual(['now', 'middle', 'oldest-allowed']);
  });

  it('sorts newest first, whatever the input order, and returns the items themselves', () => {
    const items = [at(-30 * HOUR, 'c'), at(-1 * HOUR, 'a'), at(-47 * HOUR, 'd'), at(-2 * HOUR, 'b')];
    const result = windowOf(items);
    expect(result.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(result[0]).toBe(items[1]);
    // The input is left as it was.
    expect(items.map((item) => item.id)).toEqual(['c', 'a', 'd', 'b']);
  });

  it(`caps at ${NEWS_MAX_ITEMS} items, keeping the newest`, () => {
    expect(NEWS_MAX_ITEMS).toBe(1_000);
    // 1,500 items a minute apart (all within 25 hours), in scrambled order, plus some outside.
    const inWindow = Array.from({ length: 1_500 }, (_, i) => at(-i * 60_000, `m${i}`));
    const scrambled = Array.from({ length: 1_500 }, (_, i) => inWindow[(i * 7 + 3) % 1_500]!);
    const items = [...scrambled, at(HOUR, 'future'), at(-49 * HOUR, 'old')];
    const result = windowOf(items);
    expect(result).toHaveLength(1_000);
    expect(result.map((item) => item.id)).toEqual(Array.from({ length: 1_000 }, (_, i) => `m${i}`));
  });

  it('gives nothing when nothing is in the window', () => {
    expect(windowOf([at(-49 * HOUR, 'old'), at(HOUR, 'future')])).toEqual([]);
    expect(windowOf([])).toEqual([]);
  });
});

describe('newsSitemapXml', () => {
  const publication = { name: 'بایگان & «خبر»', language: 'fa' };
  const items: NewsItem[] = [
    {
      loc: `${SITE}/news/1/?ref=a&b=c`,
      title: `تیتر <ویژه> & "نقل" 'تک' می${ZWNJ}شود`,
      published: new Date('2024-11-22T21:00:00Z'),
    },
    { loc: `${SITE}/news/2/`, title: 'خبر دوم', published: new Date('2019-08-01T05:45:00Z') },
  ];

  it('declares both the sitemap and the news namespaces', () => {
    const doc = parseXml(newsSitemapXml(items, publication));
    expect(doc.urlset['@xmlns']).toBe(SITEMAP_NS);
    expect(doc.urlset['@xmlns:news']).toBe(NEWS_NS);
  });

  it('writes loc, publication name and language, publication date with zone, and title', () => {
    const xml = newsSitemapXml(items, publication);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const urls = asArray(parseXml(xml).urlset.url);
    expect(urls).toEqual([
      {
        loc: `${SITE}/news/1/?ref=a&b=c`,
        'news:news': {
          'news:publication': { 'news:name': 'بایگان & «خبر»', 'news:language': 'fa' },
          'news:publication_date': '2024-11-23T00:30:00+03:30',
          'news:title': `تیتر <ویژه> & "نقل" 'تک' می${ZWNJ}شود`,
        },
      },
      {
        loc: `${SITE}/news/2/`,
        'news:news': {
          'news:publication': { 'news:name': 'بایگان & «خبر»', 'news:language': 'fa' },
          'news:publication_date': '2019-08-01T10:15:00+04:30',
          'news:title': 'خبر دوم',
        },
      },
    ]);
    for (const url of urls) expect(url['news:news']['news:publication_date']).toMatch(W3C_DATETIME);
  });

  it('escapes the title in the raw XML', () => {
    const xml = newsSitemapXml(items, publication);
    expect(xml).toContain('<news:title>تیتر &lt;ویژه&gt; &amp; &quot;نقل&quot; &apos;تک&apos;');
    expect(xml).not.toContain('<ویژه>');
  });

  it('writes an empty, well-formed urlset for no items', () => {
    const doc = parseXml(newsSitemapXml([], publication));
    expect(doc.urlset['@xmlns:news']).toBe(NEWS_NS);
    expect(asArray(doc.urlset.url)).toEqual([]);
  });
});

describe('robotsTxt', () => {
  it('allows the base only, for a site under a sub-path', () => {
    expect(robotsTxt([`${SITE}/archive/sitemap-index.xml`], '/archive/')).toBe(
      `User-agent: *\nAllow: /archive/\n\nSitemap: ${SITE}/archive/sitemap-index.xml\n`,
    );
  });

  it('allows everything and lists every sitemap, ending with a newline', () => {
    expect(robotsTxt([`${SITE}/sitemap-index.xml`, `${SITE}/sitemap-news.xml`])).toBe(
      'User-agent: *\n' +
        'Allow: /\n' +
        '\n' +
        `Sitemap: ${SITE}/sitemap-index.xml\n` +
        `Sitemap: ${SITE}/sitemap-news.xml\n`,
    );
  });

  it('still allows everything with no sitemaps', () => {
    expect(robotsTxt([])).toBe('User-agent: *\nAllow: /\n\n');
  });
});
