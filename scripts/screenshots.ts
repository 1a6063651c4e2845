/**
 * `npm run screenshots -- [built-site-dir]` (default dist/): serves the built site on 127.0.0.1
 * and photographs the home page, an article, a live page, a corrected story's «اصلاحیه» box, a
 * search and an article's photo gallery, on a phone and on a desktop, in Debian's Chromium, into
 * docs/screenshots/ for the README's «What readers see», and the header with its date line on a
 * fixed day (the example, so the picture does not change with the day it is taken), and
 * the web editor at /admin/ writing a new story (docs/editor.md; opened on this repository's files
 * through decap-server, nothing saved). Run it after `npm run build`; `--only editor` takes only the
 * editor's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath, articlesPath, homePath, searchPath, siteFolder } from '../src/lib/paths.ts';
import { launchChromium } from './lib/chromium.ts';
import { startLocalEditor } from './lib/local-editor.ts';
import { serveStatic } from './lib/static-server.ts';
import './check-node.mjs';

const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const onlyEditor = args.includes('--only') && args[args.indexOf('--only') + 1] === 'editor';
const root = path.resolve(
  args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--only') ?? path.join(projectRoot, 'dist'),
);
const outDir = path.join(projectRoot, 'docs/screenshots');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`Usage: npm run screenshots -- [built-site-dir]\nNo built site in ${root}; run npm run build first.`);
  process.exit(1);
}

const server = await serveStatic(root, { withHeaders: true });
const origin = server.origin;

// The article with a lead image, if the archive has one; otherwise the newest.
const newsDir = path.join(root, siteFolder(articlesPath));
const articles = readdirSync(newsDir)
  .filter((id) => /^\d+$/.test(id))
  .sort((a, b) => Number(b) - Number(a))
  .map((id) => articlePath(Number(id), readdirSync(path.join(newsDir, id))[0] ?? ''));
const articleWith = (pattern: RegExp) =>
  articles.find((urlPath) =>
    pattern.test(readFileSync(path.join(root, decodeURIComponent(urlPath), 'index.html'), 'utf8')),
  );
const withImage = articleWith(/<figure class="article__figure"/);
// The newest article with a gallery (src/components/mdx/Gallery.astro), photographed on its own.
const withGallery = articleWith(/<figure class="gallery"/);
// A live page while it is live, and a corrected story opened at its «اصلاحیه» box (its anchor).
const live = articleWith(/class="badge badge--live"/);
const corrected = articleWith(/id="corrections"/);

const shots = {
  home: homePath,
  article: withImage ?? articles[0] ?? homePath,
  ...(live ? { live } : {}),
  ...(corrected ? { corrected } : {}),
  search: `${searchPath}?q=${encodeURIComponent('کتاب')}`,
};
/** Where a shot looks: the live page from its «پوشش زنده» down into its updates, the «اصلاحیه» box in the middle. */
const framing: Record<string, { selector: string; block: 'start' | 'center' }> = {
  live: { selector: '.article__kicker', block: 'start' },
  corrected: { selector: '#corrections', block: 'center' },
};
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
/** The header's day: Monday 9 Azar 1405, 30 November 2026, 09:00 in Tehran. */
const HEADER_DAY = new Date('2026-11-30T09:00:00+03:30');

mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  for (const [device, viewport] of Object.entries(onlyEditor ? {} : viewports)) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: device === 'phone' ? 2 : 1 });
    for (const [name, urlPath] of Object.entries(shots)) {
      const page = await context.newPage();
      await page.goto(origin + urlPath, { waitUntil: 'networkidle' });
      if (name === 'search') await page.locator('.search-result').first().waitFor({ timeout: 10_000 });
      const frame = framing[name];
      if (frame) {
        await page.evaluate(
          ({ selector, block }) => document.querySelector(selector)?.scrollIntoView({ block }),
          frame,
        );
      }
      const file = path.join(outDir, `${name}-${device}.jpg`);
      await page.screenshot({ path: file, type: 'jpeg', quality: 80 });
      console.log(`${path.relative(projectRoot, file)}  ${urlPath}`);
      await page.close();
    }
    const page = await context.newPage();
    await page.clock.setFixedTime(HEADER_DAY);
    await page.goto(origin + shots.article, { waitUntil: 'networkidle' });
    const file = path.join(outDir, `header-${device}.jpg`);
    await page.locator('.site-header').screenshot({ path: file, type: 'jpeg', quality: 80 });
    console.log(`${path.relative(projectRoot, file)}  header of ${shots.article}`);
    await page.close();
    if (withGallery) {
      const page = await context.newPage();
      await page.goto(origin + withGallery, { waitUntil: 'networkidle' });
      const gallery = page.locator('.gallery').first();
      await gallery.scrollIntoViewIfNeeded();
      // Lazy thumbnails: wait until every one has loaded.
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('.gallery img')].every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      );
      const file = path.join(outDir, `gallery-${device}.jpg`);
      await gallery.screenshot({ path: file, type: 'jpeg', quality: 80 });
      console.log(`${path.relative(projectRoot, file)}  ${withGallery} (gallery)`);
      await page.close();
    }
    await context.close();
  }
  // The web editor, a new story half written (title, lead, a section), its preview beside it on a desktop.
  const editor = await startLocalEditor({ siteDir: root, repoDir: projectRoot });
  try {
    for (const [device, viewport] of Object.entries(viewports)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: device === 'phone' ? 2 : 1 });
      const page = await context.newPage();
      await page.goto(`${editor.origin}/admin/`);
      await page.getByRole('button', { name: 'وارد شدن' }).click();
      await page.goto(`${editor.origin}/admin/#/collections/articles/new`);
      await page.getByLabel('تیتر', { exact: true }).fill('بازگشایی کتاب‌خانهٔ مرکزی تبریز پس از سه سال');
      await page
        .getByLabel('لید', { exact: true })
        .fill('کتاب‌خانهٔ مرکزی تبریز با ۲۰ هزار جلد کتاب تازه دوباره به روی مردم باز شد.');
      await page.getByLabel('گروه خبری').fill('فرهنگ');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      const file = path.join(outDir, `editor-${device}.jpg`);
      await page.screenshot({ path: file, type: 'jpeg', quality: 80 });
      console.log(`${path.relative(projectRoot, file)}  /admin/ (a new story)`);
      await context.close();
    }
  } finally {
    await editor.close();
  }
} finally {
  await browser.close();
  await server.close();
}
