import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { rssFeedXml, type FeedItem, type FeedOptions } from '../../src/lib/feeds/rss';
import { feedHtml } from '../../src/lib/feeds/sanitize';
import { ZWNJ } from '../../src/lib/persian/script';

const SITE = 'https://khabar.example.ir';
const HOUR = 3_600_000;

interface ChannelExtras {
  language: string;
  lastBuildDate: string;
}
interface ItemExtras {
  creators: string[];
  comments: string;
  'content:encoded': string;
}

const rssParser = new Parser<ChannelExtras, ItemExtras>({
  customFields: {
    feed: ['language', 'lastBuildDate'],
    item: [['dc:creator', 'creators', { keepArray: true }], 'comments'],
  },
});

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** fast-xml-parser gives a lone element as a value and repeated ones as an array. */
function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature */
function parseXml(xml: string): any {
  return xmlParser.parse(xml);
}
function xmlItems(xml: string): any[] {
  return asArray(parseXml(xml).rss.channel.item);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

function item(n: number, date: Date, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    title: `خبر شماره ${n}`,
    url: `${SITE}/news/${n}/`,
    date,
    lead: `لید خبر ${n}`,
    html: `<p>متن خبر ${n}</p>`,
    categories: ['سیاست'],
    authors: ['مریم احمدی'],
    ...extra,
  };
}

function options(items: FeedItem[], extra: Partial<FeedOptions> = {}): FeedOptions {
  return {
    title: 'بایگان خبر',
    description: 'تازه‌ترین خبرها',
    link: `${SITE}/`,
    selfUrl: `${SITE}/rss.xml`,
    imageUrl: `${SITE}/logo.png`,
    items,
    limit: 50,
    ...extra,
  };
}

/** A fixed, non-sorted permutation of 0..n-1 (multiplying by a number coprime with n). */
const shuffled = (n: number) => Array.from({ length: n }, (_, i) => (i * 37 + 11) % n);

describe('rssFeedXml: ordering and limit', () => {
  it('orders items by date, newest first, whatever the input order', async () => {
    const dates = [
      '2024-03-01T08:00:00Z',
      '2024-05-10T12:30:00Z',
      '2023-12-31T23:59:59Z',
      '2024-05-10T12:29:59Z',
      '2019-08-01T05:45:00Z',
    ];
    const items = dates.map((iso, n) => item(n, new Date(iso)));
    const feed = await rssParser.parseString(await rssFeedXml(options(items)));
    expect(feed.items.map((entry) => entry.title)).toEqual([
      'خبر شماره 1',
      'خبر شماره 3',
      'خبر شماره 0',
      'خبر شماره 2',
      'خبر شماره 4',
    ]);
    expect(feed.items.map((entry) => entry.isoDate)).toEqual(
      [...dates]
        .sort()
        .reverse()
        .map((iso) => new Date(iso).toISOString()),
    );
  });

  it('does not reorder or mutate the caller’s array', async () => {
    const items = [item(1, new Date('2024-01-01T00:00:00Z')), item(2, new Date('2024-02-01T00:00:00Z'))];
    const before = [...items];
    await rssFeedXml(options(items));
    expect(items).toEqual(before);
  });

  it('keeps only the `limit` newest items (60 items, limit 50)', async () => {
    const start = Date.UTC(2024, 0, 1);
    // Item n is published n hours after the start, so the newest 50 are 59 down to 10.
    const items = shuffled(60).map((n) => item(n, new Date(start + n * HOUR)));
    const feed = await rssParser.parseString(await rssFeedXml(options(items, { limit: 50 })));
    expect(feed.items).toHaveLength(50);
    const expected = Array.from({ length: 50 }, (_, i) => 59 - i);
    expect(feed.items.map((entry) => entry.link)).toEqual(expected.map((n) => `${SITE}/news/${n}/`));
    expect(feed.items.map((entry) => entry.isoDate)).toEqual(
      expected.map((n) => new Date(start + n * HOUR).toISOString()),
    );
  });

  it('keeps every item when there are fewer than `limit`', async () => {
    const items = [3, 1, 2].map((n) => item(n, new Date(Date.UTC(2024, 0, n))));
    const feed = await rssParser.parseString(await rssFeedXml(options(items, { limit: 50 })));
    expect(feed.items.map((entry) => entry.link)).toEqual([3, 2, 1].map((n) => `${SITE}/news/${n}/`));
  });
});

describe('rssFeedXml: channel', () => {
  const newest = new Date('2024-11-22T21:00:00Z');
  const items = [item(1, new Date('2024-11-20T10:00:00Z')), item(2, newest), item(3, new Date('2024-11-21T10:00:00Z'))];

  it('describes the channel: title, link, description, language, self link and image', async () => {
    const xml = await rssFeedXml(options(items, { selfUrl: `${SITE}/section/politics/rss.xml` }));
    const doc = parseXml(xml);
    expect(doc.rss['@version']).toBe('2.0');
    expect(doc.rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(doc.rss['@xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');

    const channel = doc.rss.channel;
    expect(channel.title).toBe('بایگان خبر');
    expect(channel.description).toBe('تازه‌ترین خبرها');
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.language).toBe('fa');
    expect(channel['atom:link']).toEqual({
      '@href': `${SITE}/section/politics/rss.xml`,
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(channel.image).toEqual({ url: `${SITE}/logo.png`, title: 'بایگان خبر', link: `${SITE}/` });

    const feed = await rssParser.parseString(xml);
    expect(feed.language).toBe('fa');
    expect(feed.feedUrl).toBe(`${SITE}/section/politics/rss.xml`);
    expect(feed.image).toEqual({ url: `${SITE}/logo.png`, title: 'بایگان خبر', link: `${SITE}/` });
  });

  it('gives lastBuildDate as the newest item’s date (RFC 822)', async () => {
    const xml = await rssFeedXml(options(items));
    const feed = await rssParser.parseString(xml);
    expect(feed.lastBuildDate).toBe('Fri, 22 Nov 2024 21:00:00 GMT');
    expect(new Date(feed.lastBuildDate).getTime()).toBe(newest.getTime());
    expect(parseXml(xml).rss.channel.lastBuildDate).toBe(newest.toUTCString());
  });

  it('gives lastBuildDate from the newest kept item even when the input is unsorted and capped', async () => {
    const capped = [item(1, new Date('2020-01-01T00:00:00Z')), item(2, newest), item(3, new Date('2021-01-01'))];
    const feed = await rssParser.parseString(await rssFeedXml(options(capped, { limit: 1 })));
    expect(feed.items.map((entry) => entry.link)).toEqual([`${SITE}/news/2/`]);
    expect(new Date(feed.lastBuildDate).getTime()).toBe(newest.getTime());
  });

  it('writes a valid, empty channel without lastBuildDate when there are no items', async () => {
    const xml = await rssFeedXml(options([]));
    const channel = parseXml(xml).rss.channel;
    expect(channel.lastBuildDate).toBeUndefined();
    expect(channel.item).toBeUndefined();
    expect(channel.language).toBe('fa');
    const feed = await rssParser.parseString(xml);
    expect(feed.items).toEqual([]);
  });

  it('adds the stylesheet processing instruction only when a stylesheet is given', async () => {
    const withSheet = await rssFeedXml(options(items, { stylesheet: '/rss/style.xsl' }));
    expect(parseXml(withSheet)['?xml-stylesheet']).toEqual({ '@href': '/rss/style.xsl', '@type': 'text/xsl' });
    expect(withSheet).toContain('<?xml-stylesheet');
    // The feed is still a valid RSS document with the instruction in front of it.
    expect((await rssParser.parseString(withSheet)).items).toHaveLength(3);

    const without = await rssFeedXml(options(items));
    expect(parseXml(without)['?xml-stylesheet']).toBeUndefined();
    expect(without).not.toContain('xml-stylesheet');

    const undefinedSheet = await rssFeedXml(options(items, { stylesheet: undefined }));
    expect(parseXml(undefinedSheet)['?xml-stylesheet']).toBeUndefined();
  });
});

describe('rssFeedXml: items', () => {
  const date = new Date('2019-08-01T05:45:00Z');
  const full = item(7, date, {
    title: 'تیتر کامل',
    lead: 'لید کامل',
    html: '<p>متن <a href="/news/8/">خبر دیگر</a> و <img src="photo.jpg" alt="عکس"></p><script>alert(1)</script>',
    categories: ['سیاست', 'اقتصاد'],
    authors: ['مریم احمدی', 'علی رضایی', 'سارا کریمی'],
    commentsUrl: `${SITE}/news/7/#comments`,
    enclosure: { url: `${SITE}/media/7.jpg`, length: 123456, type: 'image/jpeg' },
  });

  it('gives guid (a permalink) equal to the link', async () => {
    const xml = await rssFeedXml(options([full]));
    const [entry] = xmlItems(xml);
    expect(entry.link).toBe(`${SITE}/news/7/`);
    expect(entry.guid).toEqual({ '#text': `${SITE}/news/7/`, '@isPermaLink': 'true' });
    const [parsed] = (await rssParser.parseString(xml)).items;
    expect(parsed!.guid).toBe(parsed!.link);
  });

  it('gives pubDate as the RFC 822 form of the date', async () => {
    const xml = await rssFeedXml(options([full]));
    const [entry] = xmlItems(xml);
    expect(entry.pubDate).toBe('Thu, 01 Aug 2019 05:45:00 GMT');
    expect(entry.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const [parsed] = (await rssParser.parseString(xml)).items;
    expect(parsed!.isoDate).toBe(date.toISOString());
  });

  it('gives the lead as description and the sanitised, absolute HTML as content:encoded', async () => {
    const xml = await rssFeedXml(options([full]));
    const [entry] = xmlItems(xml);
    expect(entry.description).toBe('لید کامل');
    const expectedHtml = `<p>متن <a href="${SITE}/news/8/">خبر دیگر</a> و <img src="${SITE}/news/7/photo.jpg" alt="عکس" /></p>`;
    expect(entry['content:encoded']).toBe(expectedHtml);
    expect(entry['content:encoded']).toBe(feedHtml(full.html, full.url));

    const [parsed] = (await rssParser.parseString(xml)).items;
    expect(parsed!['content:encoded']).toBe(expectedHtml);
    expect(parsed!['content:encoded']).not.toContain('script');
  });

  it('lists the categories and one dc:creator per author', async () => {
    const xml = await rssFeedXml(options([full]));
    const [entry] = xmlItems(xml);
    expect(asArray(entry.category)).toEqual(['سیاست', 'اقتصاد']);
    expect(asArray(entry['dc:creator'])).toEqual(['مریم احمدی', 'علی رضایی', 'سارا کریمی']);
    const [parsed] = (await rssParser.parseString(xml)).items;
    expect(parsed!.categories).toEqual(['سیاست', 'اقتصاد']);
    expect(parsed!.creators).toEqual(['مریم احمدی', 'علی رضایی', 'سارا کریمی']);
  });

  it('writes a single author as one dc:creator and no author as none', async () => {
    const one = item(1, new Date('2024-01-02T00:00:00Z'), { authors: ['مریم احمدی'] });
    const none = item(2, new Date('2024-01-01T00:00:00Z'), { authors: [] });
    const xml = await rssFeedXml(options([one, none]));
    const [first, second] = xmlItems(xml);
    expect(asArray(first['dc:creator'])).toEqual(['مریم احمدی']);
    expect(second['dc:creator']).toBeUndefined();
    const parsed = (await rssParser.parseString(xml)).items;
    expect(parsed[0]!.creators).toEqual(['مریم احمدی']);
    expect(parsed[1]!.creators).toBeUndefined();
  });

  it('writes comments and enclosure only when given', async () => {
    const bare = item(8, new Date('2019-07-31T00:00:00Z'));
    const xml = await rssFeedXml(options([bare, full]));
    const [withAll, without] = xmlItems(xml);
    expect(withAll.comments).toBe(`${SITE}/news/7/#comments`);
    expect(withAll.enclosure).toEqual({
      '@url': `${SITE}/media/7.jpg`,
      '@length': '123456',
      '@type': 'image/jpeg',
    });
    expect(without.link).toBe(`${SITE}/news/8/`);
    expect(without.comments).toBeUndefined();
    expect(without.enclosure).toBeUndefined();

    const parsed = (await rssParser.parseString(xml)).items;
    expect(parsed[0]!.comments).toBe(`${SITE}/news/7/#comments`);
    expect(parsed[0]!.enclosure).toEqual({ url: `${SITE}/media/7.jpg`, length: '123456', type: 'image/jpeg' });
    expect(parsed[1]!.comments).toBeUndefined();
    expect(parsed[1]!.enclosure).toBeUndefined();
  });

  it("gives the lead image's caption and credit as Media RSS, only when it has one", async () => {
    const credited = item(9, new Date('2019-08-02T00:00:00Z'), {
      enclosure: { ...full.enclosure!, caption: 'ورودی «بازار» & راسته', credit: 'علی رضایی' },
    });
    const xml = await rssFeedXml(options([credited, full]));
    const [withMedia, without] = xmlItems(xml);
    expect(withMedia['media:content']).toEqual({
      '@url': `${SITE}/media/7.jpg`,
      '@type': 'image/jpeg',
      '@medium': 'image',
      '@fileSize': '123456',
      'media:description': { '#text': 'ورودی «بازار» & راسته', '@type': 'plain' },
      'media:credit': { '#text': 'علی رضایی', '@role': 'photographer' },
    });
    // The enclosure stays as RSS readers know it.
    expect(withMedia.enclosure).toEqual({ '@url': `${SITE}/media/7.jpg`, '@length': '123456', '@type': 'image/jpeg' });
    expect(without['media:content']).toBeUndefined();
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
  });

  it('round-trips XML special characters in titles, leads, authors and categories exactly', async () => {
    const nasty = `Tom & Jerry <b>bold</b> "quoted" 'single' > end`;
    const entity = 'AT&amp;T &lt;not a tag&gt; &#x41;';
    const special = item(1, new Date('2024-01-01T00:00:00Z'), {
      title: `${nasty} ${entity}`,
      lead: `لید: ${nasty}`,
      authors: [`O'Brien & <Sons> "Co"`, entity],
      categories: [`R&D <${'x'}>`],
    });
    const xml = await rssFeedXml(options([special], { title: `کانال "ویژه" & <تازه>` }));

    const feed = await rssParser.parseString(xml);
    expect(feed.title).toBe(`کانال "ویژه" & <تازه>`);
    expect(feed.image?.title).toBe(`کانال "ویژه" & <تازه>`);
    const [parsed] = feed.items;
    expect(parsed!.title).toBe(`${nasty} ${entity}`);
    expect(parsed!.content).toBe(`لید: ${nasty}`);
    expect(parsed!.creators).toEqual([`O'Brien & <Sons> "Co"`, entity]);
    expect(parsed!.categories).toEqual([`R&D <x>`]);

    const [entry] = xmlItems(xml);
    expect(entry.title).toBe(`${nasty} ${entity}`);
    expect(entry.description).toBe(`لید: ${nasty}`);
    expect(asArray(entry['dc:creator'])).toEqual([`O'Brien & <Sons> "Co"`, entity]);
  });

  it('escapes & in the self URL and keeps Persian text and ZWNJ intact', async () => {
    const persian = item(1, new Date('2024-01-01T00:00:00Z'), {
      title: `می${ZWNJ}خواهیم`,
      lead: `گزارش${ZWNJ}ها`,
      authors: [`نویسنده${ZWNJ}ای`],
    });
    const xml = await rssFeedXml(options([persian], { selfUrl: `${SITE}/rss.xml?a=1&b=2` }));
    expect(parseXml(xml).rss.channel['atom:link']['@href']).toBe(`${SITE}/rss.xml?a=1&b=2`);
    const feed = await rssParser.parseString(xml);
    expect(feed.feedUrl).toBe(`${SITE}/rss.xml?a=1&b=2`);
    expect(feed.items[0]!.title).toBe(`می${ZWNJ}خواهیم`);
    expect(feed.items[0]!.content).toBe(`گزارش${ZWNJ}ها`);
    expect(feed.items[0]!.creators).toEqual([`نویسنده${ZWNJ}ای`]);
  });
});

describe('feedHtml', () => {
  const ARTICLE = `${SITE}/news/2024/11/report/`;
  const fragment = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

  it('removes script, style and iframe elements with their contents', () => {
    const out = feedHtml(
      '<p>پیش</p><script>alert("x")</script><style>p { color: red }</style>' +
        '<iframe src="https://video.example/embed"></iframe><p>پس</p>',
      ARTICLE,
    );
    expect(out).toBe('<p>پیش</p><p>پس</p>');
    const body = fragment(out);
    expect(body.querySelectorAll('script, style, iframe')).toHaveLength(0);
  });

  it('removes inline event handlers and other attributes not allowed', () => {
    const out = feedHtml(
      '<p onclick="steal()" style="color:red" class="lead" dir="rtl">متن</p>' +
        '<img src="https://cdn.example.ir/a.jpg" onerror="steal()" alt="عکس">' +
        '<a href="https://example.ir/" onmouseover="steal()">پیوند</a>',
      ARTICLE,
    );
    expect(out).toBe(
      '<p dir="rtl">متن</p><img src="https://cdn.example.ir/a.jpg" alt="عکس" /><a href="https://example.ir/">پیوند</a>',
    );
    expect(out).not.toMatch(/on(click|error|mouseover)/);
  });

  it('drops javascript: and data: URLs in href and src', () => {
    const out = feedHtml(
      '<a href="javascript:alert(1)">a</a>' +
        '<a href="JaVaScRiPt:alert(1)">b</a>' +
        '<a href="  javascript:alert(1)">c</a>' +
        '<a href="java\tscript:alert(1)">d</a>' +
        '<a href="data:text/html;base64,PHNjcmlwdD4=">e</a>' +
        '<img src="data:image/png;base64,AAAA" alt="f">' +
        '<img src="javascript:alert(1)" alt="g">',
      ARTICLE,
    );
    const body = fragment(out);
    const links = [...body.querySelectorAll('a')];
    const images = [...body.querySelectorAll('img')];
    expect(links.map((a) => a.textContent)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(links.every((a) => !a.hasAttribute('href'))).toBe(true);
    expect(images.map((img) => img.getAttribute('alt'))).toEqual(['f', 'g']);
    expect(images.every((img) => !img.hasAttribute('src'))).toBe(true);
    expect(out).not.toMatch(/javascript|data:/i);
  });

  it('keeps the allowed structural and inline markup unchanged', () => {
    const safe =
      '<h2>عنوان</h2><p>متن <strong>پررنگ</strong> و <em>کج</em></p>' +
      '<ul><li>یک</li><li>دو</li></ul><ol><li>سه</li></ol>' +
      '<blockquote><p>نقل قول</p></blockquote>' +
      '<table><thead><tr><th colspan="2">سر</th></tr></thead><tbody><tr><td>۱</td><td>۲</td></tr></tbody></table>' +
      '<pre><code>const x = 1;</code></pre>' +
      '<figure><img src="https://cdn.example.ir/p.jpg" alt="تصویر" width="800" height="600" /><figcaption>زیرنویس</figcaption></figure>' +
      '<p><a href="https://example.ir/page" title="صفحه">پیوند</a></p>';
    expect(feedHtml(safe, ARTICLE)).toBe(safe);
    const body = fragment(feedHtml(safe, ARTICLE));
    for (const tag of ['p', 'h2', 'ul', 'ol', 'li', 'blockquote', 'table', 'th', 'td', 'pre', 'code', 'strong', 'em']) {
      expect(body.querySelector(tag), tag).not.toBeNull();
    }
    expect(body.querySelector('figure img')?.getAttribute('alt')).toBe('تصویر');
    expect(body.querySelector('a')?.getAttribute('href')).toBe('https://example.ir/page');
  });

  it('makes relative href and src absolute against the article URL', () => {
    const out = feedHtml(
      '<a href="/section/politics/">ریشه</a>' +
        '<a href="x.png">هم‌پوشه</a>' +
        '<a href="../y">بالا</a>' +
        '<a href="#p2">بند</a>' +
        '<img src="/media/a.jpg" alt="a"><img src="b.png" alt="b"><img src="../../c.webp" alt="c">',
      ARTICLE,
    );
    const body = fragment(out);
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `${SITE}/section/politics/`,
      `${SITE}/news/2024/11/report/x.png`,
      `${SITE}/news/2024/11/y`,
      `${SITE}/news/2024/11/report/#p2`,
    ]);
    expect([...body.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      `${SITE}/media/a.jpg`,
      `${SITE}/news/2024/11/report/b.png`,
      `${SITE}/news/2024/c.webp`,
    ]);
  });

  it('leaves absolute http(s) and mailto links as they are', () => {
    const out = feedHtml(
      '<a href="https://other.example.org/a?b=1&amp;c=2">https</a>' +
        '<a href="http://old.example.org/">http</a>' +
        '<a href="mailto:editor@khabar.example.ir">mail</a>',
      ARTICLE,
    );
    const hrefs = [...fragment(out).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://other.example.org/a?b=1&c=2',
      'http://old.example.org/',
      'mailto:editor@khabar.example.ir',
    ]);
  });

  it('leaves a link without href alone', () => {
    expect(feedHtml('<a>بی‌پیوند</a>', ARTICLE)).toBe('<a>بی‌پیوند</a>');
  });

  it('keeps Persian text, Persian digits and ZWNJ byte for byte', () => {
    const text = `<p dir="rtl">می${ZWNJ}روم به خانه${ZWNJ}ها، ساعت ۱۲:۳۰ «نقل» — گزارش${ZWNJ}ها</p>`;
    const out = feedHtml(text, ARTICLE);
    expect(out).toBe(text);
    expect([...out].filter((ch) => ch === ZWNJ)).toHaveLength(3);
  });
});

describe('feedHtml and links that would leave the site', () => {
  it('drops protocol-relative and backslash URLs instead of making them absolute', () => {
    const html = feedHtml(
      '<a href="//evil.example/x">e</a><img src="//evil.example/i.png" alt="i"><a href="/\\evil.example/y">f</a>',
      'https://ex.ir/news/2024/a/',
    );
    expect(html).not.toContain('evil.example');
    expect(html).toContain('<a>e</a>');
  });

  it('keeps absolute links to other sites as written', () => {
    expect(feedHtml('<a href="https://example.com/a?b=1&amp;c=2">x</a>', 'https://ex.ir/n/1/')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2">x</a>',
    );
  });
});
