import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { siteLinksPlugin } from '../../src/lib/markdown/site-links';

const render = (md: string, base = '/archive/') => markdownToHtml(md, { hastPlugins: [siteLinksPlugin(base)] }).html;

describe('siteLinksPlugin', () => {
  it('puts links and images written as site paths under the base', () => {
    const html = render('[بازار](/news/7/market/) و [کوتاه](/n/7/)\n\n![نقشه](/files/map.png)');
    expect(html).toContain('<a href="/archive/news/7/market/">بازار</a>');
    expect(html).toContain('<a href="/archive/n/7/">کوتاه</a>');
    expect(html).toContain('<img src="/archive/files/map.png" alt="نقشه">');
  });

  it('leaves full URLs, relative paths, anchors and protocol-relative URLs as written', () => {
    const html = render(
      '[الف](https://example.org/news/) [ب](#part) [ج](mailto:a@example.org) [د](//cdn.example.org/x)\n\n![ه](./images/x.jpg)',
    );
    expect(html).toContain('href="https://example.org/news/"');
    expect(html).toContain('href="#part"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('href="//cdn.example.org/x"');
    expect(html).toContain('src="./images/x.jpg"');
  });
});
