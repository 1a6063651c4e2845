/**
 * Writes the short links `/n/<id>/` at the end of `astro build` (Node-only), from the article
 * pages just built: `news/<id>/<slug>/index.html` gives the target, its title and headline.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath } from './content/publication.ts';
import { articlePageHeadings, shortLinkPage } from './short-links.ts';

export function shortLinksIntegration(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'bayegan:short-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const newsDir = path.join(outDir, 'news');
        const ids = await readdir(newsDir).catch(() => []);
        let written = 0;
        for (const id of ids) {
          if (!/^\d+$/.test(id)) continue;
          for (const slug of await readdir(path.join(newsDir, id))) {
            const file = path.join(newsDir, id, slug, 'index.html');
            const headings = articlePageHeadings(await readFile(file, 'utf8'));
            if (!headings) throw new Error(`${file} has no title or headline to make its short link /n/${id}/ from`);
            const target = articlePath(Number(id), slug);
            const folder = path.join(outDir, 'n', id);
            await mkdir(folder, { recursive: true });
            await writeFile(
              path.join(folder, 'index.html'),
              shortLinkPage({ articlePath: target, canonicalUrl: new URL(target, site).href, ...headings }),
            );
            written++;
          }
        }
        logger.info(`Wrote ${written} short links (/n/<id>/).`);
      },
    },
  };
}
