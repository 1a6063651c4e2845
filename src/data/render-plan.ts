/**
 * What a dynamic route renders in `npm run build`: only its pages whose inputs changed since the
 * previous build (src/lib/incremental/), and in a segment build only the pages its segment owns
 * (./segments.ts). Every page shows, besides its props, the Jalali year of the build (the footer's
 * ©) and depends on the publication policy; a change of either renders everything. The day of the
 * build is printed only on the home page, which every build renders.
 */
import { toTehranJalali } from '#lib/dates/jalali.ts';
import { renderChangedPagesOnly } from '#lib/incremental/render-plan.ts';
import { buildNow, publicationPolicy } from './articles';
import { ownedPaths } from './segments';

export async function changedPagesOnly<
  P extends { params: Record<string, string | number | undefined>; props?: unknown },
>(route: string, paths: P[]): Promise<P[]> {
  return renderChangedPagesOnly(route, await ownedPaths(route, paths), [
    toTehranJalali(buildNow).year,
    publicationPolicy.includeUnpublished,
  ]);
}
