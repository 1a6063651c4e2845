/** Every public page of the archive for the sitemaps, with the date it last changed. */
import type { NewestFirst } from '#lib/article-list.ts';
import { lastModified, newestCorrectionDate } from '#lib/article-timeline.ts';
import { oneUrl, urlRun, type SitemapUrl, type UrlRun } from '#lib/sitemaps.ts';
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
const newest = (articles: NewestFirst<Article> | undefined) => {
  const first = articles?.at(0);
  return first && changed(first);
};

/**
 * All page URLs, as runs made when asked (src/lib/sitemaps.ts): home, articles, corrections,
 * sections, tags, reporters and the archive. First pages of lists only.
 */
export async function siteUrlRuns(): Promise<UrlRun[]> {
  const archive = await getArchive();
  const url = (path: string, lastmod?: Date): SitemapUrl => ({ loc: absoluteUrl(path), lastmod });
  const monthsOf = (year: number) => [...archive.byMonth.values()].filter((month) => month.year === year);
  return [
    oneUrl(() => url(homePath, newest(archive.articles))),
    urlRun(archive.articles, (article) => url(article.path, changed(article))),
    oneUrl(() => url(correctionsPath, newestCorrectionDate(archive.articles))),
    urlRun([...archive.categories.keys()], (id) => url(categoryPath(id), newest(archive.byCategory.get(id)))),
    oneUrl(() => url(tagIndexPath, newest(archive.articles))),
    urlRun([...archive.byTag.values()], (tag) => url(tagPath(tag.slug), newest(tag.articles))),
    oneUrl(() => url(authorIndexPath, newest(archive.articles))),
    urlRun([...archive.authors.keys()], (id) => url(authorPath(id), newest(archive.byAuthor.get(id)))),
    oneUrl(() => url(archiveIndexPath, newest(archive.articles))),
    urlRun(archive.years, (year) => url(archiveYearPath(year.year), newest(monthsOf(year.year)[0]?.articles))),
    urlRun([...archive.byMonth.values()], (month) =>
      url(archiveMonthPath(month.year, month.month), newest(month.articles)),
    ),
  ];
}
