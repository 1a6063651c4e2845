/**
 * Builds the Pagefind index at the end of `astro build` (Node-only). Only article pages are
 * indexed, and Pagefind reads a Persian-folded copy of each page (`foldHtmlForIndex`), so the
 * files readers get keep their own spelling.
 *
 * The index is written in shards (`shards.ts`: a small one for the newest stories, a larger one for
 * the recent ones, then Jalali years): one Pagefind process per shard, closed before the next
 * starts, so memory is bounded by the largest shard rather than the archive. Each shard is kept in
 * the build cache under a key made of its pages' indexed text; a shard whose pages did not change
 * is linked from there instead of being indexed again. The index is written into the build's own
 * output, before `npm run build` moves it into place: a failed indexing fails the build.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { carriedDerivation, pagesOfBuild, recordDerivation } from '../incremental/render-plan.ts';
import { siteWriter } from '../link-files.ts';
import { foldHtmlForIndex, indexableHtml } from './normalize.ts';
import { KEEP_MATCHING_SHARDS, patchPagefindScript } from './shard-precision.ts';
import { planSearchTiers, shardsManifest, type IndexedPage, type SearchTiers } from './shards.ts';

/** Bump when what is fed to Pagefind changes in a way the page text does not show (options, folding code). */
const INDEX_FORMAT = 'bayegan-search-3';
/** Name of what this step reads from each article page, in the incremental build's manifest. */
const DERIVATION = 'search';

/** Pagefind's scripts that merge shards in the reader's browser (see shard-precision.ts). */
const MERGING_SCRIPTS = ['pagefind.js', 'pagefind-worker.js'];

/** The files a shard needs at its own path; the UI files are shared at /pagefind/. */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
const SHARED_UI_ONLY = /^pagefind-(component-ui|modular-ui|highlight|ui)\./;

export interface PagefindIntegrationOptions extends SearchTiers {
  /** How many articles a reader's search covers by default (`search.defaultScopeArticles`). */
  defaultScopeArticles: number;
}

interface ArticlePage extends IndexedPage {
  file: string;
  /** Hash of the text Pagefind is given for this page. */
  digest: string;
}

/**
 * Built article pages: `news/<id>/<slug>/index.html`, with the site path each is served at. Without
 * the base: the search page gives Pagefind the base as `baseUrl`, which it puts before every result.
 */
async function articlePageFiles(outDir: string): Promise<{ file: string; url: string }[]> {
  const newsDir = path.join(outDir, 'news');
  // The build's own list of its pages, when it keeps one; the folder otherwise (`astro build`).
  const listed = pagesOfBuild('news')?.map((file) => file.slice('news/'.length).split('/').join(path.sep));
  if (!listed && !existsSync(newsDir)) return [];
  const files = (listed ?? (await readdir(newsDir, { recursive: true, encoding: 'utf8' }))).filter((file) =>
    file.endsWith(`${path.sep}index.html`),
  );
  return files.sort().map((file) => ({
    file: path.join(newsDir, file),
    url: `/news/${path.dirname(file).split(path.sep).map(encodeURIComponent).join('/')}/`,
  }));
}

/** The text Pagefind indexes for one page. */
function indexedText(html: string): string {
  return foldHtmlForIndex(indexableHtml(html));
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
  return [createHash('sha256').update(indexedText(html)).digest('base64url'), publicationDate(html, url).toISOString()];
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

/** Indexes one shard's pages into `target` in a Pagefind process of its own. */
async function indexShard(pages: readonly ArticlePage[], target: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fa' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Pages are handed over in one fixed order, so the same pages make the same index files;
    // Node reads and folds the next pages meanwhile, and a few wait at Pagefind's door.
    const reads: (Promise<string> | undefined)[] = [];
    const read = (at: number) => (reads[at] ??= readFile(pages[at]!.file, 'utf8').then((html) => indexedText(html)));
    const waiting: Promise<void>[] = [];
    for (let at = 0; at < pages.length; at++) {
      for (let ahead = at; ahead < Math.min(pages.length, at + 8); ahead++) void read(ahead);
      const content = await read(at);
      reads[at] = undefined;
      const { url } = pages[at]!;
      waiting.push(
        index.addHTMLFile({ url, content }).then((added) => {
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
        }),
      );
      if (waiting.length >= 4) await waiting.shift();
    }
    await Promise.all(waiting);
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    for (const name of MERGING_SCRIPTS) {
      const file = path.join(target, name);
      writeFileSync(file, patchPagefindScript(readFileSync(file, 'utf8'), name));
    }
  } finally {
    // Ends the Pagefind process and frees its memory before the next shard.
    await pagefind.close();
  }
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
        const pages = await inParallel(files, 8, async ({ file, url }): Promise<ArticlePage> => {
          // What the previous build read from a page it carried over unchanged is still true: the
          // page is not read again (reading all of them took most of an unchanged 100,000-article build).
          const siteFile = path.relative(outDir, file).split(path.sep).join('/');
          const [digest, date] =
            carriedDerivation(DERIVATION, siteFile)?.split(' ') ?? (read++, await readArticlePage(file, url));
          recordDerivation(DERIVATION, siteFile, `${digest} ${date}`);
          return { file, url, digest: digest!, date: new Date(date!) };
        });
        const shards = planSearchTiers(pages, options);
        const writer = siteWriter(outDir);
        mkdirSync(cacheRoot, { recursive: true });
        const used = new Set<string>();
        let indexed = 0;
        for (const shard of shards) {
          const key = createHash('sha256')
            .update(`${INDEX_FORMAT}\n${pagefindVersion}\n${KEEP_MATCHING_SHARDS}\n${shard.id}\n`)
            .update(shard.pages.map((page) => `${page.url} ${page.digest}`).join('\n'))
            .digest('base64url')
            .slice(0, 24);
          const cached = path.join(cacheRoot, `${shard.id}.${key}`);
          used.add(path.basename(cached));
          if (!existsSync(cached)) {
            const fresh = `${cached}.partial-${process.pid}`;
            rmSync(fresh, { recursive: true, force: true });
            await indexShard(shard.pages, fresh);
            renameSync(fresh, cached);
            indexed += shard.pages.length;
          }
          writer.linkTree(cached, `pagefind/${shard.id}`, (source) => !SHARED_UI_ONLY.test(path.basename(source)));
        }
        // The UI is the same in every shard: served once, from /pagefind/.
        if (shards.length > 0) {
          const primary = path.join(cacheRoot, [...used][0]!);
          for (const name of UI_FILES) writer.link(path.join(primary, name), `pagefind/${name}`);
        }
        writer.write('pagefind/shards.json', JSON.stringify(shardsManifest(shards, options.defaultScopeArticles)));
        // Shards no page belongs to any more (older versions of changed shards) leave the cache.
        for (const name of readdirSync(cacheRoot)) {
          if (!used.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
        }
        logger.info(
          `Indexed ${pages.length} articles for search in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
            `${shards.length} shard(s), ${indexed} articles indexed anew, the rest reused from the build cache; ` +
            `${read} pages read, the others carried over unchanged.`,
        );
      },
    },
  };
}
