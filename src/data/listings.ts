/**
 * The static paths of a list's pages (section, tag, reporter, month): its front page at the list's
 * own path (`[...page]` left empty) and its numbered pages, counted from the oldest
 * (src/lib/listing-pages.ts). Only the pages whose inputs changed are rendered.
 */
import { listingPages, type ListingPage } from '#lib/listing-pages.ts';
import site from '#site.config.ts';
import type { Article } from './articles';

export interface ListingPath<Params, Props> {
  params: Params & { page: string | undefined };
  props: Props & { page: ListingPage<Article> };
}

/**
 * @param articles the list, newest first
 * @param listPath the list's front page path (from src/lib/paths.ts)
 */
export function listingPaths<Params extends Record<string, string>, Props extends object>(
  articles: readonly Article[],
  listPath: string,
  params: Params,
  props: Props,
): ListingPath<Params, Props>[] {
  return listingPages(articles, site.pageSize, listPath).map((page) => ({
    params: { ...params, page: page.number === 0 ? undefined : String(page.number) },
    props: { ...props, page },
  }));
}
