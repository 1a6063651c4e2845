import type { APIRoute } from 'astro';
import { getArchive } from '#data/articles.ts';
import { jsonFeedResponse, siteFeedSettings } from '#data/feeds.ts';
import { homePath, siteJsonFeedPath } from '#lib/paths.ts';
import site from '#site.config.ts';

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  return jsonFeedResponse(
    {
      title: site.name,
      description: site.description,
      pagePath: homePath,
      feedPath: siteJsonFeedPath,
      articles: archive.articles,
    },
    siteFeedSettings,
  );
};
