/**
 * What a feed item carries of an article's life after publication, as HTML appended to its body:
 * a live page's updates (newest first, as on the page) and the «اصلاحیه» box. Feed readers show
 * no page styles, so this is plain headings, paragraphs and times. Every text is escaped here.
 */
import {
  correctionsNewestFirst,
  liveUpdatesNewestFirst,
  paragraphsOf,
  type TimelineData,
} from '#lib/article-timeline.ts';
import { formatJalaliDateTime } from '#lib/dates/jalali.ts';
import { toTehranIsoString } from '#lib/dates/tehran.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const time = (date: Date) =>
  `<time datetime="${toTehranIsoString(date)}">${escapeHtml(formatJalaliDateTime(date))}</time>`;

export interface TimelineLabels {
  /** «به‌روزرسانی‌ها، تازه‌ترین نخست» */
  liveUpdates: string;
  /** «اصلاحیه» */
  correction: string;
}

/**
 * The updates and corrections of an article as feed HTML (empty when it has neither). `pageUrl`
 * is the article's absolute URL: each item links to its anchor there.
 */
export function timelineFeedHtml(data: TimelineData, pageUrl: string, labels: TimelineLabels): string {
  const parts: string[] = [];
  const updates = data.live ? liveUpdatesNewestFirst(data.updates) : [];
  if (updates.length > 0) {
    parts.push(
      `<h2>${escapeHtml(labels.liveUpdates)}</h2>`,
      ...updates.map(
        (update) =>
          `<h3><a href="${escapeHtml(`${pageUrl}#${update.anchor}`)}">${time(update.date)}</a>${
            update.title ? ` ${escapeHtml(update.title)}` : ''
          }</h3>${paragraphsOf(update.text)
            .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
            .join('')}`,
      ),
    );
  }
  const corrections = correctionsNewestFirst(data.corrections);
  if (corrections.length > 0) {
    parts.push(
      `<h2>${escapeHtml(labels.correction)}</h2>`,
      ...corrections.map((correction) => `<p>${time(correction.date)}: ${escapeHtml(correction.text)}</p>`),
    );
  }
  return parts.join('\n');
}
