import type { APIRoute } from 'astro';
import { newsSitemapPath, sitemapIndexPath } from '../data/sitemap';
import { robotsTxt } from '../lib/sitemaps';

export const GET: APIRoute = ({ site: origin }) =>
  new Response(robotsTxt([new URL(sitemapIndexPath, origin).href, new URL(newsSitemapPath, origin).href]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
