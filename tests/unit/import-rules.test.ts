/**
 * Two import rules of eslint.config.js that keep the code honest: Astro's `render()` is imported by
 * src/data/article-bodies.ts alone (articleBodyHtml puts the kept body back first), and code under
 * src/ reaches another folder through the `#…` subpath imports of package.json, never `../`.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site';

const eslint = new ESLint({ cwd: projectRoot });

/** The messages of the `no-restricted-imports` rule for `code`, linted as if it were `file`. */
async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}/${file}` });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe("Astro's render() only in articleBodyHtml", () => {
  const imports = [
    "import { render } from 'astro:content';",
    "import { render as renderEntry } from 'astro:content';",
    "import * as content from 'astro:content';",
  ];
  const files = ['src/pages/news/[id]/[slug].astro', 'src/components/ArticleBody.astro', 'src/data/feeds.ts'];
  for (const file of files) {
    for (const line of imports) {
      it(`${line} in ${file} is an error naming articleBodyHtml`, async () => {
        const code = file.endsWith('.astro') ? `---\n${line}\n---\n` : `${line}\n`;
        const messages = await restrictedImports(code, file);
        expect(messages).toHaveLength(1);
        expect(messages[0]).toContain('articleBodyHtml()');
      });
    }
  }

  it('src/data/article-bodies.ts may import it, and the rest of astro:content stays open', async () => {
    expect(await restrictedImports("import { render } from 'astro:content';\n", 'src/data/article-bodies.ts')).toEqual(
      [],
    );
    expect(await restrictedImports("import { getCollection } from 'astro:content';\n", 'src/data/articles.ts')).toEqual(
      [],
    );
  });
});

describe('src/ imports another folder through #…, never ../', () => {
  it('a ../ import in src/ is an error naming the #… form, in frontmatter and in a client script', async () => {
    const page = "---\nimport { ui } from '../i18n/fa.ts';\n---\n<script>\n  import '../scripts/site.ts';\n</script>\n";
    const messages = await restrictedImports(page, 'src/pages/feeds.astro');
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message).toContain('#lib/paths.ts');
    expect(await restrictedImports("import { ui } from '../../i18n/fa.ts';\n", 'src/lib/search/x.ts')).toHaveLength(1);
  });

  it('#… and ./ imports pass, and code outside src/ may still climb', async () => {
    const code = "import { ui } from '#i18n/fa.ts';\nimport { a } from './a.ts';\n";
    expect(await restrictedImports(code, 'src/lib/search/x.ts')).toEqual([]);
    expect(await restrictedImports("import { ui } from '../../src/i18n/fa.ts';\n", 'tests/unit/x.test.ts')).toEqual([]);
  });
});
