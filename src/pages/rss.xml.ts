import type { APIRoute } from 'astro';
import { getArchive } from '#data/articles.ts';
import { feedResponse, siteFeedSettings } from '#data/feeds.ts';
import { homePath, siteFeedPath } from '#lib/paths.ts';
import site from '#site.config.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  return feedResponse(
    {
      title: site.name,
      description: site.description,
      pagePath: homePath,
      feedPath: siteFeedPath,
      articles: archive.articles,
    },
    siteFeedSettings,
  );
};
