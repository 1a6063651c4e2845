/**
 * Builds the Pagefind index at the end of `astro build` (Node-only). Only article pages are
 * indexed, and Pagefind reads a Persian-folded copy of each page (`foldHtmlForIndex`), so the
 * files readers get keep their own spelling. The index is written into the build's own output,
 * before `npm run build` moves it into place: a failed indexing fails the build.
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { foldHtmlForIndex, indexableHtml } from './normalize.ts';

/** Built article pages: `news/<id>/<slug>/index.html`, with the URL each is served at. */
async function articlePages(outDir: string): Promise<{ file: string; url: string }[]> {
  const newsDir = path.join(outDir, 'news');
  const files = (await readdir(newsDir, { recursive: true, encoding: 'utf8' })).filter((file) =>
    file.endsWith(`${path.sep}index.html`),
  );
  return files.map((file) => ({
    file: path.join(newsDir, file),
    url: `/news/${path.dirname(file).split(path.sep).map(encodeURIComponent).join('/')}/`,
  }));
}

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'bayegan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const pages = await articlePages(outDir);
        logger.info(`Indexing ${pages.length} articles for search…`);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fa' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // A few pages in flight at once: Node reads and folds the next pages while Pagefind parses.
        let next = 0;
        const worker = async () => {
          while (next < pages.length) {
            const page = pages[next++]!;
            const html = await readFile(page.file, 'utf8');
            const added = await index.addHTMLFile({ url: page.url, content: foldHtmlForIndex(indexableHtml(html)) });
            if (added.errors.length > 0)
              throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
          }
        };
        await Promise.all(Array.from({ length: 4 }, worker));
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(
          `Indexed ${pages.length} articles for search in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
        );
      },
    },
  };
}
