/**
 * A comment's data file: where it goes and what it holds, the contract's six keys in order.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */
import { commentRelativePath } from '../../../src/lib/content/content-layout.ts';
import type { Comment } from './types.ts';

/** The comment's data file, relative to the content folder, with `/`. */
export function commentFileName(comment: Comment) {
  return commentRelativePath(comment.article, comment.id);
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
