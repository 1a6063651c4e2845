/**
 * From a record to a comment: each field found by its usual names (or the one given), checked
 * against what the site accepts, its text cleaned as the site cleans reader text, and an id when
 * the export gives none.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */
import { createHash } from 'node:crypto';
import { cleanReaderText } from '../../../src/lib/comments.ts';
import { toAsciiDigits } from '../../../src/lib/persian/digits.ts';
import { parseSubmittedAt } from './submitted-at.ts';
import type { Comment, CommentField, ExportRecord, ImportOptions } from './types.ts';
import { describe, isBlank, isTextLike, quote } from './values.ts';

/** The longest comment the site accepts (src/content.config.ts). */
export const MAX_BODY_LENGTH = 5000;
/** The longest display name the site accepts (src/content.config.ts). */
export const MAX_NAME_LENGTH = 200;
/** The longest comment id; it is also a file name. */
export const MAX_ID_LENGTH = 100;

/**
 * The names each field is looked up by, in order of preference, case-insensitively. Each is also
 * tried inside the `fields[…]`, `options[…]` and `data[…]` wrappers that form services use.
 */
export const FIELD_ALIASES: Readonly<Record<CommentField, readonly string[]>> = {
  name: ['name', 'fields[name]', 'author'],
  body: ['message', 'fields[message]', 'body', 'comment'],
  article: ['article', 'slug', 'options[slug]', 'article_id', 'post'],
  parent: ['parent', 'options[parent]', 'reply_to', '_parent'],
  submittedAt: ['date', 'submitted_at', 'submittedAt', 'created_at', 'timestamp', 'time', '_date'],
  id: ['_id', 'id', 'submission_id'],
};
const WRAPPERS = ['fields', 'options', 'data'];

/**
 * The comment a record gives, or every problem with it (lines `<location>: <field>: <what is wrong
 * and what to write>`).
 */
export function toComment(
  record: ExportRecord,
  options: ImportOptions = {},
): { comment: Comment } | { problems: string[] } {
  const problems: string[] = [];
  const problem = (field: CommentField, message: string) => problems.push(`${record.location}: ${field}: ${message}`);
  const fields = lowerCaseKeys(record.fields);
  const find = (field: CommentField) => findField(fields, candidateNames(field, options.fieldNames?.[field]));
  const looked = (field: CommentField) => {
    const override = options.fieldNames?.[field];
    return override ? `the field "${override}"` : FIELD_ALIASES[field].join(', ');
  };

  const name = readText(find('name'));
  if (name.error === 'missing')
    problem('name', `is missing: add the name the reader chose to show (looked for ${looked('name')})`);
  else if (name.error === 'type') problem('name', `must be text, found ${name.found}`);
  else if (name.text === '') problem('name', 'is empty: write the name the reader chose to show');
  else if (name.text.length > MAX_NAME_LENGTH) {
    problem('name', `is ${name.text.length} characters long, more than ${MAX_NAME_LENGTH}: shorten it`);
  }

  const body = readText(find('body'));
  if (body.error === 'missing') problem('body', `is missing: add the comment's text (looked for ${looked('body')})`);
  else if (body.error === 'type') problem('body', `must be text, found ${body.found}`);
  else if (body.text === '') problem('body', "is empty: write the comment's text");
  else if (body.text.length > MAX_BODY_LENGTH) {
    problem(
      'body',
      `is ${body.text.length} characters long, more than ${MAX_BODY_LENGTH}: shorten it to at most ${MAX_BODY_LENGTH}`,
    );
  }

  const articleField = find('article');
  let article: number | undefined;
  if (articleField.value === undefined && record.defaults?.article !== undefined) {
    article = parseArticleId(record.defaults.article);
    if (article === undefined) {
      problem(
        'article',
        `is missing, and the folder name "${record.defaults.article}" is not an article id: add the article's id, a positive whole number like 1042 (looked for ${looked('article')}), or put the file in a folder named after it`,
      );
    }
  } else if (articleField.value === undefined || isBlank(articleField.value)) {
    problem(
      'article',
      `is ${articleField.key ? 'empty' : 'missing'}: add the article's id, a positive whole number like 1042 (looked for ${looked('article')})`,
    );
  } else {
    article = parseArticleId(articleField.value);
    if (article === undefined) {
      problem(
        'article',
        `${quote(articleField.value)} (from "${articleField.key}") is not a positive whole number: write the article's id, e.g. 1042`,
      );
    }
  }

  const dateField = find('submittedAt');
  let submittedAt: string | undefined;
  if (dateField.value === undefined || isBlank(dateField.value)) {
    problem(
      'submittedAt',
      `is ${dateField.key ? 'empty' : 'missing'}: add when the reader sent it, e.g. 2024-11-23T14:30:00+03:30 (looked for ${looked('submittedAt')})`,
    );
  } else {
    const parsed = parseSubmittedAt(dateField.value, {
      zonelessIsUtc: record.utcDateField !== undefined && dateField.key === record.utcDateField,
    });
    if ('error' in parsed)
      problem('submittedAt', `${quote(dateField.value)} (from "${dateField.key}") ${parsed.error}`);
    else submittedAt = parsed.iso;
  }

  const parentField = find('parent');
  let parent: string | undefined;
  if (parentField.value !== undefined && !isBlank(parentField.value)) {
    parent = isTextLike(parentField.value) ? (normalizeId(String(parentField.value)) ?? undefined) : undefined;
    if (parent === undefined) {
      problem(
        'parent',
        `${quote(parentField.value)} (from "${parentField.key}") is not a comment id: write the id of the comment it answers, e.g. c-3f9a1b2c, or leave it empty`,
      );
    }
  }

  const idField = find('id');
  let givenId: string | undefined;
  if (idField.value !== undefined && !isBlank(idField.value)) {
    givenId = isTextLike(idField.value) ? (normalizeId(String(idField.value)) ?? undefined) : undefined;
    if (givenId === undefined) {
      problem(
        'id',
        `${quote(idField.value)} (from "${idField.key}") cannot be a comment id: it needs Latin letters or digits, at most ${MAX_ID_LENGTH}; fix it or leave it empty for an id made from the comment`,
      );
    }
  }

  if (
    problems.length > 0 ||
    name.text === undefined ||
    body.text === undefined ||
    article === undefined ||
    submittedAt === undefined
  ) {
    return { problems };
  }
  const id = givenId ?? hashedId(article, name.text, body.text, submittedAt);
  if (parent === id) {
    problem('parent', `"${parent}" is the comment itself: write the id of the comment it answers, or leave it empty`);
    return { problems };
  }
  const comment: Comment = { id, article, name: name.text, body: body.text, submittedAt };
  if (parent !== undefined) comment.parent = parent;
  return { comment };
}

/** The names a field is looked up by: the override alone, or the aliases; each also in wrappers. */
function candidateNames(field: CommentField, override: string | undefined) {
  const names = override ? [override] : FIELD_ALIASES[field];
  return names.flatMap((name) =>
    /\[/.test(name) ? [name] : [name, ...WRAPPERS.map((wrapper) => `${wrapper}[${name}]`)],
  );
}

function lowerCaseKeys(fields: Record<string, unknown>): Map<string, { key: string; value: unknown }> {
  const map: Map<string, { key: string; value: unknown }> = new Map();
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.trim().toLowerCase();
    if (!map.has(lower)) map.set(lower, { key, value });
  }
  return map;
}

/** The first candidate with a value; else the first that is there but blank; else nothing. */
function findField(
  fields: Map<string, { key: string; value: unknown }>,
  candidates: string[],
): { key?: string; value?: unknown } {
  let blank: { key: string; value: unknown } | undefined;
  for (const candidate of candidates) {
    const found = fields.get(candidate.toLowerCase());
    if (!found || found.value === undefined) continue;
    if (!isBlank(found.value)) return found;
    blank ??= found;
  }
  return blank ? { key: blank.key, value: null } : {};
}

function readText(found: {
  key?: string;
  value?: unknown;
}):
  | { text: string; error?: undefined }
  | { text?: undefined; error: 'missing' }
  | { text?: undefined; error: 'type'; found: string } {
  if (found.key === undefined) return { error: 'missing' };
  if (found.value === null || found.value === undefined) return { text: '' };
  if (!isTextLike(found.value)) return { error: 'type', found: describe(found.value) };
  return { text: cleanReaderText(String(found.value)) };
}

/**
 * A comment id: lower-case `[a-z0-9-]`, starting with a letter (`c-` is put in front otherwise).
 * Null when nothing usable is left, or it is too long for a file name.
 */
export function normalizeId(raw: string): string | null {
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return null;
  const id = /^[a-z]/.test(slug) ? slug : `c-${slug}`;
  return id.length <= MAX_ID_LENGTH ? id : null;
}

/** The id of a comment whose export gave none: `c-` and 12 hex digits of a SHA-256 of what it is. */
export function hashedId(article: number, name: string, body: string, submittedAt: string) {
  const digest = createHash('sha256').update(`${article}|${name}|${body}|${submittedAt}`, 'utf8').digest('hex');
  return `c-${digest.slice(0, 12)}`;
}

/** A positive whole number (a number, or digits as text, Latin or Persian), or undefined. */
export function parseArticleId(value: unknown): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const digits = toAsciiDigits(value.trim());
    if (/^\d+$/.test(digits)) number = Number(digits);
  }
  return number !== undefined && Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
