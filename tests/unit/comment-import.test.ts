/**
 * scripts/lib/comment-import.ts: reading form-service exports (JSON, CSV, Staticman) and turning
 * their records into the comment data files the site builds from.
 */
import { describe, expect, it } from 'vitest';
import {
  commentFileName,
  detectFormat,
  FIELD_ALIASES,
  hashedId,
  MAX_BODY_LENGTH,
  normalizeId,
  parseCsv,
  parseExport,
  parseSubmittedAt,
  serializeComment,
  toComment,
  type Comment,
  type CommentField,
  type ExportRecord,
  type ImportOptions,
} from '../../scripts/lib/comment-import.ts';

const base = {
  name: 'مریم',
  message: 'نظر خوبی است.',
  article: '1042',
  date: '2024-11-23T14:30:00+03:30',
};

const record = (fields: Record<string, unknown>, location = 'export.json:item 1'): ExportRecord => ({
  fields,
  location,
});

/** The comment a record gives; fails the test with its problems otherwise. */
function commentOf(fields: Record<string, unknown>, options?: ImportOptions): Comment {
  const result = toComment(record(fields), options);
  if ('problems' in result) throw new Error(`unexpected problems:\n${result.problems.join('\n')}`);
  return result.comment;
}

/** The problems a record has; fails the test if it gives a comment. */
function problemsOf(fields: Record<string, unknown>, options?: ImportOptions, location?: string): string[] {
  const result = toComment(record(fields, location), options);
  if ('comment' in result) throw new Error(`expected problems, got ${JSON.stringify(result.comment)}`);
  return result.problems;
}

const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));

describe('field names', () => {
  it('reads the name from name, fields[name] and author, in any case', () => {
    for (const key of ['name', 'fields[name]', 'author', 'NAME', 'Author', 'Fields[Name]']) {
      expect(commentOf({ ...without('name'), [key]: 'سارا' }).name, key).toBe('سارا');
    }
  });

  it('reads the body from message, fields[message], body and comment', () => {
    for (const key of ['message', 'fields[message]', 'body', 'comment', 'Message', 'COMMENT']) {
      expect(commentOf({ ...without('message'), [key]: 'متن' }).body, key).toBe('متن');
    }
  });

  it('reads the article from article, slug, options[slug], article_id and post', () => {
    for (const key of ['article', 'slug', 'options[slug]', 'article_id', 'post', 'Article_ID', 'OPTIONS[SLUG]']) {
      expect(commentOf({ ...without('article'), [key]: '77' }).article, key).toBe(77);
    }
  });

  it('reads the parent from parent, options[parent] and reply_to', () => {
    for (const key of ['parent', 'options[parent]', 'reply_to', 'Reply_To']) {
      expect(commentOf({ ...base, [key]: 'c-1a2b3c4d' }).parent, key).toBe('c-1a2b3c4d');
    }
  });

  it('reads the date from date, submitted_at, submittedAt, created_at, timestamp and time', () => {
    for (const key of ['date', 'submitted_at', 'submittedAt', 'created_at', 'timestamp', 'time', 'Created_At']) {
      expect(commentOf({ ...without('date'), [key]: '2024-11-23T11:00:00Z' }).submittedAt, key).toBe(
        '2024-11-23T14:30:00+03:30',
      );
    }
  });

  it('reads the id from _id, id and submission_id', () => {
    for (const key of ['_id', 'id', 'submission_id', 'ID', 'Submission_ID']) {
      expect(commentOf({ ...base, [key]: 'abc-1' }).id, key).toBe('abc-1');
    }
  });

  it('finds every alias inside the fields[…], options[…] and data[…] wrappers', () => {
    const aliases = Object.entries(FIELD_ALIASES) as [CommentField, readonly string[]][];
    for (const [field, names] of aliases) {
      for (const name of names.filter((n) => !n.includes('['))) {
        for (const wrapper of ['fields', 'options', 'data']) {
          const value = { name: 'سارا', body: 'متن', article: '77', parent: 'p-1', submittedAt: 1700000000, id: 'i-1' }[
            field
          ];
          const key = `${wrapper}[${name}]`;
          const fields = { ...base, [key]: value };
          if (field === 'name') delete (fields as Record<string, unknown>)['name'];
          if (field === 'body') delete (fields as Record<string, unknown>)['message'];
          if (field === 'article') delete (fields as Record<string, unknown>)['article'];
          if (field === 'submittedAt') delete (fields as Record<string, unknown>)['date'];
          const comment = commentOf(fields);
          const expected = {
            name: 'سارا',
            body: 'متن',
            article: 77,
            parent: 'p-1',
            submittedAt: '2023-11-15T01:43:20+03:30',
            id: 'i-1',
          }[field];
          expect(comment[field], key).toBe(expected);
        }
      }
    }
  });

  it('reads nested objects (Netlify data, Staticman fields/options) as wrappers', () => {
    const parsed = parseExport(
      JSON.stringify([
        {
          id: 'n-1',
          created_at: '2024-11-23T11:00:00Z',
          data: { name: 'علی', message: 'سلام', email: 'ali@example.com' },
          options: { slug: 1042, parent: 'c-aaa' },
        },
      ]),
      'json',
      'netlify.json',
    );
    expect(parsed.problems).toEqual([]);
    const comment = commentOf(parsed.records[0]!.fields);
    expect(comment).toEqual({
      id: 'n-1',
      article: 1042,
      parent: 'c-aaa',
      name: 'علی',
      body: 'سلام',
      submittedAt: '2024-11-23T14:30:00+03:30',
    });
  });

  it('prefers the first alias with a value, skipping empty ones', () => {
    expect(commentOf({ ...base, name: '', author: 'نویسنده' }).name).toBe('نویسنده');
    expect(commentOf({ ...base, name: 'اول', author: 'دوم' }).name).toBe('اول');
  });

  it('uses the --…-field overrides instead of the aliases', () => {
    const fields = {
      'Your name': 'سارا',
      'Your comment': 'متن',
      'Story number': '55',
      When: '2024-11-23T11:00:00Z',
      Ref: 'X-9',
      InReplyTo: 'c-1',
      name: 'ignored',
    };
    const comment = commentOf(fields, {
      fieldNames: {
        name: 'your name',
        body: 'Your comment',
        article: 'Story number',
        submittedAt: 'when',
        id: 'ref',
        parent: 'InReplyTo',
      },
    });
    expect(comment).toEqual({
      id: 'x-9',
      article: 55,
      parent: 'c-1',
      name: 'سارا',
      body: 'متن',
      submittedAt: '2024-11-23T14:30:00+03:30',
    });
    expect(problemsOf(base, { fieldNames: { name: 'display_name' } })).toEqual([
      'export.json:item 1: name: is missing: add the name the reader chose to show (looked for the field "display_name")',
    ]);
  });
});

describe('JSON exports', () => {
  const item = { _id: 'a1', ...base };

  it('reads an array, { submissions: [...] } and { data: [...] }', () => {
    for (const text of [
      JSON.stringify([item, item]),
      JSON.stringify({ form: 'x', submissions: [item, item] }),
      JSON.stringify({ data: [item, item] }),
    ]) {
      const parsed = parseExport(text, 'json', 'e.json');
      expect(parsed.problems).toEqual([]);
      expect(parsed.records.map((r) => r.location)).toEqual(['e.json:item 1', 'e.json:item 2']);
      expect(parsed.records[0]!.fields).toMatchObject(item);
    }
  });

  it('skips a byte-order mark', () => {
    expect(parseExport(`\uFEFF${JSON.stringify([item])}`, 'json', 'e.json').records).toHaveLength(1);
  });

  it("reads Formspree's { fields, submissions }: _date has no offset and is UTC there, and only there", () => {
    const submission = { _date: '2026-03-20T06:20:00.707632', name: 'لیلا', message: 'متن', article: '1042' };
    const formspree = parseExport(
      JSON.stringify({ fields: ['_date', 'article', 'message', 'name'], submissions: [submission] }),
      'json',
      'f.json',
    );
    expect(toComment(formspree.records[0]!)).toMatchObject({ comment: { submittedAt: '2026-03-20T09:50:00+03:30' } });
    // The same row elsewhere, or another zone-less field in Formspree's export, stays refused.
    const other = parseExport(JSON.stringify({ submissions: [submission] }), 'json', 'o.json');
    expect(toComment(other.records[0]!)).toEqual({
      problems: [
        expect.stringMatching(
          /^o\.json:item 1: submittedAt: "2026-03-20T06:20:00\.707632" \(from "_date"\) has no time-zone offset/,
        ),
      ],
    });
    const ownDate = parseExport(
      JSON.stringify({ fields: [], submissions: [{ ...submission, _date: undefined, date: '2026-03-20T06:20:00' }] }),
      'json',
      'f.json',
    );
    expect(toComment(ownDate.records[0]!)).toEqual({
      problems: [expect.stringMatching(/\(from "date"\) has no time-zone offset/)],
    });
  });

  it('reports invalid JSON, a wrong shape and items that are not objects', () => {
    expect(parseExport('[{', 'json', 'e.json').problems[0]).toMatch(/^e\.json: is not valid JSON: /);
    expect(parseExport('{"items": []}', 'json', 'e.json').problems[0]).toMatch(
      /^e\.json: expected an array of submissions, or \{ "submissions": \[\.\.\.\] \}/,
    );
    const parsed = parseExport(JSON.stringify([item, 'text', [1]]), 'json', 'e.json');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.problems).toEqual([
      "e.json:item 2: expected an object with the submission's fields, found a string (text)",
      "e.json:item 3: expected an object with the submission's fields, found a list",
    ]);
  });
});

describe('CSV exports', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)', () => {
    const text = [
      'name,message,article,date',
      '"کاوه","یک، دو, سه",1042,2024-11-23T11:00:00Z',
      'رضا,"او گفت ""سلام"" و رفت",1042,2024-11-23T11:00:00Z',
      'سارا,"خط اول',
      '',
      'خط سوم",1042,2024-11-23T11:00:00Z',
    ].join('\r\n');
    const parsed = parseExport(text, 'csv', 'e.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.fields['message'])).toEqual([
      'یک، دو, سه',
      'او گفت "سلام" و رفت',
      'خط اول\r\n\r\nخط سوم',
    ]);
    expect(commentOf(parsed.records[2]!.fields).body).toBe('خط اول\n\nخط سوم');
  });

  it('numbers each record by the line it starts on, counting the header as line 1', () => {
    const text = [
      'name,message,article,date', // 1
      'a,"one', // 2
      'two', // 3
      'three",1,2024-11-23T11:00:00Z', // 4
      'b,after,1,2024-11-23T11:00:00Z', // 5
      '', // 6 (blank: skipped)
      'c,"x\ny",1,2024-11-23T11:00:00Z', // 7–8
      'd,last,1,2024-11-23T11:00:00Z', // 9
    ].join('\n');
    const parsed = parseExport(text, 'csv', 'e.csv');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.location)).toEqual(['e.csv:2', 'e.csv:5', 'e.csv:7', 'e.csv:9']);
  });

  it('counts CR-only and CRLF line ends alike, and skips a byte-order mark', () => {
    const rows = parseCsv('\uFEFFa,b\r1,"2\r\n3"\r\n4,5\n'.replace(/^\uFEFF/, ''), 'e.csv').rows;
    expect(rows).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', '2\r\n3'], line: 2 },
      { cells: ['4', '5'], line: 4 },
    ]);
    expect(parseExport('\uFEFFname,message\nx,y\n', 'csv', 'e.csv').records[0]!.fields).toEqual({
      name: 'x',
      message: 'y',
    });
  });

  it('keeps empty fields, quoted empty fields and a last line without a line end', () => {
    expect(parseCsv('a,b,c\n,"",x', 'e.csv').rows[1]).toEqual({ cells: ['', '', 'x'], line: 2 });
  });

  it('takes a missing trailing field as empty, and reports extra fields', () => {
    const parsed = parseExport('name,message,article\nx,y\nx,y,1,extra\nx,y,1,,\n', 'csv', 'e.csv');
    expect(parsed.records.map((r) => r.fields)).toEqual([
      { name: 'x', message: 'y', article: '' },
      { name: 'x', message: 'y', article: '1' },
    ]);
    expect(parsed.problems).toEqual([
      'e.csv:3: the row has 4 fields but the header has 3; put fields that contain commas in double quotes',
    ]);
  });

  it('reports a quote that is never closed, and text after a closing quote', () => {
    expect(parseExport('name,message\nx,ok\ny,"open\nstill open\n', 'csv', 'e.csv').problems).toEqual([
      'e.csv:3: a quoted field is never closed; add the closing double quote',
    ]);
    expect(parseExport('name,message\nx,"quoted" tail\n', 'csv', 'e.csv').problems[0]).toMatch(
      /^e\.csv:2: text after a closing quote; .*write "" for a quote inside quotes/,
    );
  });

  it('reports an empty file', () => {
    expect(parseExport('', 'csv', 'e.csv').problems).toEqual(['e.csv:1: the file is empty; expected a header row']);
  });
});

describe('Staticman files', () => {
  const yaml = [
    '_id: 0123',
    'name: true',
    'email: 1a79a4d60de6718e8e5b326e338ae533',
    'message: |',
    '  پاراگراف اول.',
    '',
    '  پاراگراف دوم.',
    'date: 1574934567',
    'parent:',
  ].join('\n');

  it('reads a YAML comment, keeping plain scalars as written', () => {
    const parsed = parseExport(yaml, 'staticman', '_data/comments/1042/entry1.yml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]!.location).toBe('_data/comments/1042/entry1.yml');
    expect(parsed.records[0]!.fields).toMatchObject({ _id: '0123', name: 'true', date: '1574934567', parent: null });
    expect(toComment(parsed.records[0]!)).toMatchObject({ comment: { id: 'c-0123', name: 'true' } });
  });

  it("reads Staticman's _parent, the field its reply files hold", () => {
    const parsed = parseExport(
      `_id: b2f0\n_parent: 8d1c\nname: x\nmessage: y\ndate: 1574934567\n`,
      'staticman',
      'c/1042/e.yml',
    );
    expect(toComment(parsed.records[0]!)).toMatchObject({ comment: { id: 'b2f0', parent: 'c-8d1c' } });
  });

  it('takes the article from the folder name when the file has none', () => {
    const parsed = parseExport(yaml, 'staticman', '_data/comments/1042/entry1.yml');
    const result = toComment(parsed.records[0]!);
    expect(result).toEqual({
      comment: {
        id: 'c-0123',
        article: 1042,
        name: 'true',
        body: 'پاراگراف اول.\n\nپاراگراف دوم.',
        submittedAt: '2019-11-28T13:19:27+03:30',
      },
    });
  });

  it('prefers a slug field to the folder name', () => {
    const parsed = parseExport(`${yaml}\nslug: '77'`, 'staticman', 'comments/1042/e.yaml');
    expect(toComment(parsed.records[0]!)).toMatchObject({ comment: { article: 77 } });
  });

  it('says so when neither a field nor the folder names the article', () => {
    const parsed = parseExport(yaml, 'staticman', 'exports/staticman/e.yml');
    expect(toComment(parsed.records[0]!)).toEqual({
      problems: [
        `exports/staticman/e.yml: article: is missing, and the folder name "staticman" is not an article id: add the article's id, a positive whole number like 1042 (looked for ${FIELD_ALIASES.article.join(', ')}), or put the file in a folder named after it`,
      ],
    });
  });

  it('reads a JSON comment file', () => {
    const parsed = parseExport(JSON.stringify({ _id: 'x1', ...base }), 'staticman', 'c/1042/x1.json');
    expect(parsed.problems).toEqual([]);
    expect(commentOf(parsed.records[0]!.fields).id).toBe('x1');
  });

  it('reports invalid YAML, duplicate keys and a file that is not one comment', () => {
    expect(parseExport('name: [a\n', 'staticman', 'a.yml').problems[0]).toMatch(/^a\.yml: is not valid YAML: /);
    expect(parseExport('name: a\nname: b\n', 'staticman', 'a.yml').problems[0]).toMatch(
      /^a\.yml: is not valid YAML: Map keys must be unique/,
    );
    expect(parseExport('- a\n- b\n', 'staticman', 'a.yml').problems).toEqual([
      'a.yml: expected one comment (name, message, date, …), found a list',
    ]);
    expect(parseExport('[1]', 'staticman', 'a.json').problems).toEqual([
      'a.json: expected one comment (name, message, date, …), found a list',
    ]);
  });
});

describe('detectFormat', () => {
  it('goes by the extension, and takes a lone .json object for one Staticman comment', () => {
    expect(detectFormat('a/b.CSV')).toBe('csv');
    expect(detectFormat('a/b.yml')).toBe('staticman');
    expect(detectFormat('a/b.yaml')).toBe('staticman');
    expect(detectFormat('a/b.json', '[]')).toBe('json');
    expect(detectFormat('a/b.json', '{"submissions": []}')).toBe('json');
    expect(detectFormat('a/b.json', '{"data": []}')).toBe('json');
    expect(detectFormat('a/b.json', '{"_id": "x", "name": "y"}')).toBe('staticman');
    expect(detectFormat('a/b.json', '{oops')).toBe('json');
    expect(detectFormat('a/b.txt')).toBeNull();
  });
});

describe('ids', () => {
  it('keeps a given id, slugified to [a-z0-9-]', () => {
    expect(commentOf({ ...base, _id: 'Abc_DEF 12' }).id).toBe('abc-def-12');
    expect(commentOf({ ...base, id: '--x--' }).id).toBe('x');
    expect(normalizeId('C-3F9A1B2C')).toBe('c-3f9a1b2c');
  });

  it('puts c- in front of an id that does not start with a letter', () => {
    expect(commentOf({ ...base, _id: '3f9a1b2c' }).id).toBe('c-3f9a1b2c');
    expect(commentOf({ ...base, id: 42 }).id).toBe('c-42');
    expect(normalizeId('8d1c2e40-1234-11ea-9f5b-0123456789ab')).toBe('c-8d1c2e40-1234-11ea-9f5b-0123456789ab');
  });

  it('makes an id from a SHA-256 of article|name|body|submittedAt when there is none', () => {
    const comment = commentOf(base);
    expect(comment.id).toMatch(/^c-[0-9a-f]{12}$/);
    expect(comment.id).toBe(hashedId(1042, 'مریم', 'نظر خوبی است.', '2024-11-23T14:30:00+03:30'));
    // Known value: the first 12 hex digits of sha256("1|a|b|2024-11-23T14:30:00+03:30").
    expect(hashedId(1, 'a', 'b', '2024-11-23T14:30:00+03:30')).toBe('c-895191a2bb09');
  });

  it('hashes the cleaned values, so the same comment gets the same id however it was sent', () => {
    const a = commentOf(base);
    const b = commentOf({ ...base, name: ' مریم\u202e ', article: 1042, date: '2024-11-23T11:00:00Z' });
    expect(b.id).toBe(a.id);
    expect(commentOf({ ...base, message: 'نظر دیگر' }).id).not.toBe(a.id);
    expect(commentOf({ ...base, article: '1043' }).id).not.toBe(a.id);
  });

  it('falls back to the hash for an empty id, and reports an id with nothing usable in it', () => {
    expect(commentOf({ ...base, _id: '  ' }).id).toBe(commentOf(base).id);
    expect(problemsOf({ ...base, _id: '؟؟' })).toEqual([
      'export.json:item 1: id: "؟؟" (from "_id") cannot be a comment id: it needs Latin letters or digits, at most 100; fix it or leave it empty for an id made from the comment',
    ]);
    expect(problemsOf({ ...base, _id: 'x'.repeat(101) })[0]).toMatch(/: id: .*cannot be a comment id/);
  });

  it('slugifies the parent the same way, and refuses one that is not an id', () => {
    expect(commentOf({ ...base, parent: '3F9A1B2C' }).parent).toBe('c-3f9a1b2c');
    expect(commentOf({ ...base, parent: '' })).not.toHaveProperty('parent');
    expect(problemsOf({ ...base, parent: '!!!' })).toEqual([
      'export.json:item 1: parent: "!!!" (from "parent") is not a comment id: write the id of the comment it answers, e.g. c-3f9a1b2c, or leave it empty',
    ]);
    expect(problemsOf({ ...base, parent: ['a'] })[0]).toMatch(/parent: a list \(from "parent"\) is not a comment id/);
    expect(problemsOf({ ...base, _id: 'c-1', parent: 'C-1' })).toEqual([
      'export.json:item 1: parent: "c-1" is the comment itself: write the id of the comment it answers, or leave it empty',
    ]);
  });
});

describe('dates', () => {
  it('keeps an ISO date with an offset, written in Tehran time', () => {
    expect(parseSubmittedAt('2024-11-23T14:30:00+03:30')).toEqual({ iso: '2024-11-23T14:30:00+03:30' });
    expect(parseSubmittedAt('2024-11-23T12:00:00+01:00')).toEqual({ iso: '2024-11-23T14:30:00+03:30' });
    expect(parseSubmittedAt('2024-11-23T14:30+0330')).toEqual({ iso: '2024-11-23T14:30:00+03:30' });
    expect(parseSubmittedAt('2024-11-23 14:30:00.123 +03:30')).toEqual({ iso: '2024-11-23T14:30:00+03:30' });
  });

  it('reads Z as UTC', () => {
    expect(parseSubmittedAt('2024-11-23T11:00:00Z')).toEqual({ iso: '2024-11-23T14:30:00+03:30' });
    expect(parseSubmittedAt('2024-11-23T20:30:00.000Z')).toEqual({ iso: '2024-11-24T00:00:00+03:30' });
  });

  it('reads epoch seconds and milliseconds, as numbers or digits', () => {
    const iso = '2024-11-23T14:30:00+03:30';
    const seconds = Date.UTC(2024, 10, 23, 11, 0, 0) / 1000;
    expect(parseSubmittedAt(seconds)).toEqual({ iso });
    expect(parseSubmittedAt(seconds * 1000)).toEqual({ iso });
    expect(parseSubmittedAt(String(seconds))).toEqual({ iso });
    expect(parseSubmittedAt(` ${seconds * 1000} `)).toEqual({ iso });
  });

  it('gives summer dates before 2023 the daylight-saving offset +04:30', () => {
    expect(parseSubmittedAt('2019-07-01T12:00:00Z')).toEqual({ iso: '2019-07-01T16:30:00+04:30' });
    expect(parseSubmittedAt(Date.UTC(2021, 5, 15, 8, 0, 0))).toEqual({ iso: '2021-06-15T12:30:00+04:30' });
  });

  it('gives winter dates, and summers from 2023 on, +03:30', () => {
    expect(parseSubmittedAt('2019-01-15T12:00:00Z')).toEqual({ iso: '2019-01-15T15:30:00+03:30' });
    expect(parseSubmittedAt('2023-07-01T12:00:00Z')).toEqual({ iso: '2023-07-01T15:30:00+03:30' });
  });

  it('switches at the instant Tehran changed its clocks (22 March 2019, 00:00 → 01:00)', () => {
    expect(parseSubmittedAt('2019-03-21T20:29:59Z')).toEqual({ iso: '2019-03-21T23:59:59+03:30' });
    expect(parseSubmittedAt('2019-03-21T20:30:00Z')).toEqual({ iso: '2019-03-22T01:00:00+04:30' });
  });

  it('refuses a date and time without an offset', () => {
    for (const value of ['2024-11-23T14:30:00', '2024-11-23 14:30', '2024-11-23T14:30:00.000']) {
      expect(parseSubmittedAt(value)).toEqual({
        error:
          'has no time-zone offset, so the instant is unknown: write ISO 8601 with an offset, e.g. 2024-11-23T14:30:00+03:30 or 2024-11-23T11:00:00Z (Tehran is +03:30, +04:30 in summers before 2023)',
      });
    }
    expect(problemsOf({ ...base, date: '2024-11-23 14:30:00' })).toEqual([
      expect.stringMatching(
        /^export\.json:item 1: submittedAt: "2024-11-23 14:30:00" \(from "date"\) has no time-zone offset.*2024-11-23T14:30:00\+03:30/,
      ),
    ]);
  });

  it('refuses what is not a date, a date that does not exist, and one before 2000', () => {
    for (const value of ['yesterday', '2024-11-23', '23/11/2024 14:30', 'Sat, 23 Nov 2024 11:00:00 GMT', true, {}]) {
      expect(parseSubmittedAt(value), String(value)).toHaveProperty('error', expect.stringMatching(/^is not a date/));
    }
    expect(parseSubmittedAt('2023-02-29T10:00:00Z')).toHaveProperty('error', expect.stringMatching(/not a real date/));
    expect(parseSubmittedAt('2024-11-23T25:00:00Z')).toHaveProperty('error', expect.stringMatching(/not a real date/));
    expect(parseSubmittedAt('20241123')).toHaveProperty('error', expect.stringMatching(/before the year 2000/));
    expect(parseSubmittedAt(0)).toHaveProperty('error', expect.stringMatching(/^is not a date/));
  });

  it('reports a missing or empty date', () => {
    expect(problemsOf(without('date'))).toEqual([
      `export.json:item 1: submittedAt: is missing: add when the reader sent it, e.g. 2024-11-23T14:30:00+03:30 (looked for ${FIELD_ALIASES.submittedAt.join(', ')})`,
    ]);
    expect(problemsOf({ ...base, date: '' })[0]).toMatch(/^export\.json:item 1: submittedAt: is empty: /);
  });
});

describe('text', () => {
  it('trims, writes line ends as \\n and keeps at most one blank line in a row', () => {
    const comment = commentOf({ ...base, name: '  سارا \r\n', message: '\r\n اول\r\nدوم\r\r\r\rسوم\n\n\n\n\nچهارم  ' });
    expect(comment.name).toBe('سارا');
    expect(comment.body).toBe('اول\nدوم\n\nسوم\n\nچهارم');
  });

  it('removes bidi embedding, override and isolate controls, and nothing else', () => {
    const controls = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    const kept = 'می\u200cخواهم \u200e\u200f ۱۲۳ 😀';
    const comment = commentOf({ ...base, name: `${controls}سارا${controls}`, message: `${kept}${controls}` });
    expect(comment.name).toBe('سارا');
    expect(comment.body).toBe(kept);
    expect(serializeComment(comment)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('stores markup as plain text, unescaped', () => {
    const body = '<script>alert("x")</script> & <b>bold</b>';
    const comment = commentOf({ ...base, message: body });
    expect(comment.body).toBe(body);
    expect(JSON.parse(serializeComment(comment)).body).toBe(body);
    expect(serializeComment(comment)).toContain('<script>alert(\\"x\\")</script> & <b>bold</b>');
  });

  it(`accepts a body of ${MAX_BODY_LENGTH} characters and refuses a longer one`, () => {
    expect(commentOf({ ...base, message: 'آ'.repeat(MAX_BODY_LENGTH) }).body).toHaveLength(MAX_BODY_LENGTH);
    expect(problemsOf({ ...base, message: `  ${'آ'.repeat(MAX_BODY_LENGTH + 1)}  ` })).toEqual([
      'export.json:item 1: body: is 5001 characters long, more than 5000: shorten it to at most 5000',
    ]);
  });

  it('refuses a display name longer than the site accepts (200)', () => {
    expect(problemsOf({ ...base, name: 'ن'.repeat(201) })).toEqual([
      'export.json:item 1: name: is 201 characters long, more than 200: shorten it',
    ]);
  });

  it('reports a missing, empty or non-text name or body', () => {
    expect(problemsOf(without('name'))).toEqual([
      'export.json:item 1: name: is missing: add the name the reader chose to show (looked for name, fields[name], author)',
    ]);
    expect(problemsOf({ ...base, name: ' \u202e ' })).toEqual([
      'export.json:item 1: name: is empty: write the name the reader chose to show',
    ]);
    expect(problemsOf(without('message'))).toEqual([
      "export.json:item 1: body: is missing: add the comment's text (looked for message, fields[message], body, comment)",
    ]);
    expect(problemsOf({ ...base, message: null })).toEqual([
      "export.json:item 1: body: is empty: write the comment's text",
    ]);
    expect(problemsOf({ ...base, message: { text: 'x' } })).toEqual([
      'export.json:item 1: body: must be text, found an object',
    ]);
  });
});

describe('article', () => {
  it('takes a positive whole number, as a number or digits (Latin or Persian)', () => {
    expect(commentOf({ ...base, article: 7 }).article).toBe(7);
    expect(commentOf({ ...base, article: ' 1042 ' }).article).toBe(1042);
    expect(commentOf({ ...base, article: '۱۰۴۲' }).article).toBe(1042);
  });

  it('refuses anything else, naming the field it came from', () => {
    for (const value of [0, -3, 1.5, '1.5', 'abc', '12a', true, '9007199254740993']) {
      expect(problemsOf({ ...base, article: value }), String(value)).toEqual([
        expect.stringMatching(
          /^export\.json:item 1: article: .* \(from "article"\) is not a positive whole number: write the article's id, e\.g\. 1042$/,
        ),
      ]);
    }
    expect(problemsOf(without('article'))[0]).toMatch(/^export\.json:item 1: article: is missing: /);
  });
});

describe('every problem of a record at once', () => {
  it('lists one line per field, prefixed with where the record is', () => {
    const problems = problemsOf({ message: '', article: 'x', date: 'soon', parent: '؟' }, {}, 'e.csv:7');
    expect(problems.map((p) => p.split(': ').slice(0, 2).join(': '))).toEqual([
      'e.csv:7: name',
      'e.csv:7: body',
      'e.csv:7: article',
      'e.csv:7: submittedAt',
      'e.csv:7: parent',
    ]);
  });
});

describe('the data file', () => {
  const comment: Comment = {
    id: 'c-3f9a1b2c',
    article: 1042,
    parent: 'c-1a2b3c4d',
    name: 'نام نمایشی',
    body: 'متن',
    submittedAt: '2024-11-23T14:30:00+03:30',
  };

  it('is comments/<article>/<id>.json', () => {
    expect(commentFileName(comment)).toBe('comments/1042/c-3f9a1b2c.json');
  });

  it('is pretty JSON with the six keys in order and a final newline', () => {
    expect(serializeComment(comment)).toBe(
      '{\n  "id": "c-3f9a1b2c",\n  "article": 1042,\n  "parent": "c-1a2b3c4d",\n  "name": "نام نمایشی",\n  "body": "متن",\n  "submittedAt": "2024-11-23T14:30:00+03:30"\n}\n',
    );
    const root: Comment = { ...comment };
    delete root.parent;
    expect(Object.keys(JSON.parse(serializeComment(root)))).toEqual(['id', 'article', 'name', 'body', 'submittedAt']);
  });

  it('never holds an e-mail address, an IP, a user agent or any other field of the export', () => {
    const fields = {
      ...base,
      email: 'maryam@example.com',
      'fields[email]': 'maryam@example.com',
      ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0',
      referrer: 'https://example.com/',
      data: { email: 'x@example.com', ip: '198.51.100.1' },
    };
    const text = serializeComment(commentOf(fields));
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'article', 'name', 'body', 'submittedAt']);
    expect(text).not.toMatch(/@|203\.0\.113\.7|198\.51\.100\.1|Mozilla|example\.com/);
    // Even an object carrying more than the six fields is written with the six only.
    const extra = { ...commentOf(fields), email: 'leak@example.com', ip: '192.0.2.1' } as Comment;
    expect(serializeComment(extra)).not.toMatch(/leak|192\.0\.2\.1/);
  });
});
