/**
 * The one place that decides what the site publishes. Pages ask here; nothing else filters
 * drafts or scheduled articles, and nothing else reads the clock.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchiveIndex, type ArchiveIndex, type ArchiveItem } from '#lib/archive.ts';
import { commentCount, threadComments, type CommentRecord, type CommentThread } from '#lib/comments.ts';
import { contentProblemsError } from '#lib/content/problems.ts';
import { futureTimelineProblems } from '#lib/content/timeline.ts';
import { fingerprintAs, FINGERPRINTED_AS, listEncoding, type Encoding } from '#lib/incremental/page-digest.ts';
import { entryFingerprint } from '#lib/content/entry-fingerprint.ts';
import { numberSet, type NumberSet } from '#lib/number-set.ts';
import { freeNow } from '#lib/free-now.ts';
import site from '#site.config.ts';
import { publicationPolicyOf, type PublicationPolicy } from '#lib/content/publication.ts';
import {
  PublishedArticle,
  newestFirstKeyOfRow,
  publishedArticleOfRow,
  publishedArticles,
  publishedRows,
} from '#lib/content/published-articles.ts';
import { ArticleTable, newestFirstOrder } from '#lib/article-table.ts';
import { heldEntries } from '#lib/content/live-store.ts';
import { isPackedData, packedData } from '#lib/content/packed-data.ts';
import { packedEntries, releasePackedColumns } from '#lib/content/packed-entries.ts';
import { FILE_COLUMNS, type PackedColumns } from '#lib/content/packed-columns.ts';
import { bodiesFolderOf } from '#lib/content/rendered-bodies.ts';
import { packedCommentRecords } from '#lib/content/comments-by-share.ts';

export type Category = CollectionEntry<'categories'>;
/** What a published article is made of (its number, date, section, reporters, tags and entry): see `Article`. */
export type ArticleFacts = PublishedArticle<CollectionEntry<'articles'>>;
export type Author = CollectionEntry<'authors'>;

/**
 * A published article as the pages read it. Made by its class, never spread from the article's
 * facts: a spread object kept six of its fields outside itself (a property array, 64 bytes an
 * article of a segment's build thread at 100,000 articles), and would lose the path and the
 * frontmatter, which the class gives when asked (src/lib/content/published-articles.ts).
 */
export class Article extends PublishedArticle<CollectionEntry<'articles'>> implements ArchiveItem {
  category: Category;
  authors: Author[];
  /** Approved comments (filled in with the archive). */
  commentCount = 0;

  constructor(facts: PublishedArticle<CollectionEntry<'articles'>>, category: Category, authors: Author[]) {
    super(facts.entry, facts.authorIds, facts.keptSlug ?? null);
    this.category = category;
    this.authors = authors;
  }

  /**
   * What a page's fingerprint takes of an article (given, not `this`: page-digest.ts calls it so):
   * its entry (the file and what was read from it, of which its number, slug, reporters' ids, date,
   * section and tags are made), its section, its reporters and its comment count; read at each
   * encoding, not remembered. An article made when asked is a new object each time a page asks
   * (src/lib/article-table.ts): remembered by the object, as its fields were, each one made cost two
   * WeakMap entries, and collections to clear them (src/lib/incremental/page-digest.ts).
   */
  [FINGERPRINTED_AS](article: Article): Encoding {
    return listEncoding([article.entry, article.category, article.authors, article.commentCount]);
  }
}

/** Fixed once per build: every page of a build agrees on what "now" is, and on what is published. */
export const publicationPolicy: PublicationPolicy = publicationPolicyOf(process.env, new Date());
export const buildNow: Date = publicationPolicy.now;

interface LoadedArticles {
  /**
   * Published articles, newest first: those the store holds in full as objects, the rest (a
   * segment build's packed articles) made from their rows when asked (src/lib/article-table.ts).
   */
  published: ArticleTable<Article, ArticleFacts>;
  /** The id of every article file, drafts and scheduled ones included. */
  allIds: NumberSet;
  /**
   * Approved comments of each article that has some, by its number (filled in with the archive,
   * `loadComments`): an article made when asked takes its count from here.
   */
  commentCounts: Map<number, number>;
  /** A segment build's packed articles, the rows of `published` made when asked. */
  packed: PackedColumns | undefined;
}

async function loadArticles(): Promise<LoadedArticles> {
  const [inStore, categories, authors] = await Promise.all([
    getCollection('articles'),
    getCollection('categories'),
    getCollection('authors'),
  ]);
  // A segment build's content sync kept the articles it packed beside the store (src/lib/content/packed-entries.ts).
  const packed = packedEntries('articles', bodiesFolderOf('articles'));
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  // One frozen list of reporters per list of their ids (shared by the articles they wrote together).
  const authorLists = new Map<readonly string[], Author[]>();
  const authorsOf = (ids: readonly string[]) => {
    let list = authorLists.get(ids);
    if (!list) {
      // Existence was checked by the content schema; a miss here is a bug, not bad content.
      list = Object.freeze(ids.map((id) => authorById.get(id)!)) as Author[];
      authorLists.set(ids, list);
    }
    return list;
  };
  for (const entry of inStore) {
    // A segment's content sync packed the articles it does not show: the packed entries beside the
    // store come with their guard, which refuses to be fingerprinted too (the plan's stand in with
    // the digest its sync made); one of the store gets it back here. Packed data (of an article
    // packed later in the build) refuses too: a fingerprint would lack its left-out fields.
    if (isPackedData(entry.data)) entry.data = packedData(entry.data);
    else fingerprintAs(entry, entryFingerprint);
  }
  const articleOf = (facts: PublishedArticle<CollectionEntry<'articles'>>) =>
    // Existence was checked by the content schema; a miss here is a bug, not bad content.
    new Article(facts, categoryById.get(facts.categoryId)!, authorsOf(facts.authorIds));
  const held = publishedArticles(inStore, publicationPolicy).map(articleOf);
  const commentCounts = new Map<number, number>();
  // The packed articles: made from their rows when a page asks (src/lib/article-table.ts).
  const rows = packed ? publishedRows(packed, publicationPolicy) : new Uint32Array(0);
  const order = newestFirstOrder(held, rows, (row) => newestFirstKeyOfRow(packed!, row));
  freeNow(rows);
  // A row of columns gives every field an entry gives (src/lib/content/packed-columns.ts).
  const factsOf = (row: number) => publishedArticleOfRow(packed!, row) as unknown as ArticleFacts;
  const published = new ArticleTable<Article, ArticleFacts>(
    held,
    order,
    (row) => {
      const article = articleOf(factsOf(row));
      article.commentCount = commentCounts.get(article.id) ?? 0;
      return article;
    },
    { factsOf },
  );
  // A correction or live update dated after "now" would be shown before its time.
  const problems = [];
  for (const article of published.facts()) {
    const file = () => article.entry.filePath ?? article.entry.id;
    problems.push(...futureTimelineProblems(article.data, file, buildNow));
  }
  if (problems.length > 0) throw contentProblemsError(problems);
  const ids = inStore.map((entry) => entry.data.id);
  for (let row = 0; row < (packed?.count ?? 0); row++) ids.push(newestFirstKeyOfRow(packed!, row).id);
  return { published, allIds: numberSet(ids), commentCounts, packed };
}

let loaded: Promise<LoadedArticles> | undefined;
const loadedArticles = () => (loaded ??= loadArticles());

/**
 * Packs the frontmatter of every published article not in `shown` (src/lib/content/packed-data.ts):
 * a segment build holds in full only the articles its own pages show, and an index record of the
 * rest. Its content sync packed them already, from the same reckoning (src/build/segment-bodies.ts);
 * one of `shown` it packed stops the build, since a page would lack its fields. What it kept in
 * full beyond `shown` is packed here, in the archive and in this thread's data store, where it
 * loses its digest: should Astro save that store again, the next content sync would read those
 * files again rather than take the packed entries for their content. Returns how many articles
 * stay in full.
 */
export async function packArticlesNotShown(shown: ReadonlySet<number>): Promise<number> {
  const { published } = await loadedArticles();
  const packedAtSync: number[] = [];
  for (const article of published.facts()) {
    if (shown.has(article.id) && isPackedData(article.data)) packedAtSync.push(article.id);
  }
  if (packedAtSync.length > 0) {
    const named = packedAtSync.slice(0, 10).join(', ');
    throw new Error(
      `This segment shows articles ${named}, which its content sync packed as other segments'. This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
    );
  }
  const packedById = new Map<string, { full: object; packed: object }>();
  let inFull = 0;
  // The articles made when asked are packed already.
  for (const article of published.held) {
    if (shown.has(article.id)) {
      inFull += 1;
      continue;
    }
    if (isPackedData(article.data)) continue;
    const packed = packedData(article.data);
    packedById.set(article.entry.id, { full: article.data, packed });
    // The article's frontmatter is its entry's.
    article.entry.data = packed;
  }
  for (const entry of (heldEntries('articles') ?? []) as { id: string; data: object; digest?: unknown }[]) {
    // Packed by content sync: its guard back, as the pages' entries have it.
    if (isPackedData(entry.data)) {
      entry.data = packedData(entry.data);
      continue;
    }
    const packing = packedById.get(entry.id);
    if (!packing) continue;
    // The data of an entry with a picture is Astro's copy, with the picture resolved.
    entry.data = entry.data === packing.full ? packing.packed : packedData(entry.data);
    // Set, not deleted: deleting a property turns the object into a slower, larger dictionary.
    entry.digest = undefined;
  }
  return inFull;
}

/**
 * Releases the columns of the packed articles' files, paths and digests (`FILE_COLUMNS`), in a
 * segment build once nothing reads them of the articles it does not show: its share reckoned and
 * its index's digest taken (src/data/segments.ts), its pages read only what the index and lists are
 * made of of those. A page that asks for one stops the build, naming the bug.
 */
export async function releasePackedFiles(): Promise<void> {
  const { packed } = await loadedArticles();
  if (packed) releasePackedColumns(packed, FILE_COLUMNS);
}

/** Every published article, newest first. Loaded once per build. */
export async function getPublishedArticles(): Promise<ArticleTable<Article, ArticleFacts>> {
  return (await loadedArticles()).published;
}

export type Comment = CollectionEntry<'comments'>;
export type CommentThreads = CommentThread<CommentRecord & { entry: Comment }>[];

/**
 * The threads of an article whose comments a segment build packed (the pages of its article are
 * another segment's): no page of this segment shows them, and one that would stops the build
 * (Comments.astro) rather than show none.
 */
export const PACKED_COMMENTS: CommentThreads = Object.freeze([]) as unknown as CommentThreads;

export interface Archive extends ArchiveIndex<Article> {
  categories: Map<string, Category>;
  authors: Map<string, Author>;
  /** Approved comments of each article, as threads, oldest first. */
  comments: Map<number, CommentThreads>;
  /** How many approved comments each article that has some has, by number. */
  commentCounts: ReadonlyMap<number, number>;
}

/**
 * Approved comments, as threads, of each article that has some, and how many (set on the articles
 * held in full; the others take it when made). A comment of an article id that no file holds, or of
 * a missing parent, fails the build. Comments of a draft or scheduled article (a legal hold, a
 * correction in progress) stay in their files, threaded but shown by no page, and are shown again
 * when it is published. In a segment build, the comments of the articles whose pages other segments
 * render were packed by content sync (src/lib/content/comments-by-share.ts): counted and checked
 * here, their threads are a stand-in that no page may show (`PACKED_COMMENTS`).
 */
async function loadComments(articles: ArticleTable<Article, ArticleFacts>): Promise<Map<number, CommentThreads>> {
  const [entries, { allIds, commentCounts }] = await Promise.all([getCollection('comments'), loadedArticles()]);
  const packed = packedCommentRecords(bodiesFolderOf('comments'));
  const inFull = entries.map((entry) => ({
    id: entry.data.id,
    article: entry.data.article,
    parent: entry.data.parent,
    submittedAt: entry.data.submittedAt,
    filePath: entry.filePath ?? entry.id,
    entry,
  }));
  const { byArticle, problems } = threadComments<CommentRecord & { entry?: Comment }>([...inFull, ...packed], allIds);
  if (problems.length > 0) throw contentProblemsError(problems);
  const packedArticles = new Set(packed.map((comment) => comment.article));
  // By the articles that have comments, not every article of the archive: a segment build's packed
  // ones take their counts when made. A draft's threads are kept too, for no page asks for them.
  const shown = new Map<number, CommentThreads>();
  for (const [id, threads] of byArticle) {
    const count = commentCount(threads);
    if (count > 0) commentCounts.set(id, count);
    shown.set(id, packedArticles.has(id) ? PACKED_COMMENTS : (threads as CommentThreads));
  }
  for (const article of articles.held) article.commentCount = commentCounts.get(article.id) ?? 0;
  // An article made and kept before the counts were filled in would keep a count of 0.
  articles.forgetMade();
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
  const { commentCounts } = await loadedArticles();
  return {
    ...buildArchiveIndex(articles),
    categories: categoryById,
    authors: new Map(authors.map((a) => [a.id, a])),
    comments,
    commentCounts,
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
