/**
 * Comment files as Staticman writes them, read as comments (src/lib/content/staticman-entry.ts)
 * by `check:content` and the build: mapped without a conversion step, and an e-mail address in
 * clear refused.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../src/lib/content/check';
import { formatProblem } from '../../src/lib/content/problems';
import { commentSchema } from '../../src/lib/content/schema';
import { isStaticmanEntry, prepareCommentFile } from '../../src/lib/content/staticman-entry';
import { projectRoot } from '../helpers/build-site';

const MD5 = '9e107d9d372bb6826bd81d3542a419d6';
const staticmanFile = {
  _id: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10',
  name: 'لیلا',
  email: MD5,
  body: 'متن نظر',
  website: '',
  submittedAt: '2025-03-21T06:20:00.000Z',
};
const entryId = `8/${staticmanFile._id}`;

describe('prepareCommentFile', () => {
  it('leaves a file of our own format as it is', () => {
    const own = { id: 'c-1', article: 8, name: 'الف', body: 'ب', submittedAt: '2026-03-20T09:50:00+03:30', email: 'x' };
    expect(isStaticmanEntry(own)).toBe(false);
    expect(prepareCommentFile(own, '8/c-1')).toEqual({ data: own, problems: [], keyInFile: {} });
  });

  it('reads a Staticman file: _id and _parent, the article from the folder, the hash and the empty honeypot dropped', () => {
    const reply = { ...staticmanFile, _parent: 'c-first' };
    const prepared = prepareCommentFile(reply, entryId);
    expect(prepared.problems).toEqual([]);
    expect(prepared.data).toEqual({
      id: staticmanFile._id,
      article: 8,
      parent: 'c-first',
      name: 'لیلا',
      body: 'متن نظر',
      submittedAt: '2025-03-21T06:20:00.000Z',
    });
    expect(prepared.keyInFile).toEqual({ id: '_id', parent: '_parent' });
    expect(commentSchema.safeParse(prepared.data).success).toBe(true);
    // An empty address stays empty under Staticman's md5 transform: nothing to refuse either.
    expect(prepareCommentFile({ ...staticmanFile, email: '' }, entryId).problems).toEqual([]);
  });

  it('refuses an e-mail that is not an MD5 hash, whatever it looks like', () => {
    for (const email of ['leila@example.org', MD5.toUpperCase(), `${MD5}0`, 42]) {
      const { problems } = prepareCommentFile({ ...staticmanFile, email }, entryId);
      expect(problems, String(email)).toEqual([
        { field: 'email', message: expect.stringContaining('must never be in the repository') },
      ]);
    }
  });

  it('keeps a filled unknown field for the schema to refuse, and wants a numeric folder', () => {
    const prepared = prepareCommentFile({ ...staticmanFile, website: 'https://spam.example' }, entryId);
    const parsed = commentSchema.safeParse(prepared.data);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['website']);
    expect(prepareCommentFile(staticmanFile, `drafts/${staticmanFile._id}`).problems).toEqual([
      { field: 'article', message: expect.stringContaining('the folder "drafts" is not an article id') },
    ]);
  });
});

describe('check:content on Staticman files', () => {
  const article: ContentFile = {
    kind: 'article',
    path: 'content/articles/a.md',
    id: 'a',
    source:
      "---\nid: 8\ntitle: 'عنوان'\nlead: 'خلاصه.'\ndate: 1403/12/30 18:00\ncategory: economy\nauthors: ['ali-rezaei']\n---\n\nمتن.\n",
  };
  const data: ContentFile[] = [
    {
      kind: 'category',
      path: 'content/categories/economy.yml',
      id: 'economy',
      source: "name: 'اقتصادی'\ndescription: 'بازار'\n",
    },
    { kind: 'author', path: 'content/authors/ali-rezaei.yml', id: 'ali-rezaei', source: "name: 'علی رضایی'\n" },
  ];
  const options = {
    categories: { ids: new Set(['economy']), folder: 'content/categories/' },
    authors: { ids: new Set(['ali-rezaei']), folder: 'content/authors/' },
    imageExists: () => true,
  };
  const fixtureFiles = ['5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10', '8f4d2a10-3a2b-11f1-8a8e-0b6c4d5e7f10'].map(
    (id): ContentFile => ({
      kind: 'comment',
      path: `content/comments/8/${id}.json`,
      id: `8/${id}`,
      source: readFileSync(path.join(projectRoot, 'tests/fixtures/staticman/comments/8', `${id}.json`), 'utf8'),
    }),
  );
  const check = (...files: ContentFile[]) => checkContent([...data, article, ...files], options).map(formatProblem);

  it("passes Staticman's own output, a comment and its reply", () => {
    expect(check(...fixtureFiles)).toEqual([]);
  });

  it('names the file, the line and the field of an e-mail in clear, and of a bad _parent', () => {
    const source = JSON.stringify({ ...staticmanFile, email: 'leila@example.org' }, null, 2);
    const clear: ContentFile = { kind: 'comment', path: `content/comments/${entryId}.json`, id: entryId, source };
    expect(check(clear)).toEqual([
      expect.stringMatching(/^content\/comments\/8\/5c0b6e20-[0-9a-f-]+\.json:4: email: is not the MD5 hash/),
    ]);
    const badParent: ContentFile = {
      ...clear,
      source: JSON.stringify({ ...staticmanFile, _parent: 'Not An Id' }, null, 2),
    };
    expect(check(badParent)).toEqual([
      expect.stringMatching(/\.json:8: _parent: must be the id of a comment of the same article/),
    ]);
  });
});
