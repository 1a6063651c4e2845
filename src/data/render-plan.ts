/**
 * What a dynamic route renders in `npm run build`: only its pages whose inputs changed since the
 * previous build (src/lib/incremental/), and in a segment build only the pages its segment owns
 * (./segments.ts). Every page shows, besides its props, the Jalali year of the build (the footer's
 * ©) and depends on the publication policy; a change of either renders everything. The day of the
 * build is printed only on the home page, which every build renders. The plan of segments to build
 * (`npm run build -- --plan N`) takes every page's fingerprint and renders none.
 */
import { toTehranJalali } from '#lib/dates/jalali.ts';
import { renderChangedPagesOnly } from '#lib/incremental/render-plan.ts';
import { buildNow, publicationPolicy } from './articles';
import { ownedPaths, recordPlannedPages } from './segments';

export async function changedPagesOnly<
  P extends { params: Record<string, string | number | undefined>; props?: unknown },
>(route: string, paths: P[]): Promise<P[]> {
  const buildWide = [toTehranJalali(buildNow).year, publicationPolicy.includeUnpublished];
  // The plan of `npm run build -- --plan N` renders no page: it only compares their fingerprints.
  if (await recordPlannedPages(route, paths, buildWide)) return [];
  return renderChangedPagesOnly(route, await ownedPaths(route, paths), buildWide);
}
