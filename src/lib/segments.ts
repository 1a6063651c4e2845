/**
 * Segmented builds (issue 23): which of N segments owns each file of the site. A segment build
 * (`npm run build -- --segment K/N`) reads the whole archive's index but renders, carries and
 * indexes only what segment K owns, and `npm run merge` puts the segments' outputs side by side.
 * The merged site is exactly the site one build writes because every file has exactly one owner,
 * decided here from the whole archive's index, the same in every segment:
 *
 * - **Articles go with their search shard** (src/lib/search/shards.ts: `latest`, `newer`, then
 *   Jalali years): the article page, its short link and the shard's index files. A shard is indexed
 *   from the built pages of its articles, so the segment that indexes it must have built them all.
 * - **A list's settled pages go with the stories they show**: a numbered page of a section, tag,
 *   reporter or month that no newer story can change (src/lib/listing-pages.ts, `settledPages`)
 *   and whose stories are all in year shards goes with the year shard of its newest story. A page
 *   shows a fixed stretch of time, so the segment of a stretch of years renders the lists of those
 *   years, not the lists whose names hash to it.
 * - **What a new story changes is one unit**, the rest of the site: home, search page, site feeds,
 *   sitemaps, `_headers`, `_redirects`, public files, and every list's front page, feeds and newest
 *   numbered pages (those not settled). So a story changes pages of two segments, its shard's and
 *   this one's, not those of its section's, tags', reporter's and month's segments besides; a page
 *   that settles moves to its shard's segment once.
 * - **Search shards are balanced, the rest is hashed**, so that a new story moves (almost) nothing:
 *   the year shards (which change only when 2,000 more stories seal the newest one) go oldest first,
 *   then `newer` and `latest`, each to the segment with the fewest of their articles so far; a
 *   change of a shard never moves one dealt before it, so a new story can move only `latest` (fewer
 *   than 100 articles, when `newer` grows, once every 100 stories). The rest of the site and the
 *   corrections go where their names hash.
 * - `_astro/` files are named by their content, and several segments' pages may name one picture:
 *   they are shared, and the merge checks that two copies of one name are the same bytes.
 * - The search routing table (`pagefind/routes*`) is made from every year shard's words, so the
 *   merge builds it; segments carry their shards' words for it.
 *
 * Pure: unit-tested without Astro.
 */
import {
  archiveYearPath,
  articlesPath,
  authorPath,
  categoryPath,
  correctionsPath,
  pageFile,
  searchIndexPath,
  shortPath,
  siteFolder,
  tagPath,
} from './paths.ts';
import type { ArticleRows, NewestFirst } from './article-list.ts';
import { ArticleUnits } from './article-units.ts';
import { ListPageUnits, type ListPageParts, type ListUnits } from './list-page-units.ts';
import { listingPages, settledPages } from './listing-pages.ts';
import { nameTable } from './name-table.ts';
import { indexedArticles, planSearchTiers, routedShard, type SearchTiers } from './search/shards.ts';
import { fnv1a } from './text-hash.ts';

/** The first folder of a site path in the built site: `/category/x/` → `category`. */
const topFolder = (sitePath: string) => siteFolder(sitePath).split('/')[0]!;
const ARTICLES = topFolder(articlesPath);
const SHORT_LINKS = topFolder(shortPath(1));
const SEARCH = topFolder(searchIndexPath(''));
const CORRECTIONS = topFolder(correctionsPath);
/** The folders of the lists (`category/economy/…`): their settled pages go with their stories, the rest with the site unit. */
const LIST_FAMILIES = new Set([categoryPath, tagPath, authorPath].map((list) => topFolder(list('x'))));
LIST_FAMILIES.add(topFolder(archiveYearPath(1400)));

/** Segment `index` (1-based) of `count`: the `K/N` of `--segment K/N`. */
export interface SegmentChoice {
  index: number;
  count: number;
}

/** The most segments a build may be split into (a CI matrix of 256 jobs is GitHub's limit). */
export const MAX_SEGMENTS = 256;

/** Reads `K/N`; throws a message that says what is wrong. */
export function parseSegment(text: string): SegmentChoice {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count || count > MAX_SEGMENTS) {
    throw new Error(
      `--segment "${text}" is not K/N with 1 ≤ K ≤ N ≤ ${MAX_SEGMENTS}: for example --segment 2/4 builds the second of four segments.`,
    );
  }
  return { index, count };
}

/** `2-of-4`: how a segment names its output folder and its cache. */
export const segmentName = ({ index, count }: SegmentChoice) => `${index}-of-${count}`;

/** A list of the archive shown on numbered pages: a section, a tag, a reporter, a month. */
export interface PagedList {
  /** Its front page's path (`/category/economy/`, from src/lib/paths.ts). */
  path: string;
  /** Its articles' numbers, newest first, as its pages show them. */
  articles: NewestFirst<number>;
}

/** What the plan needs to know of the archive: the published articles and the paged lists. */
export interface SegmentIndex {
  /** Every published article: its number, its URL path (`/news/7/…/`) and publication date. */
  articles: ArticleRows<{ id: number; path: string; date: Date; time?: number }>;
  /**
   * Every paged list and the stories on a page (the site setting `pageSize`): the settled pages of
   * each go with the stories they show. Without them, every list page is the site unit's.
   */
  lists?: { pageSize: number; paged: readonly PagedList[] };
}

/** The unit of everything that is neither an article nor a list: home, search page, site feeds, sitemaps… */
export const SITE_UNIT = 'site';
/** The unit of the corrections page. */
const CORRECTIONS_UNIT = 'corrections';

export interface SegmentPlan {
  count: number;
  /** unit → owning segment (1-based), for every unit of the index. */
  owners: ReadonlyMap<string, number>;
  /** article number → its unit (`shard:<id>`). */
  articleUnits: ArticleUnits;
  /** A settled list page's file (`tag/نفت/3/index.html`) → the unit of its newest story's year shard. */
  listPages: ListPageUnits;
  /** Every search shard id, newest first, as the whole archive's search index has them. */
  shards: readonly string[];
}

/** The unit of a search shard and of its articles. */
export const shardUnit = (id: string) => `shard:${id}`;

/** The segment a unit's name hashes to (32-bit FNV-1a of its UTF-16 code units): stable forever. */
export function hashedSegment(unit: string, count: number): number {
  return (fnv1a(unit) % count) + 1;
}

/**
 * Deals weighted units out in the given order, each to the segment with the least weight so far
 * (ties to the lower segment): a unit's segment depends only on the units before it.
 */
export function dealInOrder(units: readonly { unit: string; pages: number }[], count: number): Map<string, number> {
  const load = new Array<number>(count).fill(0);
  const owners = new Map<string, number>();
  for (const { unit, pages } of units) {
    let least = 0;
    for (let segment = 1; segment < count; segment++) if (load[segment]! < load[least]!) least = segment;
    load[least]! += pages;
    owners.set(unit, least + 1);
  }
  return owners;
}

/** The whole site's plan: the same in every segment, since every segment reads the same index. */
export function planSegments(index: SegmentIndex, tiers: SearchTiers, count: number): SegmentPlan {
  const shards = planSearchTiers(indexedArticles(index.articles), tiers);
  const articleUnits = ArticleUnits.from(
    (function* () {
      for (const shard of shards) {
        // One string for the shard's unit, not one an article.
        const unit = shardUnit(shard.id);
        for (const page of shard.pages) yield [page.id, unit] as const;
      }
    })(),
  );
  // Oldest first, `newer` and `latest` last: what changes is dealt after what does not.
  const owners = dealInOrder(
    [...shards]
      .reverse()
      .sort((a, b) => Number(!routedShard(a.id)) - Number(!routedShard(b.id)))
      .map((shard) => ({ unit: shardUnit(shard.id), pages: shard.pages.length })),
    count,
  );
  for (const unit of [SITE_UNIT, CORRECTIONS_UNIT]) owners.set(unit, hashedSegment(unit, count));
  const sealed = new Set(shards.filter((shard) => routedShard(shard.id)).map((shard) => shardUnit(shard.id)));
  const listPages = ListPageUnits.from(index.lists ? settledListPages(index.lists, articleUnits, sealed) : []);
  return { count, owners, articleUnits, listPages, shards: shards.map((shard) => shard.id) };
}

/**
 * Each list's settled pages, from its first: the unit of its newest story's shard for a page whose
 * stories are all in sealed year shards (`sealed` units), none for the others.
 */
function* settledListPages(
  { pageSize, paged }: NonNullable<SegmentIndex['lists']>,
  articleUnits: ArticleUnits,
  sealed: ReadonlySet<string>,
): Generator<ListUnits> {
  for (const list of paged) {
    const settled = settledPages(list.articles.length, pageSize);
    if (settled === 0) continue;
    const pages = new Array<string | undefined>(settled).fill(undefined);
    for (const page of listingPages(list.articles, pageSize, list.path)) {
      if (page.number < 1 || page.number > settled) continue;
      const units = page.items.map((id) => articleUnits.get(id));
      if (units.every((unit) => unit !== undefined && sealed.has(unit))) pages[page.number - 1] = units[0]!;
    }
    yield { path: list.path, units: pages };
  }
}

/**
 * A plan as it is sent to another thread of the build (structured-clonable): each unit's name once,
 * with the index of its name for every article and settled list page, where a clone of the plan's
 * maps would write the name again for each (a million at a million articles) and the thread would
 * hold a copy of it for each.
 */
export interface SentPlan {
  count: number;
  owners: ReadonlyMap<string, number>;
  shards: readonly string[];
  /** Every unit named by an article or a settled list page, once. */
  units: string[];
  /** The articles' numbers, in the plan's order, and the index of each one's unit. */
  articles: { ids: Float64Array; units: Uint32Array };
  /** The settled list pages, each list's path once, and 1 + the index in `units` of each page's unit (0: none). */
  listPages: Omit<ListPageParts, 'names'>;
}

/** `plan` as it is sent to another thread of the build. */
export function sentPlan(plan: SegmentPlan): SentPlan {
  const unitNames = nameTable();
  const articles = { ids: new Float64Array(plan.articleUnits.size), units: new Uint32Array(plan.articleUnits.size) };
  let at = 0;
  for (const [id, unit] of plan.articleUnits) {
    articles.ids[at] = id;
    articles.units[at++] = unitNames.indexOf(unit);
  }
  const { names, ...listParts } = plan.listPages.parts();
  const listPages = {
    ...listParts,
    units: listParts.units.map((unit) => (unit === 0 ? 0 : unitNames.indexOf(names[unit - 1]!) + 1)),
  };
  // The owners and shards as they are: a few hundred, which the thread's structured clone copies.
  return { count: plan.count, owners: plan.owners, shards: plan.shards, units: unitNames.names, articles, listPages };
}

/** The plan `sentPlan` sent: the same units of the same articles and pages, one string for each unit. */
export function receivedPlan(sent: SentPlan): SegmentPlan {
  const { ids, units } = sent.articles;
  const articleUnits = ArticleUnits.from(
    (function* () {
      for (let at = 0; at < ids.length; at++) yield [ids[at]!, sent.units[units[at]!]!] as const;
    })(),
  );
  const listPages = ListPageUnits.fromParts({ ...sent.listPages, names: sent.units });
  return { count: sent.count, owners: sent.owners, articleUnits, listPages, shards: sent.shards };
}

/** Files that every segment may hold, the same bytes under the same name: `_astro/` is named by content. */
export const isSharedFile = (file: string) => file.startsWith('_astro/');

/** Files no segment writes: the merge makes them from what the segments carry (the search routing table). */
export const isMergedFile = (file: string) => file === `${SEARCH}/routes.json` || file.startsWith(`${SEARCH}/routes/`);

/** The folder of a segment's output that is not part of the site: its stamp, manifest and shard words. */
export const SEGMENT_FOLDER = '_bayegan-segment';
/** A segment's stamp: what it was built from, which segment it is, what it owns. */
export const SEGMENT_STAMP = `${SEGMENT_FOLDER}/stamp.json`;
/** The segment's incremental manifest, which the merge joins into the site's. */
export const SEGMENT_MANIFEST = `${SEGMENT_FOLDER}/manifest.json`;
/** The words of a routed search shard a segment indexed, for the merge's routing table. */
export const segmentTermsFile = (shard: string) => `${SEGMENT_FOLDER}/terms/${shard}.txt`;

/** Pagefind's highlighter, served once for every shard (src/build/search-index.ts). */
export const HIGHLIGHT_FILE = siteFolder(searchIndexPath('pagefind-highlight.js'));

/**
 * The unit a site file (relative, with `/`) belongs to. A list's settled pages are their stories'
 * shard's; every other file of a list's folder (`category/economy/…`), and `tag/index.html` and the
 * like, are the site unit's.
 */
export function unitOfFile(plan: Pick<SegmentPlan, 'articleUnits' | 'listPages' | 'shards'>, file: string): string {
  const parts = file.split('/');
  const [family, key] = parts;
  // The highlighter is copied from any shard's index: the segment of the newest shard has one.
  if (file === HIGHLIGHT_FILE && plan.shards[0]) return shardUnit(plan.shards[0]);
  if (LIST_FAMILIES.has(family!)) return plan.listPages.get(file) ?? SITE_UNIT;
  if (parts.length >= 3 && key) {
    if (family === ARTICLES || family === SHORT_LINKS) return plan.articleUnits.get(Number(key)) ?? SITE_UNIT;
    if (family === SEARCH) return shardUnit(key);
  }
  if (family === CORRECTIONS) return CORRECTIONS_UNIT;
  return SITE_UNIT;
}

/**
 * The segment that owns a site file; `shared` for `_astro/` files, `merged` for the files the
 * merge makes. A unit the plan did not deal (a search shard the index does not account for) goes
 * where its name hashes, so that its files still have exactly one owner.
 */
export function ownerOfFile(plan: SegmentPlan, file: string): number | 'shared' | 'merged' {
  if (isSharedFile(file)) return 'shared';
  if (isMergedFile(file)) return 'merged';
  return ownerOfUnit(plan, unitOfFile(plan, file));
}

/** The segment that owns a unit: as dealt, else where its name hashes (a shard the plan does not know). */
const ownerOfUnit = (plan: SegmentPlan, unit: string): number =>
  plan.owners.get(unit) ?? hashedSegment(unit, plan.count);

/** What decides whether a segment renders a published article's body. */
export interface BodyArticle {
  id: number;
  categoryId: string;
  authorIds: readonly string[];
}

/**
 * The published articles whose bodies segment `index` renders (article numbers): those whose page
 * it owns, and the `itemCount` newest of each feed it writes: the site's feeds, which every segment
 * renders (a page of the site unit is rendered everywhere and kept by its owner:
 * src/build/segment.ts), and the sections' and reporters' feeds, in the segment of the site unit.
 * Every other body is another segment's.
 */
export function articlesWithBodies(
  plan: SegmentPlan,
  index: number,
  newestFirst: Iterable<BodyArticle>,
  itemCount: number,
): Set<number> {
  const bodies = new Set<number>();
  const shown = new Map<string, number>();
  /** True while the list at `listPath` shows fewer than `itemCount` articles: the next one is in its feed. */
  const inFeed = (listPath: string) => {
    const count = shown.get(listPath) ?? 0;
    shown.set(listPath, count + 1);
    return count < itemCount;
  };
  // The sections' and reporters' feeds are the site unit's: only its segment counts them.
  const listFeedsHere = ownsSitePages(plan, index);
  let at = 0;
  for (const article of newestFirst) {
    let owned = at++ < itemCount || ownsArticle(plan, index, article.id);
    if (listFeedsHere) {
      if (inFeed(categoryPath(article.categoryId))) owned = true;
      for (const author of article.authorIds) if (inFeed(authorPath(author))) owned = true;
    }
    if (owned) bodies.add(article.id);
  }
  return bodies;
}

/** Whether segment `index` owns the site unit: home, site feeds, sitemaps, the lists' front pages… */
export const ownsSitePages = (plan: SegmentPlan, index: number): boolean => ownerOfUnit(plan, SITE_UNIT) === index;

/** Whether segment `index` owns the page of the published article `id`. */
export function ownsArticle(plan: SegmentPlan, index: number, id: number): boolean {
  const unit = plan.articleUnits.get(id);
  return unit !== undefined && ownerOfUnit(plan, unit) === index;
}

/** The published articles whose pages segment `index` owns (numbers), read from the plan alone. */
export function ownedArticleIds(plan: SegmentPlan, index: number): Set<number> {
  const units = new Set(plan.articleUnits.names().filter((unit) => ownerOfUnit(plan, unit) === index));
  return new Set(plan.articleUnits.idsOf(units));
}

/** The articles on the pages of `lists` that segment `index` owns (article numbers). */
export function articlesOnOwnedListPages(
  plan: SegmentPlan,
  index: number,
  { pageSize, paged }: NonNullable<SegmentIndex['lists']>,
): Set<number> {
  const shown = new Set<number>();
  for (const list of paged) {
    for (const page of listingPages(list.articles, pageSize, list.path)) {
      if (ownerOfFile(plan, pageFile(page.url)) === index) for (const id of page.items) shown.add(id);
    }
  }
  return shown;
}

/**
 * Whether segment `index` keeps a file it built: its own files, the shared `_astro/` ones, and what
 * it carries to the merge (`_bayegan-segment/`); the others belong to other segments, or to the merge.
 */
export function keptBySegment(plan: SegmentPlan, index: number, file: string): boolean {
  if (file.startsWith(`${SEGMENT_FOLDER}/`)) return true;
  const owner = ownerOfFile(plan, file);
  return owner === 'shared' || owner === index;
}
