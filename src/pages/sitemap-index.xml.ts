import type { APIRoute } from 'astro';
import { sitemapChunks } from '../data/sitemap';
import { absoluteUrl } from '../data/urls';
import { sitemapPath } from '../lib/paths';
import { sitemapIndexXml } from '../lib/sitemaps';

export const GET: APIRoute = async () => {
  const chunks = await sitemapChunks();
  const sitemaps = chunks.map((urls, index) => ({
    loc: absoluteUrl(sitemapPath(index)),
    lastmod: urls.reduce<Date | undefined>(
      (latest, url) => (url.lastmod && (!latest || url.lastmod > latest) ? url.lastmod : latest),
      undefined,
    ),
  }));
  return new Response(sitemapIndexXml(sitemaps), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
