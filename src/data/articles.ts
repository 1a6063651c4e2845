/**
 * The one place that decides what the site publishes. Pages ask here; nothing else filters
 * drafts or scheduled articles, and nothing else reads the clock.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { slugify } from '../lib/persian/slug';
import {
  articlePath,
  compareNewestFirst,
  groupBy,
  isPublished,
  resolveBuildNow,
  SHOW_UNPUBLISHED_ENV,
  type PublicationPolicy,
} from '../lib/content/publication';

export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

export interface Article {
  /** The permanent article number. */
  id: number;
  /** The last URL segment (from `slug`, else the file name). */
  slug: string;
  /** `/news/<id>/<slug>/`, percent-encoded. */
  path: string;
  entry: CollectionEntry<'articles'>;
  data: CollectionEntry<'articles'>['data'];
  category: Category;
  authors: Author[];
}

/** Fixed once per build: every page of a build agrees on what "now" is. */
export const buildNow: Date = resolveBuildNow(process.env, new Date());

/**
 * Drafts and scheduled articles are shown only when asked for explicitly (`npm run dev` asks), never
 * because of a mode or NODE_ENV that a CI machine may happen to set.
 */
export const publicationPolicy: PublicationPolicy = {
  now: buildNow,
  includeUnpublished: process.env[SHOW_UNPUBLISHED_ENV] === '1',
};

function fileSlug(entry: CollectionEntry<'articles'>): string {
  const base = (entry.filePath ?? entry.id).split('/').pop() ?? entry.id;
  return slugify(base.replace(/\.mdx?$/, ''));
}

async function loadPublishedArticles(): Promise<Article[]> {
  const [entries, categories, authors] = await Promise.all([
    getCollection('articles'),
    getCollection('categories'),
    getCollection('authors'),
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  return entries
    .filter((entry) => isPublished(entry.data, publicationPolicy))
    .map((entry) => {
      const slug = entry.data.slug ?? (fileSlug(entry) || String(entry.data.id));
      return {
        id: entry.data.id,
        slug,
        path: articlePath(entry.data.id, slug),
        entry,
        data: entry.data,
        // Existence was checked by the content schema; a miss here is a bug, not bad content.
        category: categoryById.get(entry.data.category.id)!,
        authors: entry.data.authors.map((ref) => authorById.get(ref.id)!),
      };
    })
    .sort((a, b) => compareNewestFirst({ id: a.id, date: a.data.date }, { id: b.id, date: b.data.date }));
}

let published: Promise<Article[]> | undefined;

/** Every published article, newest first. Loaded once per build. */
export function getPublishedArticles(): Promise<Article[]> {
  published ??= loadPublishedArticles();
  return published;
}

export async function getCategories(): Promise<Category[]> {
  return getCollection('categories');
}

/** Published articles grouped by category slug, newest first in each group. */
export async function getArticlesByCategory(): Promise<Map<string, Article[]>> {
  return groupBy(await getPublishedArticles(), (article) => article.category.id);
}
