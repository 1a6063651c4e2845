/**
 * The published articles a segment build keeps in full (pure): those its pages read beyond the
 * index. Reckoned twice from the same index: at content sync (src/build/segment-bodies.ts), which
 * keeps only these in full in the data store and packs the others (src/lib/content/packed-data.ts),
 * and by the pages (src/data/segments.ts), which stop the build if one they show was packed.
 */
import { storiesBeside, type ArchiveIndex, type ArchiveItem } from './archive.ts';
import { homeArticles, homeChoice, type HomeArticle, type HomeSettings } from './home-choice.ts';
import { archiveMonthPath, authorPath, categoryPath, tagPath } from './paths.ts';
import { articlesOnOwnedListPages, ownsArticle, type PagedList, type SegmentPlan } from './segments.ts';
import { newsWindow } from './sitemaps.ts';

/** What the reckoning reads of an article besides its place in the index. */
export interface ShownArticle extends HomeArticle {
  data: HomeArticle['data'] & { corrections: readonly unknown[] };
}

/**
 * Every paged list of the archive that has stories (sections, tags, reporters, months), as the
 * segment plan reads them: its front page's path and its stories' numbers, newest first. The lists'
 * routes (src/data/listings.ts) page the same lists, empty sections and reporters too (a front page
 * only, which is the site unit's in the plan); tests/unit/shown-articles.test.ts holds them alike.
 */
export function pagedListIndex(archive: ArchiveIndex<ArchiveItem>): PagedList[] {
  const ids = (articles: readonly ArchiveItem[]) => articles.map(({ id }) => id);
  return [
    ...Array.from(archive.byCategory, ([id, articles]) => ({ path: categoryPath(id), articles: ids(articles) })),
    ...Array.from(archive.byTag.values(), (tag) => ({ path: tagPath(tag.slug), articles: ids(tag.articles) })),
    ...Array.from(archive.byAuthor, ([id, articles]) => ({ path: authorPath(id), articles: ids(articles) })),
    ...Array.from(archive.byMonth.values(), (month) => ({
      path: archiveMonthPath(month.year, month.month),
      articles: ids(month.articles),
    })),
  ];
}

/** The settings the reckoning reads. */
export interface ShownSettings {
  /** Related stories under an article (`article.relatedCount`). */
  relatedCount: number;
  home: HomeSettings;
}

/**
 * The published articles whose frontmatter segment `index`'s pages read beyond the index (numbers):
 * the articles whose bodies it renders (`withBodies`: its own and its feeds' newest), the related
 * stories and section neighbours of its own, the stories on the list pages it owns, and what the
 * pages every segment renders show: the home page's, the news sitemap's (published within its
 * window of `now`) and the corrections page's.
 */
export function articlesShownBy<T extends ShownArticle>(
  archive: ArchiveIndex<T>,
  { plan, lists }: { plan: SegmentPlan; lists: { pageSize: number; paged: readonly PagedList[] } },
  index: number,
  withBodies: ReadonlySet<number>,
  settings: ShownSettings,
  now: Date,
): Set<number> {
  const shown = new Set(withBodies);
  const add = (article: T | undefined) => article && shown.add(article.id);
  for (const id of articlesOnOwnedListPages(plan, index, lists)) shown.add(id);
  for (const article of archive.articles) {
    if (ownsArticle(plan, index, article.id)) {
      const { related, newer, older } = storiesBeside(archive, article, settings.relatedCount);
      related.forEach(add);
      add(newer);
      add(older);
    }
    // The corrections page, which every segment renders, shows the story's headline.
    if (article.data.corrections.length > 0) add(article);
  }
  homeArticles(homeChoice(archive, settings.home, now)).forEach(add);
  newsWindow(archive.articles, now, (item) => item.date).forEach(add);
  return shown;
}
