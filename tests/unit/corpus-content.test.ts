/**
 * scripts/corpus.ts, the synthetic archive generator: bodies, tags, images, proportions, command line.
 * Checks what the content schema will check (fields, dates, references) without building; a real
 * build of a generated archive is a manual step (docs/operations.md#large-archives).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countWords,
  generateCorpus,
  IMAGE_HEIGHT,
  IMAGE_WIDTH,
  parseArguments,
  TAG_POOL,
} from '../../scripts/corpus.ts';
import { persianComparisonKey } from '../../src/lib/persian/normalize';
import { ARABIC_TWINS, ZWNJ } from '../../src/lib/persian/script';
import {
  projectRoot,
  script,
  bytes,
  bodyWords,
  type Article,
  readArticles,
  files,
  articles,
} from '../helpers/corpus-files';

describe('generateCorpus: bodies', () => {
  it('has 300–1,200 words in every body, counted as the script counts them', () => {
    for (const { body, path: file } of articles) {
      const words = bodyWords(body);
      expect(words, file).toBeGreaterThanOrEqual(300);
      expect(words, file).toBeLessThanOrEqual(1200);
      expect(countWords(body), file).toBe(words);
    }
  });

  it('has 1–3 headings and paragraphs of at most five sentences', () => {
    for (const { body, path: file } of articles) {
      const headings = body.match(/^## \S.*$/gm) ?? [];
      expect(headings.length, file).toBeGreaterThanOrEqual(1);
      expect(headings.length, file).toBeLessThanOrEqual(3);
      const paragraphs = body
        .split(/\n{2,}/)
        .map((block) => block.trim())
        .filter((block) => block && !/^(##|- |>|<)/.test(block));
      for (const paragraph of paragraphs) {
        // A sentence ends in «.» (or «.»» inside a quotation); a list's introduction ends in «:».
        const prose = paragraph.replace(/\]\([^)]*\)/g, ']');
        const sentences = (prose.match(/\.(?=\s|»|$)/g)?.length ?? 0) + (prose.endsWith(':') ? 1 : 0);
        expect(sentences, `${file}: ${paragraph}`).toBeGreaterThanOrEqual(1);
        expect(sentences, `${file}: ${paragraph}`).toBeLessThanOrEqual(5);
      }
    }
  });

  it('sometimes has a list, a blockquote and a link to example.com', () => {
    const count = (pattern: RegExp) => articles.filter((a) => pattern.test(a.body)).length;
    expect(count(/^- \S/m)).toBeGreaterThan(0);
    expect(count(/^> «/m)).toBeGreaterThan(0);
    expect(count(/\]\(https:\/\/example\.com\/[^)\s]+\)/)).toBeGreaterThan(0);
  });

  it('writes Persian: Persian digits, Persian ی and ک, and ZWNJ where needed', () => {
    const all = articles.map((a) => a.source).join('\n');
    expect(all).not.toMatch(new RegExp(`[${Object.keys(ARABIC_TWINS).join('')}]`)); // Arabic letters with a Persian twin
    expect(all).toContain(ZWNJ);
    expect(all).toContain('می‌');
    for (const { body, path: file } of articles) {
      // ASCII digits appear only in link targets.
      expect(body.replace(/\]\([^)]*\)/g, ']'), file).not.toMatch(/[0-9]/);
    }
  });

  it('uses FactBox and PullQuote in MDX articles, without imports, and only there', () => {
    for (const { body, path: file } of articles) {
      if (file.endsWith('.md')) {
        expect(body, file).not.toMatch(/<\/?[A-Z]/);
        continue;
      }
      expect(body, file).toMatch(/<FactBox title="در یک نگاه">\n\n(- [^\n]+\n)+\n<\/FactBox>/);
      expect(body, file).toMatch(/^<PullQuote cite="[^"<>{}]+">[^<>{}]+<\/PullQuote>$/m);
      expect(body, file).not.toMatch(/^(import|export) /m);
      // Nothing else that MDX would read as JSX or an expression.
      const rest = body.replace(/<\/?(FactBox|PullQuote)( [a-z]+="[^"]*")?>/g, '').replace(/^> /gm, '');
      expect(rest, file).not.toMatch(/[<>{}]/);
    }
  });
});

describe('generateCorpus: tags and images', () => {
  it('draws tags from a pool of about 300, one spelling each, with ZWNJ forms', () => {
    expect(TAG_POOL.length).toBeGreaterThanOrEqual(280);
    expect(TAG_POOL.length).toBeLessThanOrEqual(330);
    expect(new Set(TAG_POOL.map(persianComparisonKey)).size).toBe(TAG_POOL.length);
    expect(TAG_POOL).toContain('خودروسازی‌ها');
  });

  it('writes six real JPEGs that sharp can read and decode', async () => {
    const images = files.filter((f) => f.path.endsWith('.jpg'));
    expect(images).toHaveLength(6);
    for (const image of images) {
      const data = bytes(image);
      expect([...data.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect([...data.subarray(-2)]).toEqual([0xff, 0xd9]);
      expect(data.length).toBeLessThan(16_000);
      const metadata = await sharp(data).metadata();
      expect(metadata).toMatchObject({ format: 'jpeg', width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 3 });
      // A full decode that fails on any warning (e.g. a bad Huffman code).
      const pixels = await sharp(data, { failOn: 'warning' }).raw().toBuffer();
      expect(pixels.length).toBe(IMAGE_WIDTH * IMAGE_HEIGHT * 3);
    }
  });
});

describe('generateCorpus: proportions over 2,000 articles', () => {
  const many = readArticles(generateCorpus({ count: 2000, seed: 7 }));
  const share = (test: (a: Article) => boolean) => many.filter(test).length / many.length;

  const proportions: [string, (a: Article) => boolean, number, number][] = [
    ['ISO dates', (a: Article) => a.rawDate.includes('T'), 0.03, 0.07],
    ['MDX', (a: Article) => a.path.endsWith('.mdx'), 0.015, 0.05],
    ['images', (a: Article) => 'image' in a.data, 0.07, 0.13],
    ['featured', (a: Article) => a.data['featured'] === true, 0.015, 0.05],
    ['breaking', (a: Article) => a.data['breaking'] === true, 0.003, 0.02],
    ['drafts', (a: Article) => a.data['draft'] === true, 0.01, 0.035],
    ['comments off', (a: Article) => a.data['comments'] === false, 0.07, 0.13],
    ['explicit slugs', (a: Article) => 'slug' in a.data, 0.25, 0.35],
    ['sources', (a: Article) => 'source' in a.data, 0.03, 0.07],
    ['two reporters', (a: Article) => (a.data['authors'] as string[]).length === 2, 0.08, 0.2],
  ];
  it.each(proportions)('%s', (_, test, min, max) => {
    const value = share(test);
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  });
});

describe('countWords', () => {
  it('counts Persian words and ignores markup, tags and link targets', () => {
    expect(countWords('## نگاهی به آمارها\n\n- یک\u200cبار و ۱۲٬۵۰۰ نفر؛')).toBe(7);
    expect(countWords('<FactBox title="در یک نگاه">\n\n- نکته\n\n</FactBox>')).toBe(1);
    expect(countWords('در [گزارش پیشین](https://example.com/a/1) آمده است.')).toBe(5);
    expect(countWords('> «جمله‌ای کوتاه.»')).toBe(2);
  });
});

describe('corpus command line', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env } });

  /** Every file under `dir`, relative, with `/` separators. */
  const listFiles = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();

  const badArguments: [string[], RegExp][] = [
    [[], /missing <dir>/],
    [['out'], /missing <N>/],
    [['out', '0'], /<N> must be a positive whole number, got "0"/],
    [['out', '12x'], /<N> must be a positive whole number, got "12x"/],
    [['out', '-3'], /<N> must be a positive whole number, got "-3"/],
    [['out', '5', '--fast'], /unknown option "--fast"/],
    [['out', '5', '--seed'], /--seed needs a value/],
    [['out', '5', '--seed', 'abc'], /--seed must be a whole number/],
    [['out', '5', 'extra'], /unexpected argument "extra"/],
  ];
  it.each(badArguments)('refuses %j with a usage message', (args, problem) => {
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr).toContain('Usage: npm run corpus -- <dir> <N> [--seed S] [--force]');
    expect(result.stdout).toBe('');
  });

  it('reads --seed S and --seed=S alike', () => {
    expect(parseArguments(['d', '3', '--seed', '42'])).toEqual({ dir: 'd', count: 3, seed: 42, force: false });
    expect(parseArguments(['--force', 'd', '3', '--seed=42'])).toEqual({ dir: 'd', count: 3, seed: 42, force: true });
  });

  it('writes the same files with a one-line body under --frontmatter-only (the index of a large archive)', () => {
    expect(parseArguments(['d', '3', '--frontmatter-only'])).toMatchObject({ frontmatterOnly: true });
    const whole = generateCorpus({ count: 30, seed: 5 });
    const index = generateCorpus({ count: 30, seed: 5, frontmatterOnly: true });
    expect(index.map((file) => file.path)).toEqual(whole.map((file) => file.path));
    const frontmatter = (text: string) => text.slice(0, text.indexOf('\n---\n', 3));
    const articleFiles = index.filter((file) => /\.mdx?$/.test(file.path));
    expect(articleFiles.length).toBe(30);
    for (const file of articleFiles) {
      const own = whole.find((other) => other.path === file.path)!.content as string;
      expect(frontmatter(file.content as string)).toBe(frontmatter(own));
      expect((file.content as string).length).toBeLessThan(frontmatter(file.content as string).length + 100);
    }
  });

  it('writes exactly the files generateCorpus returns, and a one-line summary', () => {
    const dir = path.join(scratch, 'fresh');
    const result = run(dir, '20', '--seed', '3');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote \d+ files \(20 articles, \d+ bytes = [\d.]+ MiB\) to .+ in [\d.]+ s \(seed 3\)\.\n$/,
    );
    const expected = generateCorpus({ count: 20, seed: 3 });
    expect(listFiles(dir)).toEqual(expected.map((f) => f.path).sort());
    let total = 0;
    for (const file of expected) {
      const written = readFileSync(path.join(dir, file.path));
      const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
      expect(written.equals(content), file.path).toBe(true);
      total += written.length;
    }
    expect(result.stdout).toContain(`(20 articles, ${total} bytes`);
  });

  it('refuses a non-empty folder without --force, and replaces only the archive folders with it', () => {
    const dir = path.join(scratch, 'used');
    mkdirSync(path.join(dir, 'articles/old'), { recursive: true });
    writeFileSync(path.join(dir, 'articles/old/stale.md'), 'stale');
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');

    const refused = run(dir, '5');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty.*--force/);
    expect(listFiles(dir)).toEqual(['articles/old/stale.md', 'notes.txt']);

    const forced = run(dir, '5', '--force');
    expect(forced.status).toBe(0);
    const written = listFiles(dir);
    expect(written).not.toContain('articles/old/stale.md');
    expect(written).toContain('notes.txt');
    expect(written.filter((f) => /^articles\/\d{4}\//.test(f))).toHaveLength(5);
  });
});
