/**
 * The core of `npm run check:content`: every article, category, reporter and comment file checked
 * against the schemas the build uses (src/lib/content/schema.ts), read with the YAML parser the
 * build uses (js-yaml), and every problem reported at once with its line. No file system here: the
 * script reads the files and says which image files exist. The checks shared with the build give
 * problems as data (./problems.ts); this adds the line of each from the file's text.
 */
import { load as loadYaml } from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Node as YamlNode } from 'yaml';
import { z } from 'astro/zod';
import { threadComments, type CommentRecord } from '#lib/comments.ts';
import { mdxMediaProblems } from '#lib/markdown/media-components.ts';
import { notUtf8Problem, type NotUtf8 } from './encoding.ts';
import { findDuplicateArticleIds, findZonelessTimestamps } from './fields.ts';
import type { ContentProblem } from './problems.ts';
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
  zonelessTimestampProblem,
} from './schema.ts';
import { futureTimelineProblems, type Timeline } from './timeline.ts';
import { prepareCommentFile } from './staticman-entry.ts';

export type ContentKind = 'article' | 'category' | 'author' | 'comment';

export interface ContentFile {
  kind: ContentKind;
  /** The path shown in messages (relative to where the command was run). */
  path: string;
  /** The entry id: the path inside its collection folder without extension (`1403/rail-line`, `economy`). */
  id: string;
  /** The text; when the file is not UTF-8, converted from the encoding it is in (./encoding.ts `readText`). */
  source: string;
  /** Set when the file is not UTF-8 text: what it is in (`unrecognised`: `source` is unusable). */
  encoding?: NotUtf8;
}

/** A problem as `check:content` reports it: always with its line. */
export type LocatedProblem = ContentProblem & { line: number };

export interface CheckOptions {
  /** Category slugs (file names) and the folder, as shown in messages. */
  categories: { ids: ReadonlySet<string>; folder: string };
  authors: { ids: ReadonlySet<string>; folder: string };
  /**
   * Whether a file an article names (its image, the pictures, video and sound of its body) exists:
   * `imageExists('content/articles/1403/x.md', './images/a.jpg')`.
   */
  imageExists: (articleFile: string, imagePath: string) => boolean;
  /** The build's "now": corrections and live updates after it are problems. Not checked when absent. */
  now?: Date;
}

/** The image types Astro's `image()` can process. */
const IMAGE_EXTENSION = /\.(jpe?g|png|webp|avif|gif|svg|tiff?)$/i;

/** Astro's frontmatter pattern (from @astrojs/internal-helpers), so the same block is read. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/** What the check needs from one file: raw data, its YAML text and the line that text starts on. */
interface ParsedFile {
  data: unknown;
  yamlText: string;
  /** Lines before the YAML text (the `---` line of a frontmatter). */
  lineOffset: number;
}

function readFile(file: ContentFile): ParsedFile | LocatedProblem {
  let yamlText = file.source;
  let lineOffset = 0;
  if (file.kind === 'article') {
    const match = FRONTMATTER.exec(file.source);
    if (!match) {
      return {
        file: file.path,
        line: 1,
        field: 'frontmatter',
        message:
          'is missing: an article starts with a block between two --- lines holding its id, title, lead, date, category and authors (see docs/reference.md#frontmatter).',
      };
    }
    yamlText = match[1]!;
    lineOffset = file.source.slice(0, match.index + match[0].indexOf('---') + 3).split('\n').length - 1;
  }
  try {
    const data = file.path.endsWith('.json') ? JSON.parse(yamlText) : loadYaml(yamlText);
    return { data: data ?? {}, yamlText, lineOffset };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    return {
      file: file.path,
      line: lineOffset + (mark?.line ?? 0) + 1,
      field: file.kind === 'article' ? 'frontmatter' : 'file',
      message: `cannot be read: ${reason}. Check the quotes and the indentation on this line; text with a colon needs quotes, e.g. title: 'تهران: بارش برف'.`,
    };
  }
}

/** The 1-based line of a field path (`['authors', 1]`) in YAML text, or of the first line. */
export function lineOfField(yamlText: string, fieldPath: readonly PropertyKey[], lineOffset = 0): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const step of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return lineOffset + (offset === undefined ? 1 : lineCounter.linePos(offset).line);
}

/** `authors.1`, `source.url`: a zod issue path, written the way the build's messages write it. */
function fieldName(issuePath: readonly PropertyKey[]): string {
  return issuePath.map(String).join('.');
}

/** The lead image as `check:content` sees it: a relative path to an existing image file of `file()`. */
function imageField(file: () => string, imageExists: CheckOptions['imageExists']) {
  return () =>
    z.string({ error: "must be a path to the image, e.g. image: './images/library.jpg'" }).superRefine((value, ctx) => {
      if (/^https?:\/\//.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a file in the repository, not a web address: save the picture beside the article and write image: './images/…'`,
        });
      } else if (!IMAGE_EXTENSION.test(value)) {
        ctx.addIssue({ code: 'custom', message: `"${value}" is not a picture: use a .jpg, .png, .webp or .avif file` });
      } else if (!imageExists(file(), value)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" does not exist; the path is relative to the article file, e.g. image: './images/library.jpg'`,
        });
      }
    });
}

/** A problem of a shared check, at the line of its field in the file (the first line for the file itself). */
function located(problem: ContentProblem, parsed: ParsedFile | undefined): LocatedProblem {
  const fieldPath = problem.field.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  const line = problem.field !== 'file' && parsed ? lineOfField(parsed.yamlText, fieldPath, parsed.lineOffset) : 1;
  return { ...problem, line };
}

/** Checks every file; returns the problems sorted by file and line (empty when all is well). */
export function checkContent(files: readonly ContentFile[], options: CheckOptions): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const parsedByPath = new Map<string, ParsedFile>();
  const articleIds: { articleId: number; filePath: string }[] = [];
  const comments: CommentRecord[] = [];

  // One article schema for the whole run (building it is costly); the image check asks which file is current.
  let currentFile = '';
  const schemas = {
    article: articleSchema({
      categories: options.categories,
      authors: options.authors,
      image: imageField(() => currentFile, options.imageExists),
    }),
    category: categorySchema,
    author: authorSchema,
    comment: commentSchema,
  };

  for (const file of files) {
    currentFile = file.path;
    if (file.encoding) {
      problems.push({ ...notUtf8Problem(file.path, file.encoding), line: 1 });
      // A converted file is checked as it will be once converted: its other problems too, at once.
      if (file.encoding === 'unrecognised') continue;
    }
    const parsed = readFile(file);
    if ('message' in parsed) {
      problems.push(parsed);
      continue;
    }
    parsedByPath.set(file.path, parsed);
    if (typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
      problems.push({
        file: file.path,
        line: parsed.lineOffset + 1,
        field: 'file',
        message: 'must hold fields (name: value), not a list or a single value.',
      });
      continue;
    }
    const fileData = parsed.data as Record<string, unknown>;

    if (file.kind === 'category' || file.kind === 'author') {
      const problem = dataFileNameProblem(file.id, file.path);
      if (problem) problems.push(located(problem, parsed));
    }
    const dateFields =
      file.kind === 'article' ? DATE_FIELDS.article : file.kind === 'comment' ? DATE_FIELDS.comment : [];
    const zoneless = dateFields.filter((field) => fileData[field] instanceof Date);
    const zonelessLists = file.kind === 'article' ? DATED_LISTS.filter((list) => hasDateItem(fileData[list])) : [];
    const zonelessSource = file.kind === 'article' ? file.source : `---\n${file.source}\n---`;
    const anyZoneless = zoneless.length + zonelessLists.length > 0;
    for (const { field, value } of anyZoneless ? findZonelessTimestamps(zonelessSource, zoneless, zonelessLists) : []) {
      problems.push(located(zonelessTimestampProblem(file.path, field, value), parsed));
    }

    // A comment file as Staticman writes it is read the way the build reads it (staticman-entry.ts).
    const prepared = file.kind === 'comment' ? prepareCommentFile(fileData, file.id) : undefined;
    if (prepared && prepared.problems.length > 0) {
      for (const problem of prepared.problems) problems.push(located({ ...problem, file: file.path }, parsed));
      continue;
    }
    const raw = prepared?.data ?? fileData;
    const result = schemas[file.kind].safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // The field as the file names it: Staticman's `_id`, `_parent`.
        const [first, ...rest] = issue.path;
        const pathInFile = first === undefined ? [] : [prepared?.keyInFile[String(first)] ?? first, ...rest];
        problems.push({
          file: file.path,
          line: lineOfField(parsed.yamlText, pathInFile, parsed.lineOffset),
          field: fieldName(pathInFile) || 'file',
          message: issue.message,
        });
      }
      continue;
    }
    const data = result.data as Record<string, unknown>;
    if (file.kind === 'article') {
      articleIds.push({ articleId: data['id'] as number, filePath: file.path });
      if (options.now) {
        for (const problem of futureTimelineProblems(data as unknown as Timeline, file.path, options.now)) {
          problems.push(located(problem, parsed));
        }
      }
    }
    // The pictures, video and sound an MDX body names, checked as the build checks them.
    if (file.kind === 'article' && file.path.endsWith('.mdx')) {
      for (const problem of mdxMediaProblems(file.source, file.path, (media) =>
        options.imageExists(file.path, media),
      )) {
        problems.push({ ...problem, line: problem.line ?? 1 });
      }
    }
    if (file.kind === 'comment') {
      for (const problem of commentPlacementProblems(file.id, data, file.path)) problems.push(located(problem, parsed));
      comments.push({ ...(data as unknown as CommentRecord), filePath: file.path });
    }
  }

  for (const problem of findDuplicateArticleIds(articleIds))
    problems.push(located(problem, parsedByPath.get(problem.file)));

  // Threads are checked against every article, drafts included: the schema, not publication, is at stake here.
  const { problems: threadProblems } = threadComments(comments, new Set(articleIds.map((a) => a.articleId)));
  for (const problem of threadProblems) problems.push(located(problem, parsedByPath.get(problem.file)));

  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
