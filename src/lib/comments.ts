/**
 * Approved reader comments: pure rules for checking and shaping them. Reader text is data: it is
 * only ever rendered as escaped text, and the characters that could reorder it are removed.
 */
import type { ContentProblem } from './content/problems.ts';

/** Bidi embedding, override and isolate controls: they can make text display as something else. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Reader text as it is stored and shown: bidi controls removed, line endings and blank lines tidied. */
export function cleanReaderText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The paragraphs of a comment body: blocks separated by a blank line; single newlines kept. */
export function paragraphs(body: string): string[][] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').map((line) => line.trim()))
    .filter((lines) => lines.some((line) => line.length > 0));
}

export interface CommentRecord {
  id: string;
  article: number;
  parent?: string | undefined;
  submittedAt: Date;
  /** The data file, for messages. */
  filePath: string;
}

export interface CommentThread<T extends CommentRecord> {
  comment: T;
  /** Replies, oldest first. */
  replies: T[];
}

/**
 * Comments grouped by article as threads (oldest first, one level of replies), or the problems
 * that stop the build: a comment of a missing article, a reply to a missing comment or to a reply.
 */
export function threadComments<T extends CommentRecord>(
  comments: readonly T[],
  articleIds: { has(id: number): boolean },
): { byArticle: Map<number, CommentThread<T>[]>; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const byId = new Map<string, T>();
  for (const comment of comments) byId.set(`${comment.article}/${comment.id}`, comment);
  const oldestFirst = [...comments].sort(
    (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id.localeCompare(b.id),
  );
  const byArticle = new Map<number, CommentThread<T>[]>();
  const threadOf = new Map<string, CommentThread<T>>();
  for (const comment of oldestFirst) {
    if (!articleIds.has(comment.article)) {
      problems.push({
        file: comment.filePath,
        field: 'article',
        message: `${comment.article} is the id of no article file`,
        fix: 'move the file to the folder of an existing article id or delete it.',
      });
      continue;
    }
    if (comment.parent === undefined) {
      const thread = { comment, replies: [] };
      threadOf.set(comment.id, thread);
      const threads = byArticle.get(comment.article) ?? [];
      threads.push(thread);
      byArticle.set(comment.article, threads);
    }
  }
  for (const comment of oldestFirst) {
    if (comment.parent === undefined || !articleIds.has(comment.article)) continue;
    const parent = byId.get(`${comment.article}/${comment.parent}`);
    const thread = threadOf.get(comment.parent);
    if (!parent) {
      problems.push({
        file: comment.filePath,
        field: 'parent',
        message: `"${comment.parent}" is not a comment of article ${comment.article}`,
        fix: 'use the id of a comment in the same folder, or remove parent.',
      });
    } else if (!thread || parent.article !== comment.article) {
      problems.push({
        file: comment.filePath,
        field: 'parent',
        message: `"${comment.parent}" is itself a reply`,
        fix: `replies go one level deep, so reply to its parent "${parent.parent}" instead.`,
      });
    } else {
      thread.replies.push(comment);
    }
  }
  return { byArticle, problems };
}

/** How many approved comments the threads hold. */
export function commentCount(threads: readonly CommentThread<CommentRecord>[] | undefined): number {
  return (threads ?? []).reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
}
