/**
 * Approved reader comments, from a form service's export to the data files the site builds from
 * (`comments/<article-id>/<comment-id>.json`). Pure logic: no file system, no clock, no machine
 * time zone; scripts/import-comments.ts does the reading and writing.
 *
 * The contract of a written file (keys in this order, `parent` only when present):
 *   { "id": "c-3f9a1b2c", "article": 1042, "parent": "c-1a2b3c4d", "name": "…", "body": "…",
 *     "submittedAt": "2024-11-23T14:30:00+03:30" }
 * Nothing else from the export is ever written: no e-mail address, IP or user agent.
 */
import { toTehranIsoString } from '../../src/lib/dates/tehran.ts';
import { toAsciiDigits } from '../../src/lib/persian/digits.ts';
import { createHash } from 'node:crypto';
import { parseDocument, visit } from 'yaml';

export type ExportFormat = 'json' | 'csv' | 'staticman';
export type CommentField = 'id' | 'article' | 'parent' | 'name' | 'body' | 'submittedAt';

/** One submission as the export has it. */
export interface ExportRecord {
  /**
   * Its fields by the export's own names; nested objects are flattened one level as `outer[inner]`
   * (e.g. `fields[name]`).
   */
  fields: Record<string, unknown>;
  /** Where it is, for messages: `file.csv:4`, `file.json:item 2`, or a file path. */
  location: string;
  /** Values used when no field gives one (a Staticman file's folder name gives the article). */
  defaults?: Partial<Record<CommentField, string>>;
  /**
   * A field whose dates without an offset are UTC by the export's own definition (Formspree's
   * `_date`); anywhere else such a date is refused.
   */
  utcDateField?: string;
}

export interface ParsedExport {
  records: ExportRecord[];
  /** Lines like `file.csv:7: a quoted field is never closed: …`; the export cannot be imported while there are any. */
  problems: string[];
}

/** A comment as its data file holds it. */
export interface Comment {
  id: string;
  article: number;
  parent?: string;
  name: string;
  body: string;
  /** ISO 8601 in Tehran's offset at that instant. */
  submittedAt: string;
}

export interface ImportOptions {
  /** The export's name for a field, instead of the usual aliases (`--name-field` and so on). */
  fieldNames?: Partial<Record<CommentField, string>>;
}

/** The longest comment the site accepts (src/content.config.ts). */
export const MAX_BODY_LENGTH = 5000;
/** The longest display name the site accepts (src/content.config.ts). */
export const MAX_NAME_LENGTH = 200;
/** The longest comment id; it is also a file name. */
export const MAX_ID_LENGTH = 100;
/** Instants before this are taken for a mistake (a date read as seconds, or a yyyymmdd number). */
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);

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

/** Bidi embedding, override and isolate controls: they can make text display as something else. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

// ---------------------------------------------------------------------------------------------
// Reading exports

/**
 * The records of an export. `text` is the whole file (for Staticman: one comment file, YAML or
 * JSON by the extension of `sourceName`); `sourceName` is how messages name it.
 */
export function parseExport(text: string, format: ExportFormat, sourceName: string): ParsedExport {
  const clean = text.replace(/^\uFEFF/, '');
  switch (format) {
    case 'json':
      return parseJsonExport(clean, sourceName);
    case 'csv':
      return parseCsvExport(clean, sourceName);
    case 'staticman':
      return parseStaticmanFile(clean, sourceName);
    default:
      return {
        records: [],
        problems: [`${sourceName}: unknown format "${String(format)}"; use json, csv or staticman`],
      };
  }
}

/**
 * The format of an export file from its name (and, for `.json`, its shape: a single object that
 * is not a `{ submissions }`/`{ data }` wrapper is one Staticman comment). Null when unknown.
 */
export function detectFormat(fileName: string, text?: string): ExportFormat | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'yml' || extension === 'yaml') return 'staticman';
  if (extension !== 'json') return null;
  if (text === undefined) return 'json';
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (isPlainObject(value) && !Array.isArray(value['submissions']) && !Array.isArray(value['data'])) {
      return 'staticman';
    }
  } catch {
    // parseExport reports it.
  }
  return 'json';
}

function parseJsonExport(text: string, sourceName: string): ParsedExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { records: [], problems: [`${sourceName}: is not valid JSON: ${errorMessage(error)}`] };
  }
  let items: unknown[] | undefined;
  // Formspree's export and API (`GET /api/0/forms/<hashid>/submissions`): `{ fields, submissions }`,
  // each submission's `_date` in UTC without an offset (Python's `utcnow().isoformat()`).
  const isFormspree = isPlainObject(value) && Array.isArray(value['fields']) && Array.isArray(value['submissions']);
  if (Array.isArray(value)) items = value;
  else if (isPlainObject(value) && Array.isArray(value['submissions'])) items = value['submissions'];
  else if (isPlainObject(value) && Array.isArray(value['data'])) items = value['data'];
  if (!items) {
    return {
      records: [],
      problems: [
        `${sourceName}: expected an array of submissions, or { "submissions": [...] } or { "data": [...] }; for one Staticman comment use --format staticman`,
      ],
    };
  }
  const records: ExportRecord[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const location = `${sourceName}:item ${index + 1}`;
    if (isPlainObject(item)) {
      records.push({ fields: flattenFields(item), location, ...(isFormspree ? { utcDateField: '_date' } : {}) });
    } else problems.push(`${location}: expected an object with the submission's fields, found ${describe(item)}`);
  });
  return { records, problems };
}

function parseCsvExport(text: string, sourceName: string): ParsedExport {
  const { rows, problems } = parseCsv(text, sourceName);
  const [header, ...body] = rows;
  if (!header) {
    return { records: [], problems: [...problems, `${sourceName}:1: the file is empty; expected a header row`] };
  }
  const names = header.cells.map((cell) => cell.trim());
  const records: ExportRecord[] = [];
  for (const row of body) {
    const location = `${sourceName}:${row.line}`;
    const extra = row.cells.slice(names.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) {
      problems.push(
        `${location}: the row has ${row.cells.length} fields but the header has ${names.length}; put fields that contain commas in double quotes`,
      );
      continue;
    }
    const fields: Record<string, unknown> = {};
    names.forEach((name, index) => {
      if (name !== '' && !(name in fields)) fields[name] = row.cells[index] ?? '';
    });
    records.push({ fields, location });
  }
  return { records, problems };
}

/**
 * RFC 4180 CSV: comma-separated, fields with commas, quotes (doubled) or line breaks in double
 * quotes; CRLF, LF or CR line ends. Each row knows the line it starts on (1 = the header). Blank
 * lines are skipped.
 */
export function parseCsv(
  text: string,
  sourceName: string,
): { rows: { cells: string[]; line: number }[]; problems: string[] } {
  const rows: { cells: string[]; line: number }[] = [];
  const problems: string[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;
  let quoteLine = 1;
  let afterQuote = false;
  let wasQuoted = false;
  let rowFlagged = false;

  const endRow = () => {
    cells.push(field);
    const blank = cells.length === 1 && field === '' && !wasQuoted;
    if (!blank) rows.push({ cells, line: rowLine });
    cells = [];
    field = '';
    atFieldStart = true;
    afterQuote = false;
    wasQuoted = false;
    rowFlagged = false;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const crlf = ch === '\r' && text[i + 1] === '\n';
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          inQuotes = false;
          afterQuote = true;
          i += 1;
        }
        continue;
      }
      if (ch === '\n' || ch === '\r') line += 1;
      field += crlf ? '\r\n' : ch;
      i += crlf ? 2 : 1;
      continue;
    }
    if (ch === ',') {
      cells.push(field);
      field = '';
      atFieldStart = true;
      afterQuote = false;
      wasQuoted = false;
      i += 1;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      endRow();
      i += crlf ? 2 : 1;
      line += 1;
      rowLine = line;
      continue;
    }
    if (afterQuote && !rowFlagged) {
      problems.push(
        `${sourceName}:${line}: text after a closing quote; a quoted field must end at a comma or the end of the line (write "" for a quote inside quotes)`,
      );
      rowFlagged = true;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      wasQuoted = true;
      quoteLine = line;
      atFieldStart = false;
      i += 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i += 1;
  }
  if (inQuotes) {
    problems.push(`${sourceName}:${quoteLine}: a quoted field is never closed; add the closing double quote`);
  } else if (field !== '' || cells.length > 0 || wasQuoted) {
    endRow();
  }
  return { rows, problems };
}

/**
 * One Staticman comment file: YAML (`.yml`, `.yaml`) or JSON (`.json`). The folder it is in
 * (`_data/comments/<slug>/`) gives the article when the file has no article field.
 */
function parseStaticmanFile(text: string, sourceName: string): ParsedExport {
  const isJson = /\.json$/i.test(sourceName);
  let value: unknown;
  if (isJson) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { records: [], problems: [`${sourceName}: is not valid JSON: ${errorMessage(error)}`] };
    }
  } else {
    const document = parseDocument(text);
    const [firstError] = document.errors;
    if (firstError) {
      return {
        records: [],
        problems: [`${sourceName}: is not valid YAML: ${firstError.message.split('\n')[0] ?? ''}`],
      };
    }
    // Keep plain scalars as written: an id like 0123 or 12e45, a name like true, stay text.
    visit(document, {
      Scalar(_key, node) {
        if (node.type === 'PLAIN' && node.value !== null && typeof node.value !== 'string' && node.source) {
          node.value = node.source;
        }
      },
    });
    value = document.toJS();
  }
  if (!isPlainObject(value)) {
    return {
      records: [],
      problems: [`${sourceName}: expected one comment (name, message, date, …), found ${describe(value)}`],
    };
  }
  const record: ExportRecord = { fields: flattenFields(value), location: sourceName };
  const folder = sourceName.split(/[\\/]/).slice(-2, -1)[0];
  if (folder) record.defaults = { article: folder };
  return { records: [record], problems: [] };
}

/** Top-level fields, with nested objects one level deep as `outer[inner]`. */
function flattenFields(item: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    fields[key] = value;
    if (isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const flatKey = `${key}[${inner}]`;
        if (!(flatKey in fields)) fields[flatKey] = innerValue;
      }
    }
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Records to comments

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
  return { text: cleanText(String(found.value)) };
}

/**
 * Reader text as stored: bidi controls removed, line endings `\n`, at most one blank line in a
 * row, trimmed. Nothing is escaped: the site escapes it when it shows it.
 */
export function cleanText(text: string) {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * When a comment was sent, as ISO 8601 in Tehran's offset at that instant. Accepts ISO 8601 with
 * an offset or `Z`, and epoch seconds or milliseconds (numbers or digits); a date and time
 * without an offset is refused (it would be read in some machine's zone), unless the export
 * defines it as UTC (`zonelessIsUtc`).
 */
export function parseSubmittedAt(
  value: unknown,
  options: { zonelessIsUtc?: boolean } = {},
): { iso: string } | { error: string } {
  const example = 'write ISO 8601 with an offset, e.g. 2024-11-23T14:30:00+03:30 or 2024-11-23T11:00:00Z';
  let ms: number | undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
    const epoch = Number(value);
    if (!Number.isFinite(epoch) || epoch <= 0) return { error: `is not a date: ${example}, or epoch seconds` };
    // Below 1e11 it can only be seconds (1e11 ms is 1973; 1e11 s is the year 5138).
    ms = Math.abs(epoch) < 1e11 ? epoch * 1000 : epoch;
  } else if (typeof value === 'string') {
    const match = ISO_DATE_TIME.exec(value.trim());
    if (!match) return { error: `is not a date I can read: ${example}, or epoch seconds` };
    const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = match;
    if (!zulu && !sign && !options.zonelessIsUtc) {
      return {
        error: `has no time-zone offset, so the instant is unknown: ${example} (Tehran is +03:30, +04:30 in summers before 2023)`,
      };
    }
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map((group) => Number(group ?? '0'));
    const wall = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day, hour, minute, second);
    const check = new Date(wall);
    const readBack = [
      check.getUTCFullYear(),
      check.getUTCMonth() + 1,
      check.getUTCDate(),
      check.getUTCHours(),
      check.getUTCMinutes(),
      check.getUTCSeconds(),
    ];
    if (readBack.join() !== [year, month, day, hour, minute, second].join()) {
      return { error: `is not a real date and time: ${example}` };
    }
    const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) : 0;
    if (Math.abs(offsetMinutes) > 18 * 60 || Number(offM) > 59) {
      return { error: `has an offset that does not exist: ${example}` };
    }
    ms = wall - offsetMinutes * 60000 + Number(`0.${fraction ?? '0'}`) * 1000;
  } else {
    return { error: `is not a date: ${example}, or epoch seconds` };
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { error: `is out of range: ${example}` };
  if (ms < EARLIEST_INSTANT) {
    return { error: `is before the year 2000, which cannot be right: ${example}, or epoch seconds or milliseconds` };
  }
  return { iso: toTehranIso(new Date(ms)) };
}

/**
 * `2024-11-23T14:30:00+03:30`: the instant in Tehran's wall-clock time and offset (the IANA zone,
 * so summers before 2023 get +04:30). The site's own implementation, shared.
 */
export const toTehranIso = toTehranIsoString;

// ---------------------------------------------------------------------------------------------
// Writing

/** The comment's data file, relative to the content folder, with `/`. */
export function commentFileName(comment: Comment) {
  return `comments/${comment.article}/${comment.id}.json`;
}

/**
 * The data file's text: pretty JSON with the contract's six keys in order, and a final newline.
 * Only these keys are written, whatever else the object holds.
 */
export function serializeComment(comment: Comment) {
  const ordered = {
    id: comment.id,
    article: comment.article,
    ...(comment.parent !== undefined ? { parent: comment.parent } : {}),
    name: comment.name,
    body: comment.body,
    submittedAt: comment.submittedAt,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBlank(value: unknown) {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isTextLike(value: unknown): value is string | number | bigint {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

function describe(value: unknown) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${String(value)})`;
}

/** A value for a message: text in quotes, shortened. */
function quote(value: unknown) {
  if (!isTextLike(value)) return describe(value);
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
