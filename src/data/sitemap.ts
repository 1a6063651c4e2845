/** Every public page of the archive for the sitemaps, with the date it last changed. */
import { lastModified, recentCorrections } from '#lib/article-timeline.ts';
import { chunk, SITEMAP_MAX_URLS, type SitemapUrl } from '#lib/sitemaps.ts';
import {
  archiveIndexPath,
  archiveMonthPath,
  archiveYearPath,
  authorIndexPath,
  authorPath,
  categoryPath,
  correctionsPath,
  homePath,
  tagIndexPath,
  tagPath,
} from '#lib/paths.ts';
import { getArchive, type Article } from './articles';
import { absoluteUrl } from './urls';

const changed = (article: Article) => lastModified(article.data) ?? article.date;
const newest = (articles: readonly Article[] | undefined) => articles?.[0] && changed(articles[0]);

/** All page URLs: home, articles, corrections, sections, tags, reporters and the archive. First pages of lists only. */
export async function siteUrls(): Promise<SitemapUrl[]> {
  const archive = await getArchive();
  const url = (path: string, lastmod?: Date) => ({ loc: absoluteUrl(path), lastmod });
  const monthsOf = (year: number) => [...archive.byMonth.values()].filter((month) => month.year === year);
  return [
    url(homePath, newest(archive.articles)),
    ...archive.articles.map((article) => url(article.path, changed(article))),
    url(correctionsPath, recentCorrections(archive.articles, 1)[0]?.date),
    ...[...archive.categories.keys()].map((id) => url(categoryPath(id), newest(archive.byCategory.get(id)))),
    url(tagIndexPath, newest(archive.articles)),
    ...[...archive.byTag.values()].map((tag) => url(tagPath(tag.slug), newest(tag.articles))),
    url(authorIndexPath, newest(archive.articles)),
    ...[...archive.authors.keys()].map((id) => url(authorPath(id), newest(archive.byAuthor.get(id)))),
    url(archiveIndexPath, newest(archive.articles)),
    ...archive.years.map((year) => url(archiveYearPath(year.year), newest(monthsOf(year.year)[0]?.articles))),
    ...[...archive.byMonth.values()].map((month) =>
      url(archiveMonthPath(month.year, month.month), newest(month.articles)),
    ),
  ];
}

/** The URLs split into sitemap files of at most 50,000. */
export async function sitemapChunks(): Promise<SitemapUrl[][]> {
  return chunk(await siteUrls(), SITEMAP_MAX_URLS);
}
