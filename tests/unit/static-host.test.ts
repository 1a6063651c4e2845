/**
 * Our imitation of Cloudflare Pages. The expected answers are what `wrangler pages dev` answered
 * (tests/browser/quality.test.ts compares the two on a built site).
 */
import { describe, expect, it } from 'vitest';
import {
  answerRequest,
  CLOUDFLARE_LIMITS,
  contentTypeOf,
  headersFor,
  parseHeadersFile,
  parseRedirectsFile,
  responseHeaders,
} from '../../src/lib/static-host';

const FILES = new Set([
  '/index.html',
  '/404.html',
  '/news/7/market/index.html',
  '/news/3/کتاب-تابستان/index.html',
  '/page.html',
  '/rss.xml',
  '/_headers',
  '/_redirects',
]);
/** As on a disk, `//` in a path is one `/`. */
const exists = (file: string) => FILES.has(file.replace(/\/+/g, '/'));
const answer = (urlPath: string, search = '', redirects = parseRedirectsFile('')) =>
  answerRequest(urlPath, search, exists, redirects);

describe('folders, .html files and trailing slashes', () => {
  it('serves a folder its index.html, and sends its other addresses there with a 308', () => {
    expect(answer('/news/7/market/')).toEqual({ status: 200, file: '/news/7/market/index.html' });
    expect(answer('/news/7/market', '?ref=x')).toEqual({ status: 308, location: '/news/7/market/?ref=x' });
    expect(answer('/news/7/market/index.html')).toEqual({ status: 308, location: '/news/7/market/' });
    expect(answer('/news/7/market/index')).toEqual({ status: 308, location: '/news/7/market/' });
    expect(answer('/index.html')).toEqual({ status: 308, location: '/' });
  });

  it('serves name.html at /name, sending /name.html and /name/ there', () => {
    expect(answer('/page')).toEqual({ status: 200, file: '/page.html' });
    expect(answer('/page.html')).toEqual({ status: 308, location: '/page' });
    expect(answer('/page/')).toEqual({ status: 308, location: '/page' });
    expect(answer('/404.html')).toEqual({ status: 308, location: '/404' });
  });

  it('decodes Persian paths to find the file, and encodes them again in a redirect', () => {
    const encoded = `/news/3/${encodeURIComponent('کتاب-تابستان')}`;
    expect(answer(`${encoded}/`)).toEqual({ status: 200, file: '/news/3/کتاب-تابستان/index.html' });
    expect(answer(encoded)).toEqual({ status: 308, location: `${encoded}/` });
  });

  it('answers unknown paths and the host files with the 404 page, status 404', () => {
    for (const urlPath of ['/no-such-page/', '/no-such-page', '/news/7/', '/_headers', '/_redirects']) {
      expect(answer(urlPath), urlPath).toEqual({ status: 404, file: '/404.html' });
    }
  });

  it('never redirects off the site', () => {
    // `//news/7/market/` would be the host news, path /7/market/.
    expect(answer('//news/7/market')).toEqual({ status: 308, location: '/news/7/market/' });
  });
});

describe('_redirects', () => {
  const rules = parseRedirectsFile(
    [
      '# old addresses',
      '/feed /rss.xml 301',
      '/go /news/7/market/',
      '/old/* /news/:splat 308',
      '/n2/:id /news/:id/ 301',
      '/shadow /page 301',
      '/inside /rss.xml 200',
      '/bad /x 404',
    ].join('\n'),
  );
  const redirect = (urlPath: string, search = '') => answer(urlPath, search, rules);

  it('redirects with the given status, 302 when none, keeping the query string', () => {
    expect(redirect('/feed', '?utm=x')).toEqual({ status: 301, location: '/rss.xml?utm=x' });
    expect(redirect('/go')).toEqual({ status: 302, location: '/news/7/market/' });
  });

  it('fills splats and placeholders into the target', () => {
    expect(redirect('/old/7/market/')).toEqual({ status: 308, location: '/news/7/market/' });
    expect(redirect('/n2/7')).toEqual({ status: 301, location: '/news/7/' });
    expect(redirect('/n2/7/more')).toEqual({ status: 404, file: '/404.html' });
  });

  it('redirects even where a file exists, serves a 200 rule in place, and skips a bad status', () => {
    expect(redirect('/shadow')).toEqual({ status: 301, location: '/page' });
    expect(redirect('/inside')).toEqual({ status: 200, file: '/rss.xml' });
    expect(rules.map((rule) => rule.from)).not.toContain('/bad');
  });

  it('reads no more rules than Cloudflare does', () => {
    const many = Array.from({ length: CLOUDFLARE_LIMITS.staticRedirects + 5 }, (_, i) => `/a${i} /b 301`);
    expect(parseRedirectsFile(many.join('\n'))).toHaveLength(CLOUDFLARE_LIMITS.staticRedirects);
  });
});

describe('_headers', () => {
  const rules = parseHeadersFile(
    [
      '/*',
      '  Cache-Control: no-cache',
      '  X-Test: all',
      '/news/*',
      '  Cache-Control: max-age=5',
      '  X-Test: news',
      '/news/:id/x.txt',
      '  ! X-Test',
      '  X-Place: yes',
    ].join('\n'),
  );

  it('applies every matching rule, joining the values two rules give one header', () => {
    expect(headersFor(rules, '/')).toEqual({ 'cache-control': 'no-cache', 'x-test': 'all' });
    expect(headersFor(rules, '/news/7/')).toEqual({ 'cache-control': 'no-cache, max-age=5', 'x-test': 'all, news' });
  });

  it('removes a header with "! Name", and matches one path segment with a placeholder', () => {
    expect(headersFor(rules, '/news/7/x.txt')).toEqual({ 'cache-control': 'no-cache, max-age=5', 'x-place': 'yes' });
    expect(headersFor(rules, '/news/7/8/x.txt')['x-place']).toBeUndefined();
  });

  it("replaces the host's own value", () => {
    expect(headersFor(rules, '/', { 'cache-control': 'public, max-age=0, must-revalidate' })['cache-control']).toBe(
      'no-cache',
    );
  });
});

describe('response headers', () => {
  const rules = parseHeadersFile('/*\n  Cache-Control: max-age=60\n  X-Frame-Options: DENY\n');

  it('never caches a 404, whatever _headers says', () => {
    const headers = responseHeaders({ status: 404, file: '/404.html' }, '/no-such-page/', rules);
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['x-frame-options']).toBe('DENY');
  });

  it("gives files the host's revalidate-always default, and redirects their own path's _headers", () => {
    expect(responseHeaders({ status: 200, file: '/rss.xml' }, '/rss.xml', [])).toMatchObject({
      'content-type': 'application/xml',
      'cache-control': 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
    });
    const redirect = responseHeaders({ status: 308, location: '/news/7/market/' }, '/news/7/market', rules);
    expect(redirect).toMatchObject({ location: '/news/7/market/', 'x-frame-options': 'DENY' });
    expect(redirect['content-type']).toBeUndefined();
  });

  it('types files as Cloudflare does', () => {
    expect(contentTypeOf('/news/7/market/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/_astro/x.js')).toBe('application/javascript');
    expect(contentTypeOf('/rss.xsl')).toBe('application/xml');
    expect(contentTypeOf('/pagefind/latest/wasm.unknown.pagefind')).toBe('application/octet-stream');
    expect(contentTypeOf('/pagefind/latest/pagefind.fa_2943d694c7.pf_meta')).toBe('application/octet-stream');
  });
});
