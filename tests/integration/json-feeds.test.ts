/**
 * JSON Feed 1.1 and WebSub on the built fixture archive (the shared build; its settings name a
 * WebSub hub): every JSON feed valid against the specification (tests/helpers/json-feed.ts), each
 * the twin of an RSS feed, announced in page heads and on «خوراک‌ها», served with its own type.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, parseHeadersFile, responseHeaders } from '../../src/lib/static-host';
import { atLeast } from '../helpers/at-least';
import { builtPages, readPage } from '../helpers/build-site';
import { jsonFeedProblems } from '../helpers/json-feed';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';

const ORIGIN = 'https://fixture.example.org';
const HUB = 'https://hub.fixture.example.net/';

let outDir: string;
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  icon: string;
  hubs?: { type: string; url: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    content_html: string;
    summary: string;
    image?: string;
    date_published: string;
    date_modified?: string;
    authors?: { name: string; url?: string }[];
    tags?: string[];
  }[];
}
const jsonFeed = (file: string) => JSON.parse(read(file)) as JsonFeed;

/** Every RSS feed of the build, as files (`rss.xml`, `category/economy/rss.xml`, …). */
function rssFiles(): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file === 'rss.xml' || file.endsWith('/rss.xml'));
}

beforeAll(async () => {
  const build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  outDir = build.outDir;
});

describe('JSON Feed', () => {
  it('writes a valid JSON Feed 1.1 beside every RSS feed: the site, each section and each reporter', () => {
    const feeds = atLeast(6, rssFiles(), 'RSS feeds');
    expect(feeds).toEqual(expect.arrayContaining(['rss.xml', 'category/economy/rss.xml', 'author/ali-rezaei/rss.xml']));
    for (const rssFile of feeds) {
      const jsonFile = rssFile.replace(/rss\.xml$/, 'feed.json');
      expect(existsSync(path.join(outDir, jsonFile)), jsonFile).toBe(true);
      const feed = jsonFeed(jsonFile);
      expect(jsonFeedProblems(feed), jsonFile).toEqual([]);
      // Its own public address, percent-encoded like every URL of the site.
      expect(feed.feed_url, jsonFile).toBe(`${ORIGIN}/${jsonFile.split('/').map(encodeURIComponent).join('/')}`);
      expect(feed.language).toBe('fa');
      // The same stories as its RSS twin, in the same order, with the same titles.
      const channel = xml.parse(read(rssFile)).rss.channel;
      const rssItems = [channel.item ?? []].flat() as { link: string; title: string }[];
      expect(
        feed.items.map((item) => [item.url, item.title]),
        jsonFile,
      ).toEqual(rssItems.map((item) => [item.link, String(item.title)]));
      expect(feed.title, jsonFile).toBe(String(channel.title));
      expect(feed.home_page_url, jsonFile).toBe(channel.link);
    }
  });

  it('describes a story as the site does: dates with the Tehran offset, reporters, tags, image, sanitised body', () => {
    const feed = jsonFeed('feed.json');
    expect(feed).toMatchObject({ title: 'بایگان آزمایشی', home_page_url: `${ORIGIN}/`, icon: `${ORIGIN}/logo.png` });
    const market = feed.items.find((item) => item.url === `${ORIGIN}/news/7/market/`)!;
    expect(market.id).toBe(market.url);
    expect(market.title).toBe('بازار مرکزی شهر بازگشایی شد');
    expect(market.summary).toBe('بازار مرکزی پس از دو سال مرمت، بامداد امروز به روی خریداران باز شد.');
    expect(market.date_published).toBe('2024-11-23T00:30:00+03:30');
    expect(market.date_modified).toBe('2024-11-23T12:15:00+03:30');
    expect(market.authors).toEqual([
      { name: 'علی رضایی', url: `${ORIGIN}/author/ali-rezaei/` },
      { name: 'تحریریه', url: `${ORIGIN}/author/newsroom/` },
    ]);
    expect(market.tags).toEqual(['اقتصادی', 'بازار', 'بازارها', 'مرمت']);
    expect(market.image).toMatch(new RegExp(`^${ORIGIN}/_astro/market\\..+\\.jpg$`));
    expect(existsSync(path.join(outDir, new URL(market.image!).pathname))).toBe(true);
    expect(market.content_html).toContain('<h2>جزئیات</h2>');
    expect(market.content_html).not.toMatch(/<script|<style|class="/);
    // A story without updates has no date_modified; one in a summer before 2022 has +04:30.
    const summer = feed.items.find((item) => item.url.includes('/news/3/'))!;
    expect(summer.date_modified).toBeUndefined();
    expect(summer.date_published).toMatch(/\+04:30$/);
  });

  it('is announced beside RSS in every page head, and listed on «خوراک‌ها»', () => {
    const pages = builtPages(outDir).filter((page) => !/^(n|admin)\//.test(page.file));
    for (const { file, html } of atLeast(8, pages, 'built pages')) {
      expect(html, file).toContain(
        '<link rel="alternate" type="application/feed+json" title="بایگان آزمایشی" href="/feed.json">',
      );
    }
    const section = parseHTML(readPage(outDir, '/category/economy/')).document;
    const alternates = [...section.querySelectorAll('link[rel="alternate"]')].map((link) => [
      link.getAttribute('type'),
      link.getAttribute('href'),
    ]);
    expect(alternates).toEqual([
      ['application/rss+xml', '/rss.xml'],
      ['application/rss+xml', '/category/economy/rss.xml'],
      ['application/feed+json', '/feed.json'],
      ['application/feed+json', '/category/economy/feed.json'],
    ]);
    const feedsPage = parseHTML(readPage(outDir, '/feeds/')).document;
    const jsonLinks = [...feedsPage.querySelectorAll('.feed-group li a[type="application/feed+json"]')];
    const hrefs = atLeast(6, jsonLinks, 'JSON Feed links').map((a) => a.getAttribute('href')!);
    expect(hrefs).toEqual(
      expect.arrayContaining(['/feed.json', '/category/culture/feed.json', '/author/ali-rezaei/feed.json']),
    );
    for (const href of hrefs) expect(existsSync(path.join(outDir, decodeURIComponent(href))), href).toBe(true);
    // The link says whose feed it is, for a screen reader that lists links alone.
    expect(jsonLinks[0]!.textContent!.replace(/\s+/g, ' ').trim()).toBe('JSON Feed بایگان آزمایشی');
    expect(feedsPage.body.textContent).toContain(`${ORIGIN}/category/culture/feed.json`);
  });

  it('is served as application/feed+json by the host, per the built _headers', () => {
    const rules = parseHeadersFile(read('_headers'));
    expect(contentTypeOf('/feed.json')).toBe('application/json');
    for (const urlPath of ['/feed.json', '/category/economy/feed.json', '/author/ali-rezaei/feed.json']) {
      const headers = responseHeaders({ status: 200, file: urlPath }, urlPath, rules);
      expect(headers['content-type'], urlPath).toBe('application/feed+json; charset=utf-8');
      expect(headers['cache-control'], urlPath).toBe('public, max-age=300, must-revalidate');
    }
  });
});

describe('WebSub', () => {
  it('names the hub in every feed of both formats, beside the feed’s own address', () => {
    for (const rssFile of atLeast(6, rssFiles(), 'RSS feeds')) {
      const channel = xml.parse(read(rssFile)).rss.channel;
      const links = [channel['atom:link']].flat() as { '@href': string; '@rel': string }[];
      const url = `${ORIGIN}/${rssFile.split('/').map(encodeURIComponent).join('/')}`;
      expect(
        links.map((link) => [link['@rel'], link['@href']]),
        rssFile,
      ).toEqual([
        ['self', url],
        ['hub', HUB],
      ]);
      const jsonFile = rssFile.replace(/rss\.xml$/, 'feed.json');
      expect(jsonFeed(jsonFile).hubs, jsonFile).toEqual([{ type: 'WebSub', url: HUB }]);
    }
  });
});
