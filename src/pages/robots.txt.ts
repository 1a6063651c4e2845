import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '#data/urls.ts';
import { homePath, newsSitemapPath, sitemapIndexPath } from '#lib/paths.ts';
import { robotsTxt } from '#lib/sitemaps.ts';

// Crawlers read robots.txt only at the root of a domain: under a base, the domain's own file should
// carry these lines (docs/operations.md#under-a-path-of-another-site).
export const GET: APIRoute = () =>
  new Response(robotsTxt([absoluteUrl(sitemapIndexPath), absoluteUrl(newsSitemapPath)], withBase(homePath)), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
