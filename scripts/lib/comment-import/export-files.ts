/**
 * Reading an export file into records: the format from the file's name and shape, a JSON export
 * (an array, or Formspree's and others' wrappers), one Staticman comment file (YAML or JSON).
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */
import { parseDocument, visit } from 'yaml';
import { parseCsvExport } from './csv.ts';
import type { ExportFormat, ExportRecord, ParsedExport } from './types.ts';
import { describe, errorMessage, isPlainObject } from './values.ts';

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
