/**
 * Page generation on two threads (issue 16), the rules src/build/page-workers.ts follows. Astro
 * renders pages on one thread; on a 2-core machine the other core sat idle for the 30–45 s a cold
 * 10,000-article build spends on pages. A worker thread with its own copy of the built pages renders
 * part of them, and the build's own thread writes every page, so the site is the same file for file.
 */
import { buildMemoryCeiling } from '#lib/build-memory.ts';

/**
 * Fewer pages than this are all rendered by the build's own thread: a worker first loads its own
 * copy of the bundle and of the data store (about a second at 10,000 articles), which a small or
 * incremental build would not win back.
 */
export const PAGE_WORKER_MIN_PAGES = 2000;

/**
 * Fewer pages than one for every this many articles of the archive are all rendered by the build's
 * own thread, however many they are: a worker holds its own copy of the whole archive's index,
 * which it loads before its first page. At a million articles that copy was about 0.3 GB of heap
 * and took about 35 s, in which the build's thread rendered some 3,500 pages alone; segment 3 of
 * 256 (5,378 pages) left the worker 211–587 of them, 3 of 64 (20,914) about 8,800 (5 December
 * 2026); without it, that segment's page generation took no longer (35–45 s against 40–52 s).
 */
export const ARTICLES_PER_WORKER_PAGE = 100;

const GIB = 1024 ** 3;
/** A worker with less room than this would outgrow it on a large archive: none is started. */
const MIN_ROOM_BYTES = 1 * GIB;

/**
 * Whether a page worker is started: enough pages (`minPages`, and one for every hundred of the
 * `archiveArticles`, the whole archive's published articles when the build knows them) and at least
 * 1 GB of room beside what the build holds (`usedBytes`) within the build's memory ceiling. The
 * room is not a heap limit V8 could enforce: the build sets the process's `--max-old-space-size`
 * (scripts/build.ts), which overrides a worker's own. The build's thread stops the worker instead
 * when the process passes the ceiling (`pageWorkerMustStop`), and renders its pages: slower, never
 * different.
 */
export function startsPageWorker(
  pages: number,
  usedBytes: number,
  machineBytes: number,
  { minPages = PAGE_WORKER_MIN_PAGES, archiveArticles = 0 }: { minPages?: number; archiveArticles?: number } = {},
): boolean {
  const enoughPages = pages >= Math.max(minPages, archiveArticles / ARTICLES_PER_WORKER_PAGE);
  return enoughPages && buildMemoryCeiling(machineBytes) - usedBytes >= MIN_ROOM_BYTES;
}

/**
 * Whether the page worker must stop: the build's process holds more than its memory ceiling
 * (`residentBytes`, all threads). The worker is the part of the build that can be let go; at a
 * million articles its own copy of the index took about 2 GB and the process 7.48 GB.
 */
export function pageWorkerMustStop(residentBytes: number, machineBytes: number): boolean {
  return residentBytes > buildMemoryCeiling(machineBytes);
}

/** How the two threads name a route: its pattern and its component, one per line. */
export function routeKey(route: { route: string; component: string }): string {
  return `${route.route}\n${route.component}`;
}

/**
 * The URL a worker gives a page in place of an optimised image's: Astro names the image file in the
 * build's own thread, which then puts the real URL in its place (`fillImageStandIns`). Letters,
 * digits and `-` only, so that nothing on the way into the page (attribute escaping, JSON, an
 * absolute URL made from it) changes it.
 */
export function imageStandIn(nonce: string, index: number): string {
  return `/bayegan-image-${nonce}-${index}`;
}

const STAND_IN = /\/bayegan-image-[0-9a-z]+-\d+/g;
/** What attribute or JSON escaping would change: such a URL cannot be put into the page as it is. */
const ESCAPED = /[&<>"'\\]/;

/**
 * The page with each image stand-in replaced by the image's URL (`urls`: stand-in → URL), or
 * undefined when it cannot be done exactly (a URL that escaping would have changed, a stand-in
 * with no URL): the page is then rendered again by the build's own thread.
 */
export function fillImageStandIns(page: string, urls: ReadonlyMap<string, string>): string | undefined {
  if (urls.size === 0) return page;
  for (const url of urls.values()) if (ESCAPED.test(url)) return undefined;
  let complete = true;
  const filled = page.replace(STAND_IN, (standIn) => {
    const url = urls.get(standIn);
    if (url === undefined) complete = false;
    return url ?? standIn;
  });
  return complete ? filled : undefined;
}
