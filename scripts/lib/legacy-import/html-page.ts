/**
 * Reading one saved HTML page with the config's selectors: title, story, lead, date, URL, site
 * name.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { parseHTML } from 'linkedom';
import { parseLegacyDate, todayDate } from './dates.ts';
import { htmlToBlocks } from './html-to-markdown.ts';
import { cleanText, isHttpUrl, withoutBoilerplate } from './text.ts';

import type { Block, Extracted, FoundDate, Skipped } from './types.ts';
import type { LegacyConfig } from './config.ts';

/** The part of a linkedom element used here. */
export interface DomElement {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  getAttribute: (name: string) => string | null;
  setAttribute: (name: string, value: string) => void;
  querySelector: (selector: string) => DomElement | null;
  querySelectorAll: (selector: string) => Iterable<DomElement>;
  closest: (selector: string) => DomElement | null;
  cloneNode: (deep: boolean) => DomElement;
  remove: () => void;
}

/** The text an element stands for: a meta's content, a time's datetime, else its text. */
function valueOf(element: DomElement) {
  const tag = element.tagName.toLowerCase();
  if (tag === 'meta') return element.getAttribute('content') ?? '';
  if (tag === 'link') return element.getAttribute('href') ?? '';
  return element.textContent ?? '';
}

const DROP_MARK = 'data-bayegan-legacy-drop';

/** Reads a saved HTML page. */
export function extractFromHtml(html: string, config: LegacyConfig): Extracted | Skipped {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(wrapped);
  const root = document.documentElement as unknown as DomElement;
  const first = (selectors: readonly string[], ok: (e: DomElement) => boolean) => {
    for (const selector of selectors) {
      for (const element of root.querySelectorAll(selector)) if (ok(element)) return { element, selector };
    }
    return undefined;
  };
  const notes: string[] = [];

  const siteNameElement = root.querySelector('meta[property="og:site_name"]');
  const siteName = siteNameElement ? cleanText(valueOf(siteNameElement)) || undefined : undefined;

  const urlOf = (e: DomElement) =>
    (e.getAttribute('href') ?? e.getAttribute('content') ?? e.getAttribute('value') ?? e.textContent ?? '').trim();
  const urlFound = first(config.html.url, (e) => isHttpUrl(urlOf(e)));
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  const url = urlFound ? urlOf(urlFound.element) : savedFrom && isHttpUrl(savedFrom) ? savedFrom : undefined;

  const titleFound = first(
    config.html.title,
    (e) => cleanText(valueOf(e)).length > 0 && !e.closest('nav, [role="navigation"]'),
  );
  let title = titleFound ? cleanText(valueOf(titleFound.element)) : '';
  if (titleFound && ['title', 'meta'].includes(titleFound.element.tagName.toLowerCase())) {
    title = withoutSiteName(title, siteName);
  }
  if (titleFound) titleFound.element.setAttribute(DROP_MARK, '');

  let date: FoundDate | undefined;
  for (const selector of config.html.date) {
    for (const element of root.querySelectorAll(selector)) {
      const raw = element.getAttribute('datetime') ?? valueOf(element);
      const parsed = parseLegacyDate(raw);
      if (!parsed) continue;
      date = { value: parsed.value, from: 'page' };
      if (parsed.note) date.note = parsed.note;
      element.setAttribute(DROP_MARK, '');
      break;
    }
    if (date) break;
  }

  const leadFound = first(config.html.lead, (e) => cleanText(e.textContent ?? '').length > 0);
  const lead = leadFound ? cleanText(leadFound.element.textContent ?? '') : undefined;
  if (leadFound) leadFound.element.setAttribute(DROP_MARK, '');

  // The story: the first body selector that still has text once chrome is removed.
  let body: { blocks: Block[]; notes: string[]; selector: string } | undefined;
  for (const selector of config.html.body) {
    const element = root.querySelector(selector);
    if (!element) continue;
    const clone = element.cloneNode(true);
    for (const remove of [`[${DROP_MARK}]`, ...config.html.remove]) {
      for (const junk of [...clone.querySelectorAll(remove)]) junk.remove();
    }
    const converted = htmlToBlocks(clone.innerHTML, url);
    if (converted.blocks.length > 0) {
      body = { ...converted, selector };
      break;
    }
  }

  // A "today" line in the page's chrome is the day it was saved: a date of last resort.
  if (!date) {
    const lines = (root.querySelector('body')?.textContent ?? '').split(/\n/).map(cleanText);
    for (const line of lines) {
      const today = todayDate(line, config);
      if (today) {
        date = today;
        break;
      }
    }
  }

  if (!title) {
    return {
      skip: `no title found (tried ${describeSelectors(config.html.title)}); name the headline's element with html.title in a --config file`,
    };
  }
  if (!body) {
    return {
      skip: `no story text found (tried ${describeSelectors(config.html.body)}); name the story's element with html.body in a --config file`,
    };
  }
  const { blocks, sourceLine } = withoutBoilerplate(body.blocks, config);
  if (blocks.length === 0) return { skip: `the story (${body.selector}) has nothing but boilerplate` };
  notes.push(...body.notes);
  return { title, blocks, lead, date, url, siteName, sourceLine, notes };
}

function describeSelectors(selectors: readonly string[]) {
  return selectors.length > 6 ? `${selectors.slice(0, 6).join(', ')}, …` : selectors.join(', ');
}

/** A `<title>` or og:title without the site's name: «خبر | سایت» → «خبر». */
function withoutSiteName(title: string, siteName: string | undefined) {
  const parts = title.split(/\s+[|\-–—»«:]\s+/u).map((part) => part.trim());
  if (parts.length < 2) return title;
  const rest = siteName ? parts.filter((part) => part !== siteName) : parts;
  return rest.reduce((longest, part) => (part.length > longest.length ? part : longest), '') || title;
}
