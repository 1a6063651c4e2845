import type { APIRoute } from 'astro';
import { buildNow, getArchive } from '../data/articles';
import { newsSitemapXml, newsWindow } from '../lib/sitemaps';
import site from '../site.config';

/** Google News: articles of the 48 hours before this build (a daily rebuild keeps the window moving). */
export const GET: APIRoute = async ({ site: origin }) => {
  const archive = await getArchive();
  const items = newsWindow(
    archive.articles.map((article) => ({
      loc: new URL(article.path, origin).href,
      title: article.data.title,
      published: article.date,
    })),
    buildNow,
  );
  return new Response(newsSitemapXml(items, { name: site.name, language: 'fa' }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
