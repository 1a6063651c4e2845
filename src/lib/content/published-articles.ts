/**
 * The published articles of a list of content entries, with the facts lists, feeds and URLs are made
 * from (pure). The pages take their entries from `getCollection()` (src/data/articles.ts); a segment
 * build's bundler takes them from the store its content sync left (src/build/kept-mdx-bodies.ts),
 * and both must decide alike. Apart from publication.ts, whose rules the browser's scripts share:
 * slugs would add Persian script tables to their bundle.
 */
import { boundedMemo } from '#lib/bounded-memo.ts';
import { ArticleTable } from '#lib/article-table.ts';
import { freeNow } from '#lib/free-now.ts';
import { slugify } from '#lib/persian/slug.ts';
import type { Indexed } from '#lib/sorted-search.ts';
import { keptField, PackedArticleEntry, publicationTime, type PackedColumns } from './packed-columns.ts';
import { articlePath, isPublished, newestFirstOf, type PublicationPolicy, type Publishable } from './publication.ts';

/**
 * What the site reads of an article's content entry, whether the pages' `getCollection()` gave it
 * or the content sync's own store (a segment build's bundler, src/build/kept-mdx-bodies.ts).
 */
export interface ArticleEntryLike {
  id: string;
  filePath?: string | undefined;
  /** The digest of its file, as Astro's loader made it (what a segment's reckoning of its share stands on). */
  digest?: unknown;
  data: Publishable & {
    id: number;
    slug?: string | undefined;
    category: { id: string };
    authors: readonly { id: string }[];
    tags: string[];
  };
}

/**
 * A published article's facts: what lists, feeds and URLs are made from. Every thread of a segment
 * build holds one for every article of the archive, so what can be made again or read from the
 * entry is not kept: the path is made from the number and slug when asked (75 bytes an article of
 * the build thread's heap at 100,000 articles, a percent-encoded copy of the slug), and the date,
 * section and tags are the frontmatter's (24 bytes), which is the entry's, read without a view of
 * it from a packed article of the pages' columns (`keptField`, ./packed-columns.ts). Never spread
 * into another object: those are the class's, not the object's own.
 */
export class PublishedArticle<E extends ArticleEntryLike> {
  /**
   * The permanent article number: kept, where the rest is read from the entry, since every list
   * compares it (a small integer, held in the object's own field: 8 bytes an article).
   */
  readonly id: number;
  authorIds: readonly string[];
  /**
   * The slug of an article in full; none for a packed article of the pages' columns, whose row
   * gives it again when asked (`slug`): each article's own text, which every thread would keep
   * for every article of the archive. Private, so not in a page's fingerprint, where the entry's
   * file and frontmatter stand for it: a list's fingerprint must not depend on which of its
   * articles a build packs.
   */
  readonly #keptSlug: string | undefined;
  entry: E;

  /**
   * @param keptSlug the slug it keeps: by default its entry's (none for a packed article of the
   *   pages' columns); `null` for none, as an article made each time it is asked for keeps none
   *   (`publishedTable`): its entry's file name would be made a slug each time it is made.
   */
  constructor(entry: E, authorIds: readonly string[], keptSlug: string | null | undefined = slugKept(entry)) {
    this.id = keptField(entry, 'id') as number;
    this.authorIds = authorIds;
    this.#keptSlug = keptSlug ?? undefined;
    this.entry = entry;
  }

  /** The slug it keeps (`#keptSlug`), for an `Article` made of it. */
  get keptSlug(): string | undefined {
    return this.#keptSlug;
  }

  /** The last URL segment (from `slug`, else the file name). */
  get slug(): string {
    return this.#keptSlug ?? slugOf(this.entry);
  }

  /** First publication. */
  get date(): Date {
    return keptField(this.entry, 'date') as Date;
  }

  /**
   * First publication's time, which newest-first order compares (`compareNewestFirst`): a packed
   * article of the pages' columns gives it without making a `Date` (./packed-columns.ts).
   */
  get time(): number {
    return publicationTime(this.entry);
  }

  get categoryId(): string {
    return (keptField(this.entry, 'category') as { id: string }).id;
  }

  get tags(): readonly string[] {
    return keptField(this.entry, 'tags') as readonly string[];
  }

  /** `/news/<id>/<slug>/`, percent-encoded. */
  get path(): string {
    return articlePath(this.id, this.slug);
  }

  /** The entry's frontmatter, as read (or packed, in a segment build: src/lib/content/packed-data.ts). */
  get data(): E['data'] {
    return this.entry.data;
  }
}

/** The slug of an article without `slug:` in its frontmatter: its file name, else its number. */
function fileSlug(entry: ArticleEntryLike): string {
  const base = (entry.filePath ?? entry.id).split('/').pop() ?? entry.id;
  return slugify(base.replace(/\.mdx?$/, '')) || String(keptField(entry, 'id'));
}

/** An article's slug: its frontmatter's `slug` (made a slug by the schema), else its file's. */
const slugOf = (entry: ArticleEntryLike): string => (keptField(entry, 'slug') as string | undefined) ?? fileSlug(entry);

/** The slug an article keeps: none for a packed article of the pages' columns (`PublishedArticle.keptSlug`). */
const slugKept = (entry: ArticleEntryLike): string | undefined =>
  entry instanceof PackedArticleEntry ? undefined : slugOf(entry);

/**
 * One frozen list per set of reporters, shared by every article they wrote together: a list per
 * article was about 5 MB at 100,000 articles, of a few hundred different lists.
 */
const idListOf = boundedMemo((ids: string) => Object.freeze(ids.split('\n')));
const idListOfRefs = (refs: readonly { id: string }[]) => idListOf(refs.map((ref) => ref.id).join('\n'));
/**
 * The list of a frozen list of references, made once: a packed article's reporters are one frozen
 * list for all the articles that share them (./packed-data.ts), and an article made when asked
 * (src/lib/article-table.ts) asks for its list each time it is made.
 */
const listsOfFrozenRefs = new WeakMap<readonly { id: string }[], readonly string[]>();
const sharedIdList = (refs: readonly { id: string }[]) => {
  if (!Object.isFrozen(refs)) return idListOfRefs(refs);
  let list = listsOfFrozenRefs.get(refs);
  if (!list) listsOfFrozenRefs.set(refs, (list = idListOfRefs(refs)));
  return list;
};

/**
 * The published articles of `entries`, newest first: the one decision of what the site shows
 * (`publishedNewestFirst`), each article an object that keeps its slug. `publishedTable` makes
 * them when asked instead.
 */
export function publishedArticles<E extends ArticleEntryLike>(
  entries: Iterable<E>,
  policy: PublicationPolicy,
): PublishedArticle<E>[] {
  const all = Array.isArray(entries) ? (entries as readonly E[]) : [...entries];
  const order = publishedNewestFirst(all.length, (at) => keyOfEntry(all[at]!), policy);
  return Array.from(order, (at) => new PublishedArticle(all[at]!, reportersOf(all[at]!)));
}

/**
 * The places of the `count` items `keyOf` describes that are published (`isPublished`), newest first
 * (`compareNewestFirst`), as a typed array: each item's time and number read once, since the sort
 * compares them about twenty times an item.
 */
function publishedNewestFirst(
  count: number,
  keyOf: (at: number) => { id: number; time: number; draft: boolean },
  policy: PublicationPolicy,
): Uint32Array {
  const places = new Uint32Array(count);
  const times = new Float64Array(count);
  const ids = new Float64Array(count);
  let published = 0;
  for (let at = 0; at < count; at++) {
    const { id, time, draft } = keyOf(at);
    times[at] = time;
    ids[at] = id;
    if (isPublished({ draft, date: new Date(time) }, policy)) places[published++] = at;
  }
  const sorted = places.slice(0, published).sort((a, b) => newestFirstOf(times[a]!, ids[a]!, times[b]!, ids[b]!));
  for (const array of [places, times, ids]) freeNow(array);
  return sorted;
}

/** What the decision and order of `publishedArticles` read of an entry, without making a `Date`. */
const keyOfEntry = (entry: { data: object }) => ({
  id: keptField(entry, 'id') as number,
  time: publicationTime(entry),
  draft: keptField(entry, 'draft') as boolean,
});

/** The ids of `entry`'s reporters, one list shared by every article that has them. */
const reportersOf = (entry: { data: object }) => sharedIdList(keptField(entry, 'authors') as readonly { id: string }[]);

/** `entry` as a published article (one `publishedArticles` would give), made when asked: it keeps no slug. */
const publishedArticleOf = <E extends ArticleEntryLike>(entry: E) =>
  new PublishedArticle(entry, reportersOf(entry), null);

/**
 * The published articles of `entries`, as `publishedArticles` decides and orders them, made from
 * their entries when asked (src/lib/article-table.ts): content sync's reckoning of a segment's
 * share reads the whole archive, whose entries it holds already, and an article for each of them
 * was 56 bytes of its heap and two arrays of every article 16 more.
 */
export function publishedTable<E extends ArticleEntryLike>(
  entries: Indexed<E>,
  policy: PublicationPolicy,
): ArticleTable<PublishedArticle<E>> {
  const order = publishedNewestFirst(entries.length, (at) => keyOfEntry(entries.at(at)!), policy);
  return new ArticleTable([], order, (at) => publishedArticleOf(entries.at(at)!));
}

/**
 * The published rows of a table of packed articles (the pages' columns), newest first: what an
 * `ArticleTable` makes articles of when asked (src/lib/article-table.ts). Decided as
 * `publishedArticles` decides, from each row's kept fields, without an object kept a row.
 */
export function publishedRows(table: PackedColumns, policy: PublicationPolicy): Uint32Array {
  return publishedNewestFirst(table.count, (row) => keyOfEntry(new PackedArticleEntry(table, row)), policy);
}

/** What newest-first order compares of a row of packed articles of the pages' columns. */
export function newestFirstKeyOfRow(table: PackedColumns, row: number): { id: number; time: number } {
  const { id, time } = keyOfEntry(new PackedArticleEntry(table, row));
  return { id, time };
}

/** The published article of a row of packed articles of the pages' columns (one of `publishedRows`). */
export function publishedArticleOfRow(
  table: PackedColumns,
  row: number,
): PublishedArticle<PackedArticleEntry & ArticleEntryLike> {
  return publishedArticleOf(new PackedArticleEntry(table, row) as PackedArticleEntry & ArticleEntryLike);
}
