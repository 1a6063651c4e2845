/**
 * The props of the lists' pages are their fingerprints in an incremental build: a new story of a
 * tag or a month must leave the fingerprint of every page whose stories and links it does not
 * change as it was, or the build renders the list's full pages again for every story.
 */
import { describe, expect, it } from 'vitest';
import type { Archive, Article } from '../../src/data/articles';
import { categoryLists, listingPaths, monthLists, tagLists, type PagedArchiveList } from '../../src/data/listings';
import { buildArchiveIndex } from '../../src/lib/archive';
import { pageFingerprint } from '../../src/lib/incremental/render-plan';
import site from '../../src/site.config';

/**
 * Stories 1…count of one section, tag and reporter, one minute apart on 1 Azar 1403 (21 November
 * 2024): the stories of the tag, of the section and of the month are the same.
 */
function archiveOf(count: number): Archive {
  const articles = Array.from({ length: count }, (_, at) => {
    const id = count - at;
    return {
      id,
      date: new Date(Date.UTC(2024, 10, 21, 6, id)),
      categoryId: 'culture',
      authorIds: ['ali-rezaei'],
      tags: ['کتاب'],
      path: `/news/${id}/story-${id}/`,
      data: { title: `خبر ${id}`, lead: 'گزارشی کوتاه.' },
      commentCount: 0,
    } as unknown as Article;
  });
  return {
    ...buildArchiveIndex(articles),
    categories: new Map([['culture', { id: 'culture', data: { name: 'فرهنگ' } }]]) as unknown as Archive['categories'],
    authors: new Map(),
    comments: new Map(),
    commentCounts: new Map(),
  };
}

/** A page's stories and links: what its HTML shows besides the list's name. */
const shown = (path: { props: { page: { items: readonly { id: number }[]; url: string } & object } }) => {
  const { items, ...links } = path.props.page;
  return JSON.stringify([items.map((item) => item.id), links]);
};

describe("the list pages' fingerprints", () => {
  const before = archiveOf(3 * site.pageSize + 5);
  const after = archiveOf(3 * site.pageSize + 6);

  const routes: [string, (archive: Archive) => PagedArchiveList<Record<string, string>, object>[]][] = [
    ['tag/[tag]/[...page]', tagLists],
    ['archive/[year]/[month]/[...page]', monthLists],
    ['category/[category]/[...page]', categoryLists],
  ];
  /** A list's front page: the one without a page number. */
  const front = <P extends { params: { page: string | undefined } }>(pages: P[]) =>
    pages.find((page) => page.params.page === undefined)!;

  for (const [route, lists] of routes) {
    it(`${route}: a new story leaves the pages it does not change as they were`, () => {
      const pagesBefore = new Map([...listingPaths(lists(before))].map((path) => [JSON.stringify(path.params), path]));
      const pagesAfter = [...listingPaths(lists(after))];
      let kept = 0;
      for (const page of pagesAfter) {
        const old = pagesBefore.get(JSON.stringify(page.params));
        if (!old || shown(old) !== shown(page)) continue;
        expect(pageFingerprint(route, page), JSON.stringify(page.params)).toBe(pageFingerprint(route, old));
        kept++;
      }
      // The full numbered pages (all but the front page and the newest numbered one) are kept.
      expect(kept).toBeGreaterThanOrEqual(2);
      // And a page whose stories changed is rendered again: the front page.
      expect(pageFingerprint(route, front(pagesAfter))).not.toBe(
        pageFingerprint(route, front([...listingPaths(lists(before))])),
      );
    });
  }
});
