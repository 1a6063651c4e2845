/** Export records for the comment importer's unit tests, and what the importer makes of them. */
import { toComment, type Comment, type ExportRecord, type ImportOptions } from '../../scripts/lib/comment-import.ts';

export const base = {
  name: 'مریم',
  message: 'نظر خوبی است.',
  article: '1042',
  date: '2024-11-23T14:30:00+03:30',
};

export const record = (fields: Record<string, unknown>, location = 'export.json:item 1'): ExportRecord => ({
  fields,
  location,
});

/** The comment a record gives; fails the test with its problems otherwise. */
export function commentOf(fields: Record<string, unknown>, options?: ImportOptions): Comment {
  const result = toComment(record(fields), options);
  if ('problems' in result) throw new Error(`unexpected problems:\n${result.problems.join('\n')}`);
  return result.comment;
}

/** The problems a record has; fails the test if it gives a comment. */
export function problemsOf(fields: Record<string, unknown>, options?: ImportOptions, location?: string): string[] {
  const result = toComment(record(fields, location), options);
  if ('comment' in result) throw new Error(`expected problems, got ${JSON.stringify(result.comment)}`);
  return result.problems;
}

export const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));
