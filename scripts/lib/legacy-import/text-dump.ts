/**
 * Reading one plain-text dump of a page, line by line with the config's patterns: chrome, story,
 * date, title.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { MONTHS, parseLegacyDate, todayDate } from './dates.ts';
import {
  cleanText,
  escapeLineStart,
  escapeMarkdownText,
  isHttpUrl,
  J,
  splitGluedSentences,
  withoutBoilerplate,
} from './text.ts';

import type { Block, Extracted, FoundDate, Skipped } from './types.ts';
import type { LegacyConfig } from './config.ts';

/** A line of prose rather than a menu item or a headline. */
const isProse = (line: string) => line.length >= 120 || (line.length >= 30 && /[.!؟?](\s|$)/u.test(line));

const BULLET = /^[•·▪◦●*-]\s+/u;
const URL_LINE = /^(?:(?:لینک|آدرس|نشانی|منبع|url|link|source)[^:：]{0,20}[:：]\s*)?(https?:\/\/\S+)$/iu;

/**
 * Reads a plain-text dump of a page: site chrome (menus, the "today" line, comment rules) around
 * a headline and the story.
 */
export function extractFromText(raw: string, config: LegacyConfig): Extracted | Skipped {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(cleanText);
  const notes: string[] = [];
  let date: FoundDate | undefined;
  let today: FoundDate | undefined;
  let url: string | undefined;
  let sourceLine: string | undefined;
  let title: string | undefined;
  const content: string[] = [];
  let storyBegun = false;

  for (const line of lines) {
    if (!line) continue;
    const todayFound = todayDate(line, config);
    if (todayFound) {
      today ??= todayFound;
      continue;
    }
    if (config.text.today.some((pattern) => pattern.test(line))) continue;
    const dateLine = config.text.date.find((pattern) => pattern.test(line));
    if (dateLine) {
      const parsed = parseLegacyDate(line);
      if (parsed && !date) {
        date = { value: parsed.value, from: 'page' };
        if (parsed.note) date.note = parsed.note;
      }
      continue;
    }
    const urlMatch = URL_LINE.exec(line);
    if (urlMatch) {
      if (!url && isHttpUrl(urlMatch[1] ?? '')) url = urlMatch[1];
      continue;
    }
    const source = /^منبع\s*[:：]\s*(.{2,80})$/u.exec(line);
    if (source) {
      sourceLine ??= cleanText(source[1] ?? '').replace(/[.،]$/u, '');
      continue;
    }
    if (storyBegun && config.text.stop.some((pattern) => pattern.test(line))) break;
    const titleMatch = config.text.title.map((pattern) => pattern.exec(line)).find((match) => match);
    if (titleMatch && !title) {
      title = cleanText(titleMatch[1] ?? line.slice(titleMatch.index + titleMatch[0].length)) || line;
      continue;
    }
    if (config.text.chrome.some((pattern) => pattern.test(line)) && line.length <= 200) continue;
    if (!storyBegun && config.text.stop.some((pattern) => pattern.test(line))) continue;
    // A line that is only a date (with a weekday or a time) is the page's date line.
    const onlyDate = line.length <= 60 && isDateLine(line) ? parseLegacyDate(line) : undefined;
    if (onlyDate) {
      if (!date) {
        date = { value: onlyDate.value, from: 'page' };
        if (onlyDate.note) date.note = onlyDate.note;
      }
      continue;
    }
    if (isProse(line)) storyBegun = true;
    content.push(line);
  }

  const firstProse = content.findIndex(isProse);
  if (firstProse < 0) return { skip: 'no paragraph of story text found (no line of prose after the chrome)' };
  if (!title) {
    const candidate = content[firstProse - 1];
    if (candidate === undefined || candidate.length > 200) {
      return {
        skip: 'no headline found: no short line before the first paragraph; give text.title in a --config file',
      };
    }
    title = candidate;
    const skipped = content.slice(0, firstProse - 1);
    if (skipped.length > 0) notes.push(`left out ${skipped.length} line(s) before the headline: ${quoted(skipped)}`);
  } else if (firstProse > 0) {
    notes.push(`left out ${firstProse} line(s) before the story: ${quoted(content.slice(0, firstProse))}`);
  }

  let storyLines = content.slice(firstProse);
  let last = storyLines.length - 1;
  while (last > 0 && !isProse(storyLines[last] ?? '')) last--;
  const trailing = storyLines.slice(last + 1);
  if (trailing.length > 0) notes.push(`left out ${trailing.length} short line(s) after the story: ${quoted(trailing)}`);
  storyLines = storyLines.slice(0, last + 1);

  const blocks: Block[] = [];
  let glued = 0;
  for (const line of storyLines) {
    if (BULLET.test(line)) {
      const text = line.replace(BULLET, '');
      blocks.push({ kind: 'li', text, md: escapeMarkdownText(text) });
      continue;
    }
    const paragraphs = splitGluedSentences(line);
    glued += paragraphs.length - 1;
    for (const text of paragraphs) blocks.push({ kind: 'p', text, md: escapeLineStart(escapeMarkdownText(text)) });
  }
  if (glued > 0) {
    notes.push(
      `split ${glued === 1 ? 'one place' : `${glued} places`} where a sentence was glued to the next («کردند.در») into paragraphs — check the breaks`,
    );
  }
  const kept = withoutBoilerplate(blocks, config);
  sourceLine ??= kept.sourceLine;
  if (!date && today) date = today;
  return { title, blocks: kept.blocks, lead: undefined, date, url, siteName: undefined, sourceLine, notes };
}

/** Words that go with a date: weekdays, «ساعت», «تاریخ», «انتشار», «ق.ظ» … */
const DATE_WORDS = new RegExp(
  `((یک|دو|سه|چهار|پنج)${J})?شنبه|جمعه|ساعت|تاریخ|انتشار|منتشر${J}شده|بروزرسانی|به${J}روز${J}رسانی|روز|ماه|ق\\.?${J}ظ|ب\\.?${J}ظ|${MONTHS.join('|')}`,
  'gu',
);

/** Whether a line says nothing but a date (and its weekday, time and label). */
function isDateLine(line: string) {
  return line.replace(DATE_WORDS, '').replace(/[^\p{L}]+/gu, '').length <= 3;
}

function quoted(lines: readonly string[]) {
  const shown = lines.slice(0, 5).map((line) => `«${line.length > 40 ? `${line.slice(0, 40)}…` : line}»`);
  return `${shown.join(', ')}${lines.length > 5 ? ', …' : ''}`;
}
