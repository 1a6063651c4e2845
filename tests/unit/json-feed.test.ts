/**
 * JSON Feed 1.1 (src/lib/feeds/json-feed.ts): the same items as the RSS feed, valid against the
 * specification (tests/helpers/json-feed.ts, written from it), and the WebSub hub in both formats.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { JSON_FEED_VERSION, jsonFeedText } from '../../src/lib/feeds/json-feed';
import { rssFeedXml, type FeedItem, type FeedOptions } from '../../src/lib/feeds/rss';
import { jsonFeedProblems } from '../helpers/json-feed';

const SITE = 'https://khabar.example.ir';
const HUB = 'https://hub.example.net/';

function item(n: number, date: Date, extra: Partial<FeedItem> = {}): FeedItem {
  return {
    title: `خبر شماره ${n}`,
    url: `${SITE}/news/${n}/`,
    date,
    lead: `لید خبر ${n}`,
    html: `<p>متن خبر ${n}</p>`,
    categories: ['سیاسی'],
    authors: ['مریم احمدی'],
    ...extra,
  };
}

function options(items: FeedItem[], extra: Partial<FeedOptions> = {}): FeedOptions {
  return {
    title: 'بایگان خبر',
    description: 'تازه‌ترین خبرها',
    link: `${SITE}/`,
    selfUrl: `${SITE}/feed.json`,
    imageUrl: `${SITE}/logo.png`,
    items,
    limit: 50,
    ...extra,
  };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON is untyped by nature */
const parse = (text: string): any => JSON.parse(text);
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('jsonFeedText', () => {
  const rich = item(7, new Date('2024-11-22T21:00:00Z'), {
    html: '<p>بازار <a href="/news/3/">خبر قبلی</a> <img src="a.jpg" alt="عکس" onerror="alert(1)"></p><script>alert(2)</script>',
    modified: new Date('2019-08-01T05:45:00Z'),
    tags: ['بازار', 'سیاسی'],
    authors: ['علی رضایی', 'تحریریه'],
    authorUrls: [`${SITE}/author/ali-rezaei/`, `${SITE}/author/newsroom/`],
    enclosure: { url: `${SITE}/_astro/market.jpg`, length: 1234, type: 'image/jpeg' },
  });

  it('writes a valid JSON Feed 1.1 with the feed’s own fields, in Persian', () => {
    const feed = parse(jsonFeedText(options([rich, item(1, new Date('2024-01-01T00:00:00Z'))])));
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed).toMatchObject({
      title: 'بایگان خبر',
      home_page_url: `${SITE}/`,
      feed_url: `${SITE}/feed.json`,
      description: 'تازه‌ترین خبرها',
      icon: `${SITE}/logo.png`,
      language: 'fa',
    });
    expect(feed.hubs).toBeUndefined();
  });

  it('gives each item its URL as id, sanitised absolute HTML, summary, image, authors, tags and Tehran dates', () => {
    const [entry] = parse(jsonFeedText(options([rich]))).items;
    expect(entry.id).toBe(`${SITE}/news/7/`);
    expect(entry.url).toBe(`${SITE}/news/7/`);
    expect(entry.title).toBe('خبر شماره 7');
    expect(entry.summary).toBe('لید خبر 7');
    expect(entry.content_html).toContain(`<a href="${SITE}/news/3/">خبر قبلی</a>`);
    expect(entry.content_html).toContain(`src="${SITE}/news/7/a.jpg"`);
    expect(entry.content_html).not.toMatch(/<script|onerror|alert/);
    expect(entry.image).toBe(`${SITE}/_astro/market.jpg`);
    // Tehran's offset at each instant: +03:30 now, +04:30 in a summer before 2022.
    expect(entry.date_published).toBe('2024-11-23T00:30:00+03:30');
    expect(entry.date_modified).toBe('2019-08-01T10:15:00+04:30');
    expect(entry.authors).toEqual([
      { name: 'علی رضایی', url: `${SITE}/author/ali-rezaei/` },
      { name: 'تحریریه', url: `${SITE}/author/newsroom/` },
    ]);
    // The section first, then the tags, each once.
    expect(entry.tags).toEqual(['سیاسی', 'بازار']);
    expect(entry.language).toBe('fa');
  });

  it('leaves out what an item does not have', () => {
    const [entry] = parse(jsonFeedText(options([item(1, new Date('2024-01-01T00:00:00Z'), { authors: [] })]))).items;
    expect(Object.keys(entry).sort()).toEqual(
      ['content_html', 'date_published', 'id', 'language', 'summary', 'tags', 'title', 'url'].sort(),
    );
  });

  it('carries the same items as the RSS feed, newest first by first publication, capped', async () => {
    const items = [3, 9, 1, 7, 5].map((n) => item(n, new Date(Date.UTC(2024, 0, n))));
    const json = parse(jsonFeedText(options(items, { limit: 3 })));
    const rss = new XMLParser().parse(await rssFeedXml(options(items, { limit: 3 })));
    const rssLinks = (rss.rss.channel.item as { link: string }[]).map((entry) => entry.link);
    expect(json.items.map((entry: { url: string }) => entry.url)).toEqual([9, 7, 5].map((n) => `${SITE}/news/${n}/`));
    expect(rssLinks).toEqual(json.items.map((entry: { url: string }) => entry.url));
  });

  it('is valid with no items at all (a new reporter)', () => {
    const feed = parse(jsonFeedText(options([])));
    expect(feed.items).toEqual([]);
    expect(jsonFeedProblems(feed)).toEqual([]);
  });
});

describe('WebSub hub', () => {
  const items = [item(1, new Date('2024-01-01T00:00:00Z'))];

  it('is named in the JSON feed (hubs) and the RSS feed (atom:link rel="hub", beside rel="self")', async () => {
    const feed = parse(jsonFeedText(options(items, { hub: HUB })));
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: HUB }]);
    expect(jsonFeedProblems(feed)).toEqual([]);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
      await rssFeedXml(options(items, { hub: HUB, selfUrl: `${SITE}/rss.xml` })),
    );
    const links = xml.rss.channel['atom:link'] as { '@href': string; '@rel': string }[];
    expect(links.map((link) => [link['@rel'], link['@href']])).toEqual([
      ['self', `${SITE}/rss.xml`],
      ['hub', HUB],
    ]);
  });

  it('is left out of both without the setting', async () => {
    expect(parse(jsonFeedText(options(items))).hubs).toBeUndefined();
    expect(await rssFeedXml(options(items))).not.toContain('rel="hub"');
  });
});

describe('the JSON Feed validator of the tests', () => {
  const valid = () => parse(jsonFeedText(options([item(1, new Date('2024-01-01T00:00:00Z'))], { hub: HUB })));

  it('finds each way a feed breaks the specification', () => {
    const breakages: [(feed: ReturnType<typeof valid>) => void, string][] = [
      [(feed) => delete feed.version, 'feed.version: is required'],
      [(feed) => (feed.version = 'https://jsonfeed.org/version/1'), 'feed.version: must be'],
      [(feed) => delete feed.title, 'feed.title: is required'],
      [(feed) => delete feed.items, 'feed.items: is required'],
      [(feed) => (feed.feed_url = 'feed.json'), 'feed.feed_url: must be a URL'],
      [(feed) => (feed.hubs = [{ type: 'WebSub' }]), 'feed.hubs[0].url: is required'],
      [(feed) => (feed.homepage = 'x'), 'feed.homepage: not a JSON Feed 1.1 field'],
      [(feed) => delete feed.items[0].id, 'feed.items[0].id: is required'],
      [(feed) => (feed.items[0].id = 7), 'feed.items[0].id: must be a non-empty string'],
      [(feed) => delete feed.items[0].content_html, 'feed.items[0]: needs content_html or content_text'],
      [
        (feed) => (feed.items[0].date_published = '2024-01-01 00:00'),
        'feed.items[0].date_published: must be an RFC 3339',
      ],
      [(feed) => (feed.items[0].tags = 'سیاسی'), 'feed.items[0].tags: must be a list of strings'],
      [(feed) => (feed.items[0].authors = [{}]), 'feed.items[0].authors[0]: needs a name, url or avatar'],
      [(feed) => (feed.items[0].attachments = [{ url: `${SITE}/a.mp3` }]), 'attachments[0].mime_type: is required'],
    ];
    expect(jsonFeedProblems(valid())).toEqual([]);
    for (const [breakIt, problem] of breakages) {
      const feed = valid();
      breakIt(feed);
      expect(jsonFeedProblems(feed).join('\n'), problem).toContain(problem);
    }
    expect(jsonFeedProblems({ ...valid(), _bayegan: { any: 'thing' } })).toEqual([]);
  });
});
