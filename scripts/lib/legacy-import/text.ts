/**
 * Text helpers: cleaning, glued sentences, Markdown escaping, source URLs and attributions, the
 * lead, the content hash, boilerplate paragraphs.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { createHash } from 'node:crypto';
import { normalizePersianLetters } from '../../../src/lib/persian/normalize.ts';
import { FA_LETTER, ZWNJ } from '../../../src/lib/persian/script.ts';

import type { Block } from './types.ts';
import type { LegacyConfig } from './config.ts';

/** Words of a label, with a space, a ZWNJ or nothing between them (لینک کوتاه / لینک‌کوتاه). */
export const J = `[\\s${ZWNJ}]?`;

/** Persian letters for Arabic ones (ZWNJ kept), whitespace runs as one space, trimmed. */
export function cleanText(text: string) {
  return normalizePersianLetters(text)
    .replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A full stop, «؟» or «!» glued to the next word: «کردند.در». Two letters before it at least, so
 * abbreviations like «ج.ا.ا» stay as written.
 */
const GLUED_SENTENCE = new RegExp(`(${FA_LETTER}{2}[.!؟?])(?=${FA_LETTER})`, 'gu');

/**
 * Paragraphs from a line of a dump whose line breaks were lost: a new paragraph wherever a
 * sentence is glued to the next one.
 */
export function splitGluedSentences(line: string): string[] {
  return line
    .replace(GLUED_SENTENCE, '$1\n')
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A space wherever a sentence is glued to the next one (for HTML, whose paragraphs are intact). */
export function spaceGluedSentences(text: string) {
  return text.replace(GLUED_SENTENCE, '$1 ');
}

/**
 * Text as Markdown that shows exactly that text: every character that could start markup is
 * escaped with a backslash (CommonMark allows this for any ASCII punctuation).
 */
export function escapeMarkdownText(text: string) {
  return text.replace(/[\\`*_[\]<>|~&#]/g, (ch) => `\\${ch}`);
}

/**
 * Escapes what would start a block at the beginning of a paragraph: `-`, `+`, `=`, `1.` (`#` and
 * `>` are escaped everywhere).
 */
export function escapeLineStart(md: string) {
  return md.replace(/^([+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function isHttpUrl(text: string) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The form of a source URL used to tell whether a page was imported before: no fragment, no
 * trailing slash, host in lower case, percent-encoding as the URL standard writes it.
 */
export function normalizeSourceUrl(url: string) {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    const href = parsed.href;
    return parsed.pathname !== '/' && href.endsWith('/') && !parsed.search ? href.slice(0, -1) : href;
  } catch {
    return url.trim();
  }
}

/**
 * The reporter or agency of a «به گزارش …،» opening.
 * @param text the first paragraph
 * @returns phrase: what follows «به گزارش» (e.g. «خبرنگار ایرنا»); agency: the publisher in it, if named
 */
export function attributionOf(text: string): { phrase: string; agency: string | undefined } | undefined {
  const match = /^\s*به\s+گزارش\s+([^،,.:؛\n]{2,80}?)\s*[،,:]/u.exec(cleanText(text));
  if (!match) return undefined;
  const phrase = cleanText(match[1] ?? '');
  const agency = phrase
    .replace(/\s+(به\s+نقل\s+از|از|در)\s+.*$/u, '')
    .replace(
      /^(خبرنگار(ان)?|گزارشگر|گروه|سرویس)(\s+(گروه|سرویس))?(\s+(سیاسی|اقتصادی|اجتماعی|فرهنگی|ورزشی|بین‌الملل|بین\s?الملل|علمی|استانی|خبری))?\s+/u,
      '',
    )
    .trim();
  return { phrase, agency: agency && !/^(ما|این\s+پایگاه|این\s+سایت)$/u.test(agency) ? agency : undefined };
}

/** The «به گزارش …،» opening, removed from a lead. */
const ATTRIBUTION_PREFIX = /^\s*به\s+گزارش\s+[^،,.:؛\n]{2,80}?\s*[،,:]\s*/u;

/**
 * The lead: the first sentence(s) of the first paragraph, at most `max` characters, without the
 * «به گزارش …،» opening; a first sentence longer than that is cut at a word and ends with «…».
 */
export function leadFrom(blocks: readonly Block[], max = 300): string {
  for (const block of blocks) {
    if (block.kind !== 'p') continue;
    const text = block.text.replace(ATTRIBUTION_PREFIX, '').trim();
    if (text.length < 10) continue;
    const sentences = text.match(/[^.!؟?]+(?:[.!؟?]+|$)/gu) ?? [text];
    let lead = '';
    for (const sentence of sentences) {
      const next = `${lead}${lead ? ' ' : ''}${sentence.trim()}`;
      if (next.length > max) break;
      lead = next;
    }
    if (lead) return lead;
    const cut = text.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s،,؛:]+$/u, '')}…`;
  }
  return '';
}

/** A hash of what a page says (title and story), to recognise it when it has no URL. */
export function contentHash(title: string, blocks: readonly Block[]) {
  const text = [title, ...blocks.map((block) => block.text)].map((part) => cleanText(part)).join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Paragraphs that are site boilerplate («انتهای پیام», «کد خبر: …») removed; a «منبع: …» line is
 * taken out and returned.
 */
export function withoutBoilerplate(
  blocks: readonly Block[],
  config: LegacyConfig,
): { blocks: Block[]; sourceLine: string | undefined } {
  let sourceLine: string | undefined;
  const kept = blocks.filter((block) => {
    const source = /^منبع\s*[:：]\s*(.{2,80})$/u.exec(block.text);
    if (source && !isHttpUrl((source[1] ?? '').trim())) {
      sourceLine ??= cleanText(source[1] ?? '').replace(/[.،]$/u, '');
      return false;
    }
    return !config.text.chrome.some((pattern) => pattern.test(block.text)) || block.text.length > 200;
  });
  return { blocks: kept, sourceLine };
}
