/**
 * Writes the short links `/n/<id>/` at the end of `astro build` (Node-only), from the article
 * pages just built: `news/<id>/<slug>/index.html` gives the target, its title and headline. The
 * short link of an article page carried over unchanged from the previous build is carried over
 * with it, unread (src/lib/incremental/).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlePath, articlesPath, pageFile, pathWithBase, shortPath, siteFolder, urlWithBase } from '#lib/paths.ts';
import { heldByRecycledSite, pagesOfBuild, recycledSiteHas, siteCarriedFrom } from '#lib/incremental/render-plan.ts';
import { inOrder } from '#lib/in-order.ts';
import { inodeOf, siteWriter } from '#lib/link-files.ts';
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
        const toWrite: [string, string][] = [];
        for (const [id, slug] of await articlePages(newsDir)) {
          const shortLink = pageFile(shortPath(Number(id)));
          const articleFile = pageFile(articlePath(Number(id), slug));
          // Made from its article page alone: where the recycled site holds that page as it is, it
          // holds its short link as it is too.
          if (heldByRecycledSite(articleFile) && recycledSiteHas(shortLink)) {
            writer.keep(shortLink);
            carried++;
            continue;
          }
          const previousSite = siteCarriedFrom(articleFile);
          const previous = previousSite && path.join(previousSite, shortLink);
          const inode = previous ? inodeOf(previous) : undefined;
          if (previous && inode !== undefined) {
            writer.link(previous, shortLink, inode);
            carried++;
          } else toWrite.push([id, slug]);
        }
        // The next pages are read while one is handled: one read at a time left the step waiting for
        // the disk (6 s at 10,000 articles, a minute at 100,000).
        const readPage = async ([id, slug]: [string, string]) => {
          const file = path.join(newsDir, id, slug, 'index.html');
          return { id, slug, file, html: await readFile(file, 'utf8') };
        };
        for await (const { id, slug, file, html } of inOrder(toWrite, READ_AHEAD, readPage)) {
          const target = articlePath(Number(id), slug);
          const headings = articlePageHeadings(html);
          if (!headings) throw new Error(`${file} has no title or headline to make its short link /n/${id}/ from`);
          writer.write(
            pageFile(shortPath(Number(id))),
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
