/**
 * The published articles of a list of content entries, with the facts lists, feeds and URLs are made
 * from (pure). The pages take their entries from `getCollection()` (src/data/articles.ts); a segment
 * build's bundler takes them from the store its content sync left (src/build/kept-mdx-bodies.ts),
 * and both must decide alike. Apart from publication.ts, whose rules the browser's scripts share:
 * slugs would add Persian script tables to their bundle.
 */
import { boundedMemo } from '#lib/bounded-memo.ts';
import { slugify } from '#lib/persian/slug.ts';
import { articlePath, isPublished, type PublicationPolicy, type Publishable } from './publication.ts';

/**
 * What the site reads of an article's content entry, whether the pages' `getCollection()` gave it
 * or the content sync's own store (a segment build's bundler, src/build/kept-mdx-bodies.ts).
 */
export interface ArticleEntryLike {
  id: string;
  filePath?: string | undefined;
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
 * the build thread's heap at 100,000 articles, a percent-encoded copy of the slug), and the number,
 * date, section and tags are the frontmatter's (32 bytes), which is the entry's. Never spread into
 * another object: those are the class's, not the object's own.
 */
export class PublishedArticle<E extends ArticleEntryLike> {
  authorIds: readonly string[];
  /** The last URL segment (from `slug`, else the file name). */
  slug: string;
  entry: E;

  constructor(entry: E, authorIds: readonly string[], slug: string) {
    this.authorIds = authorIds;
    this.slug = slug;
    this.entry = entry;
  }

  /** The permanent article number. */
  get id(): number {
    return this.entry.data.id;
  }

  /** First publication. */
  get date(): Date {
    return this.entry.data.date;
  }

  get categoryId(): string {
    return this.entry.data.category.id;
  }

  get tags(): readonly string[] {
    return this.entry.data.tags;
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
  return slugify(base.replace(/\.mdx?$/, '')) || String(entry.data.id);
}

/**
 * One frozen list per set of reporters, shared by every article they wrote together: a list per
 * article was about 5 MB at 100,000 articles, of a few hundred different lists.
 */
const idListOf = boundedMemo((ids: string) => Object.freeze(ids.split('\n')));
const sharedIdList = (refs: readonly { id: string }[]) => idListOf(refs.map((ref) => ref.id).join('\n'));

/** The published articles of `entries`, newest first: the one decision of what the site shows. */
export function publishedArticles<E extends ArticleEntryLike>(
  entries: Iterable<E>,
  policy: PublicationPolicy,
): PublishedArticle<E>[] {
  const published: PublishedArticle<E>[] = [];
  const times: number[] = [];
  const numbers: number[] = [];
  for (const entry of entries) {
    const data = entry.data;
    if (!isPublished(data, policy)) continue;
    published.push(new PublishedArticle(entry, sharedIdList(data.authors), data.slug ?? fileSlug(entry)));
    times.push(data.date.getTime());
    numbers.push(data.id);
  }
  // Sorted by what `compareNewestFirst` compares, read once an article: a packed article's data is
  // made at each reading (./packed-columns.ts), which a sort of a million articles did 40 million
  // times.
  const order = Array.from(published.keys()).sort((a, b) => times[b]! - times[a]! || numbers[b]! - numbers[a]!);
  return order.map((at) => published[at]!);
}

