/**
 * Feeds, sitemaps and structured data of a built archive, read the way their consumers read
 * them: feeds through a real feed-reader library (rss-parser), sitemaps as XML against the
 * protocol's rules, JSON-LD parsed from the pages.
 */
import { cpSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  builtPages,
  pageExists,
  projectRoot,
  readPage,
  tmpRoot,
  type BuildResult,
} from '../helpers/build-site';
import { atLeast } from '../helpers/at-least';

// 1404/01/01 12:00 in Tehran: Esfand 30 1403 (18:00 the day before) is inside the 48-hour news window.
const NOW = '2025-03-21T12:00:00+03:30';
const ORIGIN = 'https://fixture.example.org';
const TRICKY_TITLE = '«سود & زیان» در <بازار> "امروز" و \'فردا\'';

let build: BuildResult;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const read = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');
/** Item fields rss-parser reads besides the standard ones. */
interface ItemExtras {
  'content:encoded': string;
  comments?: string;
  creators: string[];
}
const feedParser = new Parser<Record<string, never>, ItemExtras>({
  customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] },
});
const jsonLd = (urlPath: string) =>
  [...parseHTML(readPage(build.outDir, urlPath)).document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent!) as Record<string, unknown>,
  );

beforeAll(async () => {
  const contentDir = path.join(tmpRoot, 'feeds-seo', 'content');
  rmSync(contentDir, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  // The live page's coverage has ended here (the fixture build shows it live).
  const live = path.join(contentDir, 'articles/1403/snow-live.md');
  writeFileSync(live, readFileSync(live, 'utf8').replace('live: true\n', 'live: true\nliveEnded: 1403/10/01 12:00\n'));
  writeFileSync(
    path.join(contentDir, 'articles/1403/tricky.md'),
    [
      '---',
      'id: 11',
      `title: '${TRICKY_TITLE.replaceAll("'", "''")}'`,
      "lead: 'خلاصه با & و <b>نه‌برچسب</b>.'",
      'date: 1404/01/01 09:00',
      'category: economy',
      "authors: ['ali-rezaei']",
      "tags: ['بازار']",
      '---',
      '',
      'متن خبر با [پیوند نسبی](/news/7/market/) و <script>alert(1)</script> و <img src="x.png" onerror="alert(2)">.',
      '',
    ].join('\n'),
  );
  build = await buildSite('feeds-seo', contentDir, { BAYEGAN_NOW: NOW });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

describe('RSS feeds', () => {
  it('parses the site feed with a feed reader: Persian channel, newest first by first publication', async () => {
    const feed = await feedParser.parseString(read('rss.xml'));
    expect(feed.title).toBe('بایگان آزمایشی');
    expect(feed.language).toBe('fa');
    expect(feed.link).toBe(`${ORIGIN}/`);
    expect(feed.items.map((item) => item.link)).toEqual([
      `${ORIGIN}/news/11/tricky/`,
      `${ORIGIN}/news/8/last-day-of-leap-year/`,
      `${ORIGIN}/news/5/snow-live/`,
      `${ORIGIN}/news/7/market/`,
      `${ORIGIN}/news/2/notice/`,
      `${ORIGIN}/news/3/${encodeURIComponent('کتاب-تابستان')}/`,
    ]);
    const dates = feed.items.map((item) => new Date(item.pubDate!).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    // Article 7 was updated later than it was published; it is ordered by first publication.
    expect(new Date(feed.items[3]!.pubDate!).toISOString()).toBe('2024-11-22T21:00:00.000Z');
  });

  it('carries guid, lead, full sanitised content, section, reporters, comments and the image', async () => {
    const feed = await feedParser.parseString(read('rss.xml'));
    const market = feed.items.find((item) => item.link === `${ORIGIN}/news/7/market/`)!;
    expect(market.guid).toBe(market.link);
    expect(market.contentSnippet ?? market.content).toContain('پس از دو سال مرمت');
    expect(market['content:encoded']).toContain('بازار مرکزی');
    expect(market['content:encoded']).toContain('<h2>جزئیات</h2>');
    expect(market.categories).toEqual(['اقتصادی']);
    expect(market.creators).toEqual(['علی رضایی', 'تحریریه']);
    expect(market.comments).toBe(`${ORIGIN}/news/7/market/#comments`);
    const enclosure = market.enclosure!;
    expect(enclosure.type).toBe('image/jpeg');
    const imageFile = path.join(build.outDir, new URL(enclosure.url).pathname);
    expect(Number(enclosure.length)).toBe(statSync(imageFile).size);
    // Comments closed: no comments link.
    const closed = feed.items.find((item) => item.title === 'کتاب تابستانی برای کودکان')!;
    expect(closed.comments).toBeUndefined();
  });

  it('keeps a title with &, < and quotes intact, and never passes markup or script through', async () => {
    const feed = await feedParser.parseString(read('rss.xml'));
    const tricky = feed.items[0]!;
    expect(tricky.title).toBe(TRICKY_TITLE);
    expect(tricky.content).toBe('خلاصه با & و <b>نه‌برچسب</b>.');
    const content = tricky['content:encoded'];
    expect(content).toContain(`href="${ORIGIN}/news/7/market/"`);
    expect(content).not.toMatch(/<script|onerror|alert\(1\)/);
    expect(content).toContain(`src="${ORIGIN}/news/11/tricky/x.png"`);
    // The JSON feed carries the same, as JSON strings.
    const json = JSON.parse(read('feed.json')) as { items: { title: string; summary: string; content_html: string }[] };
    expect(json.items[0]!.title).toBe(TRICKY_TITLE);
    expect(json.items[0]!.summary).toBe('خلاصه با & و <b>نه‌برچسب</b>.');
    expect(json.items[0]!.content_html).toContain(`href="${ORIGIN}/news/7/market/"`);
    expect(json.items[0]!.content_html).not.toMatch(/<script|onerror|alert\(1\)/);
  });

  it('renders MDX articles into the feed', async () => {
    const feed = await feedParser.parseString(read('rss.xml'));
    const notice = feed.items.find((item) => item.link === `${ORIGIN}/news/2/notice/`)!;
    expect(notice['content:encoded']).toContain('در یک نگاه');
    expect(notice['content:encoded']).toContain('خوانندگان حق دارند خبر را سریع بخوانند.');
  });

  it('declares language, atom:link self, channel image and the XSL stylesheet', () => {
    const text = read('rss.xml');
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/rss.xsl" type="text\/xsl"\?>/,
    );
    const channel = xml.parse(text).rss.channel;
    // The self link, then the WebSub hub of the fixture's settings (json-feeds.test.ts).
    expect(channel['atom:link'][0]['@href']).toBe(`${ORIGIN}/rss.xml`);
    expect(channel['atom:link'][0]['@rel']).toBe('self');
    expect(channel.image.url).toBe(`${ORIGIN}/logo.png`);
    expect(statSync(path.join(build.outDir, 'logo.png')).isFile()).toBe(true);
    expect(statSync(path.join(build.outDir, 'rss.xsl')).isFile()).toBe(true);
  });

  it('has a feed per section and per reporter, with only their articles', async () => {
    const economy = await feedParser.parseString(read('category/economy/rss.xml'));
    expect(economy.title).toBe('اقتصادی | بایگان آزمایشی');
    expect(economy.items.map((item) => item.link)).toEqual([
      `${ORIGIN}/news/11/tricky/`,
      `${ORIGIN}/news/8/last-day-of-leap-year/`,
      `${ORIGIN}/news/7/market/`,
    ]);
    const newsroom = await feedParser.parseString(read('author/newsroom/rss.xml'));
    expect(newsroom.items.map((item) => item.link)).toEqual([
      `${ORIGIN}/news/5/snow-live/`,
      `${ORIGIN}/news/7/market/`,
      `${ORIGIN}/news/2/notice/`,
      `${ORIGIN}/news/3/${encodeURIComponent('کتاب-تابستان')}/`,
    ]);
  });

  it('announces the feeds in page heads and lists them all on «خوراک‌ها»', () => {
    const pages = builtPages(build.outDir).filter((page) => !/^(n|admin)\//.test(page.file));
    for (const { file, html } of atLeast(8, pages, 'built pages')) {
      expect(html, file).toContain(
        '<link rel="alternate" type="application/rss+xml" title="بایگان آزمایشی" href="/rss.xml">',
      );
    }
    const section = parseHTML(readPage(build.outDir, '/category/economy/')).document;
    expect([...section.querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'))).toEqual([
      '/rss.xml',
      '/category/economy/rss.xml',
      '/feed.json',
      '/category/economy/feed.json',
    ]);
    const feeds = parseHTML(readPage(build.outDir, '/feeds/')).document;
    const hrefs = [...feeds.querySelectorAll('.feed-group li a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/rss.xml');
    expect(hrefs).toContain('/category/culture/rss.xml');
    expect(hrefs).toContain('/author/ali-rezaei/rss.xml');
    for (const href of hrefs) expect(statSync(path.join(build.outDir, href!)).isFile(), href!).toBe(true);
  });
});

describe('sitemaps and robots.txt', () => {
  const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

  it('lists every sitemap in the index, with absolute URLs', () => {
    const index = xml.parse(read('sitemap-index.xml')).sitemapindex;
    expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const sitemaps = [index.sitemap].flat();
    expect(sitemaps.map((s: { loc: string }) => s.loc)).toEqual([`${ORIGIN}/sitemap-0.xml`]);
    for (const sitemap of sitemaps) expect(sitemap.lastmod).toMatch(W3C_DATETIME);
  });

  it('lists built pages only, absolute, at most 50,000, dates with a zone', () => {
    const urlset = xml.parse(read('sitemap-0.xml')).urlset;
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = [urlset.url].flat() as { loc: string; lastmod?: string }[];
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.length).toBeLessThanOrEqual(50_000);
    expect(new Set(urls.map((url) => url.loc)).size).toBe(urls.length);
    for (const url of urls) {
      expect(url.loc.startsWith(`${ORIGIN}/`), url.loc).toBe(true);
      expect(url.loc).toMatch(/^[\x21-\x7e]+$/); // percent-encoded, no raw Persian
      expect(pageExists(build.outDir, new URL(url.loc).pathname), url.loc).toBe(true);
      if (url.lastmod !== undefined) expect(url.lastmod, url.loc).toMatch(W3C_DATETIME);
    }
    const market = urls.find((url) => url.loc === `${ORIGIN}/news/7/market/`)!;
    expect(market.lastmod).toBe('2024-11-23T12:15:00+03:30'); // its update
    expect(urls.some((url) => url.loc.includes('/news/9/') || url.loc.includes('/news/10/'))).toBe(false);
  });

  it('puts only the last 48 hours in the news sitemap, in Persian, with escaped titles', () => {
    const text = read('sitemap-news.xml');
    const urlset = xml.parse(text).urlset;
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    interface NewsEntry {
      'news:publication': { 'news:language': string; 'news:name': string };
      'news:publication_date': string;
      'news:title': string;
    }
    const urls = [urlset.url].flat() as { loc: string; 'news:news': NewsEntry }[];
    expect(urls.map((url) => url.loc)).toEqual([
      `${ORIGIN}/news/11/tricky/`,
      `${ORIGIN}/news/8/last-day-of-leap-year/`,
    ]);
    for (const url of urls) {
      const news = url['news:news'];
      expect(news['news:publication']['news:language']).toBe('fa');
      expect(news['news:publication']['news:name']).toBe('بایگان آزمایشی');
      expect(news['news:publication_date']).toMatch(W3C_DATETIME);
    }
    expect(text).toContain('«سود &amp; زیان» در &lt;بازار&gt; &quot;امروز&quot;');
    expect(urls[0]!['news:news']['news:title']).toBe(TRICKY_TITLE);
  });

  it('names both sitemaps in robots.txt', () => {
    expect(read('robots.txt')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap-index.xml\nSitemap: ${ORIGIN}/sitemap-news.xml\n`,
    );
  });
});

describe('structured data and meta', () => {
  it('describes an article as a NewsArticle with Tehran-offset dates, reporters and publisher', () => {
    interface NewsArticleLd {
      '@type': string;
      headline: string;
      url: string;
      datePublished: string;
      dateModified: string;
      author: unknown;
      image: { '@type': string; url: string; caption?: string; creditText?: string }[];
      publisher: unknown;
      inLanguage: string;
    }
    interface BreadcrumbListLd {
      '@type': string;
      itemListElement: { item: string }[];
    }
    const [article, breadcrumbs] = jsonLd('/news/7/market/') as unknown as [NewsArticleLd, BreadcrumbListLd];
    expect(article['@type']).toBe('NewsArticle');
    expect(article.headline).toBe('بازار مرکزی شهر بازگشایی شد');
    expect(article.url).toBe(`${ORIGIN}/news/7/market/`);
    expect(article.datePublished).toBe('2024-11-23T00:30:00+03:30');
    expect(article.dateModified).toBe('2024-11-23T12:15:00+03:30');
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'علی رضایی', url: `${ORIGIN}/author/ali-rezaei/` },
      { '@type': 'Person', name: 'تحریریه', url: `${ORIGIN}/author/newsroom/` },
    ]);
    expect(article.image).toHaveLength(1);
    expect(article.image[0]!['@type']).toBe('ImageObject');
    expect(article.image[0]!.url).toMatch(new RegExp(`^${ORIGIN}/_astro/market\\..+\\.jpg$`));
    // The credit as the page shows it after «عکس: » (the fixture writes the label too), and the caption.
    expect(article.image[0]!.creditText).toBe('علی رضایی');
    expect(article.image[0]!.caption).toBe('ورودی بازار در نخستین روز');
    expect(article.publisher).toMatchObject({ name: 'بایگان آزمایشی', logo: { url: `${ORIGIN}/logo.png` } });
    expect(article.inLanguage).toBe('fa');
    expect(breadcrumbs['@type']).toBe('BreadcrumbList');
    expect(breadcrumbs.itemListElement.map((item) => item.item)).toEqual([
      `${ORIGIN}/`,
      `${ORIGIN}/category/economy/`,
      `${ORIGIN}/news/7/market/`,
    ]);
    // A DST summer article carries +04:30.
    expect((jsonLd(`/news/3/کتاب-تابستان/`)[0] as Record<string, string>).datePublished).toBe(
      '2019-08-01T10:15:00+04:30',
    );
  });

  it('ends live coverage with one field: no «پوشش زنده», the end in the facts line and coverageEndTime', () => {
    const document = parseHTML(readPage(build.outDir, '/news/5/snow-live/')).document;
    expect(document.querySelector('.badge--live')).toBeNull();
    const ended = [...document.querySelectorAll('.article__meta div')].find(
      (row) => row.querySelector('dt')!.textContent === 'پایان پوشش زنده:',
    )!;
    expect(ended.querySelector('time')!.getAttribute('datetime')).toBe('2024-12-21T12:00:00+03:30');
    expect(document.querySelectorAll('.live-update')).toHaveLength(2);
    const ld = jsonLd('/news/5/snow-live/')[0]!;
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld['coverageEndTime']).toBe('2024-12-21T12:00:00+03:30');
  });

  it('keeps NewsArticle off every page that is not an article', () => {
    for (const { file, html } of atLeast(8, builtPages(build.outDir), 'built pages')) {
      if (file.startsWith('news/')) continue;
      expect(html, file).not.toContain('"NewsArticle"');
    }
    const home = jsonLd('/');
    expect(home).toHaveLength(1);
    expect(home[0]).toMatchObject({
      '@type': 'WebSite',
      url: `${ORIGIN}/`,
      potentialAction: { '@type': 'SearchAction', target: { urlTemplate: `${ORIGIN}/search/?q={search_term_string}` } },
    });
    expect(jsonLd('/category/economy/').map((data) => data['@type'])).toEqual(['BreadcrumbList']);
  });

  it('escapes < in JSON-LD so text can never close the script', () => {
    const html = readPage(build.outDir, '/news/11/tricky/');
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    for (const script of atLeast(1, scripts, 'JSON-LD scripts')) expect(script).not.toContain('<');
    expect((jsonLd('/news/11/tricky/')[0] as Record<string, string>).headline).toBe(TRICKY_TITLE);
  });

  it('gives articles Open Graph article tags, a large Twitter card and one canonical', () => {
    const document = parseHTML(readPage(build.outDir, '/news/7/market/')).document;
    const meta = (key: string) =>
      [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
        m.getAttribute('content'),
      );
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:locale')).toEqual(['fa_IR']);
    expect(meta('og:url')).toEqual([`${ORIGIN}/news/7/market/`]);
    expect(meta('article:published_time')).toEqual(['2024-11-23T00:30:00+03:30']);
    expect(meta('article:modified_time')).toEqual(['2024-11-23T12:15:00+03:30']);
    expect(meta('article:section')).toEqual(['اقتصادی']);
    expect(meta('article:tag')).toEqual(['بازار', 'بازارها', 'مرمت']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(meta('og:image')[0]).toMatch(new RegExp(`^${ORIGIN}/_astro/`));
    expect(meta('description')).toEqual(['بازار مرکزی پس از دو سال مرمت، بامداد امروز به روی خریداران باز شد.']);
    expect(document.querySelectorAll('link[rel="canonical"]')).toHaveLength(1);
    const listing = parseHTML(readPage(build.outDir, '/category/economy/')).document;
    expect(listing.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('website');
  });
});
