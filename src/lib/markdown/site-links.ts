/**
 * A Sätteri hast plugin for article bodies: a Markdown link or image written as a site path
 * (`[…](/news/12/market/)`, `![…](/files/map.png)`) is put under the site's `base`, like every other
 * link of the site. Full URLs, relative paths (body images, resolved by Astro) and `#anchors` are
 * left as written; so is raw HTML in the Markdown.
 */
import { defineHastPlugin } from 'satteri';
import { pathWithBase } from '#lib/paths.ts';

const LINK_ATTRIBUTE: Record<string, string> = { a: 'href', img: 'src' };

/** The plugin for `base` (the `base` setting); astro.config.mjs adds it only when base is not `/`. */
export function siteLinksPlugin(base: string) {
  return defineHastPlugin({
    name: 'bayegan-site-links',
    element: [
      {
        filter: Object.keys(LINK_ATTRIBUTE),
        visit(node, ctx) {
          const attribute = LINK_ATTRIBUTE[node.tagName]!;
          const value = node.properties[attribute];
          if (typeof value === 'string' && /^\/(?!\/)/.test(value)) {
            ctx.setProperty(node, attribute, pathWithBase(base, value));
          }
        },
      },
    ],
  });
}
