/**
 * Segmented builds, the Astro side: the plan of the whole site (src/lib/segments.ts) made once per
 * build from the whole archive's index, and the pages of a route this segment owns. The only place
 * that filters pages by segment: every dynamic route asks `changedPagesOnly` (./render-plan.ts),
 * which asks here first. A whole build (no `--segment`) owns everything.
 */
import { articleFacts } from '#lib/article-table.ts';
import { pageFile } from '#lib/incremental/page-plan.ts';
import { LinesDigest } from '#lib/lines-digest.ts';
import { buildDigestOf, pageFingerprint, type StaticPath } from '#lib/incremental/render-plan.ts';
import {
  planSettings,
  recordPlanRun,
  recordSegmentRun,
  segmentSettings,
  type PlanRun,
  shownArticles,
  takeSentSegmentRun,
  takeSyncedSegmentRun,
  type SegmentRun,
  type SegmentSettings,
} from '#lib/segment-registry.ts';
import { ownedArticleIds, ownerOfFile, ownsSitePages } from '#lib/segments.ts';
import { segmentShare, shareInputLine, sitePlan } from '#lib/shown-articles.ts';
import site from '#site.config.ts';
import {
  buildNow,
  getArchive,
  getPublishedArticles,
  packArticlesNotShown,
  releasePackedFiles,
  type Archive,
  type Article,
  type ArticleFacts,
} from './articles';

/**
 * Two digests of the archive, taken in one pass over its articles' facts (none made an article).
 * `shareInput`: what a segment's share is reckoned from (`shareInputLine`: each published
 * article's number, entry, time and the digest of its file), which content sync's reckoning must
 * have read alike. `index`: what segments of one site must agree on besides code and settings,
 * the same of every article with its comment count, and every section and reporter; a segment
 * built from another checkout of the content differs here, and the merge refuses it.
 */
function archiveDigests(archive: Archive): { index: string; shareInput: string } {
  const index = new LinesDigest();
  const shareInput = new LinesDigest();
  for (const article of articleFacts<ArticleFacts>(archive.articles)) {
    const line = shareInputLine(article);
    shareInput.add(line);
    index.add(`${line} ${archive.commentCounts.get(article.id) ?? 0}`);
  }
  for (const category of archive.categories.values()) index.add(`c ${category.id} ${category.digest ?? ''}`);
  for (const author of archive.authors.values()) index.add(`a ${author.id} ${author.digest ?? ''}`);
  return { index: index.digest(), shareInput: shareInput.digest() };
}

/**
 * Content sync left unrendered, and the bundler left out, the bodies it reckoned other segments
 * show, from the content it synced (src/build/segment-bodies.ts); the pages must agree, from the
 * archive they read, or a page would lack its body. They always do unless the two reckonings drift
 * apart: a bug, stopped here rather than built.
 */
function checkShownBodies(needed: ReadonlySet<number>): void {
  const shown = shownArticles();
  if (!shown) return;
  const missing = [...needed].filter((id) => !shown.has(id));
  if (missing.length > 0) {
    throw new Error(
      `This segment renders the bodies of articles ${missing.slice(0, 10).join(', ')}, which its content sync and bundle left out as other segments'. This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
    );
  }
}

/**
 * The plan, the articles held in full and the index's digest of segment `settings`: content sync's
 * reckoning when it read the archive alike, else reckoned again from `archive` and checked against
 * what content sync rendered.
 */
function reckonedRun(
  archive: Archive,
  settings: SegmentSettings,
): Pick<SegmentRun, 'plan' | 'inFull' | 'indexDigest' | 'shareFromSync'> {
  const digests = archiveDigests(archive);
  const synced = takeSyncedSegmentRun(digests.shareInput);
  if (synced) return { plan: synced.plan, inFull: synced.inFull, indexDigest: digests.index, shareFromSync: true };
  const { plan, bodies, inFull } = segmentShare(archive, site, settings, buildNow);
  checkShownBodies(bodies);
  return { plan, inFull, indexDigest: digests.index, shareFromSync: false };
}

let run: Promise<SegmentRun | undefined> | undefined;

/** The plan of this segment build, made once; undefined in a whole build. */
export function segmentPlanOfBuild(): Promise<SegmentRun | undefined> {
  run ??= (async () => {
    const settings = segmentSettings();
    if (!settings) return undefined;
    const archive = await getArchive();
    // A page worker takes what the build's thread reckoned from the same archive (src/build/page-workers.ts).
    const sent = takeSentSegmentRun();
    const {
      plan,
      inFull,
      indexDigest: digest,
      shareFromSync,
    } = sent ? { ...sent, shareFromSync: false } : reckonedRun(archive, settings);
    const articlesInFull = await packArticlesNotShown(inFull);
    // Its share reckoned and its index's digest taken, only the site's pages (the sitemaps) read the
    // paths of the articles a segment does not show.
    const filesReleased = !ownsSitePages(plan, settings.index);
    if (filesReleased) await releasePackedFiles();
    const made: SegmentRun = {
      settings,
      plan,
      indexDigest: digest,
      articles: archive.articles,
      inFull,
      articlesInFull,
      shareFromSync,
      filesReleased,
    };
    recordSegmentRun(made);
    return made;
  })();
  return run;
}

let planning: Promise<PlanRun> | undefined;

/**
 * In the plan build of `npm run build -- --plan N` (src/lib/segment-reuse.ts): records the
 * fingerprint of every page of `route`, as a segment build would take it, for the plan step
 * (src/build/segment-plan.ts), or none when there is no merged site to compare with. Undefined
 * (nothing recorded) in any other build.
 */
export async function recordPlannedPages<P extends StaticPath>(
  route: string,
  paths: Iterable<P>,
  buildWide: unknown,
): Promise<true | undefined> {
  const settings = planSettings();
  if (!settings) return undefined;
  planning ??= getArchive().then((archive) =>
    recordPlanRun({
      settings,
      buildDigest: buildDigestOf(settings.codeDigest, buildWide),
      pages: new Map(),
      plan: sitePlan(archive, site, settings.count).plan,
    }),
  );
  const { pages } = await planning;
  if (settings.compare) {
    for (const entry of paths) pages.set(pageFile(route, entry.params), pageFingerprint(route, entry));
  }
  return true;
}

/**
 * The paths of `route` whose page this segment owns (all of them in a whole build), taken one at a
 * time: the article route's paths of a million articles, all held at once before most are
 * dropped, would be about 0.1 GB of each page thread's heap.
 */
export async function ownedPaths<P extends { params: Record<string, string | number | undefined> }>(
  route: string,
  paths: Iterable<P>,
): Promise<P[]> {
  const segment = await segmentPlanOfBuild();
  if (!segment) return Array.isArray(paths) ? paths : [...paths];
  const { plan, settings } = segment;
  const owned: P[] = [];
  for (const entry of paths) if (ownerOfFile(plan, pageFile(route, entry.params)) === settings.index) owned.push(entry);
  return owned;
}

/**
 * The published articles whose pages this build renders, newest first: every one in a whole build
 * and in the plan; in a segment build, those it owns, which it holds in full (its pages show them),
 * found among those by the plan's numbers. The paths of all the others, which the article route's
 * params are made of and `ownedPaths` would have dropped, were made for nothing: a slug of each
 * file's name, 4.4 s of page generation of a small segment of a million articles (6 December 2026).
 */
export async function articlesOfOwnPages(archive: Archive): Promise<Iterable<Article>> {
  const segment = await segmentPlanOfBuild();
  if (!segment) return archive.articles;
  const owned = ownedArticleIds(segment.plan, segment.settings.index);
  const pages = (await getPublishedArticles()).held.filter((article) => owned.has(article.id));
  if (pages.length !== owned.size) {
    const found = new Set(pages.map((article) => article.id));
    const missing = [...owned].filter((id) => !found.has(id));
    throw new Error(
      `This segment owns the pages of articles ${missing.slice(0, 10).join(', ')}, which it does not hold in full. This is a bug of Bayegan's segment plan: build without --segment meanwhile.`,
    );
  }
  return pages;
}

/**
 * Whether this build keeps the site file `file` (`sitemap-index.xml`): always in a whole build and
 * in the plan; in a segment build, when the segment owns it. A route Astro renders in every build
 * (one without params) asks before making what only the file's owner keeps.
 */
export async function keepsSiteFile(file: string): Promise<boolean> {
  const segment = await segmentPlanOfBuild();
  return !segment || ownerOfFile(segment.plan, file) === segment.settings.index;
}
