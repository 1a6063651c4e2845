// `npm run bench:search -- <built-site-dir> [query…]`: serves a built site on 127.0.0.1, opens its
// search page in Debian's Chromium, types each query into a fresh page and prints what a reader's
// first search costs: bytes loaded with the page, bytes fetched for the query (Pagefind's code,
// wasm, the routing table's chunks, the shards' metadata and index chunks, the first page of
// results), how many shards it opened, and the time until results show (the page's 300 ms typing
// pause included); then, in the same page, a second query (the next one of the list) once the code
// and the newest shards are loaded. It also prints the index's size. It asserts nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { searchIndexPath, searchPath, siteFolder } from '../src/lib/paths.ts';
import type { Page } from 'playwright-core';
import type { RoutingIndex } from '../src/lib/search/routing.ts';
import { SHARDS_MANIFEST_NAME, type SearchShardsManifest } from '../src/lib/search/scope.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import './check-node.mjs';

const [siteDir, ...given] = process.argv.slice(2);
if (!siteDir || !existsSync(path.join(siteDir, siteFolder(searchIndexPath(''))))) {
  console.error(
    'Usage: npm run bench:search -- <built-site-dir> [query…]\nThe folder must hold a built site with its pagefind/ index (npm run build).',
  );
  process.exit(1);
}
const root = path.resolve(siteDir);
const server = await serveStatic(root, { withHeaders: true });
const origin = server.origin;

const indexFiles = readdirSync(path.join(root, siteFolder(searchIndexPath(''))), {
  recursive: true,
  withFileTypes: true,
}).filter((entry) => entry.isFile());
const indexBytes = indexFiles.reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
console.log(`Index: ${indexFiles.length} files, ${(indexBytes / 1_048_576).toFixed(1)} MiB`);
const manifest: SearchShardsManifest = JSON.parse(
  readFileSync(path.join(root, siteFolder(searchIndexPath(SHARDS_MANIFEST_NAME))), 'utf8'),
);
const routes: RoutingIndex = JSON.parse(
  readFileSync(path.join(root, siteFolder(searchIndexPath('routes.json'))), 'utf8'),
);
console.log(
  `Shards: ${manifest.shards.length} (${manifest.shards.reduce((sum, shard) => sum + shard.articles, 0)} articles); ` +
    `routing table: ${routes.chunks.length} chunks over ${routes.shards.length} year shards`,
);
const browser = await launchChromium();
// Sizes on the wire: a CDN sends text (scripts, styles, pages, JSON) gzip-compressed, and
// Pagefind's index files and fonts as they are (already compressed).
const wireSize = (url: string, body: Buffer) =>
  /\.(js|css|html|json|svg|xml)$|\/$/.test(new URL(url).pathname) ? gzipSync(body).length : body.length;
console.log(
  'query | page load (KB on the wire) | first query (KB on the wire) | shards opened | results after (ms, typing pause incl.) | then | second query (ms, typing pause incl.)',
);
const queries = given.length > 0 ? given : ['بازار', 'كتابها', '1403', '"بازار تهران"'];
/** Waits until the status reports the search for `typed` done; returns the milliseconds from `started`. */
async function settled(page: Page, typed: string, started: number): Promise<number> {
  await page.waitForFunction(
    (query) => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status.includes(`«${query}»`) && !/در حال/.test(status);
    },
    typed,
    { timeout: 60_000 },
  );
  return performance.now() - started;
}
for (const [at, query] of queries.entries()) {
  const page = await browser.newPage();
  const bytes = { load: 0, query: 0, second: 0 };
  const shards = new Set<string>();
  let phase: keyof typeof bytes = 'load';
  page.on('response', async (response) => {
    const phaseAtStart = phase;
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes[phaseAtStart] += wireSize(response.url(), body);
    if (phaseAtStart === 'query' && response.url().endsWith('.pf_meta')) shards.add(response.url());
  });
  await page.goto(`${origin}${searchPath}`, { waitUntil: 'networkidle' });
  phase = 'query';
  let started = performance.now();
  await page.fill('#search-input', query);
  const elapsed = await settled(page, query, started);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const next = queries[(at + 1) % queries.length]!;
  phase = 'second';
  started = performance.now();
  await page.fill('#search-input', next);
  const second = await settled(page, next, started);
  const status = (await page.locator('#search-status').textContent()) ?? '';
  console.log(
    `${query} | ${(bytes.load / 1024).toFixed(0)} | ${(bytes.query / 1024).toFixed(0)} | ${shards.size} | ` +
      `${elapsed.toFixed(0)} | ${next}: ${status.slice(0, 60)} | ${second.toFixed(0)} (${(bytes.second / 1024).toFixed(0)} KB)`,
  );
  await page.close();
}
await browser.close();
await server.close();
