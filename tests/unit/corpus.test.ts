/**
 * scripts/corpus.ts: the synthetic archive generator. Checks what the content schema will check
 * (fields, dates, references) without building. A real build of a generated archive is a manual
 * step: `npm run corpus -- /tmp/corpus-check 300 --force && BAYEGAN_CONTENT_DIR=/tmp/corpus-check
 * BAYEGAN_OUT_DIR=/tmp/corpus-check-dist BAYEGAN_CACHE_DIR=/tmp/corpus-check-cache npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { jalaaliMonthLength } from 'jalaali-js';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import {
  AUTHOR_COUNT,
  CATEGORIES,
  countWords,
  generateCorpus,
  IMAGE_HEIGHT,
  IMAGE_WIDTH,
  parseArguments,
  TAG_POOL,
  tehranOffset,
  type CorpusFile,
} from '../../scripts/corpus.ts';
import { yamlQuote } from '../../scripts/lib/frontmatter.ts';
import { isAsciiSlug } from '../../src/lib/content/fields';
import { fromTehranJalali, toTehranJalali } from '../../src/lib/dates/jalali';
import { parseArticleDate } from '../../src/lib/dates/parse-article-date';
import { toTehranIsoString } from '../../src/lib/dates/tehran';
import { persianComparisonKey } from '../../src/lib/persian/normalize';
import { isSlug } from '../../src/lib/persian/slug';
import { ARABIC_BLOCK, ARABIC_TWINS, PERSIAN_DIGIT as D, ZWNJ } from '../../src/lib/persian/script';

/** Text with Persian in it. */
const PERSIAN_TEXT = new RegExp(`[${ARABIC_BLOCK}]`);
const STARTS_PERSIAN_DIGIT = new RegExp(`^${D}`);

const projectRoot = path.resolve(import.meta.dirname, '../..');
const script = path.join(projectRoot, 'scripts/corpus.ts');

/** Every frontmatter field the article schema knows (src/content.config.ts). */
const SCHEMA_FIELDS = [
  'id',
  'title',
  'lead',
  'date',
  'updated',
  'category',
  'tags',
  'authors',
  'image',
  'imageAlt',
  'featured',
  'breaking',
  'draft',
  'comments',
  'slug',
  'source',
];
const REQUIRED_FIELDS = ['id', 'title', 'lead', 'date', 'category', 'authors'];
const ARTICLE_PATH = /^articles\/(\d{4})\/(\d{2})\/(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.(md|mdx)$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

function text(file: CorpusFile): string {
  if (typeof file.content !== 'string') throw new Error(`${file.path} is not a text file`);
  return file.content;
}

function bytes(file: CorpusFile): Buffer {
  if (typeof file.content === 'string') throw new Error(`${file.path} is not a binary file`);
  return file.content;
}

/** A YAML data file (category, author) read with the same YAML parser Astro uses. */
function readYaml(file: CorpusFile): Record<string, unknown> {
  return parseFrontmatter(`---\n${text(file)}---\n`).frontmatter;
}

/** The text of a frontmatter field as written (quotes removed), e.g. for `date`. */
function rawField(rawFrontmatter: string, field: string): string | undefined {
  const value = new RegExp(`^${field}: (.*)$`, 'm').exec(rawFrontmatter)?.[1];
  if (value === undefined) return undefined;
  return value.startsWith("'") ? value.slice(1, -1).replace(/''/g, "'") : value;
}

/** Words of a body, counted independently of the script: tokens with a letter or digit. */
function bodyWords(body: string): number {
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

interface Article {
  file: CorpusFile;
  path: string;
  source: string;
  data: Record<string, unknown>;
  raw: string;
  body: string;
  date: Date;
  rawDate: string;
}

function readArticles(files: CorpusFile[]): Article[] {
  return files
    .filter((file) => file.path.startsWith('articles/') && /\.mdx?$/.test(file.path))
    .map((file) => {
      const source = text(file);
      const { frontmatter, rawFrontmatter, content } = parseFrontmatter(source);
      const rawDate = rawField(rawFrontmatter, 'date') ?? '';
      return {
        file,
        path: file.path,
        source,
        data: frontmatter,
        raw: rawFrontmatter,
        body: content,
        date: parseArticleDate(rawDate),
        rawDate,
      };
    });
}

const N = 200;
const SEED = 1405;
const files = generateCorpus({ count: N, seed: SEED });
const articles = readArticles(files);
const categorySlugs = new Set(CATEGORIES.map((c) => c.slug));
const authorSlugs = new Set(
  files.filter((f) => f.path.startsWith('authors/')).map((f) => path.posix.basename(f.path, '.yml')),
);
const imagePaths = new Set(files.filter((f) => f.path.endsWith('.jpg')).map((f) => f.path));

describe('generateCorpus: determinism', () => {
  it('gives identical files for the same count and seed', () => {
    const first = generateCorpus({ count: 50, seed: 9 });
    const second = generateCorpus({ count: 50, seed: 9 });
    expect(second).toEqual(first);
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
  });

  it('gives different articles for another seed', () => {
    const articlesOf = (seed: number) => generateCorpus({ count: 50, seed }).filter((f) => f.path.endsWith('.md'));
    const a = articlesOf(9);
    const b = articlesOf(10);
    expect(a.length).toBeGreaterThan(40);
    // Every article reads differently (not only the dates).
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      expect(text(b[i]!).split('\n---\n')[1]).not.toBe(text(a[i]!).split('\n---\n')[1]);
    }
  });

  it('rejects a count or seed that is not a whole number in range', () => {
    expect(() => generateCorpus({ count: 0 })).toThrow(/positive whole number/);
    expect(() => generateCorpus({ count: 2.5 })).toThrow(/positive whole number/);
    expect(() => generateCorpus({ count: 3, seed: -1 })).toThrow(/seed/);
    expect(() => generateCorpus({ count: 3, seed: 2 ** 32 })).toThrow(/seed/);
  });
});

describe(`generateCorpus: layout of ${N} articles`, () => {
  it('writes 8 categories, 25 reporters, 6 images and N articles, and nothing else', () => {
    const byFolder = (prefix: string, pattern: RegExp) =>
      files.filter((f) => f.path.startsWith(prefix) && pattern.test(f.path));
    expect(byFolder('categories/', /^categories\/[a-z]+\.yml$/)).toHaveLength(8);
    expect(byFolder('authors/', /^authors\/[a-z0-9-]+\.yml$/)).toHaveLength(AUTHOR_COUNT);
    expect(byFolder('articles/images/', /^articles\/images\/[a-z]+\.jpg$/)).toHaveLength(6);
    expect(articles).toHaveLength(N);
    const comments = byFolder('comments/', /^comments\/(\d+)\/c-\1-\d\.json$/);
    expect(files).toHaveLength(8 + AUTHOR_COUNT + 6 + N + comments.length);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('gives about one article in twelve 1–4 approved comments, some with a reply', () => {
    const comments = files.filter((f) => f.path.startsWith('comments/'));
    const commented = new Set(comments.map((f) => f.path.split('/')[1]));
    expect(commented.size).toBeGreaterThan(N / 24);
    expect(commented.size).toBeLessThan(N / 6);
    expect(comments.some((f) => String(f.content).includes('"parent"'))).toBe(true);
  });

  it('passes npm run check:content: every file valid against the site schema, ids unique', () => {
    const contentFiles = files
      .filter((f) => typeof f.content === 'string')
      .map((f) => {
        const [folder, ...rest] = f.path.split('/');
        const kind = ({ articles: 'article', categories: 'category', authors: 'author', comments: 'comment' } as const)[
          folder as 'articles'
        ];
        return { kind, path: f.path, id: rest.join('/').replace(/\.[a-z]+$/, ''), source: String(f.content) };
      });
    const ids = (kind: string) => new Set(contentFiles.filter((f) => f.kind === kind).map((f) => f.id));
    const problems = checkContent(contentFiles, {
      categories: { ids: ids('category'), folder: 'categories/' },
      authors: { ids: ids('author'), folder: 'authors/' },
      imageExists: (_article, image) =>
        files.some((f) => f.path === path.posix.join('articles/images', path.posix.basename(image))),
    });
    expect(problems).toEqual([]);
  });

  it('has the eight sections with Persian names and descriptions', () => {
    const categories = files.filter((f) => f.path.startsWith('categories/'));
    expect(categories.map((f) => path.posix.basename(f.path, '.yml')).sort()).toEqual(
      ['culture', 'economy', 'international', 'politics', 'science', 'site', 'society', 'sport'].sort(),
    );
    for (const file of categories) {
      const data = readYaml(file);
      expect(Object.keys(data).sort()).toEqual(['description', 'name']);
      expect(data['name']).toMatch(new RegExp(`^[${ARABIC_BLOCK}${ZWNJ} ]+$`));
      expect(data['description']).toMatch(PERSIAN_TEXT);
    }
  });

  it('has 25 reporters with Latin kebab-case slugs and Persian names, roles and bios', () => {
    expect(authorSlugs.size).toBe(AUTHOR_COUNT);
    for (const slug of authorSlugs) {
      expect(isAsciiSlug(slug), slug).toBe(true);
      expect(slug).toMatch(/^[a-z]+-[a-z]+$/);
    }
    const names = new Set<string>();
    for (const file of files.filter((f) => f.path.startsWith('authors/'))) {
      const data = readYaml(file);
      expect(Object.keys(data).sort()).toEqual(['bio', 'name', 'role']);
      expect(data['name']).toMatch(new RegExp(`^[${ARABIC_BLOCK}${ZWNJ}]+ [${ARABIC_BLOCK}${ZWNJ}]+$`));
      expect(data['role']).toMatch(PERSIAN_TEXT);
      expect(data['bio']).toMatch(PERSIAN_TEXT);
      names.add(String(data['name']));
    }
    expect(names.size).toBe(AUTHOR_COUNT);
  });

  it('files articles under articles/<Jalali year>/<month>/<id>-<slug>, by their Tehran date', () => {
    for (const article of articles) {
      const match = ARTICLE_PATH.exec(article.path);
      expect(match, article.path).not.toBeNull();
      const [, year, month, id] = match!;
      const jalali = toTehranJalali(article.date);
      expect(Number(year), article.path).toBe(jalali.year);
      expect(Number(month), article.path).toBe(jalali.month);
      expect(Number(id), article.path).toBe(article.data['id']);
    }
  });

  it('makes about 3% of the articles MDX', () => {
    const mdx = articles.filter((a) => a.path.endsWith('.mdx'));
    expect(mdx.length).toBeGreaterThan(0);
    expect(mdx.length).toBeLessThan(N * 0.08);
  });
});

describe('generateCorpus: frontmatter', () => {
  it('has every required field, and only fields the schema knows', () => {
    for (const { data, path: file } of articles) {
      for (const field of REQUIRED_FIELDS) expect(data, `${file}: ${field}`).toHaveProperty(field);
      for (const key of Object.keys(data)) expect(SCHEMA_FIELDS, `${file}: ${key}`).toContain(key);
    }
  });

  it('numbers the articles 1..N, once each', () => {
    const ids = articles.map((a) => a.data['id']);
    expect(ids).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it('uses every field of the schema somewhere', () => {
    const used = new Set(articles.flatMap((a) => Object.keys(a.data)));
    expect([...used].sort()).toEqual([...SCHEMA_FIELDS].sort());
  });

  it('writes titles of 6–14 words and leads of one or two sentences, in Persian', () => {
    for (const { data, path: file } of articles) {
      const title = String(data['title']);
      const lead = String(data['lead']);
      const titleWords = title.split(/\s+/).length;
      expect(titleWords, `${file}: ${title}`).toBeGreaterThanOrEqual(6);
      expect(titleWords, `${file}: ${title}`).toBeLessThanOrEqual(14);
      const sentences = lead.match(/\.(?=\s|$)/g)?.length ?? 0;
      expect(sentences, `${file}: ${lead}`).toBeGreaterThanOrEqual(1);
      expect(sentences, `${file}: ${lead}`).toBeLessThanOrEqual(2);
      expect(title).toMatch(PERSIAN_TEXT);
    }
  });

  it('refers only to sections and reporters that exist, with 1–2 reporters and 2–5 tags', () => {
    for (const { data, path: file } of articles) {
      expect(categorySlugs.has(String(data['category'])), file).toBe(true);
      const authors = data['authors'] as string[];
      expect(authors.length, file).toBeGreaterThanOrEqual(1);
      expect(authors.length, file).toBeLessThanOrEqual(2);
      expect(new Set(authors).size).toBe(authors.length);
      for (const author of authors) expect(authorSlugs.has(author), `${file}: ${author}`).toBe(true);
      const tags = data['tags'] as string[];
      expect(tags.length, file).toBeGreaterThanOrEqual(2);
      expect(tags.length, file).toBeLessThanOrEqual(5);
      expect(new Set(tags.map(persianComparisonKey)).size, file).toBe(tags.length);
      for (const tag of tags) expect(TAG_POOL, `${file}: ${tag}`).toContain(tag);
    }
  });

  it('points images at one of the shared JPEGs, always with imageAlt', () => {
    let withImage = 0;
    for (const { data, path: file } of articles) {
      expect('image' in data, file).toBe('imageAlt' in data);
      if (!('image' in data)) continue;
      withImage++;
      expect(data['image'], file).toMatch(/^\.\.\/\.\.\/images\/[a-z]+\.jpg$/);
      const resolved = path.posix.join(path.posix.dirname(file), String(data['image']));
      expect(imagePaths.has(resolved), `${file}: ${resolved}`).toBe(true);
      expect(data['imageAlt']).toMatch(PERSIAN_TEXT);
    }
    expect(withImage).toBeGreaterThan(0);
  });

  it('writes flags as booleans, slugs as text and sources as { name, url }', () => {
    for (const { data, path: file } of articles) {
      for (const flag of ['featured', 'breaking', 'draft', 'comments']) {
        if (flag in data) expect(typeof data[flag], `${file}: ${flag}`).toBe('boolean');
      }
      if ('slug' in data) expect(isSlug(String(data['slug'])), `${file}: ${String(data['slug'])}`).toBe(true);
      if ('source' in data) {
        const source = data['source'] as Record<string, unknown>;
        expect(Object.keys(source).sort()).toEqual(['name', 'url']);
        expect(source['name']).toMatch(PERSIAN_TEXT);
        expect(source['url']).toMatch(/^https:\/\/example\.com\/\S+$/);
      }
    }
  });

  it('quotes text with single quotes, doubling a quote inside', () => {
    expect(yamlQuote("it's")).toBe("'it''s'");
    const line = `title: ${yamlQuote("نقل قول 'تازه' از او")}`;
    expect(parseFrontmatter(`---\n${line}\n---\n`).frontmatter['title']).toBe("نقل قول 'تازه' از او");
    for (const { raw, path: file } of articles) {
      for (const field of ['title', 'lead', 'imageAlt', 'slug']) {
        const line = new RegExp(`^${field}: (.*)$`, 'm').exec(raw)?.[1];
        if (line !== undefined) expect(line, `${file}: ${field}`).toMatch(/^'(?:[^']|'')*'$/);
      }
    }
  });
});

describe('generateCorpus: dates', () => {
  const start = fromTehranJalali({ year: 1385, month: 1, day: 1 });
  const end = fromTehranJalali({ year: 1405, month: 9, day: 1 });

  it('writes dates the schema parses; ISO ones carry Tehran’s real offset', () => {
    for (const article of articles) {
      const { rawDate, data, path: file } = article;
      if (/^\d{4}-\d{2}-\d{2}T/.test(rawDate)) {
        expect(rawDate, file).toMatch(ISO_WITH_OFFSET);
        // The offset is the one Asia/Tehran had then: writing the instant back gives the same text.
        expect(toTehranIsoString(article.date), file).toBe(rawDate);
        // Unquoted, so YAML reads it as an instant with that offset.
        expect(data['date'], file).toEqual(article.date);
      } else {
        // Jalali forms must stay strings: YAML must not read them as (UTC) timestamps.
        expect(typeof data['date'], file).toBe('string');
        expect(rawDate, file).toMatch(
          new RegExp(`^(\\d{4}[/-]\\d{2}[/-]\\d{2} \\d{2}:\\d{2}|${D}{4}/${D}{2}/${D}{2} ${D}{2}:${D}{2})$`),
        );
      }
      expect(article.date.getTime(), file).toBeGreaterThanOrEqual(start.getTime());
      expect(article.date.getTime(), file).toBeLessThan(end.getTime());
    }
  });

  it('uses all four ways of writing a date', () => {
    const forms = new Set(
      articles.map(({ rawDate }) =>
        /T/.test(rawDate)
          ? 'iso'
          : STARTS_PERSIAN_DIGIT.test(rawDate)
            ? 'persian'
            : rawDate.includes('-')
              ? 'dash'
              : 'slash',
      ),
    );
    expect([...forms].sort()).toEqual(['dash', 'iso', 'persian', 'slash']);
    // Persian digits need quotes in YAML.
    for (const { raw } of articles.filter(({ rawDate }) => STARTS_PERSIAN_DIGIT.test(rawDate))) {
      expect(raw).toMatch(new RegExp(`^date: '${D}`, 'm'));
    }
  });

  it('dates never go backwards as the id grows', () => {
    for (let i = 1; i < articles.length; i++) {
      expect(articles[i]!.date.getTime(), articles[i]!.path).toBeGreaterThanOrEqual(articles[i - 1]!.date.getTime());
    }
  });

  it('spreads the articles over the twenty years', () => {
    const years = new Set(articles.map((a) => toTehranJalali(a.date).year));
    expect(Math.min(...years)).toBe(1385);
    expect(Math.max(...years)).toBe(1405);
    expect(years.size).toBe(21);
  });

  it('puts every update after its article’s date, in a form the schema parses', () => {
    let updates = 0;
    for (const { raw, date, path: file } of articles) {
      const updated = rawField(raw, 'updated');
      if (updated === undefined) continue;
      updates++;
      expect(parseArticleDate(updated).getTime(), file).toBeGreaterThan(date.getTime());
      expect(parseArticleDate(updated).getTime(), file).toBeLessThan(end.getTime());
    }
    expect(updates).toBeGreaterThan(0);
  });

  it('knows Tehran’s offset on every day of the archive (DST until 1401, none in 1385–1386)', () => {
    for (let year = 1385; year <= 1405; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= jalaaliMonthLength(year, month); day++) {
          if (year === 1405 && month >= 9) break;
          for (const hour of [7, 22]) {
            const iso = toTehranIsoString(fromTehranJalali({ year, month, day }, hour, 30));
            expect(iso.slice(-6), `${year}/${month}/${day} ${hour}:30`).toBe(tehranOffset(year, month, day));
          }
        }
      }
    }
  });
});

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
