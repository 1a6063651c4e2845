/**
 * What the home page shows, chosen from the archive by the `home` settings (src/site.config.ts):
 * the latest stories, the featured ones, the site's own news, breaking news of the last hours and a
 * block per chosen section; and the site as schema.org `WebSite` with its search.
 */
import { homePath, searchPath } from '#lib/paths.ts';
import { webSiteJsonLd } from '#lib/structured-data.ts';
import site from '#site.config.ts';
import { buildNow, type Archive, type Article, type Category } from './articles';
import { absoluteUrl } from './urls';

export interface HomePage {
  latest: Article[];
  featured: Article[];
  siteNews: Article[];
  /** Breaking stories published within `home.breakingHours` of the build. */
  breaking: Article[];
  /** The chosen sections in their order, each with its newest stories. */
  sections: { category: Category; articles: Article[] }[];
}

export function homePage(archive: Archive): HomePage {
  const { home } = site;
  const breakingSince = buildNow.getTime() - home.breakingHours * 3_600_000;
  return {
    latest: archive.articles.slice(0, home.latestCount),
    featured: archive.articles.filter((article) => article.data.featured).slice(0, home.featuredCount),
    siteNews: home.siteNewsCategory
      ? (archive.byCategory.get(home.siteNewsCategory) ?? []).slice(0, home.siteNewsCount)
      : [],
    breaking: archive.articles.filter((article) => article.data.breaking && article.date.getTime() >= breakingSince),
    sections: home.sections.map((section) => ({
      category: archive.categories.get(section.category)!,
      articles: (archive.byCategory.get(section.category) ?? []).slice(0, section.count),
    })),
  };
}

/** The site as schema.org `WebSite`, with the search page as its search action. */
export function homeJsonLd() {
  return webSiteJsonLd({
    name: site.name,
    url: absoluteUrl(homePath),
    description: site.description,
    searchUrlTemplate: `${absoluteUrl(searchPath)}?q={search_term_string}`,
    publisher: { name: site.name, url: absoluteUrl(homePath), logoUrl: absoluteUrl(site.logo) },
  });
}
