/**
 * The one place that decides what the site publishes. Pages ask here; nothing else filters
 * drafts or scheduled articles, and nothing else reads the clock.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchiveIndex, type ArchiveIndex, type ArchiveItem } from '#lib/archive.ts';
import { commentCount, threadComments, type CommentRecord, type CommentThread } from '#lib/comments.ts';
import { contentProblemsError } from '#lib/content/problems.ts';
import { futureTimelineProblems } from '#lib/content/timeline.ts';
import { slugify } from '#lib/persian/slug.ts';
import site from '#site.config.ts';
import {
  compareNewestFirst,
  isPublished,
  resolveBuildNow,
  SHOW_UNPUBLISHED_ENV,
  type PublicationPolicy,
} from '#lib/content/publication.ts';
import { articlePath } from '#lib/paths.ts';

export type Category = CollectionEntry<'categories'>;
export type Author = CollectionEntry<'authors'>;

export interface Article extends ArchiveItem {
  /** The permanent article number. */
  id: number;
  /** First publication. */
  date: Date;
  /** The last URL segment (from `slug`, else the file name). */
  slug: string;
  /** `/news/<id>/<slug>/`, percent-encoded. */
  path: string;
  entry: CollectionEntry<'articles'>;
  data: CollectionEntry<'articles'>['data'];
  category: Category;
  authors: Author[];
  /** Approved comments (filled in with the archive). */
  commentCount: number;
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

interface LoadedArticles {
  /** Published articles, newest first. */
  published: Article[];
  /** The id of every article file, drafts and scheduled ones included. */
  allIds: ReadonlySet<number>;
}

async function loadArticles(): Promise<LoadedArticles> {
  const [entries, categories, authors] = await Promise.all([
    getCollection('articles'),
    getCollection('categories'),
    getCollection('authors'),
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const publishedEntries = entries.filter((entry) => isPublished(entry.data, publicationPolicy));
  // A correction or live update dated after "now" would be shown before its time.
  const problems = publishedEntries.flatMap((entry) =>
    futureTimelineProblems(entry.data, entry.filePath ?? entry.id, buildNow),
  );
  if (problems.length > 0) throw contentProblemsError(problems);
  const published = publishedEntries
    .map((entry) => {
      const slug = entry.data.slug ?? (fileSlug(entry) || String(entry.data.id));
      return {
        id: entry.data.id,
        date: entry.data.date,
        categoryId: entry.data.category.id,
        authorIds: entry.data.authors.map((ref) => ref.id),
        tags: entry.data.tags,
        slug,
        path: articlePath(entry.data.id, slug),
        entry,
        data: entry.data,
        // Existence was checked by the content schema; a miss here is a bug, not bad content.
        category: categoryById.get(entry.data.category.id)!,
        authors: entry.data.authors.map((ref) => authorById.get(ref.id)!),
        commentCount: 0,
      };
    })
    .sort(compareNewestFirst);
  return { published, allIds: new Set(entries.map((entry) => entry.data.id)) };
}

let loaded: Promise<LoadedArticles> | undefined;
const loadedArticles = () => (loaded ??= loadArticles());

/** Every published article, newest first. Loaded once per build. */
export async function getPublishedArticles(): Promise<Article[]> {
  return (await loadedArticles()).published;
}

export type Comment = CollectionEntry<'comments'>;
export type CommentThreads = CommentThread<CommentRecord & { entry: Comment }>[];

export interface Archive extends ArchiveIndex<Article> {
  categories: Map<string, Category>;
  authors: Map<string, Author>;
  /** Approved comments of each article, as threads, oldest first. */
  comments: Map<number, CommentThreads>;
}

/**
 * Approved comments of published articles, as threads. A comment of an article id that no file
 * holds, or of a missing parent, fails the build. Comments of a draft or scheduled article (a legal
 * hold, a correction in progress) stay in their files and are shown again when it is published.
 */
async function loadComments(articles: readonly Article[]): Promise<Map<number, CommentThreads>> {
  const [entries, { allIds }] = await Promise.all([getCollection('comments'), loadedArticles()]);
  const { byArticle, problems } = threadComments(
    entries.map((entry) => ({
      id: entry.data.id,
      article: entry.data.article,
      parent: entry.data.parent,
      submittedAt: entry.data.submittedAt,
      filePath: entry.filePath ?? entry.id,
      entry,
    })),
    allIds,
  );
  if (problems.length > 0) throw contentProblemsError(problems);
  const shown = new Map<number, CommentThreads>();
  for (const article of articles) {
    const threads = byArticle.get(article.id);
    if (threads) shown.set(article.id, threads);
  }
  return shown;
}

async function loadArchive(): Promise<Archive> {
  const [articles, categories, authors] = await Promise.all([
    getPublishedArticles(),
    getCollection('categories'),
    getCollection('authors'),
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  checkSiteConfigCategories(new Set(categoryById.keys()));
  const comments = await loadComments(articles);
  for (const article of articles) article.commentCount = commentCount(comments.get(article.id));
  return {
    ...buildArchiveIndex(articles),
    categories: categoryById,
    authors: new Map(authors.map((a) => [a.id, a])),
    comments,
  };
}

/** The home page's settings name sections; a typo there must fail the build, not hide a block. */
function checkSiteConfigCategories(known: ReadonlySet<string>) {
  const named = [
    ...(site.home.siteNewsCategory ? [['home.siteNewsCategory', site.home.siteNewsCategory] as const] : []),
    ...site.home.sections.map((section, i) => [`home.sections.${i}.category`, section.category] as const),
  ];
  const problems = named
    .filter(([, slug]) => !known.has(slug))
    .map(
      ([setting, slug]) => `  - ${setting}: "${slug}" is not a category; use one of: ${[...known].sort().join(', ')}`,
    );
  if (problems.length > 0) throw new Error(`src/site.config.ts has settings to fix:\n${problems.join('\n')}`);
}

let archive: Promise<Archive> | undefined;

/** The published archive grouped by section, tag, reporter and month. Built once per build. */
export function getArchive(): Promise<Archive> {
  archive ??= loadArchive();
  return archive;
}
