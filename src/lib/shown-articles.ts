/**
 * What a segment build shows of the articles (pure): its share of the site's plan, the bodies it
 * renders and the published articles it keeps in full, those its pages read beyond the index.
 * `segmentShare` is the one reckoning, made twice from the same index: at content sync
 * (src/build/segment-bodies.ts), which renders only those bodies, keeps only those articles in full
 * in the data store and packs the others (src/lib/content/packed-data.ts), and by the pages
 * (src/data/segments.ts), which stop the build if one they show was left out.
 */
import type { ArticleList } from './article-list.ts';
import { storiesBeside, type ArchiveIndex, type ArchiveItem } from './archive.ts';
import { homeArticles, homeChoice, type HomeArticle, type HomeSettings } from './home-choice.ts';
import { archiveMonthPath, authorPath, categoryPath, correctionsPath, pageFile, tagPath } from './paths.ts';
import {
  articlesOnOwnedListPages,
  articlesWithBodies,
  ownerOfFile,
  ownsArticle,
  planSegments,
  type BodyArticle,
  type PagedList,
  type SegmentPlan,
} from './segments.ts';
import type { SiteConfig } from './site-config.ts';
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
  // Each list's rows over one table of the articles' numbers: no list is copied.
  const numbers = Array.from(archive.articles, ({ id }) => id);
  const ids = (articles: ArticleList<ArchiveItem>) => articles.over(numbers);
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

/** No segment's number: its share is what the pages every segment renders show, and nothing of its own. */
const NO_SEGMENT = 0;

/**
 * The published articles whose frontmatter segment `index`'s pages read beyond the index (numbers):
 * the articles whose bodies it renders (`withBodies`: its own and its feeds' newest), the related
 * stories and section neighbours of its own, the stories on the list pages it owns, the corrected
 * stories where it renders the corrections page (as the plan does, `NO_SEGMENT`), and what the
 * pages every segment renders show: the home page's and the news sitemap's (published within its
 * window of `now`).
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
  const correctionsHere = index === NO_SEGMENT || ownerOfFile(plan, pageFile(correctionsPath)) === index;
  for (const article of archive.articles) {
    if (ownsArticle(plan, index, article.id)) {
      const { related, newer, older } = storiesBeside(archive, article, settings.relatedCount);
      related.forEach(add);
      add(newer);
      add(older);
    }
    // The corrections page shows the story's headline.
    if (correctionsHere && article.data.corrections.length > 0) add(article);
  }
  homeArticles(homeChoice(archive, settings.home, now)).forEach(add);
  newsWindow(archive.articles, now, (item) => item.date).forEach(add);
  return shown;
}

/** The site settings a segment's share depends on. */
export type ShareSettings = Pick<SiteConfig, 'search' | 'pageSize' | 'home'> & {
  feeds: Pick<SiteConfig['feeds'], 'itemCount'>;
  article: Pick<SiteConfig['article'], 'relatedCount'>;
};

/** The whole site's plan in `count` segments, and the paged lists it dealt, from the archive's index. */
export function sitePlan(archive: ArchiveIndex<ArchiveItem & { path: string }>, site: ShareSettings, count: number) {
  const lists = { pageSize: site.pageSize, paged: pagedListIndex(archive) };
  // The archive's own articles (number, path and date are what the plan reads): a copy of each took 5 MB at 100,000.
  return { lists, plan: planSegments({ articles: archive.articles, lists }, site.search, count) };
}

/**
 * The published articles the plan of `count` segments (`npm run build -- --plan N`) reads in full
 * (numbers): what the pages every build renders show (the home page, the site's feeds, the news
 * sitemap, the corrections page), which the plan renders as every segment does. It takes every
 * other page's fingerprint from the packed articles' encodings (src/lib/content/entry-fingerprint.ts).
 */
export function planShare<T extends ShownArticle & BodyArticle & { path: string }>(
  archive: ArchiveIndex<T>,
  site: ShareSettings,
  count: number,
  now: Date,
): Set<number> {
  return segmentShare(archive, site, { index: NO_SEGMENT, count }, now).inFull;
}

/** What `shareInputLine` reads of an article: its number and time, and its entry's id and digest. */
export interface ShareInput {
  id: number;
  date: Date;
  time?: number;
  entry: { id: string; digest?: unknown };
}

/**
 * An article's line in the digest of what `segmentShare` is reckoned from, taken over the published
 * articles newest first: its number, its entry's id, its publication time and the digest of its
 * file, which stand for everything else the reckoning reads of it (its path, made of the number and
 * the frontmatter's slug or the file's name; section, reporters, tags, flags, corrections); the
 * path itself is not made, which takes a slug of the file's name for most articles. The site
 * settings and "now" are the build's, the same for every reckoning of one build. Content sync and
 * the pages reckon a segment's share from two views of one archive (src/build/segment-bodies.ts,
 * src/data/segments.ts); the pages take content sync's when the two views give the same digest.
 */
export const shareInputLine = (article: ShareInput): string =>
  `${article.id} ${article.entry.id} ${article.time ?? article.date.getTime()} ${String(article.entry.digest ?? '')}`;

/** A segment's share of the site: the plan, and what the segment shows of the articles. */
export interface SegmentShare {
  plan: SegmentPlan;
  /** The articles whose bodies the segment renders: its own pages' and its feeds' newest items. */
  bodies: Set<number>;
  /** The articles the segment's pages read in full (`articlesShownBy`): `bodies` and more. */
  inFull: Set<number>;
}

/**
 * Segment `index` of `count`'s share of the site, from the whole archive's index of published
 * articles, newest first, and "now" (the home page and the news sitemap depend on it).
 */
export function segmentShare<T extends ShownArticle & BodyArticle & { path: string }>(
  archive: ArchiveIndex<T>,
  site: ShareSettings,
  { index, count }: { index: number; count: number },
  now: Date,
): SegmentShare {
  const { lists, plan } = sitePlan(archive, site, count);
  const bodies = articlesWithBodies(plan, index, archive.articles, site.feeds.itemCount);
  const settings = { relatedCount: site.article.relatedCount, home: site.home };
  return { plan, bodies, inFull: articlesShownBy(archive, { plan, lists }, index, bodies, settings, now) };
}
