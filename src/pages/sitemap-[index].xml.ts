import type { APIRoute, GetStaticPaths } from 'astro';
import { ownedPaths } from '#data/segments.ts';
import { siteUrlRuns } from '#data/sitemap.ts';
import { sitemapCount, sitemapUrls, urlsetXml, type SitemapUrl } from '#lib/sitemaps.ts';

export const getStaticPaths = (async () => {
  const runs = await siteUrlRuns();
  const files = Array.from({ length: sitemapCount(runs) }, (_, index) => ({ params: { index: String(index) } }));
  // The URLs of the files this build writes only.
  const owned = await ownedPaths('sitemap-[index].xml', files);
  return owned.map(({ params }) => ({ params, props: { urls: sitemapUrls(runs, Number(params.index)) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ urls: SitemapUrl[] }> = ({ props }) =>
  new Response(urlsetXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
