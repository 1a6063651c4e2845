/**
 * What a segment build shows of the articles (Node-only), reckoned from the content its sync read:
 * the bodies of its own article pages and of the newest items of the feeds it writes, and the
 * articles its pages read in full (`segmentShare`, src/lib/shown-articles.ts). Content sync renders
 * only these Markdown bodies and keeps only these articles' frontmatter in full, the others packed
 * (src/lib/content/shown-bodies.ts); the bundle holds only these MDX modules
 * (src/build/kept-mdx-bodies.ts); the plan of `npm run build -- --plan N` shows no body and keeps
 * in full only what the pages every build renders show. The pages make the same reckoning from the
 * archive they read (src/data/segments.ts) and stop the build, naming the articles, if a body or an
 * article they show was left out.
 */
import type { AstroIntegration } from 'astro';
import { publicationPolicyOf } from '#lib/content/publication.ts';
import { publishedTable, type ArticleEntryLike, type PublishedArticle } from '#lib/content/published-articles.ts';
import { showOnlyBodies } from '#lib/content/shown-bodies.ts';
import { buildArchiveIndex } from '#lib/archive.ts';
import { LinesDigest } from '#lib/lines-digest.ts';
import {
  planSettings,
  recordShownArticles,
  recordSyncedSegmentRun,
  segmentSettings,
  type SegmentSettings,
} from '#lib/segment-registry.ts';
import { ownsArticle } from '#lib/segments.ts';
import type { Indexed } from '#lib/sorted-search.ts';
import { planShare, segmentShare, shareInputLine, type ShareSettings, type ShownArticle } from '#lib/shown-articles.ts';

/**
 * The published archive of the entries content sync read, packed ones included (they keep what the
 * reckonings read), with "now".
 */
function syncedArchive(entries: Indexed<ArticleEntryLike>) {
  const policy = publicationPolicyOf(process.env, new Date());
  // Made from their entries when asked: the reckoning reads every article of the archive.
  const published = publishedTable(entries as Indexed<ArticleEntryLike & { data: ShownArticle['data'] }>, policy);
  return { archive: buildArchiveIndex(published), now: policy.now };
}

/** An article of that archive. */
type SyncedArticle = PublishedArticle<ArticleEntryLike & { data: ShownArticle['data'] }>;

/**
 * The entry ids of the articles each of `sets` names (article numbers), in one pass over
 * `articles`, which `each` also sees, every one: each article of a million is made when asked.
 */
function entryIdsOf(
  articles: Iterable<SyncedArticle>,
  sets: readonly ReadonlySet<number>[],
  each?: (article: SyncedArticle) => void,
): Set<string>[] {
  const ids = sets.map(() => new Set<string>());
  for (const article of articles) {
    each?.(article);
    for (let at = 0; at < sets.length; at++) if (sets[at]!.has(article.id)) ids[at]!.add(article.entry.id);
  }
  return ids;
}

/**
 * What `segment` shows of the articles collection (entry ids, of every entry of it): the bodies of
 * its own article pages and of the newest items of the feeds it writes, and the articles it keeps
 * in full (src/lib/shown-articles.ts), reckoned from the entries content sync read. Records the
 * bodies for the bundler and the pages' check, and the whole reckoning for the pages, which take it
 * rather than reckon it again when their archive gives the same digest of what it was reckoned from.
 */
function shownEntries(entries: Indexed<ArticleEntryLike>, segment: SegmentSettings, site: ShareSettings) {
  const { archive, now } = syncedArchive(entries);
  const { plan, bodies, inFull } = segmentShare(archive, site, segment, now);
  recordShownArticles(bodies, new Set([...bodies].filter((id) => ownsArticle(plan, segment.index, id))));
  const input = new LinesDigest();
  const [bodyEntries, inFullEntries] = entryIdsOf(archive.articles, [bodies, inFull], (article) =>
    input.add(shareInputLine(article)),
  );
  recordSyncedSegmentRun({ plan, inFull, inputDigest: input.digest() });
  return { bodies: bodyEntries!, inFull: inFullEntries! };
}

/**
 * What the plan of `count` segments shows of the articles collection (entry ids): no body, and in
 * full only the articles the pages it renders show (`planShare`); it fingerprints every other page
 * from the digests its packed entries keep.
 */
function planEntries(entries: Indexed<ArticleEntryLike>, count: number, site: ShareSettings) {
  const { archive, now } = syncedArchive(entries);
  const [inFull] = entryIdsOf(archive.articles, [planShare(archive, site, count, now)]);
  return { bodies: new Set<string>(), inFull: inFull! };
}

/** Build only: in a segment build or the plan, content sync renders only the bodies the build shows. */
export function segmentBodiesIntegration(site: ShareSettings): AstroIntegration {
  return {
    name: 'bayegan:segment-bodies',
    hooks: {
      // Before content sync, which reads the reckoning.
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        const segment = segmentSettings();
        const plan = planSettings();
        if (plan) {
          showOnlyBodies((entries) => planEntries(entries as Indexed<ArticleEntryLike>, plan.count, site), {
            packs: true,
            fingerprints: true,
          });
        } else if (segment) {
          showOnlyBodies((entries) => shownEntries(entries as Indexed<ArticleEntryLike>, segment, site), {
            packs: true,
          });
        }
      },
    },
  };
}
