import type { APIRoute } from 'astro';
import { getArchive } from '../data/articles';
import { feedResponse, siteFeedPath } from '../data/feeds';
import site from '../site.config';

export const GET: APIRoute = async ({ site: origin }) => {
  const archive = await getArchive();
  return feedResponse(
    {
      title: site.name,
      description: site.description,
      pagePath: '/',
      feedPath: siteFeedPath,
      articles: archive.articles,
    },
    { logo: site.logo, itemCount: site.feeds.itemCount },
    origin!,
  );
};
