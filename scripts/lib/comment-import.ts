/**
 * Approved reader comments, from a form service's export to the data files the site builds from
 * (`comments/<article-id>/<comment-id>.json`). Pure logic: no file system, no clock, no machine
 * time zone; scripts/import-comments.ts does the reading and writing.
 *
 * The contract of a written file (keys in this order, `parent` only when present):
 *   { "id": "c-3f9a1b2c", "article": 1042, "parent": "c-1a2b3c4d", "name": "…", "body": "…",
 *     "submittedAt": "2024-11-23T14:30:00+03:30" }
 * Nothing else from the export is ever written: no e-mail address, IP or user agent.
 *
 * This module is the importer's public face; the parts live in scripts/lib/comment-import/:
 * export-files.ts (formats, JSON and Staticman files), csv.ts, to-comment.ts (fields, checks,
 * ids), submitted-at.ts (dates), comment-file.ts (the written file), values.ts, types.ts.
 */
export { commentFileName, serializeComment } from './comment-import/comment-file.ts';
export { parseCsv } from './comment-import/csv.ts';
export { detectFormat, parseExport } from './comment-import/export-files.ts';
export { parseSubmittedAt } from './comment-import/submitted-at.ts';
export {
  FIELD_ALIASES,
  hashedId,
  MAX_BODY_LENGTH,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  normalizeId,
  parseArticleId,
  toComment,
} from './comment-import/to-comment.ts';
export type {
  Comment,
  CommentField,
  ExportFormat,
  ExportRecord,
  ImportOptions,
  ParsedExport,
} from './comment-import/types.ts';
