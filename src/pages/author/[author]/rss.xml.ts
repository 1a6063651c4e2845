import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, type Article, type Author } from '#data/articles.ts';
import { feedResponse, siteFeedSettings } from '#data/feeds.ts';
import { changedPagesOnly } from '#data/render-plan.ts';
import { feedTitle } from '#i18n/fa.ts';
import { authorFeedPath, authorPath } from '#lib/paths.ts';
import site from '#site.config.ts';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  // Only what the feed shows is in its props, so a feed is rendered again only when that changed.
  return changedPagesOnly(
    'author/[author]/rss.xml',
    [...archive.authors.values()].map((author) => ({
      params: { author: author.id },
      props: { author, articles: (archive.byAuthor.get(author.id) ?? []).slice(0, site.feeds.itemCount) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: Author; articles: Article[] }> = ({ props: { author, articles } }) =>
  feedResponse(
    {
      title: feedTitle(author.data.name, site.name),
      description: author.data.bio ?? author.data.role ?? author.data.name,
      pagePath: authorPath(author.id),
      feedPath: authorFeedPath(author.id),
      articles,
    },
    siteFeedSettings,
  );
