/**
 * What the home page shows, chosen from the archive by the `home` settings (src/site.config.ts):
 * the latest stories, the featured ones, the site's own news, breaking news of the last hours and a
 * block per chosen section; and the site as schema.org `WebSite` with its search.
 */
import { homeChoice, type HomeChoice } from '#lib/home-choice.ts';
import { homePath, searchPath } from '#lib/paths.ts';
import { webSiteJsonLd } from '#lib/structured-data.ts';
import site from '#site.config.ts';
import { buildNow, type Archive, type Article, type Category } from './articles';
import { absoluteUrl } from './urls';

export interface HomePage extends Omit<HomeChoice<Article>, 'sections'> {
  /** The chosen sections in their order, each with its newest stories. */
  sections: { category: Category; articles: Article[] }[];
}

export function homePage(archive: Archive): HomePage {
  const choice = homeChoice(archive, site.home, buildNow);
  return {
    ...choice,
    sections: choice.sections.map((section) => ({
      // The settings' sections were checked against the categories when the archive was loaded.
      category: archive.categories.get(section.category)!,
      articles: section.articles,
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
