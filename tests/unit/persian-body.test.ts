import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { persianBodyPlugin } from '../../src/lib/markdown/persian-body';

const render = (md: string) => markdownToHtml(md, { hastPlugins: [persianBodyPlugin] }).html;

describe('persianBodyPlugin', () => {
  it('normalises Arabic letters in prose but not in code', () => {
    const html = render("كتابخانه ملي `ملي` متن\n\n```python\nprint('ملي')\n```\n");
    expect(html).toContain('کتابخانه ملی');
    expect(html).toContain('<code dir="auto">ملي</code>');
    expect(html).toContain("print('ملي')");
  });

  it('keeps ZWNJ in prose', () => {
    expect(render('کتاب\u200cها می\u200cشود')).toContain('کتاب\u200cها می\u200cشود');
  });

  it('sets code blocks left to right and inline code to auto', () => {
    const html = render('متن `code` متن\n\n```js\nlet a = 1;\n```\n');
    expect(html).toMatch(/<pre[^>]*dir="ltr"/);
    expect(html).toContain('<code dir="auto">code</code>');
    expect(html).not.toMatch(/<pre[^>]*>\s*<code[^>]*dir="auto"/);
  });

  it('wraps tables in a focusable scrolling region', () => {
    const html = render('| الف | ب |\n|---|---|\n| ۱ | ۲ |\n');
    expect(html).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="جدول"><table>/);
  });
});
