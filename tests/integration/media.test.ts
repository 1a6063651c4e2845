/**
 * Pictures, galleries, video and sound as the fixture archive's build writes them: captions and
 * «عکس: …» credits on the page, in the feed and in `ImageObject`; pictures resized with a srcset;
 * video and sound self-hosted under content-hashed names, with a captions track; nothing from
 * another host. The fixture's MDX notice (tests/fixtures/archive/articles/1399/notice.mdx) holds one
 * of each; the market story a credited lead picture.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, type BuildResult } from '../helpers/build-site';
import { atLeast } from '../helpers/at-least';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';

const ORIGIN = 'https://fixture.example.org';
const NOTICE = '/news/2/notice/';
const MARKET = '/news/7/market/';

let build: BuildResult;
const documentOf = (urlPath: string) => parseHTML(readPage(build.outDir, urlPath)).document;
/** The file a site URL names, which must exist in the build. */
const builtFile = (url: string) => {
  const file = path.join(build.outDir, decodeURIComponent(new URL(url, ORIGIN).pathname));
  expect(existsSync(file), url).toBe(true);
  return file;
};
const srcsetUrls = (srcset: string | null) => (srcset ?? '').split(',').map((item) => item.trim().split(/\s+/)[0]!);

beforeAll(async () => {
  build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
});

describe('the lead picture', () => {
  it('shows its caption and its credit once labelled «عکس:»', () => {
    const caption = documentOf(MARKET).querySelector('.article__figure figcaption')!;
    expect(caption.querySelector('.media-caption__text')!.textContent).toBe('ورودی بازار در نخستین روز');
    // The fixture writes «عکس: علی رضایی»: the label is not doubled.
    expect(caption.querySelector('.media-caption__credit')!.textContent!.trim()).toBe('عکس: علی رضایی');
    expect(caption.querySelector('.media-caption__credit')!.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('carries caption and credit into the feed as Media RSS', async () => {
    const parser = new Parser<
      Record<string, never>,
      { media: { $: Record<string, string>; 'media:credit': unknown[]; 'media:description': unknown[] } }
    >({
      customFields: { item: [['media:content', 'media']] },
    });
    const feed = await parser.parseString(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8'));
    const market = feed.items.find((item) => item.link === `${ORIGIN}${MARKET}`)!;
    expect(market.media.$['url']).toBe(market.enclosure!.url);
    expect(market.media.$['medium']).toBe('image');
    expect(JSON.stringify(market.media['media:credit'])).toContain('علی رضایی');
    expect(JSON.stringify(market.media['media:description'])).toContain('ورودی بازار در نخستین روز');
    // A story whose picture has neither has no Media RSS.
    const notice = feed.items.find((item) => item.link === `${ORIGIN}${NOTICE}`)!;
    expect(notice.media).toBeUndefined();
  });
});

describe('pictures in an MDX body', () => {
  it('<Figure>: resized with a srcset, its caption and its credit in Persian letters', () => {
    const figure = documentOf(NOTICE).querySelector('.prose figure.figure')!;
    const image = figure.querySelector('img')!;
    expect(image.getAttribute('alt')).toBe('سه استکان چای روی پیشخوان');
    expect(image.getAttribute('loading')).toBe('lazy');
    const urls = atLeast(2, srcsetUrls(image.getAttribute('srcset')), 'srcset candidates');
    for (const url of urls) expect(readFileSync(builtFile(url)).subarray(8, 12).toString()).toBe('WEBP');
    expect(figure.querySelector('.media-caption__text')!.textContent).toBe('چایخانهٔ تحریریه');
    // Written «عکس: علي رضايي» with Arabic letters.
    expect(figure.querySelector('.media-caption__credit')!.textContent!.trim()).toBe('عکس: علی رضایی');
  });

  it('lists the body pictures after the lead picture in the NewsArticle, with their captions and credits', () => {
    const script = documentOf(NOTICE).querySelector('script[type="application/ld+json"]')!;
    const article = JSON.parse(script.textContent!) as {
      image?: { '@type': string; url: string; caption?: string; creditText?: string }[];
    };
    const images = atLeast(2, article.image ?? [], 'pictures in the structured data');
    for (const image of images) {
      expect(image['@type']).toBe('ImageObject');
      builtFile(image.url);
    }
    // The <Figure>'s caption and credit, the credit without «عکس:», as the page shows them.
    expect(images).toContainEqual(expect.objectContaining({ caption: 'چایخانهٔ تحریریه', creditText: 'علی رضایی' }));
    // The credited Markdown picture, by the name its title gave.
    const lamps = documentOf(NOTICE).querySelector('.prose figure.body-figure img')!.getAttribute('src')!;
    expect(images.find((image) => image.url === new URL(lamps, ORIGIN).href)?.creditText).toMatch(/\S/);
  });

  it('a Markdown picture with a title is credited to it', () => {
    const figure = documentOf(NOTICE).querySelector('.prose figure.body-figure')!;
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe('فانوس‌های رنگی');
    builtFile(figure.querySelector('img')!.getAttribute('src')!);
    expect(figure.querySelector('img')!.hasAttribute('title')).toBe(false);
    expect(figure.querySelector('figcaption')!.textContent).toBe('عکس: تحریریه');
  });

  it('<Gallery>: a list of lazy thumbnails, each a link to the whole picture, with captions', () => {
    const gallery = documentOf(NOTICE).querySelector('.prose figure.gallery')!;
    expect(gallery.querySelector(':scope > figcaption')!.textContent).toBe('نمایی از بازار');
    const items = atLeast(3, [...gallery.querySelectorAll('ul > li')], 'gallery items');
    expect(items).toHaveLength(3);
    for (const item of items) {
      const link = item.querySelector('a')!;
      const image = link.querySelector('img')!;
      expect(image.getAttribute('alt')).toMatch(/\S/);
      expect(image.getAttribute('loading')).toBe('lazy');
      atLeast(2, srcsetUrls(image.getAttribute('srcset')), 'thumbnail widths').forEach(builtFile);
      // The link's name is the picture's description, then what the link opens.
      expect(link.textContent).toContain('(تصویر بزرگ)');
      expect(link.getAttribute('href')).toMatch(/^\/_astro\/.+\.webp$/);
      builtFile(link.getAttribute('href')!);
    }
    expect(items.map((item) => item.querySelector('.media-caption__credit')?.textContent?.trim())).toEqual([
      'عکس: علی رضایی',
      'عکس: تحریریه',
      undefined,
    ]);
  });
});

describe('video and sound', () => {
  it('<Video>: the browser’s own player, nothing loaded before play, a poster and Persian captions', () => {
    const video = documentOf(NOTICE).querySelector('.prose video')!;
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.getAttribute('poster')).toMatch(/^\/_astro\/.+\.webp$/);
    builtFile(video.getAttribute('poster')!);
    const source = video.querySelector('source')!;
    expect(source.getAttribute('type')).toBe('video/webm');
    // Copied under a content-hashed name, byte for byte.
    expect(source.getAttribute('src')).toMatch(/^\/_astro\/bazaar-walk\.[\w-]+\.webm$/);
    expect(readFileSync(builtFile(source.getAttribute('src')!))).toEqual(
      readFileSync(path.join(import.meta.dirname, '../fixtures/archive/articles/1399/media/bazaar-walk.webm')),
    );
    const track = video.querySelector('track')!;
    expect([track.getAttribute('kind'), track.getAttribute('srclang')]).toEqual(['captions', 'fa']);
    expect(readFileSync(builtFile(track.getAttribute('src')!), 'utf8')).toMatch(/^WEBVTT/);
    // The fallback links to the file, and stays out of the search index.
    expect(video.querySelector('a')!.getAttribute('href')).toBe(source.getAttribute('src'));
    expect(video.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(video.closest('figure')!.querySelector('.media-caption__credit')!.textContent!.trim()).toBe(
      'ویدیو: تحریریه',
    );
  });

  it('<Audio>: the browser’s own player, nothing loaded before play', () => {
    const audio = documentOf(NOTICE).querySelector('.prose audio')!;
    expect([audio.hasAttribute('controls'), audio.getAttribute('preload')]).toEqual([true, 'none']);
    const source = audio.querySelector('source')!;
    expect(source.getAttribute('type')).toBe('audio/webm');
    builtFile(source.getAttribute('src')!);
  });

  it('asks no other host for anything, and embeds no frame', () => {
    const document = documentOf(NOTICE);
    expect(document.querySelector('iframe, object, embed')).toBeNull();
    const urls = [...document.querySelectorAll('[src], [href], [poster], [srcset]')].flatMap((element) => [
      element.getAttribute('src'),
      element.getAttribute('href'),
      element.getAttribute('poster'),
      ...srcsetUrls(element.getAttribute('srcset')),
    ]);
    const external = urls.filter(
      (url): url is string => !!url && /^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith(ORIGIN),
    );
    // Share links are plain links to other sites, never requests; everything else is the site's own.
    expect(external.filter((url) => !/^https:\/\/(t\.me|wa\.me|x\.com|twitter\.com)\//.test(url))).toEqual([]);
  });

  it('the feed gets the pictures and links to the files, with absolute URLs', async () => {
    const feed = await new Parser<Record<string, never>, { 'content:encoded': string }>().parseString(
      readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8'),
    );
    const html = feed.items.find((item) => item.link === `${ORIGIN}${NOTICE}`)!['content:encoded'];
    expect(html).toContain('عکس: علی رضایی');
    expect(html).toMatch(new RegExp(`<a href="${ORIGIN}/_astro/[^"]+\\.webp"><img`));
    expect(html).toMatch(new RegExp(`<a href="${ORIGIN}/_astro/bazaar-walk\\.[\\w-]+\\.webm">`));
    expect(html).not.toMatch(/<video|<audio|<track/);
  });
});
