import { describe, expect, it } from 'vitest';
import { cleanReaderText, commentCount, paragraphs, threadComments, type CommentRecord } from '../../src/lib/comments';

const comment = (id: string, minutes: number, extra: Partial<CommentRecord> = {}): CommentRecord => ({
  id,
  article: 1,
  submittedAt: new Date(Date.UTC(2024, 10, 23, 8, minutes)),
  filePath: `content/comments/1/${id}.json`,
  ...extra,
});

describe('cleanReaderText', () => {
  it('removes bidi embeddings, overrides and isolates but keeps ZWNJ and markup as text', () => {
    expect(cleanReaderText('\u202eevil\u202c \u2066x\u2069 کتاب\u200cها <b>')).toBe('evil x کتاب\u200cها <b>');
  });

  it('tidies line endings and runs of blank lines', () => {
    expect(cleanReaderText('  الف\r\nب\r\n\r\n\r\n\r\nج  ')).toBe('الف\nب\n\nج');
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(paragraphs('یک\nدو\n\nسه\n \n\nچهار')).toEqual([['یک', 'دو'], ['سه'], ['چهار']]);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('threadComments', () => {
  it('orders threads and replies oldest first, one level deep', () => {
    const { byArticle, problems } = threadComments(
      [comment('b', 30), comment('a', 10), comment('r2', 50, { parent: 'a' }), comment('r1', 40, { parent: 'a' })],
      new Set([1]),
    );
    expect(problems).toEqual([]);
    const threads = byArticle.get(1)!;
    expect(threads.map((t) => t.comment.id)).toEqual(['a', 'b']);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(commentCount(threads)).toBe(4);
    expect(commentCount(undefined)).toBe(0);
  });

  it('names the file of a comment of a missing article, a missing parent or a reply to a reply', () => {
    const { problems } = threadComments(
      [
        comment('a', 10),
        comment('r', 20, { parent: 'a' }),
        comment('rr', 30, { parent: 'r' }),
        comment('lost', 40, { parent: 'nope' }),
        comment('x', 50, { article: 9, filePath: 'content/comments/9/x.json' }),
      ],
      new Set([1]),
    );
    expect(problems).toEqual([
      {
        file: 'content/comments/9/x.json',
        field: 'article',
        message: '9 is the id of no article file',
        fix: 'move the file to the folder of an existing article id or delete it.',
      },
      {
        file: 'content/comments/1/rr.json',
        field: 'parent',
        message: '"r" is itself a reply',
        fix: 'replies go one level deep, so reply to its parent "a" instead.',
      },
      {
        file: 'content/comments/1/lost.json',
        field: 'parent',
        message: '"nope" is not a comment of article 1',
        fix: 'use the id of a comment in the same folder, or remove parent.',
      },
    ]);
  });

  it('does not take a parent from another article', () => {
    const { problems } = threadComments(
      [comment('a', 10, { article: 2 }), comment('r', 20, { parent: 'a' })],
      new Set([1, 2]),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'parent', message: '"a" is not a comment of article 1' });
  });
});
