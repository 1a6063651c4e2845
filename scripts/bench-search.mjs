// `npm run bench:search -- <built-site-dir> [--scope recent|all|<shard>] [query…]`: serves a built
// site on 127.0.0.1, opens its search page (`?scope=`, the default scope unless given) in Debian's
// Chromium, types each query into a fresh page and prints what a reader's first search costs:
// bytes loaded with the page, bytes fetched for the query (Pagefind's code, wasm and index chunks),
// and the time until results show (Pagefind's 300 ms typing debounce included); then the same
// search over the same shards once their chunks are loaded. It also prints the index's size. It
// asserts nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
/* global document -- the waitForFunction callback runs in the page. */
import { normalizeQuery } from '../src/lib/search/normalize.ts';
import { shardsInScope } from '../src/lib/search/scope.ts';
import { launchChromium } from './lib/chromium.mjs';
import { serveStatic } from './lib/static-server.mjs';
import './check-node.mjs';

const args = process.argv.slice(2);
const scopeAt = args.indexOf('--scope');
const scope = scopeAt >= 0 ? args.splice(scopeAt, 2)[1] : undefined;
const [siteDir, ...queries] = args;
if (!siteDir || !existsSync(path.join(siteDir, 'pagefind'))) {
  console.error(
    'Usage: npm run bench:search -- <built-site-dir> [--scope recent|all|<shard>] [query…]\nThe folder must hold a built site with its pagefind/ index (npm run build).',
  );
  process.exit(1);
}
const root = path.resolve(siteDir);
const server = await serveStatic(root, { withHeaders: true });
const origin = server.origin;

const indexFiles = readdirSync(path.join(root, 'pagefind'), { recursive: true, withFileTypes: true }).filter((entry) =>
  entry.isFile(),
);
const indexBytes = indexFiles.reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
console.log(`Index: ${indexFiles.length} files, ${(indexBytes / 1_048_576).toFixed(1)} MiB`);
const manifest = JSON.parse(readFileSync(path.join(root, 'pagefind/shards.json'), 'utf8'));
const inScope = shardsInScope(manifest, scope ?? null);
console.log(
  `Scope ${scope ?? '(default)'}: ${inScope.length} of ${manifest.shards.length} shards, ` +
    `${manifest.shards.filter((shard) => inScope.includes(shard.id)).reduce((sum, shard) => sum + shard.articles, 0)} articles`,
);

const browser = await launchChromium();
// Sizes on the wire: a CDN sends text (scripts, styles, pages, JSON) gzip-compressed, and
// Pagefind's index files and fonts as they are (already compressed).
const wireSize = (/** @type {string} */ url, /** @type {Buffer} */ body) =>
  /\.(js|css|html|json|svg|xml)$|\/$/.test(new URL(url).pathname) ? gzipSync(body).length : body.length;
console.log(
  'query | page load (KB on the wire) | first query (KB on the wire) | results after (ms) | search with chunks loaded (ms)',
);
for (const query of queries.length > 0 ? queries : ['بازار', 'كتابها', '1403']) {
  const page = await browser.newPage();
  const bytes = { load: 0, query: 0 };
  let phase = 'load';
  page.on('response', async (response) => {
    const phaseAtStart = phase;
    const body = await response.body().catch(() => Buffer.alloc(0));
    bytes[phaseAtStart] += wireSize(response.url(), body);
  });
  await page.goto(`${origin}/search/${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`, {
    waitUntil: 'networkidle',
  });
  phase = 'query';
  const started = performance.now();
  await page.fill('.pagefind-ui__search-input', query);
  // Results, or the final message: Pagefind says «در حال جستجو…» until it has them.
  await page.waitForFunction(
    () =>
      document.querySelector('.pagefind-ui__result-link') !== null ||
      /^(?!.*در حال).+$/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''),
    undefined,
    { timeout: 60_000 },
  );
  const elapsed = performance.now() - started;
  await page.waitForLoadState('networkidle');
  // The same search (folded as the search page folds it) once its index chunks are in the browser: Pagefind's own work, without the
  // network and without the search box's 300 ms typing pause.
  const searchMs = await page.evaluate(
    async ([term, ids]) => {
      const pagefind = await import(`/pagefind/${ids[0]}/pagefind.js`);
      for (const id of ids.slice(1)) await pagefind.mergeIndex(`/pagefind/${id}/`);
      const first = await pagefind.search(term);
      await Promise.all(first.results.slice(0, 5).map((result) => result.data()));
      const started = performance.now();
      const again = await pagefind.search(term);
      await Promise.all(again.results.slice(0, 5).map((result) => result.data()));
      return performance.now() - started;
    },
    [normalizeQuery(query), inScope],
  );
  console.log(
    `${query} | ${(bytes.load / 1024).toFixed(0)} | ${(bytes.query / 1024).toFixed(0)} | ${elapsed.toFixed(0)} | ${searchMs.toFixed(0)}`,
  );
  await page.close();
}
await browser.close();
await server.close();
