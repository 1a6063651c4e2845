/**
 * The content contract reporters write against, given to Astro's content layer. The schemas live in
 * `src/lib/content/schema.ts`, shared with `npm run check:content`; this file adds what only Astro
 * has (the glob loader, `image()`) and the checks that span several entries.
 * Field reference: docs/reference.md#frontmatter.
 */
import { defineCollection } from 'astro/content/config';
import { z } from 'astro/zod';
import type { Loader } from 'astro/loaders';
import { readFileSync, statSync } from 'node:fs';
import { collectionFolder, displayPath, listDataEntryIds, resolveContentDir } from './lib/content/content-dir';
import { COLLECTIONS, DATA_FILE_GLOB, dataEntryId, type Collection } from './lib/content/content-layout';
import { findDuplicateArticleIds, findZonelessTimestamps } from './lib/content/fields';
import { contentProblemsError, type ContentProblem } from './lib/content/problems';
import { keepLiveCollection } from './lib/content/live-store';
import { ownString, withOwnStrings } from './lib/content/own-strings';
import { commentsByShare } from './lib/content/comments-by-share';
import { bodiesOutsideStore } from './lib/content/rendered-bodies';
import { prepareCommentFile } from './lib/content/staticman-entry';
import { globChangedFiles } from './lib/content/unchanged-files';
import {
  articleSchema,
  authorSchema,
  categorySchema,
  commentPlacementProblems,
  commentSchema,
  dataFileNameProblem,
  DATE_FIELDS,
  DATED_LISTS,
  hasDateItem,
  withEntryField,
  zonelessTimestampProblem,
} from './lib/content/schema';

const contentDir = resolveContentDir();
const folders = Object.fromEntries(
  COLLECTIONS.map((collection) => [collection, collectionFolder(collection, contentDir)]),
) as Record<Collection, string>;

/** Runs Astro's glob loader (on the changed files), then checks that concern several entries at once. */
function checkedGlob(
  options: Parameters<typeof globChangedFiles>[0],
  check: (entries: { id: string; data: Record<string, unknown>; filePath: string }[]) => ContentProblem[],
  /** Checks one entry's raw data before the schema parses it; returns problems. */
  checkRaw: (data: Record<string, unknown>, filePath: string) => ContentProblem[] = () => [],
  /** Turns one entry's raw data into what the schema reads (a Staticman comment file, say). */
  prepare: (
    data: Record<string, unknown>,
    entryId: string,
    filePath: string,
  ) => { data: Record<string, unknown>; problems: ContentProblem[] } = (data) => ({ data, problems: [] }),
): Loader {
  const inner = globChangedFiles(options);
  /** The short strings met so far in the files of the load under way (see withOwnStrings). */
  let sharedStrings: Map<string, string> | undefined;
  const fail = (problems: ContentProblem[]) => {
    throw contentProblemsError(problems);
  };
  return {
    name: inner.name,
    load: async (context) => {
      sharedStrings = new Map();
      try {
        await inner.load({
          ...context,
          parseData: async (props) => {
            const filePath = props.filePath ?? props.id;
            const prepared = prepare(props.data, props.id, displayPath(filePath));
            const problems = [...checkRaw(props.data, filePath), ...prepared.problems];
            if (problems.length > 0) fail(problems);
            // The schema checks the prepared data; Astro's generic only carries the raw data's type.
            // Its strings are copied out of the file's text, which they would otherwise keep alive.
            const data = withOwnStrings(prepared.data, sharedStrings);
            return context.parseData({ ...props, data: data as typeof props.data });
          },
        });
      } finally {
        sharedStrings = undefined;
      }
      const entries = context.store.values().map((entry) => ({
        id: entry.id,
        data: entry.data,
        filePath: displayPath(entry.filePath ?? entry.id),
      }));
      const problems = check(entries);
      if (problems.length > 0) fail(problems);
      keepLiveCollection(context.collection, context.store);
    },
  };
}

/** Date fields (and lists of dated items) that YAML turned into a UTC Date although the file gave no zone. */
const zonelessDates =
  (fields: readonly string[], lists: readonly string[] = []) =>
  (data: Record<string, unknown>, filePath: string): ContentProblem[] => {
    const dateFields = fields.filter((field) => data[field] instanceof Date);
    const datedLists = lists.filter((list) => hasDateItem(data[list]));
    if (dateFields.length === 0 && datedLists.length === 0) return [];
    return findZonelessTimestamps(readFileSync(filePath, 'utf8'), dateFields, datedLists).map(({ field, value }) =>
      zonelessTimestampProblem(displayPath(filePath), field, value),
    );
  };

/** Data entries (categories, authors) are named by their file: `economy.yml` is the category `economy`. */
const dataEntry = (folder: string) =>
  checkedGlob(
    { pattern: DATA_FILE_GLOB, base: folder, generateId: ({ entry }) => ownString(dataEntryId(entry)) },
    (entries) => entries.flatMap((entry) => dataFileNameProblem(entry.id, entry.filePath) ?? []),
  );

const categories = defineCollection({ loader: dataEntry(folders.categories), schema: categorySchema });

const authors = defineCollection({ loader: dataEntry(folders.authors), schema: authorSchema });

/** When each data folder last had a file added, removed or renamed: the sections and reporters that exist. */
const liveFolderListingKey = () =>
  [folders.categories, folders.authors].map((folder) => statSync(folder, { throwIfNoEntry: false })?.mtimeMs).join(' ');

/**
 * The folders' key taken once while the articles' loader reads its files: the schema is asked for
 * each article, and two `stat` calls an article took about 1.7 s of a cold content sync at 100,000
 * articles. Outside a load (a dev server's watcher handing over one edited file) it is taken live.
 */
let folderKeyOfLoad: string | undefined;
const folderListingKey = () => folderKeyOfLoad ?? liveFolderListingKey();

/** `loader`, with the folders' key taken once for the whole of each load. */
function withFolderKeyPerLoad(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      folderKeyOfLoad = liveFolderListingKey();
      try {
        await loader.load(context);
      } finally {
        folderKeyOfLoad = undefined;
      }
    },
  };
}

let articleSchemaCache: { key: string; schema: ReturnType<typeof articleSchemaFor> } | undefined;

function articleSchemaFor() {
  return articleSchema({
    categories: {
      ids: listDataEntryIds(folders.categories),
      folder: `${displayPath(folders.categories)}/`,
    },
    authors: {
      ids: listDataEntryIds(folders.authors),
      folder: `${displayPath(folders.authors)}/`,
    },
    // Checked as text here; Astro's own `image()` reads it for each entry (withEntryField).
    image: () => z.string(),
  });
}

/** The article schema, built once for as long as the sections and reporters stay the same. */
function articleSchemaOfFolders() {
  const key = folderListingKey();
  if (articleSchemaCache?.key !== key) articleSchemaCache = { key, schema: articleSchemaFor() };
  return articleSchemaCache.schema;
}

const articles = defineCollection({
  // Rendered bodies are kept in files of their own: the data store of a large archive would not fit
  // in one string with them (issue 8). Pages put them back with `withRenderedBody`.
  loader: withFolderKeyPerLoad(
    bodiesOutsideStore(
      checkedGlob(
        {
          pattern: '**/*.{md,mdx}',
          base: folders.articles,
          // The file path is the entry id, so two files can never silently replace each other
          // (Astro's default would key entries by their `slug` field).
          // A copy: a slice of the file's path would keep the path alive beside it.
          generateId: ({ entry }) => ownString(entry.replace(/\.mdx?$/, '')),
          // Pages and feeds use the HTML rendered at sync; keeping each raw body too would double the
          // data store held in memory and in the build cache (issue 8: large archives).
          retainBody: false,
        },
        (entries) =>
          findDuplicateArticleIds(entries.map((e) => ({ articleId: e.data.id as number, filePath: e.filePath }))),
        zonelessDates(DATE_FIELDS.article, DATED_LISTS),
      ),
    ),
  ),
  schema: ({ image }) => withEntryField(articleSchemaOfFolders(), 'image', image()),
});

/**
 * Approved comments: `comments/<article-id>/<comment-id>.{json,yml}`; the folder is the article.
 * Files as Staticman writes them (staticman.yml) are read as they are: see staticman-entry.ts.
 */
const comments = defineCollection({
  // A segment build keeps in full only the comments of the articles whose pages it renders.
  loader: commentsByShare(
    checkedGlob(
      {
        pattern: `*/${DATA_FILE_GLOB}`,
        base: folders.comments,
        generateId: ({ entry }) => ownString(dataEntryId(entry)),
      },
      (entries) => entries.flatMap((entry) => commentPlacementProblems(entry.id, entry.data, entry.filePath)),
      zonelessDates(DATE_FIELDS.comment),
      (data, entryId, filePath) => {
        const prepared = prepareCommentFile(data, entryId);
        return {
          data: prepared.data,
          problems: prepared.problems.map((problem) => ({ ...problem, file: filePath })),
        };
      },
    ),
  ),
  schema: commentSchema,
});

export const collections = { articles, categories, authors, comments } satisfies Record<Collection, unknown>;
