/**
 * An article's body as HTML, the one way the site renders it: in its page and in the feeds (Astro
 * side). MDX bodies are kept once rendered (`src/lib/content/rendered-bodies.ts`): an incremental
 * build gives a page the body an earlier build rendered from the same file with the same code, and
 * leaves that MDX module out of its bundle, where compiling it was most of the bundling time of a
 * large archive.
 */
import { getContainerRenderer as getMDXRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '#components/mdx/index.ts';
import { keepMdxBody, keptMdxBody } from '#lib/content/kept-mdx-bodies.ts';
import { withRenderedBody } from '#lib/content/rendered-bodies.ts';
import { planSettings } from '#lib/segment-registry.ts';
import type { Article } from './articles';

/**
 * Astro's container keeps every component it rendered (each `renderToString` adds a route to its
 * manifest, never removed), so one container for the whole build held every article's HTML to the
 * end (a third of the heap left after page generation). A container renders this many bodies, then
 * a new one takes over.
 */
const RENDERS_PER_CONTAINER = 500;

let container: Promise<AstroContainer> | undefined;
let renders = 0;

/**
 * The article body as HTML (images in the body included), as its page shows it. Empty in the plan
 * of `npm run build -- --plan N`, which writes no page anyone reads and bundles no MDX module
 * (src/build/kept-mdx-bodies.ts): the pages it renders (feeds among them) are only counted.
 */
export async function articleBodyHtml(article: Article): Promise<string> {
  if (planSettings()) return '';
  const kept = keptMdxBody(article.entry);
  if (kept !== undefined) return kept;
  if (renders++ % RENDERS_PER_CONTAINER === 0 || !container) {
    container = loadRenderers([getMDXRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  }
  const renderer = container;
  const { Content } = await render(withRenderedBody(article.entry));
  const html = await (await renderer).renderToString(Content, { props: { components: mdxComponents } });
  keepMdxBody(article.entry, html);
  return html;
}
