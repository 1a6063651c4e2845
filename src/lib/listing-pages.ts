/**
 * Stable pages for long lists (sections, tags, reporters, months). A list's front page
 * (`/category/economy/`) shows its newest stories; its numbered pages are counted from the
 * oldest (`/category/economy/1/` holds the first stories ever filed there). A numbered page that is
 * full never changes again, so a new story changes only the front page and the newest one or two
 * numbered pages, not every page of the list (a CDN uploads and purges a handful of files, and a
 * page a search engine or a reader bookmarked keeps its stories).
 *
 * The front page shows the newest numbered page and, when that one holds less than half a page,
 * the one before it too: never fewer than half a page of stories, and no story twice on the way
 * from the front page to the oldest one. Its "older" link leads to the numbered page below what it
 * shows, and that page's "newer" link leads back to it.
 */
import type { NewestFirst } from './article-list.ts';
import { listingPagePath } from './paths.ts';

export interface ListingPage<T> {
  /** The page number counted from the oldest (1 = the oldest stories); 0 for the front page. */
  number: number;
  /** The page's stories, newest first. */
  items: T[];
  /** This page's path. */
  url: string;
  /** The page with the next newer stories (rel="prev"), when there is one. */
  newer?: string;
  /** The page with the next older stories (rel="next"), when there is one. */
  older?: string;
  /** The list's front page (its newest stories). */
  newest: string;
  /** The list's oldest page, when the list has numbered pages. */
  oldest?: string;
}

const checkPageSize = (pageSize: number) => {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive whole number`);
};

/**
 * The first numbered page the front page of a list of `total` stories shows (a list of more than
 * one page): the newest, or also the one before it when the newest holds less than half a page.
 */
function frontPageFrom(total: number, pageSize: number): number {
  const pages = Math.ceil(total / pageSize);
  const onNewest = total - (pages - 1) * pageSize;
  return 2 * onNewest >= pageSize ? pages : pages - 1;
}

/**
 * How many numbered pages of a list, counted from the oldest, no newer story can change: pages 1 to
 * this one are full and none of them links to the front page. One more story adds itself to the
 * newest page or starts a new one, and moves the front page up by at most one page, changing only
 * the "newer" link of the page below what the front page showed (src/lib/segments.ts owns these
 * pages by the stories they show, not with the list).
 */
export function settledPages(total: number, pageSize: number): number {
  checkPageSize(pageSize);
  return total <= pageSize ? 0 : Math.max(0, frontPageFrom(total, pageSize) - 2);
}

/**
 * The pages of one list: the front page first, then the numbered pages from the oldest. A list
 * that fits on one page has only its front page.
 * @param newestFirst the list's stories, newest first (an array, or a list of the archive's index)
 * @param pageSize stories per numbered page (the site setting `pageSize`)
 * @param basePath the list's front page path, e.g. `/category/economy/`
 */
export function listingPages<T>(newestFirst: NewestFirst<T>, pageSize: number, basePath: string): ListingPage<T>[] {
  checkPageSize(pageSize);
  const total = newestFirst.length;
  // A page's stories are sliced from the list each time they are read, and not kept: a segment
  // build makes every page of every list and keeps those it owns (src/data/segments.ts), the plan
  // fingerprints every page of every list one after the other, and a story a build does not show is
  // made when asked (src/lib/article-table.ts). Kept by its page, every story of every list was
  // made and held at once (about 4 million articles at a million, with their encodings).
  const page = (
    number: number,
    [start, end]: [number, number],
    links: Omit<ListingPage<T>, 'number' | 'items'>,
  ): ListingPage<T> => ({
    number,
    get items() {
      return newestFirst.slice(start, end);
    },
    ...links,
  });
  if (total <= pageSize) return [page(0, [0, total], { url: basePath, newest: basePath })];

  const pages = Math.ceil(total / pageSize);
  const frontFrom = frontPageFrom(total, pageSize);
  const oldest = listingPagePath(basePath, 1);
  // Page n (1-based from the oldest) holds, newest first, the stories at these places of the list.
  const stories = (number: number): [number, number] => [
    Math.max(0, total - number * pageSize),
    total - (number - 1) * pageSize,
  ];
  const at = (number: number) => listingPagePath(basePath, number);

  const front = page(0, [0, total - (frontFrom - 1) * pageSize], {
    url: basePath,
    newest: basePath,
    oldest,
    ...(frontFrom > 1 ? { older: at(frontFrom - 1) } : {}),
  });
  const numbered = Array.from({ length: pages }, (_, index): ListingPage<T> => {
    const number = index + 1;
    const newer = number + 1 === frontFrom ? basePath : number < pages ? at(number + 1) : undefined;
    return page(number, stories(number), {
      url: at(number),
      newest: basePath,
      oldest,
      ...(newer ? { newer } : {}),
      ...(number > 1 ? { older: at(number - 1) } : {}),
    });
  });
  return [front, ...numbered];
}
