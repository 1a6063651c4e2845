/**
 * Builds the Pagefind index at the end of `astro build` (Node-only). Only article pages are
 * indexed, and Pagefind reads a Persian-folded copy of each page (`foldHtmlForIndex`), so the
 * files readers get keep their own spelling.
 *
 * The index is written in shards (src/lib/search/shards.ts: a small one for the newest stories, a
 * larger one for the recent ones, then Jalali years), each in a worker thread with a Pagefind process
 * of its own (src/build/search-shard.ts), closed when the shard is written. Shards are indexed side
 * by side, one per core, as long as the articles in flight stay within one full shard and the
 * recent tier (src/lib/search/indexing-schedule.ts), so memory is bounded by that rather than by
 * the archive. Each shard is
 * kept in the build cache under a key made of its pages' indexed text, with the words it holds; a
 * shard whose pages did not change is linked from there instead of being indexed again. The words of
 * the year shards make the routing table (src/lib/search/routing.ts) that sends a reader's query to
 * the shards that can answer it. The index is written into the build's own output, before
 * `npm run build` moves it into place: a failed indexing fails the build.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  carriedDerivation,
  pagesOfBuild,
  recordDerivation,
  recycledDerivation,
  recycledFilesByFolder,
} from '#lib/incremental/render-plan.ts';
import { SiteWriter, siteWriter } from '#lib/link-files.ts';
import { articlePath, articlesPath, searchIndexPath, siteFolder } from '#lib/paths.ts';
import {
  AFTER_ASTRO_BYTES,
  articlesInFlight,
  indexesWiderAfterAstro,
  runWithinBudget,
} from '#lib/search/indexing-schedule.ts';
import { indexedHtml } from '#lib/search/normalize.ts';
import { indexTerms, textOfHtml } from '#lib/search/routing.ts';
import { patchPagefindScript } from '#lib/search/shard-precision.ts';
import { routingFiles } from './search-routes.ts';
import { indexShardInWorker, TERMS_FILE } from './search-shard.ts';
import {
  indexedArticles,
  planSearchTiers,
  routedShard,
  shardsManifest,
  type IndexedPage,
  type SearchShard,
  type SearchTiers,
} from '#lib/search/shards.ts';
import { segmentRun, type SegmentRun } from '#lib/segment-registry.ts';
import { HIGHLIGHT_FILE, keptBySegment, segmentTermsFile, shardUnit } from '#lib/segments.ts';
import { SHARDS_MANIFEST_NAME } from '#lib/search/scope.ts';

/** Bump when what is fed to Pagefind changes in a way the page text does not show (options, folding code). */
const INDEX_FORMAT = 'bayegan-search-4';
/** Name of what this step reads from each article page, in the incremental build's manifest. */
const DERIVATION = 'search';
/** The manifest's record of which cached shard each index folder of the site was linked from. */
const SHARD_FOLDERS_STEP = 'search-shards';
/** That record: the cached shard's name and how many files its folder of the site holds. */
const shardRecord = (cached: string, files: number) => `${path.basename(cached)} ${files}`;

/**
 * Pagefind's scripts that merge shards in the reader's browser, patched on the way out (see
 * src/lib/search/shard-precision.ts): the cache keeps Pagefind's own, so a new patch does not
 * re-index anything.
 */
const MERGING_SCRIPTS = ['pagefind.js', 'pagefind-worker.js'];

/** Where the articles and the search index are in the built site: `news`, `pagefind`. */
const ARTICLES_FOLDER = siteFolder(articlesPath);
const INDEX_FOLDER = siteFolder(searchIndexPath(''));

/** Highlights the searched words on the article page a result opens; shared at /pagefind/ (`HIGHLIGHT_FILE`). */
const HIGHLIGHT_SCRIPT = path.basename(HIGHLIGHT_FILE);
/** The shards manifest, in the site. */
const SHARDS_MANIFEST = `${INDEX_FOLDER}/${SHARDS_MANIFEST_NAME}`;
/** Pagefind's own search UIs (the search page has its own) and the words file are not served. */
const NOT_SERVED = /^(pagefind-(component-ui|modular-ui|highlight|ui)\.|bayegan-terms\.txt$)/;

export type PagefindIntegrationOptions = SearchTiers;

interface ArticlePage extends IndexedPage {
  /** The article's number, from its page's folder. */
  id: number;
  file: string;
  /** Hash of the text Pagefind is given for this page. */
  digest: string;
}

/**
 * Built article pages: `news/<id>/<slug>/index.html`, with the site path each is served at. Without
 * the base: the search page gives Pagefind the base as `baseUrl`, which it puts before every result.
 */
async function articlePageFiles(outDir: string): Promise<{ id: number; file: string; url: string }[]> {
  const newsDir = path.join(outDir, ARTICLES_FOLDER);
  // The build's own list of its pages, when it keeps one; the folder otherwise (`astro build`).
  const listed = pagesOfBuild(ARTICLES_FOLDER)?.map((file) =>
    file.slice(`${ARTICLES_FOLDER}/`.length).split('/').join(path.sep),
  );
  if (!listed && !existsSync(newsDir)) return [];
  const files = (listed ?? (await readdir(newsDir, { recursive: true, encoding: 'utf8' }))).filter((file) =>
    file.endsWith(`${path.sep}index.html`),
  );
  return files.sort().map((file) => {
    const [id, slug] = path.dirname(file).split(path.sep);
    // The site path of the article page `<id>/<slug>/index.html` (relative to news/).
    return { id: Number(id), file: path.join(newsDir, file), url: articlePath(Number(id), slug ?? '') };
  });
}

/** The page's publication date, from the `<time>` element search sorts by. */
function publicationDate(html: string, url: string): Date {
  const time = /<time\b[^>]*\bdata-pagefind-sort="date\[datetime\]"[^>]*>/.exec(html)?.[0];
  const datetime = time && /\bdatetime="([^"]+)"/.exec(time)?.[1];
  const date = datetime ? new Date(datetime) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(`Search indexing: ${url} has no publication <time datetime> to file it under a year.`);
  }
  return date;
}

/** The digest of the text Pagefind indexes for an article page, and its publication date (ISO). */
async function readArticlePage(file: string, url: string): Promise<[string, string]> {
  const html = await readFile(file, 'utf8');
  return [createHash('sha256').update(indexedHtml(html)).digest('base64url'), publicationDate(html, url).toISOString()];
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

/** The words of the given pages, for the routing table. */
async function termsOfPages(pages: readonly { file: string }[]): Promise<Set<string>> {
  const terms = new Set<string>();
  await inParallel(pages, 8, async (page) => {
    indexTerms(textOfHtml(indexedHtml(await readFile(page.file, 'utf8'))), terms);
  });
  return terms;
}

/**
 * The routing table of the given year shards, in the build cache under a key made of theirs: it is
 * built again only when one of them changed (once every 2,000 stories), not for every new story.
 * The folder holds `routes.json` and `routes/<chunk>.json`, as served under /pagefind/.
 */
function routingTable(cacheRoot: string, routed: readonly { id: string; cached: string }[]) {
  const key = createHash('sha256')
    .update(`${INDEX_FORMAT}\n${routed.map((shard) => path.basename(shard.cached)).join('\n')}`)
    .digest('base64url')
    .slice(0, 24);
  const dir = path.join(cacheRoot, `routes.${key}`);
  if (existsSync(dir)) return { dir, built: false };
  const fresh = `${dir}.partial-${process.pid}`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(path.join(fresh, 'routes'), { recursive: true });
  const files = routingFiles(
    routed.map(({ id, cached }) => ({ id, terms: readFileSync(path.join(cached, TERMS_FILE), 'utf8').split('\n') })),
  );
  for (const { file, body } of files) writeFileSync(path.join(fresh, file), body);
  renameSync(fresh, dir);
  return { dir, built: true };
}

/**
 * The shards of the whole archive, as one build lays them out, from the archive's index: this
 * segment's pages where it built them, the index's number and date for the others. A page whose
 * path or date differs from the index's would be filed elsewhere than one build files it: refused.
 * Matched by number, so that only the built pages' paths are made: the others' were made for
 * nothing, a slug of each file's name (about 3 s of a small segment of a million articles).
 */
function shardsOfWholeArchive(
  built: readonly ArticlePage[],
  { articles }: SegmentRun,
  options: PagefindIntegrationOptions,
): SearchShard<IndexedPage>[] {
  const byId = new Map(built.map((page) => [page.id, page]));
  if (byId.size < built.length) {
    const twice = built.find((page) => byId.get(page.id) !== page)!;
    throw new Error(
      `Search indexing: ${twice.url} and ${byId.get(twice.id)!.url} were both built for article ${twice.id}.`,
    );
  }
  // Every article of the archive, each in place of its page where this segment built it.
  const pages: IndexedPage[] = indexedArticles(articles);
  for (let at = 0; at < pages.length; at++) {
    const indexed = pages[at]!;
    const page = byId.get(indexed.id);
    if (!page) continue;
    const { url, date } = indexed;
    if (page.url !== url) throw new Error(`Search indexing: ${page.url} was built, the archive's index has ${url}.`);
    if (page.date.getTime() !== date.getTime()) {
      throw new Error(
        `Search indexing: ${url} shows ${page.date.toISOString()}, the archive's index ${date.toISOString()}.`,
      );
    }
    byId.delete(indexed.id);
    pages[at] = page;
  }
  if (byId.size > 0)
    throw new Error(`Search indexing: ${[...byId.values()][0]!.url} was built but is not in the archive's index.`);
  return planSearchTiers(pages, options);
}

/** This segment's shards; every article of each must be a page this segment built. */
function ownShards(shards: readonly SearchShard<IndexedPage>[], { plan, settings }: SegmentRun) {
  const own = shards.filter((shard) => plan.owners.get(shardUnit(shard.id)) === settings.index);
  for (const shard of own) {
    const missing = shard.pages.find((page) => !('file' in page));
    if (missing) throw new Error(`Search indexing: ${missing.url} of shard ${shard.id} was not built by this segment.`);
  }
  return own as SearchShard<ArticlePage>[];
}

/** A shard of this build and its place in the search cache, under a key made of its pages' indexed text. */
interface CachedShard {
  id: string;
  cached: string;
  pages: { file: string; url: string }[];
}

/**
 * What is left of the search step once the pages are read and the shards planned, as plain data:
 * index the shards the cache lacks, then place every shard, the routing table and `shards.json` in
 * the site. The step runs it at once, or (a large cold build) leaves it in a file for
 * `npm run build` to run after Astro has exited (`runDeferredSearch`).
 */
export interface SearchJob {
  /** The site being built (the staging folder). */
  siteDir: string;
  cacheRoot: string;
  /** Every shard, in the order the site lists them. */
  shards: CachedShard[];
  /** The text of `pagefind/shards.json`. */
  shardsManifest: string;
  /** A segment build: its shards' words go to the merge, which makes the routing table. */
  segment: boolean;
  /**
   * Whether this build keeps the highlighter and `shards.json`: a segment keeps them only when it
   * owns them (src/lib/segments.ts), which matters once it indexes after its segment step.
   */
  keeps: { highlighter: boolean; shardsManifest: boolean };
  tiers: SearchTiers;
  /** For the closing message: the articles, and how many pages were read rather than carried over. */
  articles: number;
  read: number;
}

/** The variable `npm run build` names the deferred search job's file in (scripts/build.ts). */
export const SEARCH_JOB_ENV = 'BAYEGAN_SEARCH_JOB';

/**
 * `always` or `never` instead of the build's own choice of whether to index after Astro has exited:
 * for tests and measurements.
 */
export const SEARCH_AFTER_ASTRO_ENV = 'BAYEGAN_SEARCH_AFTER_ASTRO';

/**
 * Runs a search job into `writer`'s site: indexes the shards the cache lacks, as many at a time as
 * fit beside what this process holds, places them all, and clears the cache of shards no page
 * belongs to any more. Returns the closing message.
 */
async function runSearchJob(
  job: SearchJob,
  writer: SiteWriter,
  started: number,
): Promise<{ message: string; shardFolders: Record<string, string> }> {
  const { cacheRoot, shards, segment } = job;
  mkdirSync(cacheRoot, { recursive: true });
  const budget = articlesInFlight(job.tiers, process.memoryUsage().rss, os.totalmem());
  // The shards not in the cache are indexed, side by side as far as cores and memory allow: two
  // full year shards, or one and the small newest ones, at once (a shard too large runs alone).
  const toIndex = shards.filter(({ cached }) => !existsSync(cached));
  await runWithinBudget(
    toIndex.map((shard) => ({ shard, weight: shard.pages.length })),
    { width: os.availableParallelism(), budget },
    async ({ shard: { cached, pages, id } }) => {
      const fresh = `${cached}.partial-${process.pid}`;
      rmSync(fresh, { recursive: true, force: true });
      await indexShardInWorker({ pages, target: fresh, withTerms: routedShard(id) });
      renameSync(fresh, cached);
    },
  );
  const indexed = toIndex.reduce((sum, { pages }) => sum + pages.length, 0);
  const used = new Set<string>();
  const routed: { id: string; cached: string }[] = [];
  const patched = new Map<string, string>();
  let shardsInPlace = 0;
  const shardFolders: Record<string, string> = {};
  const recycledShards = recycledFilesByFolder(INDEX_FOLDER);
  for (const { id, cached, pages } of shards) {
    used.add(path.basename(cached));
    if (routedShard(id)) {
      const termsFile = path.join(cached, TERMS_FILE);
      // A shard cached before it was routed has no words file yet: read once, then kept.
      if (!existsSync(termsFile)) writeFileSync(termsFile, [...(await termsOfPages(pages))].join('\n'));
      routed.push({ id, cached });
      // The merge makes the routing table from every segment's words (scripts/merge.ts).
      if (segment) writer.link(termsFile, segmentTermsFile(id));
    }
    const skip = (source: string) =>
      NOT_SERVED.test(path.basename(source)) || MERGING_SCRIPTS.includes(path.basename(source));
    const folder = `${INDEX_FOLDER}/${id}`;
    // A cached shard never changes under its name: a recycled site whose build placed this one's
    // files in this folder, as many as it has there now, still holds them (about 100,000 files at
    // 100,000 articles, each two system calls to compare otherwise; issue 16).
    const inRecycled = recycledShards.get(id) ?? [];
    let placed: number;
    if (
      inRecycled.length > 0 &&
      recycledDerivation(SHARD_FOLDERS_STEP, folder) === shardRecord(cached, inRecycled.length)
    ) {
      for (const file of inRecycled) writer.keep(file);
      placed = inRecycled.length - MERGING_SCRIPTS.length;
      shardsInPlace++;
    } else placed = writer.linkTree(cached, folder, (source) => !skip(source));
    for (const name of MERGING_SCRIPTS) {
      if (!patched.has(name))
        patched.set(name, patchPagefindScript(readFileSync(path.join(cached, name), 'utf8'), name));
      writer.write(`${folder}/${name}`, patched.get(name)!);
    }
    shardFolders[folder] = shardRecord(cached, placed + MERGING_SCRIPTS.length);
  }
  // The highlighter is the same in every shard: served once, from /pagefind/.
  if (shards.length > 0 && job.keeps.highlighter) {
    writer.link(path.join(cacheRoot, [...used][0]!, HIGHLIGHT_SCRIPT), HIGHLIGHT_FILE);
  }
  const routes = segment ? undefined : routingTable(cacheRoot, routed);
  if (routes) {
    used.add(path.basename(routes.dir));
    writer.linkTree(routes.dir, INDEX_FOLDER);
  }
  if (job.keeps.shardsManifest) writer.write(SHARDS_MANIFEST, job.shardsManifest);
  // Shards no page belongs to any more (older versions of changed shards) leave the cache.
  for (const name of readdirSync(cacheRoot)) {
    if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
  }
  const message =
    `Indexed ${job.articles} articles for search in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
    `${shards.length} shard(s) (${shardsInPlace} of them in place already), ${indexed} articles indexed anew, the rest reused from the build cache; ` +
    `routing table for the words of ${routed.length} year shard(s) ${routes ? (routes.built ? 'built' : 'reused') : 'left to the merge'}; ` +
    `${job.read} pages read, the others carried over unchanged.`;
  return { message, shardFolders };
}

/**
 * Whether the shards to index wait until Astro has exited, when `npm run build` is there to run them
 * (not a plain `astro build`): in a segment build, always (its Astro process holds the whole
 * archive's index, its shards are a share: made to index beside that process, segment 3/8 of
 * 100,000 articles peaked at 4.42–4.45 GB, search 38–43 s; after it, 3.71 GB, search 25–28 s;
 * the rule below chose the same there, but not for one large shard or a larger memory); otherwise
 * when more of them could then be indexed side by side (a large cold build, whose pages and index
 * Astro's process still holds); or when a test asks for it.
 */
function indexAfterAstro(toIndex: readonly CachedShard[], tiers: SearchTiers, segment: boolean): boolean {
  if (!process.env[SEARCH_JOB_ENV]) return false;
  const forced = process.env[SEARCH_AFTER_ASTRO_ENV];
  if (forced === 'always' || forced === 'never') return forced === 'always';
  if (segment && toIndex.length > 0) return true;
  const weights = toIndex.map((shard) => shard.pages.length);
  const now = articlesInFlight(tiers, process.memoryUsage().rss, os.totalmem());
  return indexesWiderAfterAstro(weights, now, articlesInFlight(tiers, AFTER_ASTRO_BYTES, os.totalmem()));
}

/**
 * Runs the search job the build left (see `SearchJob`), in `npm run build`'s own process after
 * Astro has exited, and removes its file. Returns the files it placed in the site, which the
 * manifest of the next build must list, and the closing message.
 */
export async function runDeferredSearch(
  jobFile: string,
): Promise<{ placed: string[]; derived: Record<string, Record<string, string>>; message: string }> {
  const started = performance.now();
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as SearchJob;
  const writer = new SiteWriter(job.siteDir);
  const { message, shardFolders } = await runSearchJob(job, writer, started);
  rmSync(jobFile, { force: true });
  return {
    placed: [...writer.placed],
    derived: { [SHARD_FOLDERS_STEP]: shardFolders },
    message: `${message} (after Astro had exited)`,
  };
}

export function pagefindIntegration(options: PagefindIntegrationOptions): AstroIntegration {
  let cacheRoot = '';
  let pagefindVersion = '';
  return {
    name: 'bayegan:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = path.join(fileURLToPath(config.cacheDir), 'bayegan-search');
        // A new Pagefind may write another index format: its shards are not reused.
        const manifest = path.join(fileURLToPath(config.root), 'node_modules/pagefind/package.json');
        pagefindVersion = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const files = await articlePageFiles(outDir);
        logger.info(`Indexing ${files.length} articles for search…`);
        let read = 0;
        const pages = await inParallel(files, 8, async ({ id, file, url }): Promise<ArticlePage> => {
          // What the previous build read from a page it carried over unchanged is still true: the
          // page is not read again (reading all of them took most of an unchanged 100,000-article build).
          const siteFile = path.relative(outDir, file).split(path.sep).join('/');
          const [digest, date] =
            carriedDerivation(DERIVATION, siteFile)?.split(' ') ?? (read++, await readArticlePage(file, url));
          recordDerivation(DERIVATION, siteFile, `${digest} ${date}`);
          return { id, file, url, digest: digest!, date: new Date(date!) };
        });
        const segment = segmentRun();
        // A segment indexes only its own shards, laid out as the whole archive's are (src/lib/segments.ts).
        const allShards = segment ? shardsOfWholeArchive(pages, segment, options) : planSearchTiers(pages, options);
        const shards = segment ? ownShards(allShards, segment) : (allShards as SearchShard<ArticlePage>[]);
        const job: SearchJob = {
          siteDir: outDir,
          cacheRoot,
          shards: shards.map((shard) => {
            // Each shard's place in the cache, under a key made of its pages' indexed text.
            const key = createHash('sha256')
              .update(`${INDEX_FORMAT}\n${pagefindVersion}\n${shard.id}\n`)
              .update(shard.pages.map((page) => `${page.url} ${page.digest}`).join('\n'))
              .digest('base64url')
              .slice(0, 24);
            return {
              id: shard.id,
              cached: path.join(cacheRoot, `${shard.id}.${key}`),
              pages: shard.pages.map(({ file, url }) => ({ file, url })),
            };
          }),
          shardsManifest: JSON.stringify(shardsManifest(allShards)),
          segment: segment !== undefined,
          keeps: {
            highlighter: !segment || keptBySegment(segment.plan, segment.settings.index, HIGHLIGHT_FILE),
            shardsManifest: !segment || keptBySegment(segment.plan, segment.settings.index, SHARDS_MANIFEST),
          },
          tiers: options,
          articles: pages.length,
          read,
        };
        const toIndex = job.shards.filter(({ cached }) => !existsSync(cached));
        if (indexAfterAstro(toIndex, options, job.segment)) {
          writeFileSync(process.env[SEARCH_JOB_ENV]!, JSON.stringify(job));
          logger.info(
            `Read ${pages.length} articles for search; ${toIndex.length} shard(s) to index are left until Astro has exited, when more of them fit in memory side by side.`,
          );
          return;
        }
        const { message, shardFolders } = await runSearchJob(job, siteWriter(outDir), started);
        for (const [folder, name] of Object.entries(shardFolders)) recordDerivation(SHARD_FOLDERS_STEP, folder, name);
        logger.info(message);
      },
    },
  };
}
