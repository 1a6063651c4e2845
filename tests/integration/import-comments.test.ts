/**
 * `npm run import:comments`: the real CLI on the exports in tests/fixtures/comment-exports/, into
 * temporary content folders under tests/.tmp/import-comments/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runScript } from '../helpers/build-site';
import { atLeast } from '../helpers/at-least';

const fixtures = 'tests/fixtures/comment-exports';
const tmpRoot = path.join(projectRoot, 'tests/.tmp/import-comments');

const importComments = (args: string[], env: Record<string, string> = {}) => runScript('import-comments.ts', args, env);

/** A fresh, empty content folder. */
function contentDir(name: string): string {
  const dir = path.join(tmpRoot, name, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, with `/`, sorted. */
function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
/** How the CLI names a file it writes: relative to the working directory (the project). */
const shown = (dir: string, file: string) => path.relative(projectRoot, path.join(dir, file));
const CONTRACT_KEYS = ['id', 'article', 'parent', 'name', 'body', 'submittedAt'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[34]:30$/;

/** Checks that every written file keeps to the contract; returns them parsed. */
function checkContract(dir: string): Record<string, Record<string, unknown>> {
  const parsed: Record<string, Record<string, unknown>> = {};
  for (const file of atLeast(1, filesIn(dir), 'written comment files')) {
    expect(file).toMatch(/^comments\/[1-9]\d*\/[a-z][a-z0-9-]*\.json$/);
    const text = read(dir, file);
    const data = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(Object.keys(data)).toEqual(CONTRACT_KEYS.filter((key) => key in data));
    expect(file).toBe(`comments/${String(data['article'])}/${String(data['id'])}.json`);
    expect(data['submittedAt']).toMatch(ISO_WITH_OFFSET);
    // No e-mail address (nor any '@'), no IP address, no user agent.
    expect(text).not.toContain('@');
    expect(text).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
    expect(text).not.toMatch(/Mozilla|curl\//);
    parsed[file] = data;
  }
  return parsed;
}

describe('import-comments: a good JSON export', () => {
  it('writes one file per comment with exactly the contract, and adds nothing the second time', async () => {
    const dir = contentDir('json');
    const first = await importComments([`${fixtures}/good.json`, '--content', dir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(filesIn(dir)).toEqual([
      'comments/1042/c-3f9a1b2c.json',
      'comments/1042/c-5f2b9c1e7a.json',
      'comments/1043/c-0f33bf67f87d.json',
    ]);
    for (const file of filesIn(dir)) expect(first.stdout).toContain(`wrote ${shown(dir, file)}\n`);
    expect(first.stdout).toMatch(/^imported 3, skipped 0 \(already there\), skipped 0 \(duplicate in the export\)/m);

    expect(read(dir, 'comments/1042/c-3f9a1b2c.json')).toBe(
      [
        '{',
        '  "id": "c-3f9a1b2c",',
        '  "article": 1042,',
        '  "name": "مریم کریمی",',
        '  "body": "گزارش خوبی بود.\\n\\nپاراگراف دوم، با نیم‌فاصله.",',
        '  "submittedAt": "2024-11-23T14:30:00+03:30"',
        '}',
        '',
      ].join('\n'),
    );
    const data = checkContract(dir);
    expect(data['comments/1042/c-5f2b9c1e7a.json']).toEqual({
      id: 'c-5f2b9c1e7a',
      article: 1042,
      parent: 'c-3f9a1b2c',
      name: 'Ali',
      body: "<script>alert('x')</script> not markup, just text",
      submittedAt: '2019-07-01T16:30:00+04:30',
    });
    expect(data['comments/1043/c-0f33bf67f87d.json']).toEqual({
      id: 'c-0f33bf67f87d',
      article: 1043,
      name: 'سارا احمدی',
      body: 'متن با نویسه‌های جهت‌دهی',
      submittedAt: '2019-11-28T13:19:27+03:30',
    });

    const before = filesIn(dir).map((file) => read(dir, file));
    const second = await importComments([`${fixtures}/good.json`, '--content', dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('wrote ');
    expect(second.stdout).toMatch(/^imported 0, skipped 3 \(already there\)/m);
    expect(filesIn(dir).map((file) => read(dir, file))).toEqual(before);
  });

  it('uses $BAYEGAN_CONTENT_DIR when --content is not given', async () => {
    const dir = contentDir('env');
    const run = await importComments([`${fixtures}/good.json`], { BAYEGAN_CONTENT_DIR: dir });
    expect(run.status).toBe(0);
    expect(filesIn(dir)).toHaveLength(3);
  });
});

describe('import-comments: a good CSV export with e-mail and IP columns', () => {
  it('writes the comments and none of the e-mail addresses or IPs', async () => {
    const dir = contentDir('csv');
    const run = await importComments([`${fixtures}/good.csv`, '--content', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const data = checkContract(dir);
    expect(Object.keys(data)).toEqual([
      'comments/1042/c-8f78ae5563c8.json',
      'comments/1042/sub-001.json',
      'comments/2001/sub-003.json',
    ]);
    expect(data['comments/1042/sub-001.json']).toEqual({
      id: 'sub-001',
      article: 1042,
      name: 'رضا',
      body: 'نظر با ویرگول، و "نقل‌قول" و\nخط دوم',
      submittedAt: '2024-03-10T09:15:00+03:30',
    });
    expect(data['comments/1042/c-8f78ae5563c8.json']).toMatchObject({
      parent: 'sub-001',
      body: 'یک پاسخ, کوتاه',
      submittedAt: '2024-06-10T09:43:20+03:30',
    });
    expect(data['comments/2001/sub-003.json']).toMatchObject({ submittedAt: '2021-08-01T10:00:00+04:30' });
    const export_ = readFileSync(path.join(projectRoot, fixtures, 'good.csv'), 'utf8');
    for (const secret of export_.match(/[\w.]+@[\w.]+|\d+\.\d+\.\d+\.\d+/g) ?? []) {
      for (const file of Object.keys(data)) expect(read(dir, file)).not.toContain(secret);
    }

    const again = await importComments([`${fixtures}/good.csv`, '--content', dir]);
    expect(again.stdout).toMatch(/^imported 0, skipped 3 \(already there\)/m);
    expect(filesIn(dir)).toHaveLength(3);
  });
});

describe('import-comments: a Staticman folder', () => {
  it('reads both YAML files, taking the article from the folder or the slug', async () => {
    const dir = contentDir('staticman');
    const run = await importComments([`${fixtures}/staticman`, '--content', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const data = checkContract(dir);
    expect(data).toEqual({
      'comments/1042/b2f0a1c3-1234-11ea-9f5b-0123456789ab.json': {
        id: 'b2f0a1c3-1234-11ea-9f5b-0123456789ab',
        article: 1042,
        parent: 'c-8d1c2e40-1234-11ea-9f5b-0123456789ab',
        name: 'لیلا',
        body: 'پاسخ به هومن',
        submittedAt: '2019-11-28T14:00:00+03:30',
      },
      'comments/1042/c-8d1c2e40-1234-11ea-9f5b-0123456789ab.json': {
        id: 'c-8d1c2e40-1234-11ea-9f5b-0123456789ab',
        article: 1042,
        name: 'هومن',
        body: 'اولین نظر از Staticman.\n\nبا دو پاراگراف.',
        submittedAt: '2019-11-28T13:19:27+03:30',
      },
    });
    expect(run.stdout).toMatch(/^imported 2, skipped 0 \(already there\)/m);
  });

  it('reads a single Staticman file too', async () => {
    const dir = contentDir('staticman-file');
    const run = await importComments([`${fixtures}/staticman/1042/entry1574934567.yml`, '--content', dir]);
    expect(run.status).toBe(0);
    expect(filesIn(dir)).toEqual(['comments/1042/c-8d1c2e40-1234-11ea-9f5b-0123456789ab.json']);
  });
});

describe("import-comments: Formspree's JSON export", () => {
  it('reads { fields, submissions } with _date in UTC, and keeps neither e-mail nor status', async () => {
    const dir = contentDir('formspree');
    const run = await importComments([`${fixtures}/formspree.json`, '--content', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const data = Object.values(checkContract(dir)).map(({ id, ...rest }) => {
      expect(id).toMatch(/^c-[0-9a-f]{12}$/);
      return rest;
    });
    expect(data).toEqual([
      {
        article: 1042,
        name: 'لیلا',
        body: 'گزارش دقیقی بود.\n\nممنون از خبرنگار.',
        submittedAt: '2026-03-20T09:50:00+03:30',
      },
      // Tehran kept summer time until 2022: 10:05 UTC was 14:35 there.
      {
        article: 1043,
        name: 'کاوه',
        body: 'نظری از تابستانی که ساعت تهران جلو کشیده می‌شد.',
        submittedAt: '2022-07-01T14:35:09+04:30',
      },
    ]);
  });
});

describe('import-comments: a malformed CSV export', () => {
  it('names file:line and field of both bad rows, writes nothing and exits 1', async () => {
    const dir = contentDir('malformed');
    const run = await importComments([`${fixtures}/malformed.csv`, '--content', dir]);
    expect(run.status).toBe(1);
    expect(filesIn(dir)).toEqual([]);
    expect(run.stdout).toBe('');
    const file = `${fixtures}/malformed.csv`;
    const lines = run.stderr.split('\n').filter((line) => line.startsWith(file));
    // Line 2 starts a record that spans lines 2–4; the bad rows start on lines 5 and 7.
    expect(lines).toEqual([
      `${file}:5: name: is empty: write the name the reader chose to show`,
      `${file}:7: article: "abc" (from "article") is not a positive whole number: write the article's id, e.g. 1042`,
      expect.stringMatching(
        new RegExp(
          `^${file}:7: submittedAt: "2024-03-12 10:00:00" \\(from "date"\\) has no time-zone offset.*\\+03:30`,
        ),
      ),
    ]);
    expect(run.stderr).toMatch(/Nothing was written: 3 problems/);
  });
});

describe('import-comments: a JSON export with a duplicate id', () => {
  it('writes the first, skips the repeat, and names it', async () => {
    const dir = contentDir('duplicate');
    const run = await importComments([`${fixtures}/duplicate.json`, '--content', dir]);
    expect(run.status).toBe(0);
    expect(filesIn(dir)).toEqual(['comments/1042/dup-1.json', 'comments/1042/other-2.json']);
    expect(JSON.parse(read(dir, 'comments/1042/dup-1.json'))).toMatchObject({ body: 'نسخهٔ اول' });
    expect(run.stdout).toContain(`duplicate in the export: ${fixtures}/duplicate.json:item 2: dup-1`);
    expect(run.stdout).toMatch(/^imported 2, skipped 0 \(already there\), skipped 1 \(duplicate in the export\)/m);
    checkContract(dir);
  });

  it('skips a comment whose file is already there, and leaves that file alone', async () => {
    const dir = contentDir('existing');
    mkdirSync(path.join(dir, 'comments/1042'), { recursive: true });
    writeFileSync(path.join(dir, 'comments/1042/dup-1.json'), 'edited by a moderator\n');
    const run = await importComments([`${fixtures}/duplicate.json`, '--content', dir]);
    expect(run.status).toBe(0);
    expect(read(dir, 'comments/1042/dup-1.json')).toBe('edited by a moderator\n');
    expect(run.stdout).toMatch(/^imported 1, skipped 1 \(already there\), skipped 1 \(duplicate in the export\)/m);
  });
});

describe('import-comments: --dry-run', () => {
  it('checks and reports, and writes nothing', async () => {
    const dir = contentDir('dry-run');
    const run = await importComments([`${fixtures}/good.csv`, '--content', dir, '--dry-run']);
    expect(run.status).toBe(0);
    expect(filesIn(dir)).toEqual([]);
    expect(run.stdout).toContain(`would write ${shown(dir, 'comments/1042/sub-001.json')}\n`);
    expect(run.stdout).toMatch(/^dry run, nothing written: would import 3, skip 0 \(already there\)/m);
    const bad = await importComments([`${fixtures}/malformed.csv`, '--content', dir, '--dry-run']);
    expect(bad.status).toBe(1);
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('import-comments: bad arguments', () => {
  const cases: [string, string[], RegExp][] = [
    ['no input', [], /name the export file or folder/],
    ['an unknown flag', [`${fixtures}/good.json`, '--frobnicate'], /unknown option --frobnicate/],
    ['a missing file', ['tests/fixtures/comment-exports/nope.json'], /no such file or folder: .*nope\.json/],
    ['an unknown format', [`${fixtures}/good.json`, '--format', 'xml'], /--format must be json, csv or staticman/],
    ['a flag without its value', [`${fixtures}/good.json`, '--content'], /--content needs a value/],
    ['two inputs', [`${fixtures}/good.json`, `${fixtures}/good.csv`], /one export at a time/],
  ];
  for (const [name, args, message] of cases) {
    it(`prints usage and exits 1 for ${name}`, async () => {
      const run = await importComments(args);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Usage: npm run import:comments -- <export-file-or-folder>');
    });
  }

  it('prints usage on stdout for --help', async () => {
    const run = await importComments(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run import:comments');
  });
});
