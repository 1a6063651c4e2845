/**
 * What a dynamic route renders in `npm run build`: only its pages whose inputs changed since the
 * previous build (src/lib/incremental/). Every page shows, besides its props, the day of the build
 * (header and footer) and depends on the publication policy; a change of either renders everything.
 */
import { toTehranIsoDate } from '../lib/dates/tehran';
import { renderChangedPagesOnly } from '../lib/incremental/render-plan';
import { buildNow, publicationPolicy } from './articles';

export function changedPagesOnly<P extends { params: Record<string, string | number | undefined>; props?: unknown }>(
  route: string,
  paths: P[],
): P[] {
  return renderChangedPagesOnly(route, paths, [toTehranIsoDate(buildNow), publicationPolicy.includeUnpublished]);
}
