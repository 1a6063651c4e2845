import type { APIRoute } from 'astro';
import { sitemapChunks, sitemapPath } from '../data/sitemap';
import { sitemapIndexXml } from '../lib/sitemaps';

export const GET: APIRoute = async ({ site: origin }) => {
  const chunks = await sitemapChunks(origin!);
  const sitemaps = chunks.map((urls, index) => ({
    loc: new URL(sitemapPath(index), origin).href,
    lastmod: urls.reduce<Date | undefined>(
      (latest, url) => (url.lastmod && (!latest || url.lastmod > latest) ? url.lastmod : latest),
      undefined,
    ),
  }));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
