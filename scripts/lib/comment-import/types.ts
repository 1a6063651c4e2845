/**
 * The shapes an export passes through on its way to comment files: the formats, the fields, one
 * record as the export has it, a comment as its data file holds it.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */

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
