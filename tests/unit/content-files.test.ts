import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdsArticles } from '../../scripts/lib/content-files.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bayegan-content-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('holdsArticles: whether an archive is at least so large, without reading all of it', () => {
  const folder = path.join(scratch, 'articles');
  // Three articles in year and month folders, beside files that are not articles.
  for (const [file, text] of [
    ['1403/01/one.md', '---\n---\n'],
    ['1403/02/two.mdx', '---\n---\n'],
    ['1404/three.md', '---\n---\n'],
    ['1404/photo.jpg', 'jpeg'],
    ['notes.yaml', 'a: 1'],
  ] as const) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }

  it('counts Markdown and MDX files in every folder below, and nothing else', () => {
    expect(holdsArticles(folder, 3)).toBe(true);
    expect(holdsArticles(folder, 4)).toBe(false);
    expect(holdsArticles(path.join(folder, '1403'), 2)).toBe(true);
    expect(holdsArticles(path.join(folder, '1403'), 3)).toBe(false);
  });

  it('answers for a folder that does not exist: it holds no article', () => {
    expect(holdsArticles(path.join(scratch, 'missing'), 1)).toBe(false);
    expect(holdsArticles(path.join(scratch, 'missing'), 0)).toBe(true);
  });
});
