/**
 * Writes the short links `/n/<id>/` at the end of `astro build` (Node-only), from the article
 * pages just built: `news/<id>/<slug>/index.html` gives the target, its title and headline. The
 * short link of an article page carried over unchanged from the previous build is carried over
 * with it, unread (src/lib/incremental/).
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath, articlesPath, pageFile, pathWithBase, shortPath, siteFolder, urlWithBase } from '#lib/paths.ts';
import { pagesOfBuild, siteCarriedFrom } from '#lib/incremental/render-plan.ts';
import { siteWriter } from '#lib/link-files.ts';
import { articlePageHeadings, shortLinkPage } from '#lib/short-links.ts';

/** `[id, slug]` of every article page built: the build's own list, or the folder's (`astro build`). */
async function articlePages(newsDir: string): Promise<[string, string][]> {
  const listed = pagesOfBuild(siteFolder(articlesPath));
  if (listed) return listed.map((file) => file.split('/').slice(1, 3) as [string, string]);
  const ids = (await readdir(newsDir).catch(() => [])).filter((id) => /^\d+$/.test(id));
  return (
    await Promise.all(ids.map(async (id) => (await readdir(path.join(newsDir, id))).map((slug) => [id, slug])))
  ).flat() as [string, string][];
}

/** How many article pages are being read at once. */
const READ_AHEAD = 16;

export interface ShortLinksOptions {
  /** The `url` setting: the site's origin, for the canonical URL. */
  url: string;
  /** The `base` setting: the redirect leads to the article under it. */
  base: string;
}

export function shortLinksIntegration({ url, base }: ShortLinksOptions): AstroIntegration {
  return {
    name: 'bayegan:short-links',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const newsDir = path.join(outDir, siteFolder(articlesPath));
        const writer = siteWriter(outDir);
        let written = 0;
        let carried = 0;
        const pages = await articlePages(newsDir);
        // The next pages are read while one is handled: one read at a time left the step waiting for
        // the disk (6 s at 10,000 articles, a minute at 100,000). Links are written in the pages' order.
        const reads: (Promise<string> | undefined)[] = [];
        const read = (at: number) => {
          const [id, slug] = pages[at]!;
          return (reads[at] ??= readFile(path.join(newsDir, id, slug, 'index.html'), 'utf8'));
        };
        for (let at = 0; at < pages.length; at++) {
          const [id, slug] = pages[at]!;
          const target = articlePath(Number(id), slug);
          const shortLink = pageFile(shortPath(Number(id)));
          const previousSite = siteCarriedFrom(pageFile(target));
          if (previousSite && existsSync(path.join(previousSite, shortLink))) {
            writer.link(path.join(previousSite, shortLink), shortLink);
            carried++;
            continue;
          }
          for (let ahead = at + 1; ahead < Math.min(pages.length, at + READ_AHEAD); ahead++) {
            const [nextId, nextSlug] = pages[ahead]!;
            // A failed read is reported when its page's turn comes.
            if (!siteCarriedFrom(pageFile(articlePath(Number(nextId), nextSlug)))) read(ahead).catch(() => {});
          }
          const file = path.join(newsDir, id, slug, 'index.html');
          const html = await read(at);
          reads[at] = undefined;
          const headings = articlePageHeadings(html);
          if (!headings) throw new Error(`${file} has no title or headline to make its short link /n/${id}/ from`);
          writer.write(
            shortLink,
            shortLinkPage({
              articlePath: pathWithBase(base, target),
              canonicalUrl: urlWithBase(url, base, target),
              ...headings,
            }),
          );
          written++;
        }
        logger.info(
          carried === 0
            ? `Wrote ${written} short links (/n/<id>/).`
            : `Wrote ${written} short links (/n/<id>/); carried ${carried} unchanged ones over.`,
        );
      },
    },
  };
}
