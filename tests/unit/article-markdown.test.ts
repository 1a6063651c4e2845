/**
 * src/build/article-markdown.ts: a large content sync hands bodies to a worker thread, and what the
 * worker returns is what the main thread renders, metadata included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defineHastPlugin } from 'satteri';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleMarkdown, articleMarkdownProcessor, type RendererOptions } from '../../src/build/article-markdown';

const options = {
  image: { domains: [], remotePatterns: [] },
  syntaxHighlight: false,
  gfm: true,
  smartypants: true,
} as unknown as RendererOptions;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-markdown-'));
  writeFileSync(path.join(dir, 'a.jpg'), 'not really a picture');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** Bodies with what each plugin changes: Arabic letters, a credited picture, a table, code, links. */
const bodies = Array.from({ length: 40 }, (_, n) => ({
  content: [
    `## خبر ${n} از كتابخانه ملي`,
    `متن می‌شود [پیوند](/news/${n}/) و \`ملي\`.`,
    '![عکس](./a.jpg "علی رضایی")',
    '| الف | ب |\n|---|---|\n| ۱ | ۲ |',
    "```js\nlet a = 'ملي';\n```",
  ].join('\n\n'),
  frontmatter: { title: `خبر ${n}`, date: new Date(Date.UTC(2026, 0, 1 + n)) },
}));

async function renderAll(base: string, viaWorker: boolean) {
  const renderer = viaWorker
    ? await articleMarkdown(base).processor.createRenderer(options)
    : await articleMarkdownProcessor(base).createRenderer(options);
  const fileURL = pathToFileURL(path.join(dir, 'article.md'));
  return Promise.all(bodies.map(({ content, frontmatter }) => renderer.render(content, { frontmatter, fileURL })));
}

/** The integration's message at the start of the build, if any. */
function startMessage(integration: AstroIntegration): string[] {
  const said: string[] = [];
  const hook = integration.hooks['astro:build:start'] as (options: unknown) => void;
  hook({ logger: { info: (message: string) => said.push(message) } });
  return said;
}

describe('articleMarkdown', () => {
  it('renders on the second thread exactly what the main thread renders', async () => {
    vi.stubEnv('BAYEGAN_SECOND_THREAD', 'all');
    for (const base of ['/', '/archive/']) {
      const markdown = articleMarkdown(base);
      const renderer = await markdown.processor.createRenderer(options);
      const fileURL = pathToFileURL(path.join(dir, 'article.md'));
      const onWorker = await Promise.all(
        bodies.map(({ content, frontmatter }) => renderer.render(content, { frontmatter, fileURL })),
      );
      const onMain = await renderAll(base, false);
      expect(onWorker).toEqual(onMain);
      expect(JSON.stringify(onWorker)).toBe(JSON.stringify(onMain));
      expect(onMain[0]!.code).toContain('کتابخانه ملی');
      expect(onMain[0]!.metadata.localImagePaths).toEqual(['./a.jpg']);
      expect(startMessage(markdown.integration)).toEqual([
        `${bodies.length} Markdown bodies were rendered by the second thread at content sync.`,
      ]);
    }
  });

  it('renders a small sync on the main thread alone', async () => {
    const markdown = articleMarkdown('/');
    const renderer = await markdown.processor.createRenderer(options);
    const rendered = await Promise.all(
      bodies.map(({ content, frontmatter }) => renderer.render(content, { frontmatter })),
    );
    expect(rendered.map((r) => r.code)).toEqual((await renderAll('/', false)).map((r) => r.code));
    expect(startMessage(markdown.integration)).toEqual([]);
  });

  it('renders on the main thread a body it cannot send to the worker', async () => {
    vi.stubEnv('BAYEGAN_SECOND_THREAD', 'all');
    const markdown = articleMarkdown('/');
    const renderer = await markdown.processor.createRenderer(options);
    const frontmatter = { title: 'خبر', made: () => 'by a loader' };
    const rendered = await renderer.render('متن كتاب', { frontmatter });
    expect(rendered.code).toBe('<p>متن کتاب</p>\n');
    expect(rendered.metadata.frontmatter).toBe(frontmatter);
    expect(startMessage(markdown.integration)).toEqual([]);
  });

  it('keeps to the main thread when another integration added a plugin the worker would not run', async () => {
    vi.stubEnv('BAYEGAN_SECOND_THREAD', 'all');
    const markdown = articleMarkdown('/');
    markdown.processor.options.hastPlugins.push(
      defineHastPlugin({
        name: 'another-integration',
        element: { filter: ['p'], visit: (node, ctx) => ctx.setProperty(node, 'class', 'lead') },
      }),
    );
    const renderer = await markdown.processor.createRenderer(options);
    const rendered = await Promise.all(
      bodies.map(({ content, frontmatter }) => renderer.render(content, { frontmatter })),
    );
    expect(rendered.every((r) => r.code.includes('<p class="lead">'))).toBe(true);
    expect(startMessage(markdown.integration)).toEqual([]);
  });
});
