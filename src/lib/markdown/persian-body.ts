/**
 * A Sätteri hast plugin for article bodies (Markdown and MDX):
 * - Arabic ي/ك pasted into prose become Persian ی/ک (code is left exactly as written);
 * - code blocks read left to right inside the RTL page (`<pre dir="ltr">`), inline code takes the
 *   direction of its own text (`<code dir="auto">`);
 * - tables get a scrolling wrapper so a wide table never widens a phone screen.
 */
import { defineHastPlugin, type HastNode, type HastVisitorContext } from 'satteri';
import { normalizePersianLetters } from '#lib/persian/normalize.ts';

function isInsideCode(node: Readonly<HastNode>, ctx: HastVisitorContext): boolean {
  for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
    if (parent.type === 'element' && (parent.tagName === 'code' || parent.tagName === 'pre')) return true;
  }
  return false;
}

export const persianBodyPlugin = defineHastPlugin({
  name: 'bayegan-persian-body',
  text(node, ctx) {
    const value = normalizePersianLetters(node.value);
    if (value !== node.value && !isInsideCode(node, ctx)) ctx.replaceNode(node, { type: 'text', value });
  },
  element: [
    {
      filter: ['pre'],
      visit(node, ctx) {
        ctx.setProperty(node, 'dir', 'ltr');
      },
    },
    {
      filter: ['code'],
      visit(node, ctx) {
        const parent = ctx.parent(node);
        if (!(parent?.type === 'element' && parent.tagName === 'pre')) ctx.setProperty(node, 'dir', 'auto');
      },
    },
    {
      filter: ['table'],
      visit(node, ctx) {
        ctx.wrapNode(node, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'جدول' },
          children: [],
        });
      },
    },
  ],
});
