import type { APIRoute } from 'astro';
import { keepsSiteFile } from '#data/segments.ts';
import { siteUrlRuns } from '#data/sitemap.ts';
import { absoluteUrl } from '#data/urls.ts';
import { siteFolder, sitemapIndexPath, sitemapPath } from '#lib/paths.ts';
import { sitemapCount, sitemapIndexXml, sitemapUrls } from '#lib/sitemaps.ts';

const headers = { 'Content-Type': 'application/xml; charset=utf-8' };

export const GET: APIRoute = async () => {
  // Every segment renders this page and one keeps it (src/build/segment.ts): the others would make
  // every article's URL and date for a file they drop (3.6 s of a small segment of a million articles).
  if (!(await keepsSiteFile(siteFolder(sitemapIndexPath)))) return new Response('', { headers });
  const runs = await siteUrlRuns();
  // A file's URLs at a time.
  const sitemaps = Array.from({ length: sitemapCount(runs) }, (_, index) => ({
    loc: absoluteUrl(sitemapPath(index)),
    lastmod: sitemapUrls(runs, index).reduce<Date | undefined>(
      (latest, url) => (url.lastmod && (!latest || url.lastmod > latest) ? url.lastmod : latest),
      undefined,
    ),
  }));
  return new Response(sitemapIndexXml(sitemaps), { headers });
};
