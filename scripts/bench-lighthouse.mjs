// @ts-check
/**
 * `npm run bench:lighthouse -- [built-site-dir]` (default dist/): serves the built site on
 * 127.0.0.1 with its own `_headers` and runs Lighthouse (mobile, simulated slow 4G) in Debian's
 * Chromium on the home page, an article and the search page, printing the four category scores.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { headersFor, parseHeadersFile } from '../src/lib/cdn-headers.ts';
import { CHROMIUM_PATH } from './lib/chromium.mjs';
import './check-node.mjs';

const root = path.resolve(process.argv[2] ?? 'dist');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(
    `Usage: npm run bench:lighthouse -- [built-site-dir]\nNo built site in ${root}; run npm run build first.`,
  );
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
};

const rules = existsSync(path.join(root, '_headers'))
  ? parseHeadersFile(readFileSync(path.join(root, '_headers'), 'utf8'))
  : [];

const server = createServer((request, response) => {
  const urlPath = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
  let file = path.join(root, urlPath);
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const found = file.startsWith(root) && existsSync(file);
  /** @type {Record<string, string>} */
  const headers = {
    'content-type': TYPES[/** @type {keyof typeof TYPES} */ (path.extname(file))] ?? 'application/octet-stream',
  };
  Object.assign(headers, headersFor(rules, urlPath));
  response.writeHead(found ? 200 : 404, headers);
  createReadStream(found ? file : path.join(root, '404.html')).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

// The first article page found, whatever the archive.
const newsDir = path.join(root, 'news');
const id = readdirSync(newsDir).find((name) => /^\d+$/.test(name));
const article = id ? `/news/${id}/${encodeURIComponent(readdirSync(path.join(newsDir, id))[0] ?? '')}/` : '/';
const pages = { home: '/', article, search: `/search/?q=${encodeURIComponent('بازار')}` };

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
console.log(`Lighthouse (mobile, simulated slow 4G), ${root}`);
console.log(['page'.padEnd(10), ...categories.map((c) => c.padStart(15))].join(''));
try {
  for (const [name, urlPath] of Object.entries(pages)) {
    const result = await lighthouse(origin + urlPath, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: categories,
    });
    const scores = categories.map((c) =>
      String(Math.round((result?.lhr.categories[c]?.score ?? 0) * 100)).padStart(15),
    );
    console.log([name.padEnd(10), ...scores].join(''));
    const lcp = result?.lhr.audits['largest-contentful-paint']?.displayValue;
    const weight = result?.lhr.audits['total-byte-weight']?.displayValue;
    console.log(`  ${urlPath}: largest contentful paint ${lcp}, ${weight}`);
  }
} finally {
  chrome.kill();
  server.close();
}
