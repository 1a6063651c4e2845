import { describe, expect, it } from 'vitest';
import {
  articlePath,
  articlesPath,
  authorFeedPath,
  categoryFeedPath,
  categoryPath,
  homePath,
  pageFile,
  pathWithBase,
  routePattern,
  searchIndexPath,
  shortPath,
  siteFolder,
  sitemapPath,
  urlWithBase,
} from '../../src/lib/paths';

describe('pathWithBase', () => {
  it('puts a site path under the base, keeping it relative to the domain', () => {
    expect(pathWithBase('/archive/', articlePath(7, 'بازار'))).toBe('/archive/news/7/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1/');
    expect(pathWithBase('/org/repo/', categoryPath('economy'))).toBe('/org/repo/category/economy/');
    expect(pathWithBase('/archive/', homePath)).toBe('/archive/');
    expect(pathWithBase('/archive/', '/#latest')).toBe('/archive/#latest');
    expect(pathWithBase('/archive/', searchIndexPath('1403/'))).toBe('/archive/pagefind/1403/');
  });

  it('leaves site paths as they are at the root of the domain', () => {
    expect(pathWithBase('/', '/news/7/market/')).toBe('/news/7/market/');
    expect(pathWithBase('/', homePath)).toBe('/');
  });

  it('takes a base written without its final slash (as Astro may give it)', () => {
    expect(pathWithBase('/archive', '/rss.xml')).toBe('/archive/rss.xml');
  });

  it('refuses what is not a site path, rather than making a link that leaves the site', () => {
    expect(() => pathWithBase('/archive/', 'news/7/')).toThrow('"news/7/" is not a site path');
    expect(() => pathWithBase('/archive/', '//evil.example/')).toThrow('is not a site path');
    expect(() => pathWithBase('/archive/', 'https://example.org/')).toThrow('is not a site path');
  });
});

describe('urlWithBase', () => {
  it('builds the public URL on the origin, the base and the path', () => {
    expect(urlWithBase('https://example.org', '/archive/', '/news/7/market/')).toBe(
      'https://example.org/archive/news/7/market/',
    );
    expect(urlWithBase('https://news.example.org', '/', homePath)).toBe('https://news.example.org/');
    expect(urlWithBase('https://org.github.io', '/repo/', '/sitemap-index.xml')).toBe(
      'https://org.github.io/repo/sitemap-index.xml',
    );
  });
});

describe('feeds and sitemaps', () => {
  it("puts a list's feed inside its folder, its name percent-encoded like the list", () => {
    expect(categoryFeedPath('economy')).toBe('/category/economy/rss.xml');
    expect(authorFeedPath('رضا')).toBe('/author/%D8%B1%D8%B6%D8%A7/rss.xml');
    expect(sitemapPath(0)).toBe('/sitemap-0.xml');
  });
});

describe('routePattern', () => {
  it('keeps the placeholder as written where the builder would percent-encode it', () => {
    expect(routePattern(categoryFeedPath, ':section')).toBe('/category/:section/rss.xml');
    expect(routePattern(authorFeedPath, ':author')).toBe('/author/:author/rss.xml');
  });
});

describe('articlePath', () => {
  it('builds /news/<id>/<slug>/ for a Latin slug', () => {
    expect(articlePath(12, 'pistachio-exports')).toBe('/news/12/pistachio-exports/');
  });

  it('percent-encodes a Persian slug, and it decodes back', () => {
    const slug = 'نمایشگاه-کتاب-1402';
    const path = articlePath(5, slug);
    expect(path.startsWith('/news/5/%D9%86')).toBe(true);
    expect(path).toBe(`/news/5/${encodeURIComponent(slug)}/`);
    expect(path).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURIComponent(path)).toBe(`/news/5/${slug}/`);
  });

  it('encodes characters that would break the path', () => {
    expect(articlePath(1, 'a/b?c#d')).toBe('/news/1/a%2Fb%3Fc%23d/');
  });
});

describe('siteFolder and pageFile', () => {
  it('name where a site path is in the built site, decoded as the files are', () => {
    expect(siteFolder(articlesPath)).toBe('news');
    expect(siteFolder(searchIndexPath('1403/'))).toBe('pagefind/1403');
    expect(pageFile(articlePath(3, 'کتاب-تابستان'))).toBe('news/3/کتاب-تابستان/index.html');
    expect(pageFile(shortPath(7))).toBe('n/7/index.html');
    expect(pageFile(homePath)).toBe('index.html');
  });
});
