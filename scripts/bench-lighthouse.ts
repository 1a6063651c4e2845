/**
 * `npm run bench:lighthouse -- [built-site-dir]` (default dist/): serves the built site on
 * 127.0.0.1 with its own `_headers` and runs Lighthouse (mobile, simulated slow 4G) in Debian's
 * Chromium on the home page, an article and the search page, printing the four category scores.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { articlePath, articlesPath, homePath, searchPath, siteFolder } from '../src/lib/paths.ts';
import { resolveChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import './check-node.mjs';

const root = path.resolve(process.argv[2] ?? 'dist');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(
    `Usage: npm run bench:lighthouse -- [built-site-dir]\nNo built site in ${root}; run npm run build first.`,
  );
  process.exit(1);
}

const server = await serveStatic(root, { withHeaders: true });
const origin = server.origin;

// The first article page found, whatever the archive.
const newsDir = path.join(root, siteFolder(articlesPath));
const id = readdirSync(newsDir).find((name) => /^\d+$/.test(name));
const article = id ? articlePath(Number(id), readdirSync(path.join(newsDir, id))[0] ?? '') : homePath;
const pages = { home: homePath, article, search: `${searchPath}?q=${encodeURIComponent('بازار')}` };

const browser = await resolveChromium();
const chrome = await chromeLauncher.launch({
  chromePath: browser.path,
  chromeFlags: browser.flags,
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
  await server.close();
}
