/**
 * The content contract reporters write against. Frontmatter is validated and normalised here,
 * once; the rest of the site reads clean data. Field reference: README «Frontmatter».
 */
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, listDataEntryIds, resolveContentDir } from './lib/content/content-dir';
import {
  articleDate,
  articleId,
  articleSource,
  findDuplicateArticleIds,
  findZonelessTimestamps,
  isAsciiSlug,
  knownSlug,
  persianText,
  readerText,
  slugOverride,
  strictFields,
  tagList,
} from './lib/content/fields';

const contentDir = resolveContentDir();
const folders = {
  articles: path.join(contentDir, 'articles'),
  categories: path.join(contentDir, 'categories'),
  authors: path.join(contentDir, 'authors'),
  comments: path.join(contentDir, 'comments'),
};
const categoryIds = listDataEntryIds(folders.categories);
const authorIds = listDataEntryIds(folders.authors);

/** Runs Astro's glob loader, then checks that concern several entries at once. */
function checkedGlob(
  options: Parameters<typeof glob>[0],
  check: (entries: { id: string; data: Record<string, unknown>; filePath: string }[]) => string[],
  /** Checks one entry's raw data before the schema parses it; returns problems. */
  checkRaw: (data: Record<string, unknown>, filePath: string) => string[] = () => [],
): Loader {
  const inner = glob(options);
  const fail = (problems: string[]) => {
    throw new Error(
      `Content needs fixing before the site can be built:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  };
  return {
    name: inner.name,
    load: async (context) => {
      await inner.load({
        ...context,
        parseData: async (props) => {
          const problems = checkRaw(props.data, props.filePath ?? props.id);
          if (problems.length > 0) fail(problems);
          return context.parseData(props);
        },
      });
      const entries = context.store.values().map((entry) => ({
        id: entry.id,
        data: entry.data,
        filePath: displayPath(entry.filePath ?? entry.id),
      }));
      const problems = check(entries);
      if (problems.length > 0) fail(problems);
    },
  };
}

/** Date fields that YAML turned into a UTC Date although the file gave no zone. */
const zonelessDatesIn =
  (fields: string[]) =>
  (data: Record<string, unknown>, filePath: string): string[] =>
    zonelessDates(data, filePath, fields);

function zonelessDates(data: Record<string, unknown>, filePath: string, fields = ['date', 'updated']): string[] {
  const dateFields = fields.filter((field) => data[field] instanceof Date);
  if (dateFields.length === 0) return [];
  return findZonelessTimestamps(readFileSync(filePath, 'utf8'), dateFields).map(
    ({ field, value }) =>
      `${displayPath(filePath)}: ${field}: ${value} has no time-zone offset, so YAML reads it as UTC (3½ hours off Tehran); write ${field}: ${value.replace(' ', 'T')}+03:30, or the Jalali date.`,
  );
}

/** Data entries (categories, authors) are named by their file: `economy.yml` is the category `economy`. */
const dataEntry = (folder: string) =>
  checkedGlob(
    { pattern: '*.{yml,yaml,json}', base: folder, generateId: ({ entry }) => entry.replace(/\.(ya?ml|json)$/, '') },
    (entries) =>
      entries
        .filter((entry) => !isAsciiSlug(entry.id))
        .map(
          (entry) =>
            `${entry.filePath}: the file name "${entry.id}" is used in URLs; rename the file to lower-case Latin letters, digits and hyphens, e.g. economy.yml`,
        ),
  );

const categories = defineCollection({
  loader: dataEntry(folders.categories),
  schema: strictFields(
    {
      /** Persian name of the section, e.g. «اقتصادی». */
      name: persianText('the section name', "name: 'اقتصادی'"),
      /** One sentence about the section, shown on its page. */
      description: persianText('one sentence about the section', "description: 'خبرهای بازار، تجارت و تولید'"),
    },
    'a category',
  ),
});

const authors = defineCollection({
  loader: dataEntry(folders.authors),
  schema: strictFields(
    {
      /** The reporter's full name in Persian. */
      name: persianText("the reporter's full name", "name: 'مریم کریمی'"),
      /** Their job title, e.g. «خبرنگار گروه اقتصادی». */
      role: persianText('their job title', "role: 'خبرنگار گروه اقتصادی'").optional(),
      /** A short biography (one or two sentences). */
      bio: persianText('a one- or two-sentence biography', "bio: 'خبرنگار اقتصادی با ده سال سابقه'").optional(),
    },
    'a reporter',
  ),
});

const articles = defineCollection({
  loader: checkedGlob(
    {
      pattern: '**/*.{md,mdx}',
      base: folders.articles,
      // The file path is the entry id, so two files can never silently replace each other
      // (Astro's default would key entries by their `slug` field).
      generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
    },
    (entries) =>
      findDuplicateArticleIds(entries.map((e) => ({ articleId: e.data.id as number, filePath: e.filePath }))),
    zonelessDates,
  ),
  schema: ({ image }) =>
    strictFields(
      {
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
        category: knownSlug('category', `${displayPath(folders.categories)}/`, categoryIds).pipe(
          reference('categories'),
        ),
        /** Tags in Persian; spelling variants of one tag are kept once. */
        tags: tagList,
        /** One or more reporters' slugs: file names in `content/authors/`. */
        authors: z
          .array(knownSlug('reporter', `${displayPath(folders.authors)}/`, authorIds).pipe(reference('authors')), {
            error: "must be a list of reporter slugs, e.g. authors: ['maryam-karimi']",
          })
          .min(1, { error: "needs at least one reporter, e.g. authors: ['maryam-karimi']" }),
        /** The lead image, a path relative to the article file, e.g. `./images/library.jpg`. */
        image: image().optional(),
        /** A description of the image for readers who cannot see it; required with `image`. */
        imageAlt: persianText('a description of the image', "imageAlt: 'نمای بیرونی کتابخانه'").optional(),
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
      },
      'an article',
    ).superRefine((article, ctx) => {
      if (article.image && !article.imageAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['imageAlt'],
          message: "is required when there is an image: describe the picture, e.g. imageAlt: 'نمای بیرونی کتابخانه'",
        });
      }
      if (article.imageAlt && !article.image) {
        ctx.addIssue({
          code: 'custom',
          path: ['image'],
          message: 'is missing, but imageAlt is set: add the image path or remove imageAlt',
        });
      }
      if (article.updated && article.updated < article.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'is earlier than date: an update cannot come before the first publication',
        });
      }
    }),
});

/** Approved comments: `comments/<article-id>/<comment-id>.{json,yml}`; the folder is the article. */
const comments = defineCollection({
  loader: checkedGlob(
    {
      pattern: '*/*.{json,yml,yaml}',
      base: folders.comments,
      generateId: ({ entry }) => entry.replace(/\.(ya?ml|json)$/, ''),
    },
    (entries) =>
      entries.flatMap((entry) => {
        const [folder, file] = entry.id.split('/');
        const problems: string[] = [];
        if (folder !== String(entry.data.article)) {
          problems.push(
            `${entry.filePath}: article: ${String(entry.data.article)} does not match the folder ${folder}/; keep each comment in the folder of its article id.`,
          );
        }
        if (file !== entry.data.id) {
          problems.push(
            `${entry.filePath}: id: "${String(entry.data.id)}" does not match the file name; name the file ${String(entry.data.id)}.json.`,
          );
        }
        return problems;
      }),
    zonelessDatesIn(['submittedAt']),
  ),
  schema: strictFields(
    {
      /** The comment's id, also its file name. */
      id: z
        .string({ error: "is required: the comment's id, the file name without extension" })
        .regex(/^[a-z0-9][a-z0-9-]*$/, {
          error: 'must be lower-case Latin letters, digits and hyphens, like c-3f9a1b2c',
        }),
      /** The article's id (the folder name). */
      article: articleId,
      /** The id of the comment this one answers (one level of replies). */
      parent: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be the id of a comment of the same article' })
        .optional(),
      /** The name the reader chose to show. */
      name: readerText('the name to show', 200),
      /** The comment itself, as plain text; paragraphs are separated by a blank line. */
      body: readerText('the comment', 5000),
      /** When the reader sent it: ISO with an offset, e.g. 2024-11-23T14:30:00+03:30. */
      submittedAt: articleDate,
    },
    'a comment',
  ),
});

export const collections = { articles, categories, authors, comments };
