/**
 * The article bodies a segment build shows (Node-only): those of its own article pages and of the
 * newest items of the feeds it writes (`articlesWithBodies`, src/lib/segments.ts), reckoned from the
 * content its sync read. Content sync renders only these Markdown bodies
 * (src/lib/content/shown-bodies.ts) and the bundle holds only these MDX modules
 * (src/build/kept-mdx-bodies.ts); the plan of `npm run build -- --plan N` shows none. The pages make
 * the same reckoning from the archive they read (src/data/segments.ts) and stop the build, naming
 * the articles, if a body they show was left out.
 */
import type { AstroIntegration } from 'astro';
import { publicationPolicyOf } from '#lib/content/publication.ts';
import { publishedArticles, type ArticleEntryLike } from '#lib/content/published-articles.ts';
import { showOnlyBodies } from '#lib/content/shown-bodies.ts';
import type { SearchTiers } from '#lib/search/shards.ts';
import { planSettings, recordShownArticles, segmentSettings, type SegmentSettings } from '#lib/segment-registry.ts';
import { articlesWithBodies, planSegments } from '#lib/segments.ts';

/** The site settings that decide which bodies a segment shows. */
export interface BodySettings {
  search: SearchTiers;
  /** Items in a feed (`feeds.itemCount`). */
  feedItems: number;
}

/**
 * The ids of the article entries (of every entry of the articles collection) whose bodies
 * `segment` shows. Records the articles for the bundler and the pages' check.
 */
function shownEntryIds(entries: readonly ArticleEntryLike[], segment: SegmentSettings, settings: BodySettings) {
  const articles = publishedArticles(entries, publicationPolicyOf(process.env, new Date()));
  // The lists are left out: their pages show no body, and their feeds are the site unit's.
  const plan = planSegments({ articles }, settings.search, segment.count);
  const bodies = articlesWithBodies(plan, segment.index, articles, settings.feedItems);
  recordShownArticles(bodies);
  return new Set(articles.flatMap((article) => (bodies.has(article.id) ? [article.entry.id] : [])));
}

/** Build only: in a segment build or the plan, content sync renders only the bodies the build shows. */
export function segmentBodiesIntegration(settings: BodySettings): AstroIntegration {
  return {
    name: 'bayegan:segment-bodies',
    hooks: {
      // Before content sync, which reads the reckoning.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const segment = segmentSettings();
        if (planSettings()) showOnlyBodies(() => new Set());
        else if (segment) showOnlyBodies((entries) => shownEntryIds(entries as ArticleEntryLike[], segment, settings));
      },
    },
  };
}
