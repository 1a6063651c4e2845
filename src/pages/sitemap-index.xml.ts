import type { APIRoute } from 'astro';
import { siteUrlRuns } from '#data/sitemap.ts';
import { absoluteUrl } from '#data/urls.ts';
import { sitemapPath } from '#lib/paths.ts';
import { sitemapCount, sitemapIndexXml, sitemapUrls } from '#lib/sitemaps.ts';

export const GET: APIRoute = async () => {
  const runs = await siteUrlRuns();
  // A file's URLs at a time: every segment renders this page.
  const sitemaps = Array.from({ length: sitemapCount(runs) }, (_, index) => ({
    loc: absoluteUrl(sitemapPath(index)),
    lastmod: sitemapUrls(runs, index).reduce<Date | undefined>(
      (latest, url) => (url.lastmod && (!latest || url.lastmod > latest) ? url.lastmod : latest),
      undefined,
    ),
  }));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
