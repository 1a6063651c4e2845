/**
 * The archive's paged lists (sections, tags, reporters, months), each with the static paths of its
 * pages: its front page at the list's own path (`[...page]` left empty) and its numbered pages,
 * counted from the oldest (src/lib/listing-pages.ts). One home for which lists the site pages and
 * where: their routes render them. The segment plan reads the same lists from the archive's index
 * (`pagedListIndex`, src/lib/shown-articles.ts) to give their settled pages to the segments of the
 * stories they show. Only the pages whose inputs changed are rendered.
 */
import type { NewestFirst } from '#lib/article-list.ts';
import { listingPages, type ListingPage } from '#lib/listing-pages.ts';
import { archiveMonthPath, authorPath, categoryPath, tagPath } from '#lib/paths.ts';
import site from '#site.config.ts';
import type { Archive, Article } from './articles';

/** One paged list: its front page's path, its stories newest first, and its route's params and props. */
export interface PagedArchiveList<Params, Props> {
  path: string;
  articles: NewestFirst<Article>;
  params: Params;
  props: Props;
}

export interface ListingPath<Params, Props> {
  params: Params & { page: string | undefined };
  props: Props & { page: ListingPage<Article> };
}

/** Every section's list (`/category/<id>/`), empty ones included. */
export const categoryLists = (archive: Archive) =>
  [...archive.categories.values()].map((category) => ({
    path: categoryPath(category.id),
    articles: archive.byCategory.get(category.id) ?? [],
    params: { category: category.id },
    props: { category },
  }));

/**
 * Every tag's list (`/tag/<slug>/`). Its pages' props name the tag, not its stories: props are a
 * page's fingerprint (./render-plan.ts), and with the whole list in them every page of a tag was
 * rendered again for each new story of the tag, its full numbered pages too; a page's own stories
 * are in its `page`.
 */
export const tagLists = (archive: Archive) =>
  [...archive.byTag.values()].map((tag) => ({
    path: tagPath(tag.slug),
    articles: tag.articles,
    params: { tag: tag.slug },
    props: { tag: { slug: tag.slug, label: tag.label } },
  }));

/** Every reporter's list (`/author/<id>/`), empty ones included. */
export const authorLists = (archive: Archive) =>
  [...archive.authors.values()].map((author) => ({
    path: authorPath(author.id),
    articles: archive.byAuthor.get(author.id) ?? [],
    params: { author: author.id },
    props: { author },
  }));

/** Every Jalali month's list (`/archive/<year>/<month>/`); its pages' props name the month only, as a tag's. */
export const monthLists = (archive: Archive) =>
  [...archive.byMonth.values()].map((month) => ({
    path: archiveMonthPath(month.year, month.month),
    articles: month.articles,
    params: { year: String(month.year), month: String(month.month).padStart(2, '0') },
    props: { month: { year: month.year, month: month.month } },
  }));

/**
 * The static paths of the pages of `lists` (one route's), a list's at a time: a segment build keeps
 * the pages it owns (src/data/segments.ts), and a million articles' tags alone fill about 150,000
 * pages, each with its stories and links, which every page thread would otherwise hold at once.
 */
export function* listingPaths<Params extends Record<string, string>, Props extends object>(
  lists: readonly PagedArchiveList<Params, Props>[],
): Generator<ListingPath<Params, Props>> {
  for (const list of lists) {
    for (const page of listingPages(list.articles, site.pageSize, list.path)) {
      yield {
        params: { ...list.params, page: page.number === 0 ? undefined : String(page.number) },
        props: { ...list.props, page },
      };
    }
  }
}
