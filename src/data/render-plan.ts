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
import { planSettings } from '#lib/segment-registry.ts';
import { ownedPaths, recordPlannedPages } from './segments';

type Params = Record<string, string | number | undefined>;

/** What is the same on every page of the build, and so part of every page's fingerprint. */
const buildWide = () => [toTehranJalali(buildNow).year, publicationPolicy.includeUnpublished];

/**
 * The pages of `route` this build renders, of `paths`: an array, or made one at a time (a
 * generator, read once), so that a segment build holds only its own.
 */
export async function changedPagesOnly<P extends { params: Params; props?: unknown }>(
  route: string,
  paths: Iterable<P>,
): Promise<P[]> {
  // The plan of `npm run build -- --plan N` renders no page: it only compares their fingerprints.
  if (await recordPlannedPages(route, paths, buildWide())) return [];
  return renderChangedPagesOnly(route, await ownedPaths(route, paths), buildWide());
}

/** Each of `pages` with its props, made as it is read. */
function* oneAtATime<E extends { params: Params }, Props>(pages: Iterable<E>, propsOf: (page: E) => Props) {
  for (const page of pages) yield { params: page.params, props: propsOf(page) };
}

/**
 * `changedPagesOnly` for a route whose props cost something to make for each page (an article's
 * related stories and neighbours): `propsOf` is called only for the pages this build may render,
 * not for those another segment owns (seven of eight articles' in eight segments). `pages` may be
 * made one at a time (a generator): a segment build then holds only its own.
 */
export async function changedPagesOnlyWithProps<E extends { params: Params }, Props>(
  route: string,
  pages: Iterable<E>,
  propsOf: (page: E) => Props,
): Promise<{ params: E['params']; props: Props }[]> {
  // The plan takes every page's fingerprint, props included, one page at a time: all at once, a
  // million articles' pages held eight million articles made for them (src/lib/article-table.ts),
  // with their encodings, and the plan ran out of memory.
  if (planSettings()) return changedPagesOnly(route, oneAtATime(pages, propsOf));
  return renderChangedPagesOnly(route, [...oneAtATime(await ownedPaths(route, pages), propsOf)], buildWide());
}
