/**
 * scripts/lib/comment-import.ts: reading form-service exports (field names, JSON, CSV, Staticman files).
 */
import { describe, expect, it } from 'vitest';
import {
  FIELD_ALIASES,
  parseCsv,
  parseExport,
  toComment,
  type CommentField,
} from '../../scripts/lib/comment-import.ts';
import { base, commentOf, problemsOf, without } from '../helpers/comment-records';

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
