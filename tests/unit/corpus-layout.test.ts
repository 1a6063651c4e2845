/**
 * scripts/corpus.ts, the synthetic archive generator: determinism, file layout, frontmatter, dates.
 * Checks what the content schema will check (fields, dates, references) without building; a real
 * build of a generated archive is a manual step (docs/operations.md#large-archives).
 */

import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { jalaaliMonthLength } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { AUTHOR_COUNT, generateCorpus, TAG_POOL, tehranOffset } from '../../scripts/corpus.ts';
import { yamlQuote } from '../../scripts/lib/frontmatter.ts';
import { fromTehranJalali, toTehranJalali } from '../../src/lib/dates/jalali';
import { parseArticleDate } from '../../src/lib/dates/parse-article-date';
import { toTehranIsoString } from '../../src/lib/dates/tehran';
import { persianComparisonKey } from '../../src/lib/persian/normalize';
import { isAsciiSlug, isSlug } from '../../src/lib/persian/slug';
import { ARABIC_BLOCK, PERSIAN_DIGIT as D, ZWNJ } from '../../src/lib/persian/script';
import {
  PERSIAN_TEXT,
  STARTS_PERSIAN_DIGIT,
  SCHEMA_FIELDS,
  REQUIRED_FIELDS,
  ARTICLE_PATH,
  ISO_WITH_OFFSET,
  text,
  readYaml,
  rawField,
  N,
  files,
  articles,
  categorySlugs,
  authorSlugs,
  imagePaths,
} from '../helpers/corpus-files';

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
