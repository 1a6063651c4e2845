/**
 * Every URL the site builds, in one place. Paths end in `/` (the site is built as folders) and
 * use ASCII digits; Persian segments are percent-encoded.
 */
export { articlePath } from './content/publication.ts';

export const homePath = '/';
export const categoryPath = (slug: string) => `/category/${encodeURIComponent(slug)}/`;
export const tagIndexPath = '/tag/';
export const tagPath = (slug: string) => `/tag/${encodeURIComponent(slug)}/`;
export const authorIndexPath = '/author/';
export const authorPath = (slug: string) => `/author/${encodeURIComponent(slug)}/`;
export const archiveIndexPath = '/archive/';
export const archiveYearPath = (year: number) => `/archive/${year}/`;
export const archiveMonthPath = (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, '0')}/`;
/** The short link of an article, `/n/<id>/`: a redirect page to its full URL. */
export const shortPath = (id: number) => `/n/${id}/`;
/**
 * A numbered page of a list (`/category/economy/3/`): numbers count from the list's oldest page,
 * so a page keeps its stories as the list grows (see listing-pages.ts).
 */
export const listingPagePath = (listPath: string, page: number) => `${listPath}${page}/`;
