/**
 * A segment build's settings and plan, shared inside `astro build` (Node-only) between the data
 * module that decides what is built (src/data/segments.ts, in the bundled pages' module graph) and
 * the build steps (src/build/, in the configuration's), like the incremental build's registry.
 * Only `npm run build -- --segment K/N` turns it on (scripts/build.ts sets BAYEGAN_SEGMENT); and
 * the same for the plan of `npm run build -- --plan N` (BAYEGAN_SEGMENT_PLAN, src/lib/segment-reuse.ts).
 */
import { receivedPlan, sentPlan, type SegmentChoice, type SegmentPlan, type SentPlan } from './segments.ts';
import { processWideValue } from './process-wide.ts';
import type { ArticleRows } from './article-list.ts';

/** What scripts/build.ts passes in BAYEGAN_SEGMENT (JSON), and what the segment's stamp records. */
export interface SegmentSettings extends SegmentChoice {
  /** The commit the build runs from (empty outside git). */
  commit: string;
  /** The digest of the code, configuration, site settings and build options. */
  settings: string;
  /** The build's "now" (BAYEGAN_NOW as given). */
  now: string;
}

/** The plan of this build, once the data module has made it from the whole archive's index. */
export interface SegmentRun {
  settings: SegmentSettings;
  plan: SegmentPlan;
  /** A digest of the whole index the plan was made from: segments of one site agree on it. */
  indexDigest: string;
  /**
   * Every published article's number and date, for the search index's layout (and the paths of
   * those this segment built, to check its pages against).
   */
  articles: ArticleRows<{ id: number; path: string; date: Date; time?: number }>;
  /** The numbers of the published articles this segment's pages show (src/lib/shown-articles.ts). */
  inFull: ReadonlySet<number>;
  /** How many published articles this segment's pages show, which it holds in full; the rest it holds packed. */
  articlesInFull: number;
  /** Whether the build's thread took content sync's reckoning of the share (`takeSyncedSegmentRun`) rather than reckon it again. */
  shareFromSync: boolean;
  /** Whether its pages released the packed articles' files and paths (`releasePackedFiles`, src/data/articles.ts). */
  filesReleased: boolean;
}

/** The variable scripts/build.ts passes a segment build's settings in (JSON). */
export const SEGMENT_ENV = 'BAYEGAN_SEGMENT';

export function segmentSettings(env: NodeJS.ProcessEnv = process.env): SegmentSettings | undefined {
  const raw = env[SEGMENT_ENV];
  return raw ? (JSON.parse(raw) as SegmentSettings) : undefined;
}

const registered = processWideValue<SegmentRun>('bayegan.segmentRun');

export function recordSegmentRun(run: SegmentRun): void {
  registered.set(run);
}

/** The segment plan of this build: undefined in a whole build, an error if the pages never made it. */
export function segmentRun(): SegmentRun | undefined {
  if (!segmentSettings()) return undefined;
  const run = registered.get();
  if (!run) throw new Error('A segment build ended without a segment plan: no article route asked for one.');
  return run;
}

/**
 * How many articles the whole archive publishes, in a segment build once its plan is made (the
 * page worker's rule, src/lib/parallel-pages.ts); undefined in any other build.
 */
export const segmentArchiveArticles = (): number | undefined =>
  segmentSettings() ? registered.get()?.articles.length : undefined;

/**
 * What the build's thread reckoned of its segment run, as it is sent to its page worker
 * (src/build/page-workers.ts): the plan, the articles held in full and the index's digest. The
 * worker loads the same archive and takes these rather than reckon them again: reckoning the
 * plan of the whole site a second time took a page worker's heap from 0.98 to 1.65 GB at a million
 * articles.
 */
export interface SentSegmentRun {
  plan: SentPlan;
  inFull: number[];
  indexDigest: string;
}

/** This build's segment run as its page worker takes it; undefined when there is none yet (the worker reckons it). */
export function segmentRunToSend(): SentSegmentRun | undefined {
  const run = registered.get();
  return run && { plan: sentPlan(run.plan), inFull: [...run.inFull], indexDigest: run.indexDigest };
}

const sentRun = processWideValue<SentSegmentRun | undefined>('bayegan.sentSegmentRun');

/** In a page worker: the segment run the build's thread sent. */
export function adoptSegmentRun(run: SentSegmentRun | undefined): void {
  if (run) sentRun.set(run);
}

/** The segment run the build's thread sent this page worker, taken once; undefined elsewhere. */
export function takeSentSegmentRun(): Pick<SegmentRun, 'plan' | 'inFull' | 'indexDigest'> | undefined {
  const run = sentRun.get();
  sentRun.set(undefined);
  return run && { plan: receivedPlan(run.plan), inFull: new Set(run.inFull), indexDigest: run.indexDigest };
}

/**
 * What content sync reckoned of its segment (src/build/segment-bodies.ts), from the entries it
 * read: the plan, the articles its pages read in full, and the digest of what the reckoning read of
 * the archive (`shareInputLine`, src/lib/shown-articles.ts).
 */
export interface SyncedSegmentRun {
  plan: SegmentPlan;
  inFull: ReadonlySet<number>;
  inputDigest: string;
}

const synced = processWideValue<SyncedSegmentRun | undefined>('bayegan.syncedSegmentRun');

/** Called by content sync once it has reckoned its segment's share. */
export function recordSyncedSegmentRun(run: SyncedSegmentRun): void {
  synced.set(run);
}

/**
 * Content sync's reckoning of this segment's share, taken once, when the archive the pages read
 * gives the same digest of what it was reckoned from (`inputDigest`); else undefined, and the pages
 * reckon it again from theirs. Reckoning it again took the build's thread about 6 s of page
 * generation at a million articles (segment 3 of 256, 6 December 2026), where the digest takes
 * about 1.2 s more than the index's digest alone, in the same pass.
 */
export function takeSyncedSegmentRun(inputDigest: string): SyncedSegmentRun | undefined {
  const run = synced.get();
  synced.set(undefined);
  return run?.inputDigest === inputDigest ? run : undefined;
}

const shown = processWideValue<ReadonlySet<number>>('bayegan.segmentBodies');

/**
 * The articles whose bodies this segment shows, as its content sync reckoned them
 * (src/build/segment-bodies.ts): the Markdown bodies it rendered, the MDX modules its bundle holds;
 * and of those, the articles whose pages it renders (the others are its feeds' newest items).
 */
export function recordShownArticles(articles: ReadonlySet<number>, pages: ReadonlySet<number>): void {
  shown.set(articles);
  const waiting = reckoned.get();
  // A later reckoning of the same process (a test's next sync) replaces the one given.
  if (waiting && !waiting.given) waiting.resolve(pages);
  reckoned.set({ promise: Promise.resolve(pages), resolve: () => {}, given: true });
}

/** The reckoning's promise, made by whichever side comes first: content sync's loaders run side by side. */
const reckoned = processWideValue<{
  promise: Promise<ReadonlySet<number>>;
  resolve: (pages: ReadonlySet<number>) => void;
  /** Whether the reckoning was made. */
  given: boolean;
}>('bayegan.segmentPagesReckoned');

function reckoning() {
  return reckoned.get() ?? reckoned.set({ ...Promise.withResolvers<ReadonlySet<number>>(), given: false });
}

/**
 * The articles whose pages this segment renders, once its content sync reckoned them: the comments'
 * loader waits for it (src/lib/content/comments-by-share.ts).
 */
export function articlePagesReckoned(): Promise<ReadonlySet<number>> {
  return reckoning().promise;
}

/** The articles whose bodies this segment shows; undefined when no content sync reckoned them (every body is there). */
export function shownArticles(): ReadonlySet<number> | undefined {
  return shown.get();
}

/** What scripts/build.ts passes in BAYEGAN_SEGMENT_PLAN (JSON) for `npm run build -- --plan N`. */
export interface PlanSettings {
  /** The number of segments. */
  count: number;
  /** The digest of the code, settings and build options, as the segment builds take it. */
  codeDigest: string;
  /** The last merged site's manifest, and the merge's record of its segments. */
  manifestFile: string;
  mergedFile: string;
  /**
   * Whether both are there to compare with. Without them every segment is built and no page is
   * fingerprinted; the plan reads the content all the same, for its index and its content cache.
   */
  compare: boolean;
  /** Where the plan is written. */
  planFile: string;
}

/** What the plan build gathers from the routes: every page's fingerprint and the whole site's plan. */
export interface PlanRun {
  settings: PlanSettings;
  /** The build-wide digest the fingerprints are taken with (as the segments' manifests record it). */
  buildDigest: string;
  /** Every page of the dynamic routes → its fingerprint. */
  pages: Map<string, string>;
  plan: SegmentPlan;
}

export function planSettings(env: NodeJS.ProcessEnv = process.env): PlanSettings | undefined {
  const raw = env['BAYEGAN_SEGMENT_PLAN'];
  return raw ? (JSON.parse(raw) as PlanSettings) : undefined;
}

const planned = processWideValue<PlanRun>('bayegan.segmentPlanRun');

export function recordPlanRun(run: PlanRun): PlanRun {
  return planned.set(run);
}

/** The plan build's pages and plan: undefined outside `--plan`, an error if no route gave its pages. */
export function planRun(): PlanRun | undefined {
  if (!planSettings()) return undefined;
  const run = planned.get();
  if (!run) throw new Error('A plan build ended without a plan: no article route listed its pages.');
  return run;
}
