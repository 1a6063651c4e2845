/**
 * Comment files as Staticman writes them with `staticman.yml` (at the repository root), read as
 * comment files of our own format by the build and by `check:content` — no conversion step, so a
 * merged pull request is a published comment. Staticman can neither rename nor leave out a field,
 * so what it adds is mapped here, and only that:
 *
 * - `_id` (Staticman's entry id, also the file name through `filename: '{@id}'`) is the `id`;
 *   `_parent` (from `options[parent]`) is the `parent`;
 * - the article is the folder (`path: 'content/comments/{options.slug}'`);
 * - `email` is the MD5 Staticman makes of the address (`transforms: email: md5`; an empty address
 *   stays empty): dropped unread. Anything else there is an address in clear and is refused;
 * - a field posted but not allowed is written only when empty (Staticman refuses it otherwise):
 *   that is the honeypot, dropped.
 *
 * Staticman's file: `{"_id":"<uuid>","name":"…","email":"<md5>","body":"…","website":"",
 * "submittedAt":"2026-06-04T14:50:00.000Z"}` (lib/Staticman.js: internal fields first, then the
 * posted fields in form order, then generated ones). Pure: no Astro, no file system.
 */
import { COMMENT_FIELDS } from './schema.ts';
import type { ContentProblem } from './problems.ts';

/** What marks a file as Staticman's: its entry id, which our own format calls `id`. */
const STATICMAN_ID = '_id';
const STATICMAN_PARENT = '_parent';
/** The form field whose value Staticman hashes (`transforms` in staticman.yml). */
export const HASHED_EMAIL_FIELD = 'email';
/** What Staticman's `md5` transform writes: 32 lower-case hex digits. */
const MD5_HEX = /^[0-9a-f]{32}$/;
const ARTICLE_FOLDER = /^[1-9][0-9]*$/;

/** A problem with a file's raw fields: the field as the file names it, and what to do; the caller knows the file. */
export type RawFieldProblem = Omit<ContentProblem, 'file' | 'line'>;

export interface PreparedComment {
  /** The fields for the comment schema. */
  data: Record<string, unknown>;
  /** Problems that stop the build before the schema runs (an e-mail address in clear, say). */
  problems: RawFieldProblem[];
  /** A comment field's name in the file where Staticman names it otherwise (`id` → `_id`). */
  keyInFile: Partial<Record<string, string>>;
}

/** Whether a comment file was written by Staticman rather than by a person or the import. */
export function isStaticmanEntry(raw: Record<string, unknown>): boolean {
  return STATICMAN_ID in raw && !('id' in raw);
}

/**
 * A comment file's fields ready for the comment schema. Our own format passes through unchanged;
 * a Staticman file is mapped as described above. `entryId` is `<article folder>/<file name>`.
 */
export function prepareCommentFile(raw: Record<string, unknown>, entryId: string): PreparedComment {
  if (!isStaticmanEntry(raw)) return { data: raw, problems: [], keyInFile: {} };
  const problems: RawFieldProblem[] = [];
  const keyInFile: Partial<Record<string, string>> = { id: STATICMAN_ID };
  const { [STATICMAN_ID]: id, [STATICMAN_PARENT]: parent, [HASHED_EMAIL_FIELD]: email, ...rest } = raw;
  const data: Record<string, unknown> = { id };

  if (!('article' in rest)) {
    const folder = entryId.split('/')[0] ?? '';
    if (ARTICLE_FOLDER.test(folder)) data['article'] = Number(folder);
    else {
      problems.push({
        field: 'article',
        message: `is missing, and the folder "${folder}" is not an article id: Staticman writes each comment to content/comments/<the article id the form sent as options[slug]>/; move the file to the folder of its article.`,
      });
    }
  }
  if (parent !== undefined) {
    if ('parent' in rest) rest[STATICMAN_PARENT] = parent;
    else {
      data['parent'] = parent;
      keyInFile['parent'] = STATICMAN_PARENT;
    }
  }
  if (email !== undefined && !(typeof email === 'string' && (email === '' || MD5_HEX.test(email)))) {
    problems.push({
      field: HASHED_EMAIL_FIELD,
      message:
        "is not the MD5 hash Staticman writes of an address, so it may be a reader's e-mail in clear, which must never be in the repository: delete this line, and make sure staticman.yml has `transforms: email: md5`.",
    });
  }
  for (const [key, value] of Object.entries(rest)) {
    // A posted field that staticman.yml does not allow reaches the file only when empty: the honeypot.
    const isOurs = (COMMENT_FIELDS as readonly string[]).includes(key);
    if (!isOurs && value === '') continue;
    data[key] = value;
  }
  return { data, problems, keyInFile };
}
