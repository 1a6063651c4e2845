import { describe, expect, it } from 'vitest';
import { articlePageHeadings, shortLinkPage } from '../../src/lib/short-links';

describe('short link pages', () => {
  it('send the reader to the article without JavaScript; canonical is the full URL', () => {
    const html = shortLinkPage({
      articlePath: '/news/7/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1/',
      canonicalUrl: 'https://example.org/news/7/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1/',
      titleHtml: 'بازار &amp; تورم | بایگان',
      headlineHtml: 'بازار &amp; تورم',
    });
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/news/7/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1/">');
    expect(html).toContain('<link rel="canonical" href="https://example.org/news/7/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<title>بازار &amp; تورم | بایگان</title>');
    expect(html).toMatch(/<a href="\/news\/7\/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1\/">[^<]*: بازار &amp; تورم<\/a>/);
  });

  it('escape a path that would break out of its attribute', () => {
    const html = shortLinkPage({
      articlePath: '/news/1/a"><script>/',
      canonicalUrl: 'https://x/',
      titleHtml: 't',
      headlineHtml: 'h',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('/news/1/a&quot;&gt;&lt;script&gt;/');
  });

  it('take the title and the headline from a built article page, escaped as they are', () => {
    const page =
      '<html><head><title>«سد» &lt;پر&gt; شد | بایگان</title></head><body>' +
      '<h1 class="article__title" data-pagefind-meta="title">\n«سد» &lt;پر&gt; شد\n</h1></body></html>';
    expect(articlePageHeadings(page)).toEqual({
      titleHtml: '«سد» &lt;پر&gt; شد | بایگان',
      headlineHtml: '«سد» &lt;پر&gt; شد',
    });
    expect(articlePageHeadings('<html><body><h1>x</h1></body></html>')).toBeUndefined();
  });
});
