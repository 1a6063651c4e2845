/** The synthetic archive the corpus generator's unit tests read (scripts/corpus.ts), and readers for it. */
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { CATEGORIES, generateCorpus, type CorpusFile } from '../../scripts/corpus.ts';
import { parseArticleDate } from '../../src/lib/dates/parse-article-date';
import { ARABIC_BLOCK, PERSIAN_DIGIT as D } from '../../src/lib/persian/script';

/** Text with Persian in it. */
export const PERSIAN_TEXT = new RegExp(`[${ARABIC_BLOCK}]`);
export const STARTS_PERSIAN_DIGIT = new RegExp(`^${D}`);

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const script = path.join(projectRoot, 'scripts/corpus.ts');

/** Every frontmatter field the article schema knows (src/content.config.ts). */
export const SCHEMA_FIELDS = [
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
export const REQUIRED_FIELDS = ['id', 'title', 'lead', 'date', 'category', 'authors'];
export const ARTICLE_PATH = /^articles\/(\d{4})\/(\d{2})\/(\d+)-[a-z0-9]+(?:-[a-z0-9]+)*\.(md|mdx)$/;
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

export function text(file: CorpusFile): string {
  if (typeof file.content !== 'string') throw new Error(`${file.path} is not a text file`);
  return file.content;
}

export function bytes(file: CorpusFile): Buffer {
  if (typeof file.content === 'string') throw new Error(`${file.path} is not a binary file`);
  return file.content;
}

/** A YAML data file (category, author) read with the same YAML parser Astro uses. */
export function readYaml(file: CorpusFile): Record<string, unknown> {
  return parseFrontmatter(`---\n${text(file)}---\n`).frontmatter;
}

/** The text of a frontmatter field as written (quotes removed), e.g. for `date`. */
export function rawField(rawFrontmatter: string, field: string): string | undefined {
  const value = new RegExp(`^${field}: (.*)$`, 'm').exec(rawFrontmatter)?.[1];
  if (value === undefined) return undefined;
  return value.startsWith("'") ? value.slice(1, -1).replace(/''/g, "'") : value;
}

/** Words of a body, counted independently of the script: tokens with a letter or digit. */
export function bodyWords(body: string): number {
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

export interface Article {
  file: CorpusFile;
  path: string;
  source: string;
  data: Record<string, unknown>;
  raw: string;
  body: string;
  date: Date;
  rawDate: string;
}

export function readArticles(files: CorpusFile[]): Article[] {
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

export const N = 200;
export const SEED = 1405;
export const files = generateCorpus({ count: N, seed: SEED });
export const articles = readArticles(files);
export const categorySlugs = new Set(CATEGORIES.map((c) => c.slug));
export const authorSlugs = new Set(
  files.filter((f) => f.path.startsWith('authors/')).map((f) => path.posix.basename(f.path, '.yml')),
);
export const imagePaths = new Set(files.filter((f) => f.path.endsWith('.jpg')).map((f) => f.path));
