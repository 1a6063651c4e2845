/**
 * scripts/lib/comment-import.ts: turning export records into comment data files (format, ids, dates,
 * text, article, problems, the file written).
 */
import { describe, expect, it } from 'vitest';
import {
  commentFileName,
  detectFormat,
  FIELD_ALIASES,
  hashedId,
  MAX_BODY_LENGTH,
  normalizeId,
  parseSubmittedAt,
  serializeComment,
  type Comment,
} from '../../scripts/lib/comment-import.ts';
import { base, commentOf, problemsOf, without } from '../helpers/comment-records';

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
