/**
 * The site's one client script, on every page (3.7 KB gzipped with the date code it shares with the
 * search page); pages work without it.
 * - «امروز»: a static page is built once but read for days, so the date line in the header is
 *   written for Tehran's calendar day on the reader's device, in the calendars the page names
 *   (only the home page prints a fallback).
 * - Share links: the «رونوشت پیوند» button appears only where the browser can copy.
 * - A search result opens its article with the searched words in the address
 *   (`?pagefind-highlight=`): Pagefind's highlighter marks them, and is loaded only then.
 */
import { dateLineOptionsFromData, dateLineParts, DATE_LINE_BREAK, DATE_LINE_DASH } from '#lib/dates/date-line.ts';
import { toTehranIsoDate } from '#lib/dates/tehran.ts';

const now = new Date();
// The home page prints the build's day in a <time>; other pages hold an empty placeholder. The line
// (`.today`) names the calendars and the Hijri offset of the site settings (TodayDate.astro).
for (const holder of document.querySelectorAll<HTMLElement>('[data-today]')) {
  const line = holder.closest<HTMLElement>('.today');
  const time = document.createElement('time');
  time.dataset['today'] = '';
  time.dateTime = toTehranIsoDate(now);
  // As TodayDate.astro writes it: each date in a span, led by its dash, the English one marked.
  dateLineParts(now, dateLineOptionsFromData(line?.dataset ?? {})).forEach((part, index) => {
    const span = document.createElement('span');
    if (index > 0) span.append(DATE_LINE_DASH);
    if (part.lang) {
      const english = document.createElement('span');
      english.lang = part.lang;
      english.dir = 'ltr';
      english.textContent = part.text;
      span.append(english);
    } else {
      span.append(part.text);
    }
    time.append(...(index > 0 ? [DATE_LINE_BREAK] : []), span);
  });
  holder.replaceWith(time);
  line?.removeAttribute('hidden');
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(button.dataset.copy ?? location.href);
    button.textContent = button.dataset.copied ?? button.textContent;
  });
}

// The article names the highlighter's address (under the site's base), so this script stays small.
const highlighter = document.querySelector<HTMLElement>('[data-highlighter]')?.dataset['highlighter'];
if (highlighter && location.search.includes('pagefind-highlight=')) {
  // Its own inline style is left out (the site's stylesheet marks the words; no inline styles).
  void import(/* @vite-ignore */ highlighter).then(
    (highlight: { default: new (options: object) => unknown }) =>
      new highlight.default({ highlightParam: 'pagefind-highlight', addStyles: false }),
  );
}
