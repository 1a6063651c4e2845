import type { APIRoute } from 'astro';
import { buildNow, getArchive } from '#data/articles.ts';
import { absoluteUrl } from '#data/urls.ts';
import { newsSitemapXml, newsWindow } from '#lib/sitemaps.ts';
import site from '#site.config.ts';

/** Google News: articles of the 48 hours before this build (a daily rebuild keeps the window moving). */
export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const items = newsWindow(archive.articles, buildNow, (article) => article.date).map((article) => ({
    loc: absoluteUrl(article.path),
    title: article.data.title,
    published: article.date,
  }));
  return new Response(newsSitemapXml(items, { name: site.name, language: 'fa' }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
