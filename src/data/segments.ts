/**
 * Segmented builds, the Astro side: the plan of the whole site (src/lib/segments.ts) made once per
 * build from the whole archive's index, and the pages of a route this segment owns. The only place
 * that filters pages by segment: every dynamic route asks `changedPagesOnly` (./render-plan.ts),
 * which asks here first. A whole build (no `--segment`) owns everything.
 */
import { hash } from 'node:crypto';
import { pageFile } from '#lib/incremental/page-plan.ts';
import { recordSegmentRun, segmentSettings, type SegmentRun } from '#lib/segment-registry.ts';
import { archiveYearPath, authorPath, categoryPath, tagPath } from '#lib/paths.ts';
import { CORRECTIONS_UNIT, listUnit, ownerOfFile, planSegments, type SegmentIndex } from '#lib/segments.ts';
import site from '#site.config.ts';
import { getArchive, type Archive } from './articles';

/** The lists of the archive, each a unit of its own (src/lib/segments.ts). */
function listsOf(archive: Archive): SegmentIndex['lists'] {
  return [
    ...[...archive.categories.keys()].map((id) => listUnit(categoryPath(id))),
    ...[...archive.byTag.values()].map((tag) => listUnit(tagPath(tag.slug))),
    ...[...archive.byAuthor.keys()].map((id) => listUnit(authorPath(id))),
    ...archive.years.map((year) => listUnit(archiveYearPath(year.year))),
    CORRECTIONS_UNIT,
  ];
}

/**
 * What segments of one site must agree on besides code and settings: every published article (its
 * number, path, date and the digest of its file), section, reporter and comment count. A segment
 * built from another checkout of the content differs here, and the merge refuses it.
 */
function indexDigest(archive: Archive): string {
  const lines = [
    ...archive.articles.map(
      (article) =>
        `${article.id} ${article.path} ${article.date.toISOString()} ${article.entry.digest ?? ''} ${article.commentCount}`,
    ),
    ...[...archive.categories.values()].map((category) => `c ${category.id} ${category.digest ?? ''}`),
    ...[...archive.authors.values()].map((author) => `a ${author.id} ${author.digest ?? ''}`),
  ];
  return hash('sha256', lines.join('\n'), 'base64url');
}

let run: Promise<SegmentRun | undefined> | undefined;

/** The plan of this segment build, made once; undefined in a whole build. */
export function segmentPlanOfBuild(): Promise<SegmentRun | undefined> {
  run ??= (async () => {
    const settings = segmentSettings();
    if (!settings) return undefined;
    const archive = await getArchive();
    const articles = archive.articles.map((article) => ({ id: article.id, path: article.path, date: article.date }));
    const made: SegmentRun = {
      settings,
      plan: planSegments({ articles, lists: listsOf(archive) }, site.search, settings.count),
      indexDigest: indexDigest(archive),
      articles,
    };
    recordSegmentRun(made);
    return made;
  })();
  return run;
}

/** The paths of `route` whose page this segment owns (all of them in a whole build). */
export async function ownedPaths<P extends { params: Record<string, string | number | undefined> }>(
  route: string,
  paths: P[],
): Promise<P[]> {
  const segment = await segmentPlanOfBuild();
  if (!segment) return paths;
  const { plan, settings } = segment;
  return paths.filter((entry) => ownerOfFile(plan, pageFile(route, entry.params)) === settings.index);
}
