import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, redirectsFile } from '../../src/lib/cdn-headers';
import {
  CLOUDFLARE_LIMITS,
  contentTypeOf,
  headersFor,
  parseHeadersFile,
  parseRedirectsFile,
  responseHeaders,
} from '../../src/lib/static-host';

describe('Content-Security-Policy', () => {
  it('allows only the site itself, no inline code, WebAssembly for search', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  });

  it('lets the comment form post to its service, by origin only', () => {
    const csp = contentSecurityPolicy({ commentsEndpoint: 'https://comments.example.org/v3/entry/x?y=1' });
    expect(csp).toContain("form-action 'self' https://comments.example.org;");
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile({ commentsEndpoint: 'https://c.example.org/post' }));

  it('sends the security headers with every path, and caches hashed assets for a year', () => {
    const page = headersFor(rules, '/news/7/market/');
    expect(page['content-security-policy']).toContain('https://c.example.org');
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page['permissions-policy']).toContain('camera=()');
    expect(page['cache-control']).toBeUndefined(); // the host's revalidate-always default
    expect(headersFor(rules, '/_astro/style.BBGcDI_H.css')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/pagefind/1403/pagefind-entry.json')['cache-control']).toBeUndefined();
    expect(headersFor(rules, '/pagefind/1403/pagefind.js')['cache-control']).toBeUndefined();
    expect(headersFor(rules, '/pagefind/1398-1402/index/fa_9c55c61.pf_index')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/pagefind/1403/fragment/fa_1a2b3c4.pf_fragment')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('sends Strict-Transport-Security for a year with subdomains, but not preload, unless turned off', () => {
    expect(headersFor(rules, '/')['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headersFor(rules, '/_astro/style.BBGcDI_H.css')['strict-transport-security']).toBeDefined();
    const plainHttp = parseHeadersFile(headersFile({ hsts: false }));
    expect(headersFor(plainHttp, '/')['strict-transport-security']).toBeUndefined();
    expect(headersFor(plainHttp, '/')['content-security-policy']).toContain("default-src 'self'");
  });

  it('caches feeds briefly, with their placeholders matching one path segment', () => {
    expect(headersFor(rules, '/rss.xml')['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(headersFor(rules, '/category/economy/rss.xml')['cache-control']).toBe(
      'public, max-age=300, must-revalidate',
    );
    expect(headersFor(rules, '/category/a/b/rss.xml')['cache-control']).toBeUndefined();
    for (const feed of [
      '/feed.json',
      '/category/economy/feed.json',
      `/author/${encodeURIComponent('سارا')}/feed.json`,
    ]) {
      expect(headersFor(rules, feed)['cache-control'], feed).toBe('public, max-age=300, must-revalidate');
    }
  });

  it("sends JSON feeds as application/feed+json over the host's application/json, and no other file", () => {
    const host = { 'content-type': contentTypeOf('/feed.json') };
    expect(host['content-type']).toBe('application/json');
    for (const feed of ['/feed.json', '/category/economy/feed.json', '/author/ali-rezaei/feed.json']) {
      const answer = responseHeaders({ status: 200, file: feed }, feed, rules);
      expect(answer['content-type'], feed).toBe('application/feed+json; charset=utf-8');
      expect(answer['x-content-type-options'], feed).toBe('nosniff');
    }
    const pagefind = '/pagefind/1403/pagefind-entry.json';
    expect(responseHeaders({ status: 200, file: pagefind }, pagefind, rules)['content-type']).toBe('application/json');
    expect(headersFor(rules, '/category/a/b/feed.json')['content-type']).toBeUndefined();
  });
});

describe('_headers under a base path', () => {
  const text = headersFile({ base: '/archive/' });
  const rules = parseHeadersFile(text);

  it('names every rule under the base', () => {
    const patterns = text.split('\n').filter((line) => line.startsWith('/'));
    expect(patterns[0]).toBe('/archive/*');
    for (const pattern of patterns) expect(pattern.startsWith('/archive/'), pattern).toBe(true);
    expect(headersFor(rules, '/archive/_astro/style.BBGcDI_H.css')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, '/archive/category/economy/rss.xml')['cache-control']).toBe(
      'public, max-age=300, must-revalidate',
    );
    expect(headersFor(rules, '/archive/category/economy/feed.json')['content-type']).toBe(
      'application/feed+json; charset=utf-8',
    );
    expect(headersFor(rules, '/archive/news/7/market/')['content-security-policy']).toContain("default-src 'self'");
  });

  it('sets nothing for the rest of the domain', () => {
    expect(headersFor(rules, '/_astro/style.BBGcDI_H.css')).toEqual({});
    expect(headersFor(rules, '/about/')).toEqual({});
  });
});

describe('_redirects', () => {
  it('sends old feed and sitemap addresses to the new ones, permanently', () => {
    expect(redirectsFile().split('\n')).toContain('/feed /rss.xml 301');
    expect(redirectsFile().split('\n')).toContain('/sitemap.xml /sitemap-index.xml 301');
  });

  it('redirects within the base', () => {
    const lines = redirectsFile({ base: '/archive/' }).trim().split('\n');
    expect(lines).toContain('/archive/feed /archive/rss.xml 301');
    expect(lines).toContain('/archive/sitemap.xml /archive/sitemap-index.xml 301');
    for (const line of lines) expect(line).toMatch(/^\/archive\/\S+ \/archive\/\S+ 301$/);
  });
});

describe("within Cloudflare's limits (lines and rules beyond them are dropped at deploy)", () => {
  it('has every rule read, and no line too long', () => {
    const headers = headersFile({ commentsEndpoint: 'https://comments.example.org/v3/entry/github/a/b/main/comments' });
    const paths = headers.split('\n').filter((line) => line.startsWith('/'));
    expect(parseHeadersFile(headers)).toHaveLength(paths.length);
    expect(paths.length).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.headerRules);
    const redirects = redirectsFile().trim().split('\n');
    expect(parseRedirectsFile(redirectsFile())).toHaveLength(redirects.length);
    for (const line of [...headers.split('\n'), ...redirects]) {
      expect(line.length).toBeLessThanOrEqual(CLOUDFLARE_LIMITS.lineLength);
    }
  });
});
