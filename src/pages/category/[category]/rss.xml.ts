import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, type Article, type Category } from '#data/articles.ts';
import { feedResponse, siteFeedSettings } from '#data/feeds.ts';
import { changedPagesOnly } from '#data/render-plan.ts';
import { feedTitle } from '#i18n/fa.ts';
import { categoryFeedPath, categoryPath } from '#lib/paths.ts';
import site from '#site.config.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  // Only what the feed shows is in its props, so a feed is rendered again only when that changed.
  return changedPagesOnly(
    'category/[category]/rss.xml',
    [...archive.categories.values()].map((category) => ({
      params: { category: category.id },
      props: { category, articles: (archive.byCategory.get(category.id) ?? []).slice(0, site.feeds.itemCount) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category; articles: Article[] }> = ({ props: { category, articles } }) =>
  feedResponse(
    {
      title: feedTitle(category.data.name, site.name),
      description: category.data.description,
      pagePath: categoryPath(category.id),
      feedPath: categoryFeedPath(category.id),
      articles,
    },
    siteFeedSettings,
  );
