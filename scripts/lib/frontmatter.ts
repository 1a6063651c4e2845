/**
 * Article frontmatter as the newsroom scripts (`npm run new`, `import:legacy`) and the corpus
 * generator write and read it: the block of a Markdown file, YAML single-quoted scalars, the form of
 * the `date` field, the next free `id`. Pure: no file system, no clock.
 */
import { toTehranJalali, type TehranJalaliDateTime } from '../../src/lib/dates/jalali.ts';

/** A Jalali date and Tehran wall-clock time, to the minute: what the frontmatter's `date` holds. */
export type TehranDateTime = Pick<TehranJalaliDateTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>;

/** The Tehran wall clock at `instant`, with the day as a Jalali date, to the minute. */
export function tehranDateTimeAt(instant: Date): TehranDateTime {
  const { year, month, day, hour, minute } = toTehranJalali(instant);
  return { year, month, day, hour, minute };
}

/** `1405/09/08 14:30`, the way the frontmatter's `date` is written (src/lib/dates/parse-article-date.ts reads it). */
export function frontmatterDate(date: TehranDateTime): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}/${two(date.month)}/${two(date.day)} ${two(date.hour)}:${two(date.minute)}`;
}

/** A YAML single-quoted scalar: `'…'`, with every `'` doubled; line breaks become spaces. */
export function yamlQuote(text: string): string {
  return `'${text.replace(/\s*[\r\n]+\s*/g, ' ').replaceAll("'", "''")}'`;
}

/** The frontmatter block of a Markdown file (between the opening and closing `---`), or '' if none. */
export function frontmatterOf(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? (match[1] ?? '') : '';
}

/** 1 + the largest `id:` in the given frontmatter blocks; 1 when there is none. */
export function nextFreeId(frontmatterTexts: Iterable<string>): number {
  let max = 0;
  for (const text of frontmatterTexts) {
    const match = /^id:[ \t]*['"]?(\d+)['"]?[ \t]*(?:#.*)?$/m.exec(text);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}
