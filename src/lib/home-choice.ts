/**
 * Which stories the home page shows (pure), chosen from the archive's index by the `home` settings
 * (src/site.config.ts): the latest stories, the featured ones, the site's own news, breaking news of
 * the last hours and the newest of each chosen section. The page (src/data/home-page.ts) shows them;
 * a segment build keeps them in full wherever it is (src/lib/shown-articles.ts).
 */
import type { ArchiveIndex, ArchiveItem } from './archive.ts';
import type { SiteConfig } from './site-config.ts';

export type HomeSettings = SiteConfig['home'];

/** What the home page reads of an article besides its place in the index. */
export interface HomeArticle extends ArchiveItem {
  data: { featured?: boolean | undefined; breaking?: boolean | undefined };
}

export interface HomeChoice<T> {
  latest: T[];
  featured: T[];
  siteNews: T[];
  /** Breaking stories published within `home.breakingHours` of `now`. */
  breaking: T[];
  /** The chosen sections in their order (category ids), each with its newest stories. */
  sections: { category: string; articles: T[] }[];
}

/**
 * The first `limit` of `newestFirst` that `chosen` takes, looking no further than `goOn` holds: a
 * loop that stops, where a filter went through the whole archive (a million articles, each made
 * when asked in a segment build: src/lib/article-table.ts).
 */
function newestWhere<T>(
  newestFirst: Iterable<T>,
  chosen: (item: T) => boolean,
  limit: number,
  goOn: (item: T) => boolean = () => true,
): T[] {
  const found: T[] = [];
  if (limit <= 0) return found;
  for (const item of newestFirst) {
    if (!goOn(item)) break;
    if (chosen(item) && found.push(item) >= limit) break;
  }
  return found;
}

export function homeChoice<T extends HomeArticle>(
  archive: Pick<ArchiveIndex<T>, 'articles' | 'byCategory'>,
  home: HomeSettings,
  now: Date,
): HomeChoice<T> {
  const breakingSince = now.getTime() - home.breakingHours * 3_600_000;
  return {
    latest: archive.articles.slice(0, home.latestCount),
    featured: newestWhere(archive.articles, (article) => Boolean(article.data.featured), home.featuredCount),
    siteNews: home.siteNewsCategory
      ? (archive.byCategory.get(home.siteNewsCategory) ?? []).slice(0, home.siteNewsCount)
      : [],
    breaking: newestWhere(
      archive.articles,
      (article) => Boolean(article.data.breaking),
      Infinity,
      (article) => article.date.getTime() >= breakingSince,
    ),
    sections: home.sections.map((section) => ({
      category: section.category,
      articles: (archive.byCategory.get(section.category) ?? []).slice(0, section.count),
    })),
  };
}

/** Every story the home page shows, once each or more. */
export const homeArticles = <T>({ latest, featured, siteNews, breaking, sections }: HomeChoice<T>): T[] =>
  [latest, featured, siteNews, breaking, ...sections.map((section) => section.articles)].flat();
