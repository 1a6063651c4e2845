/**
 * Sanitised HTML rebuilt as escaped Markdown blocks from its text: every character Markdown would
 * read as markup is escaped.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { parseHTML } from 'linkedom';
import sanitizeHtml, { type IOptions } from 'sanitize-html';
import { cleanText, escapeLineStart, escapeMarkdownText, spaceGluedSentences } from './text.ts';

import type { Block } from './types.ts';

const SANITIZE_OPTIONS = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'u',
    'span',
    'div',
    'section',
    'article',
    'main',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'sup',
    'sub',
    'small',
    'mark',
    'cite',
    'q',
    'abbr',
    'code',
    'pre',
    'font',
    'center',
  ],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'button',
    'select',
    'head',
    'title',
  ],
} as IOptions;

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'figure',
  'figcaption',
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'center',
]);

/** The part of linkedom's DOM that is read here. */
export interface HtmlNode {
  nodeType: number;
  nodeName?: string;
  textContent: string | null;
  childNodes: HtmlNode[];
  getAttribute?: (name: string) => string | null;
}

const tagOf = (node: HtmlNode): string => (node.nodeType === 1 ? String(node.nodeName).toLowerCase() : '');

/** Converts sanitised HTML into escaped Markdown blocks. */
class MarkdownWriter {
  /** The page's URL, to resolve relative links. */
  readonly baseUrl: string | undefined;
  blocks: Block[] = [];
  images: string[] = [];
  tables = 0;
  droppedLinks = 0;
  md = '';
  text = '';
  quote = 0;

  constructor(baseUrl: string | undefined) {
    this.baseUrl = baseUrl;
  }

  /** Ends the paragraph being written. */
  flush(kind: Block['kind'] = 'p') {
    const text = spaceGluedSentences(this.text.replace(/\s+/g, ' ').trim());
    const md = escapeLineStart(spaceGluedSentences(this.md.replace(/\s+/g, ' ').trim()));
    this.md = '';
    this.text = '';
    if (!text) return;
    const block: Block = { kind, text, md };
    if (this.quote > 0) block.quote = true;
    this.blocks.push(block);
  }

  block(node: HtmlNode) {
    for (const child of node.childNodes) {
      const tag = tagOf(child);
      if (child.nodeType === 3) this.inline(child);
      else if (child.nodeType !== 1) continue;
      else if (tag === 'br' || tag === 'hr') this.flush();
      else if (/^h[1-6]$/.test(tag)) {
        this.flush();
        this.inlineChildren(child);
        this.flush(tag === 'h1' || tag === 'h2' ? 'h2' : 'h3');
      } else if (tag === 'ul' || tag === 'ol') {
        this.flush();
        this.list(child, tag === 'ol');
      } else if (tag === 'blockquote') {
        this.flush();
        this.quote++;
        this.block(child);
        this.flush();
        this.quote--;
      } else if (tag === 'table') {
        this.flush();
        this.table(child);
      } else if (tag === 'figure' && this.findImages(child)) {
        this.flush();
        const caption = cleanText(child.textContent ?? '');
        if (caption) this.images[this.images.length - 1] += ` («${caption}»)`;
      } else if (tag === 'img') this.image(child);
      else if (BLOCK_TAGS.has(tag)) {
        this.flush();
        this.block(child);
        this.flush();
      } else this.inline(child);
    }
  }

  /**
   * @returns whether there was one
   */
  findImages(node: HtmlNode): boolean {
    let found = false;
    const visit = (current: HtmlNode) => {
      for (const child of current.childNodes) {
        if (tagOf(child) === 'img') {
          this.image(child);
          found = true;
        } else visit(child);
      }
    };
    visit(node);
    return found;
  }

  image(node: HtmlNode) {
    const src = node.getAttribute?.('src') ?? '';
    const url = this.resolve(src);
    this.images.push(url ?? (src || '(no address)'));
  }

  list(list: HtmlNode, ordered: boolean) {
    for (const item of list.childNodes) {
      if (tagOf(item) !== 'li') {
        if (item.nodeType === 1) {
          this.inlineChildren(item);
          this.flush(ordered ? 'oli' : 'li');
        }
        continue;
      }
      const nested: HtmlNode[] = [];
      for (const child of item.childNodes) {
        const tag = tagOf(child);
        if (tag === 'ul' || tag === 'ol') nested.push(child);
        else if (BLOCK_TAGS.has(tag)) {
          this.inlineChildren(child);
          this.space();
        } else this.inline(child);
      }
      this.flush(ordered ? 'oli' : 'li');
      for (const child of nested) this.list(child, tagOf(child) === 'ol');
    }
  }

  table(table: HtmlNode) {
    this.tables++;
    const visit = (node: HtmlNode) => {
      for (const child of node.childNodes) {
        const tag = tagOf(child);
        if (tag === 'tr') {
          const cells = child.childNodes.filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th');
          cells.forEach((cell, index) => {
            if (index > 0) {
              this.md += ' — ';
              this.text += ' — ';
            }
            this.inlineChildren(cell);
          });
          this.flush();
        } else if (tag === 'caption') {
          this.inlineChildren(child);
          this.flush();
        } else if (child.nodeType === 1) visit(child);
      }
    };
    visit(table);
  }

  space() {
    this.md += ' ';
    this.text += ' ';
  }

  inlineChildren(node: HtmlNode) {
    for (const child of node.childNodes) {
      if (BLOCK_TAGS.has(tagOf(child)) || tagOf(child) === 'br') {
        this.space();
        this.inlineChildren(child);
        this.space();
      } else this.inline(child);
    }
  }

  inline(node: HtmlNode) {
    if (node.nodeType === 3) {
      const text = cleanTextKeepEdges(node.textContent ?? '');
      this.md += escapeMarkdownText(text);
      this.text += text;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = tagOf(node);
    if (tag === 'img') return this.image(node);
    if (tag === 'br') return this.space();
    const wrap = tag === 'strong' || tag === 'b' ? '**' : tag === 'em' || tag === 'i' ? '*' : '';
    const isLink = tag === 'a';
    if (!wrap && !isLink) return this.inlineChildren(node);

    const outer = { md: this.md, text: this.text };
    this.md = '';
    this.text = '';
    this.inlineChildren(node);
    const inner = { md: this.md, text: this.text };
    this.md = outer.md;
    this.text = outer.text;
    const lead = /^\s/.test(inner.md) ? ' ' : '';
    const trail = /\s$/.test(inner.md) ? ' ' : '';
    const md = inner.md.trim();
    this.text += inner.text;
    if (!md) {
      this.md += lead || trail;
      return;
    }
    if (isLink) {
      const href = this.resolve(node.getAttribute?.('href') ?? '');
      if (href) this.md += `${lead}[${md}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)${trail}`;
      else {
        if (node.getAttribute?.('href')) this.droppedLinks++;
        this.md += `${lead}${md}${trail}`;
      }
      return;
    }
    this.md += `${lead}${wrap}${md}${wrap}${trail}`;
  }

  /** An absolute http(s) URL, or undefined. */
  resolve(href: string): string | undefined {
    const trimmed = href.trim();
    if (!trimmed || trimmed.startsWith('#')) return undefined;
    try {
      const url = this.baseUrl ? new URL(trimmed, this.baseUrl) : new URL(trimmed);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Like cleanText, but a space at either end stays (one), so inline pieces keep their spacing. */
function cleanTextKeepEdges(text: string) {
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) ? ' ' : '';
  const clean = cleanText(text);
  return clean ? `${lead}${clean}${trail}` : lead || trail;
}

/** Markdown blocks of a piece of HTML, sanitised first. */
export function htmlToBlocks(html: string, baseUrl: string | undefined): { blocks: Block[]; notes: string[] } {
  const clean = sanitizeHtml(html, SANITIZE_OPTIONS);
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${clean}</body></html>`);
  const writer = new MarkdownWriter(baseUrl);
  writer.block(document.body as unknown as HtmlNode);
  writer.flush();
  const notes: string[] = [];
  if (writer.images.length > 0) {
    notes.push(
      `left out ${writer.images.length === 1 ? 'an image' : `${writer.images.length} images`} (add by hand if wanted): ${writer.images.join(', ')}`,
    );
  }
  if (writer.tables > 0) notes.push(`a table became paragraphs, one a row — check it`);
  if (writer.droppedLinks > 0) {
    notes.push(`${writer.droppedLinks} link(s) without a full http(s) address kept as plain text`);
  }
  return { blocks: writer.blocks, notes };
}
