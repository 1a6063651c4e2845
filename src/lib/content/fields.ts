/**
 * Zod pieces of the content schema that need no Astro runtime, so unit tests can exercise them.
 * Each error message says what to write instead, in plain words: reporters read them.
 */
import { z } from 'astro/zod';
import { boundedMemo } from '#lib/bounded-memo.ts';
import { cleanReaderText } from '#lib/comments.ts';
import { parseArticleDate } from '#lib/dates/parse-article-date.ts';
import { normalizePersianLetters, persianComparisonKey } from '#lib/persian/normalize.ts';
import { slugify } from '#lib/persian/slug.ts';
import type { ContentProblem } from './problems.ts';

/** Displayed Persian text: Arabic ي/ك become ی/ک, runs of spaces collapse; ZWNJ stays. */
export function persianText(what: string, example: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required: write ${what}, e.g. ${example}`
          : `must be text: write ${what}, e.g. ${example}`,
    })
    .transform((text) =>
      normalizePersianLetters(text)
        .replace(/[ \t\r\n]+/g, ' ')
        .trim(),
    )
    .refine((text) => text.length > 0, { message: `is empty: write ${what}, e.g. ${example}` });
}

/** Text a reader wrote: kept as written (it is escaped when shown), bidi controls removed. */
export function readerText(what: string, maxLength: number) {
  return z
    .string({ error: `is required: ${what}, as plain text` })
    .transform((text) => cleanReaderText(text))
    .refine((text) => text.length > 0, { message: `is empty: write ${what}` })
    .refine((text) => text.length <= maxLength, { message: `is longer than ${maxLength} characters` });
}

/** A publication or update date: Jalali in Tehran time, or ISO with an offset. */
export const articleDate = z.union([z.date(), z.string(), z.number()]).transform((value, ctx) => {
  try {
    return parseArticleDate(value);
  } catch (error) {
    ctx.issues.push({ code: 'custom', input: value, message: (error as Error).message });
    return z.NEVER;
  }
});

/**
 * Text of one or more paragraphs (a live update): letters normalised and spaces collapsed as in
 * {@link persianText}, but a blank line still separates paragraphs (`\n\n` in the result).
 */
export function persianParagraphs(what: string, example: string) {
  return z
    .string({ error: `must be text: write ${what}, e.g. ${example}` })
    .transform((text) =>
      normalizePersianLetters(text)
        .split(/\r?\n[ \t]*\r?\n\s*/)
        .map((paragraph) => paragraph.replace(/[ \t\r\n]+/g, ' ').trim())
        .filter((paragraph) => paragraph.length > 0)
        .join('\n\n'),
    )
    .refine((text) => text.length > 0, { message: `is empty: write ${what}, e.g. ${example}` });
}

/** A correction of a published story: when it was made (Tehran time) and what was corrected. */
export const correctionList = z
  .array(
    strictFields(
      {
        /** When the correction was published: Jalali in Tehran time or ISO with an offset. */
        date: articleDate,
        /** What was wrong and what is right now, in a sentence or two. */
        text: persianText('what was corrected', "text: 'نام وزیر در نسخهٔ نخست نادرست آمده بود.'"),
      },
      'a correction',
    ),
    { error: "must be a list, e.g. corrections: [{ date: 1405/09/10 18:00, text: '…' }]" },
  )
  .default([]);

/** A timestamped update of a live page; paragraphs of plain text, optionally with a short title. */
export const liveUpdateList = z
  .array(
    strictFields(
      {
        /** When the update was published: Jalali in Tehran time or ISO with an offset. */
        date: articleDate,
        /** A short headline of the update (optional; search engines show it). */
        title: persianText('a short headline', "title: 'آتش مهار شد'").optional(),
        /** The update itself: plain text, paragraphs separated by a blank line. */
        text: persianParagraphs('the update', "text: 'آتش‌نشانان آتش را مهار کردند.'"),
      },
      'a live update',
    ),
    { error: "must be a list, e.g. updates: [{ date: 1405/09/10 18:40, text: '…' }]" },
  )
  .default([]);

/** The permanent article number. */
export const articleId = z
  .number({ error: "must be a whole number, the article's permanent number, e.g. id: 1042 (without quotes)" })
  .int({ error: 'must be a whole number without decimals, e.g. id: 1042' })
  .positive({ error: 'must be a positive number, e.g. id: 1042' });

/** A tag's comparison key, computed once per spelling: about 1 s of content sync at 100,000 articles otherwise. */
const tagKey = boundedMemo(persianComparisonKey);

/**
 * A tag as written, letters normalised and spaces collapsed: one string for every article that
 * writes it so (a copy an article was about 5 MB a thread at 100,000 articles, of a few thousand tags).
 */
const normalTag = boundedMemo((raw: string) => normalizePersianLetters(raw).replace(/\s+/g, ' ').trim());

/** Tags: letters normalised, spaces collapsed, spelling variants of one tag kept once. */
export const tagList = z
  .array(z.string({ error: "each tag must be text, e.g. tags: ['کتاب', 'تهران']" }), {
    error: "must be a list, e.g. tags: ['کتاب', 'تهران']",
  })
  .default([])
  .transform((tags) => {
    const seen = new Set<string>();
    const result: string[] = [];
    for (const raw of tags) {
      const tag = normalTag(raw);
      const key = tagKey(tag);
      if (tag && !seen.has(key)) {
        seen.add(key);
        result.push(tag);
      }
    }
    return result;
  });

/** An optional URL slug given by the reporter; normalised to the form used in URLs. */
export const slugOverride = z
  .string({ error: "must be text, e.g. slug: 'pistachio-exports'" })
  .transform((text) => slugify(text))
  .refine((slug) => slug.length > 0, {
    message: "has no letters or digits; write a short Latin or Persian phrase, e.g. slug: 'pistachio-exports'",
  });

/** Where a republished story came from. A bare string is the source's name. */
export const articleSource = z.union(
  [
    z.string().transform((name): { name: string; url?: string } => ({ name: normalizePersianLetters(name).trim() })),
    z.strictObject({
      name: z
        .string({ error: "is required: the source's name, e.g. name: 'خبرگزاری نمونه'" })
        .transform((name) => normalizePersianLetters(name).trim()),
      url: z.url({ protocol: /^https?$/, error: 'must be a full http(s) address' }).optional(),
    }),
  ],
  { error: "must be the source's name, or { name: '…', url: 'https://…' }" },
);

/**
 * A slug that must name an existing entry of a data collection (a category or an author). Astro's
 * `reference()` does not check existence at build time, so this does, listing the valid slugs.
 */
export function knownSlug(kind: string, folder: string, known: ReadonlySet<string>) {
  const valid = [...known].sort().join(', ') || `(none yet: add files to ${folder})`;
  return z
    .string({ error: `must be the slug of a ${kind} in ${folder}; one of: ${valid}` })
    .refine((slug) => known.has(slug), {
      error: (issue) => `"${String(issue.input)}" is not a ${kind}; use one of: ${valid} (files in ${folder})`,
    });
}

export interface ArticleLocation {
  /** The article's permanent number. */
  articleId: number;
  /** The file it was read from, relative to the project. */
  filePath: string;
}

/** Articles that share an id (and so a URL); each problem names both files and a free id. */
export function findDuplicateArticleIds(articles: Iterable<ArticleLocation>): ContentProblem[] {
  // Sorted by file, so the message is the same whatever order the loader read the files in.
  const list = [...articles].sort((a, b) => a.filePath.localeCompare(b.filePath));
  // A loop, not `Math.max(...ids)`: a million arguments overflow the call stack.
  let nextFreeId = 1;
  for (const { articleId } of list) if (articleId >= nextFreeId) nextFreeId = articleId + 1;
  const firstFile = new Map<number, string>();
  const problems: ContentProblem[] = [];
  for (const { articleId: id, filePath } of list) {
    const other = firstFile.get(id);
    if (other === undefined) firstFile.set(id, filePath);
    else
      problems.push({
        file: filePath,
        field: 'id',
        message: `${id} is already used by ${other}`,
        fix: `every article needs its own id, which is its permanent URL /news/${id}/… Give this one the next free id, e.g. id: ${nextFreeId}.`,
      });
  }
  return problems;
}

/** Edit distance between two short strings, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** "is not a field …; did you mean title?" — for a misspelt frontmatter key. */
export function unknownFieldMessage(key: string, known: readonly string[], what: string): string {
  const closest = [...known].sort((x, y) => editDistance(key, x) - editDistance(key, y))[0];
  const hint = closest && editDistance(key, closest) <= 2 ? ` Did you mean "${closest}"?` : '';
  return `is not a field of ${what}.${hint} The fields are: ${known.join(', ')}.`;
}

/**
 * An object schema that rejects unknown keys with a message naming the key, a likely intended
 * field and the list of fields. The check runs even when fields fail, so a misspelt required
 * field (`titel:`) is reported next to the missing one (`title: is required`). Frontmatter and the
 * site settings (src/lib/site-config.ts) both use it.
 *
 * Typed as the plain object it checks: its input has no room for other keys, so a misspelt key in a
 * TypeScript object literal (src/site.config.ts) is also a type error.
 */
export function strictFields<Shape extends z.ZodRawShape>(
  shape: Shape,
  what: string,
): z.ZodType<z.output<z.ZodObject<Shape>>, z.input<z.ZodObject<Shape>>> {
  const known = Object.keys(shape);
  return z
    .looseObject(shape)
    .superRefine(
      (data, ctx) => {
        if (!data || typeof data !== 'object') return;
        for (const key of Object.keys(data)) {
          if (!known.includes(key)) {
            ctx.addIssue({ code: 'custom', path: [key], message: unknownFieldMessage(key, known, what) });
          }
        }
      },
      { when: () => true },
    )
    .transform((data) => data as z.output<z.ZodObject<Shape>>);
}

/**
 * Unquoted ISO timestamps without a zone in a frontmatter block (`date: 2024-11-22 14:30:00`).
 * YAML reads them as UTC before the schema sees them, which would silently shift a Tehran time by
 * 3½ hours, so the content loader refuses them; this finds them in the file's text. `fields` are
 * top-level fields (`updated`); `lists` are lists of items with a `date` (`corrections`), whose
 * items are found as `corrections.0.date`.
 */
export function findZonelessTimestamps(
  source: string,
  fields: readonly string[],
  lists: readonly string[] = [],
): { field: string; value: string }[] {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const found: { field: string; value: string }[] = [];
  const timestamp = '(\\d{4}-\\d{1,2}-\\d{1,2}(?:(?:[Tt]|[ \\t]+)\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d*)?)?)\\s*(?:#.*)?$';
  const topLevel = new RegExp(`^([A-Za-z]+):\\s*${timestamp}`);
  const inList = new RegExp(`^\\s*(-\\s+)?date:\\s*${timestamp}`);
  let list: string | undefined;
  let item = -1;
  for (const line of frontmatter.split(/\r?\n/)) {
    const key = /^([A-Za-z]+):/.exec(line)?.[1];
    if (key !== undefined) {
      list = lists.includes(key) ? key : undefined;
      item = -1;
      // An inline list (`corrections: [{ date: … }]`): its items in order.
      if (list) {
        for (const object of line.matchAll(/\{[^}]*\}/g)) {
          item += 1;
          const value = /date:\s*(\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2})?)\s*[,}]/.exec(object[0]);
          if (value) found.push({ field: `${list}.${item}.date`, value: value[1]! });
        }
      }
    } else if (list && /^\s*-\s/.test(line)) item += 1;
    const match = topLevel.exec(line);
    if (match && fields.includes(match[1]!)) found.push({ field: match[1]!, value: match[2]! });
    const nested = list ? inList.exec(line) : null;
    if (nested && key === undefined) found.push({ field: `${list}.${Math.max(item, 0)}.date`, value: nested[2]! });
  }
  return found;
}
