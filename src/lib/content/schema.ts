/**
 * The content contract, as plain zod schemas. `src/content.config.ts` gives them to Astro's content
 * layer; `npm run check:content` runs the very same schemas over the files without a build. The two
 * differ only in what Astro alone can provide, the lead image (Astro's `image()` helper), which comes
 * in through {@link ContentLinks} with the sections and reporters that exist.
 * Field reference: docs/reference.md#frontmatter (for reporters, in Persian: docs/reporters-guide.md).
 */
import { z } from 'astro/zod';
import { isAsciiSlug } from '#lib/persian/slug.ts';
import {
  articleDate,
  articleId,
  articleSource,
  correctionList,
  knownSlug,
  liveUpdateList,
  persianText,
  readerText,
  slugOverride,
  strictFields,
  tagList,
} from './fields.ts';
import type { ContentProblem } from './problems.ts';
import { creditName } from '#lib/media-files.ts';
import { timelineOrderProblems } from './timeline.ts';

/** What the article schema needs from its surroundings. */
export interface ContentLinks<Image extends z.ZodType> {
  /** The section slugs that exist (file names in the categories folder) and that folder, for messages. */
  categories: { ids: ReadonlySet<string>; folder: string };
  /** The reporter slugs that exist and their folder. */
  authors: { ids: ReadonlySet<string>; folder: string };
  /** The lead image field: Astro's `image()` in the build, a file check in `check:content`. */
  image: () => Image;
}

/**
 * A link to an entry of another collection, `{ collection, id }`, as Astro's `reference()` makes
 * it from a slug and as `getEntry()` reads it. Ours rather than Astro's: importing `astro:content`
 * in the content config loads Astro's whole page runtime before content sync can start (about 150
 * modules, 0.4 s of every build).
 */
function entryReference<Collection extends string>(collection: Collection) {
  return z.string().transform((id) => ({ id, collection }));
}

export const categorySchema = strictFields(
  {
    /** Persian name of the section, e.g. «اقتصادی». */
    name: persianText('the section name', "name: 'اقتصادی'"),
    /** One sentence about the section, shown on its page. */
    description: persianText('one sentence about the section', "description: 'خبرهای بازار، تجارت و تولید'"),
  },
  'a category',
);

export const authorSchema = strictFields(
  {
    /** The reporter's full name in Persian. */
    name: persianText("the reporter's full name", "name: 'مریم کریمی'"),
    /** Their job title, e.g. «خبرنگار گروه اقتصادی». */
    role: persianText('their job title', "role: 'خبرنگار گروه اقتصادی'").optional(),
    /** A short biography (one or two sentences). */
    bio: persianText('a one- or two-sentence biography', "bio: 'خبرنگار اقتصادی با ده سال سابقه'").optional(),
  },
  'a reporter',
);

/**
 * The article's fields, one schema each: the frontmatter contract. The web editor's configuration is
 * generated from these (src/lib/cms/config.ts), so a field added here appears in the editor.
 */
export function articleFields<Image extends z.ZodType>(links: ContentLinks<Image>) {
  return {
    /** The permanent article number: unique, shown as «شناسه خبر», part of the URL `/news/<id>/<slug>/`. */
    id: articleId,
    /** The headline. */
    title: persianText('the headline', "title: 'افتتاح کتابخانهٔ مرکزی شهر'"),
    /** The summary shown in lists, feeds and the page description; one or two sentences. */
    lead: persianText('a one- or two-sentence summary', "lead: 'کتابخانهٔ مرکزی امروز افتتاح شد.'"),
    /** First publication, Tehran time: `1403/09/03 14:30` (Jalali) or `2024-11-23T14:30:00+03:30`. */
    date: articleDate,
    /** Last substantive update, same forms as `date`. */
    updated: articleDate.optional(),
    /** The section's slug: a file name in `content/categories/`. */
    category: knownSlug('category', links.categories.folder, links.categories.ids).pipe(entryReference('categories')),
    /** Tags in Persian; spelling variants of one tag are kept once. */
    tags: tagList,
    /** One or more reporters' slugs: file names in `content/authors/`. */
    authors: z
      .array(knownSlug('reporter', links.authors.folder, links.authors.ids).pipe(entryReference('authors')), {
        error: "must be a list of reporter slugs, e.g. authors: ['maryam-karimi']",
      })
      .min(1, { error: "needs at least one reporter, e.g. authors: ['maryam-karimi']" }),
    /** The lead image, a path relative to the article file, e.g. `./images/library.jpg`. */
    image: links.image().optional(),
    /** A description of the image for readers who cannot see it; required with `image`. */
    imageAlt: persianText('a description of the image', "imageAlt: 'نمای بیرونی کتابخانه'").optional(),
    /** Who took the lead picture, shown as «عکس: …» under it; a leading «عکس:» is left out. */
    imageCredit: persianText('who took the picture', "imageCredit: 'علی رضایی'").transform(creditName).optional(),
    /** A caption under the lead picture: what it shows, where and when. */
    imageCaption: persianText('a caption for the picture', "imageCaption: 'ورودی بازار در نخستین روز'").optional(),
    /** Shown in the «اخبار ویژه» box. */
    featured: z.boolean({ error: 'must be true or false' }).default(false),
    /** Breaking news («فوری»). */
    breaking: z.boolean({ error: 'must be true or false' }).default(false),
    /** A draft is never published. */
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    /** Whether readers may comment. */
    comments: z.boolean({ error: 'must be true or false' }).default(true),
    /** The URL slug; the file name when absent. */
    slug: slugOverride.optional(),
    /** The original publisher of a republished story: a name, or `{ name, url }`. */
    source: articleSource.optional(),
    /** Corrections, each `{ date, text }` (Tehran time); shown in the «اصلاحیه» box and on /corrections/. */
    corrections: correctionList,
    /** A live page: shows «پوشش زنده» and its `updates`, newest first, until `liveEnded` is set. */
    live: z.boolean({ error: 'must be true or false' }).default(false),
    /** The timestamped updates of a live page, `{ date, text, title? }`, in any order. */
    updates: liveUpdateList,
    /** When the live coverage ended (Tehran time): the one field that ends it. */
    liveEnded: articleDate.optional(),
  };
}

/** The name of a frontmatter field of an article. */
export type ArticleFieldName = keyof ReturnType<typeof articleFields>;

export function articleSchema<Image extends z.ZodType>(links: ContentLinks<Image>) {
  return strictFields(articleFields(links), 'an article').superRefine((article, ctx) => {
    if (article.image && !article.imageAlt) {
      ctx.addIssue({
        code: 'custom',
        path: ['imageAlt'],
        message: "is required when there is an image: describe the picture, e.g. imageAlt: 'نمای بیرونی کتابخانه'",
      });
    }
    for (const field of ['imageAlt', 'imageCredit', 'imageCaption'] as const) {
      if (article[field] && !article.image) {
        ctx.addIssue({
          code: 'custom',
          path: ['image'],
          message: `is missing, but ${field} is set: add the image path or remove ${field}`,
        });
      }
    }
    if (article.updated && article.updated < article.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        message: 'is earlier than date: an update cannot come before the first publication',
      });
    }
    for (const problem of timelineOrderProblems(article)) ctx.addIssue({ code: 'custom', ...problem });
  });
}

/**
 * `schema`, then its `field` parsed once more by `fieldSchema` (when present). Astro builds a
 * collection's schema anew for every entry, so that `image()` knows the entry's file; building the
 * whole article schema for each of 10,000 articles took about a fifth of a cold content sync. With
 * this the article schema is built once (its `field` checked as a plain string) and only the field
 * that needs the entry is built per entry. Its problems keep their place: `image: …`.
 */
export function withEntryField<
  Out extends Record<string, unknown>,
  In,
  K extends keyof Out & string,
  F extends z.ZodType,
>(schema: z.ZodType<Out, In>, field: K, fieldSchema: F) {
  type Result = Omit<Out, K> & { [P in K]?: z.output<F> };
  return schema.transform(async (value, ctx): Promise<Result> => {
    if (value[field] === undefined) return value as Result;
    const parsed = await fieldSchema.safeParseAsync(value[field]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [field, ...issue.path] });
      return z.NEVER;
    }
    // Spread, so the field keeps its place among the others (the data store is written in this order).
    return { ...value, [field]: parsed.data } as Result;
  });
}

const commentIdPattern = /^[a-z0-9][a-z0-9-]*$/;

const commentFields = {
  /** The comment's id, also its file name. */
  id: z
    .string({ error: "is required: the comment's id, the file name without extension" })
    .regex(commentIdPattern, { error: 'must be lower-case Latin letters, digits and hyphens, like c-3f9a1b2c' }),
  /** The article's id (the folder name). */
  article: articleId,
  /** The id of the comment this one answers (one level of replies). */
  parent: z.string().regex(commentIdPattern, { error: 'must be the id of a comment of the same article' }).optional(),
  /** The name the reader chose to show. */
  name: readerText('the name to show', 200),
  /** The comment itself, as plain text; paragraphs are separated by a blank line. */
  body: readerText('the comment', 5000),
  /** When the reader sent it: ISO with an offset, e.g. 2024-11-23T14:30:00+03:30. */
  submittedAt: articleDate,
};

export const commentSchema = strictFields(commentFields, 'a comment');

/** The fields of a comment file, in the order they are written. */
export const COMMENT_FIELDS = Object.keys(commentFields) as (keyof typeof commentFields)[];

// In a module of their own, without zod, for the web editor's script too.
export { DATE_FIELDS, DATED_LISTS } from './date-fields.ts';

/** Whether a list's items hold a date YAML already read (an unquoted ISO timestamp). */
export function hasDateItem(list: unknown): boolean {
  return Array.isArray(list) && list.some((item) => (item as { date?: unknown } | null)?.date instanceof Date);
}

/** A category or reporter file whose name cannot be a URL segment. */
export function dataFileNameProblem(id: string, filePath: string): ContentProblem | undefined {
  if (isAsciiSlug(id)) return undefined;
  return {
    file: filePath,
    field: 'file',
    message: `the file name "${id}" is used in URLs`,
    fix: 'rename the file to lower-case Latin letters, digits and hyphens, e.g. economy.yml',
  };
}

/** A comment stored in the wrong folder or under the wrong file name (`<article-id>/<comment-id>`). */
export function commentPlacementProblems(
  entryId: string,
  data: { article?: unknown; id?: unknown },
  filePath: string,
): ContentProblem[] {
  const [folder, file] = entryId.split('/');
  const problems: ContentProblem[] = [];
  if (folder !== String(data.article)) {
    problems.push({
      file: filePath,
      field: 'article',
      message: `${String(data.article)} does not match the folder ${folder}/`,
      fix: 'keep each comment in the folder of its article id.',
    });
  }
  if (file !== data.id) {
    problems.push({
      file: filePath,
      field: 'id',
      message: `"${String(data.id)}" does not match the file name`,
      fix: `name the file ${String(data.id)}.json.`,
    });
  }
  return problems;
}

/** A zone-less YAML timestamp (`date: 2024-11-22 14:30:00`), with the fix. */
export function zonelessTimestampProblem(filePath: string, field: string, value: string): ContentProblem {
  return {
    file: filePath,
    field,
    message: `${value} has no time-zone offset, so YAML reads it as UTC (3½ hours off Tehran)`,
    fix: `write ${field}: ${value.replace(' ', 'T')}+03:30, or the Jalali date.`,
  };
}
