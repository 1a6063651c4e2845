import type { APIRoute, GetStaticPaths } from 'astro';
import { ownedPaths } from '#data/segments.ts';
import { sitemapChunks } from '#data/sitemap.ts';
import { urlsetXml, type SitemapUrl } from '#lib/sitemaps.ts';

export const getStaticPaths = (async () => {
  const chunks = await sitemapChunks();
  return ownedPaths(
    'sitemap-[index].xml',
    chunks.map((urls, index) => ({ params: { index: String(index) }, props: { urls } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ urls: SitemapUrl[] }> = ({ props }) =>
  new Response(urlsetXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
