import type { APIRoute } from 'astro';
import { sitemapChunks } from '#data/sitemap.ts';
import { absoluteUrl } from '#data/urls.ts';
import { sitemapPath } from '#lib/paths.ts';
import { sitemapIndexXml } from '#lib/sitemaps.ts';

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
