/**
 * `npm run check:content` on real folders: the sample archive passes, typography is shown as a diff
 * and written only when asked, the exit code follows what would stop the build.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runScript, tmpRoot } from '../helpers/build-site';
import { ZWNJ as Z } from '../../src/lib/persian/script';

const check = (args: string[], env: Record<string, string> = {}) => runScript('check-content.ts', args, env);

/** A copy of the test archive with one article of our own to lint. */
function archive(name: string, articleText: string): { dir: string; article: string } {
  const dir = path.join(tmpRoot, 'check-content', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), dir, { recursive: true });
  const article = path.join(dir, 'articles/1405/typography.md');
  mkdirSync(path.dirname(article), { recursive: true });
  writeFileSync(article, articleText);
  return { dir, article };
}

const messy = `---
id: 9001
title: 'گزارش كيفيت هوا'
lead: 'شاخص هوا در سال 1403 بهتر شد.'
date: 1405/02/10 09:00
category: economy
authors: ['ali-rezaei']
tags: [كتاب]
---

به گزارش خبرنگار ما , کتاب ها در حوزههای مختلف می شود.

\`\`\`
می شود 123 كتاب
\`\`\`

نشانی https://example.ir/1403?a=1,2 و متن.

وزن بار 12,5 تن بود.
`;

describe('npm run check:content', () => {
  it('passes the sample archive: no problem that stops the build', async () => {
    const result = await check(['--no-typography'], { BAYEGAN_CONTENT_DIR: path.join(projectRoot, 'content') });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/checked \d+ files in [\d.]+ s: 0 problems that stop the build/);
  });

  it('lists typography as file:line: field: before → after, exit 0 unless --strict', async () => {
    const { dir } = archive('report', messy);
    const result = await check(['--content', dir]);
    expect(result.status, result.stderr).toBe(0);
    const file = path.relative(projectRoot, path.join(dir, 'articles/1405/typography.md'));
    expect(result.stdout).toContain(`${file}:3: title: «كيفيت» → «کیفیت»`);
    expect(result.stdout).toContain(`${file}:4: lead: «1403» → «۱۴۰۳»`);
    expect(result.stdout).toContain(`${file}:11: body: «ما ,» → «ما،»`);
    expect(result.stdout).toContain(`${file}:11: body: «کتاب ها» → «کتاب·ها»`);
    expect(result.stdout).toMatch(/\[zwnj-prefix\]/);
    // Code, URLs and the tags field are not prose.
    expect(result.stdout).not.toMatch(/:14:|:17:|:8:/);
    // An unclear number is a suggestion, with the likelier reading and the advice.
    expect(result.stdout).toContain(`${file}:19: body: «12,5» → «۱۲٫۵»: این عدد را دو جور می‌شود خواند.`);
    expect(result.stdout).toMatch(/\[unclear-number, suggestion\]$/m);
    expect(result.stdout).toMatch(/0 problems that stop the build, \d+ typography corrections and 1 suggestion/);

    const strict = await check(['--content', dir, '--strict']);
    expect(strict.status).toBe(1);
  });

  it('--fix shows a diff and writes nothing; --fix --write corrects; a second run finds nothing', async () => {
    const { dir, article } = archive('fix', messy);
    const diff = await check(['--content', dir, '--fix']);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('would correct');
    expect(diff.stdout).toContain("  3  + title: 'گزارش کیفیت هوا'");
    expect(diff.stdout).toContain('nothing written; run npm run check:content -- --fix --write');
    expect(diff.stdout).toMatch(/suggestions, not applied.*\n.*:19: body: «12,5» → «۱۲٫۵»/);
    expect(diff.stdout).not.toContain('+ وزن بار');
    expect(readFileSync(article, 'utf8')).toBe(messy);

    const write = await check(['--content', dir, '--fix', '--write']);
    expect(write.status, write.stderr).toBe(0);
    const fixed = readFileSync(article, 'utf8');
    expect(fixed).toContain(`به گزارش خبرنگار ما، کتاب${Z}ها در حوزه${Z}های مختلف می${Z}شود.`);
    expect(fixed).toContain("lead: 'شاخص هوا در سال ۱۴۰۳ بهتر شد.'");
    // Untouched: code block, URL, tags, keys, and the number only a person can read.
    expect(fixed).toContain('وزن بار 12,5 تن بود.');
    expect(fixed).toContain('```\nمی شود 123 كتاب\n```');
    expect(fixed).toContain('https://example.ir/1403?a=1,2');
    expect(fixed).toContain('tags: [كتاب]');

    // --strict fails on corrections left to make, not on a suggestion a person has to decide on.
    const again = await check(['--content', dir, '--strict']);
    expect(again.status, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/0 typography corrections and 1 suggestion/);
  });

  it('leaves a correct file byte for byte as it was', async () => {
    const correct = messy
      .replace('كيفيت', 'کیفیت')
      .replace('1403', '۱۴۰۳')
      .replace('ما , کتاب ها در حوزههای مختلف می شود', `ما، کتاب${Z}ها در حوزه${Z}های مختلف می${Z}شود`);
    const { dir, article } = archive('correct', correct);
    const result = await check(['--content', dir, '--fix', '--write', '--strict']);
    expect(result.status, result.stdout).toBe(0);
    expect(readFileSync(article, 'utf8')).toBe(correct);
  });

  it('reports only the files named, but still checks them against all the others', async () => {
    const { dir } = archive('named', messy.replace('id: 9001', 'id: 2'));
    const named = path.join(dir, 'articles/1405/typography.md');
    const result = await check(['--content', dir, '--no-typography', named]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/typography\.md:2: id: 2 is already used by/);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses bad arguments with the usage, exit 1', async () => {
    for (const args of [['--frobnicate'], ['--write'], ['--content', '/nonexistent/x']]) {
      const result = await check(args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^check-content: /);
    }
    const unknownFile = await check(['--content', path.join(projectRoot, 'content'), 'README.md']);
    expect(unknownFile.status).toBe(1);
    expect(unknownFile.stderr).toMatch(/README\.md is not an article, section, reporter or comment file/);
  });
});

describe('npm run check:content on a file that is not UTF-8', () => {
  const fixture = (name: string) => readFileSync(path.join(projectRoot, 'tests/fixtures/encodings', name));

  it('names the file, its encoding and the command that converts it; --fix writes nothing; the command converts it', async () => {
    const { dir, article } = archive('windows-1256', '');
    writeFileSync(article, fixture('article.windows-1256.md'));
    const file = path.relative(projectRoot, article);
    const found = await check(['--content', dir, '--no-typography']);
    expect(found.status).toBe(1);
    expect(found.stdout).toContain(`${file}:1: file: is not UTF-8 text but most likely Windows-1256 (`);
    const command = /convert it to UTF-8 with: (npm run check:content -- .*)$/m.exec(found.stdout)?.[1];
    expect(command).toBe(`npm run check:content -- --fix --write ${file}`);
    // The rest of the file is checked as converted: nothing else is wrong with it.
    expect(found.stderr).toMatch(/ s: 1 problem that stop/);

    const preview = await check(['--content', dir, '--fix']);
    expect(preview.status).toBe(1);
    expect(preview.stdout).toContain(`would convert ${file} from Windows-1256 to UTF-8`);
    expect(readFileSync(article)).toEqual(fixture('article.windows-1256.md'));

    // The command as a newsroom types it, the content folder coming from the environment as in the build.
    const run = await check(command!.replace('npm run check:content -- ', '').split(' '), { BAYEGAN_CONTENT_DIR: dir });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`converted ${file} from Windows-1256 to UTF-8`);
    // UTF-8 without a byte-order mark, CRLF line ends as they were; only typography changed (Arabic ي → ی).
    const converted = readFileSync(article);
    expect(converted.subarray(0, 3)).toEqual(Buffer.from('---'));
    expect(converted.toString('utf8')).toContain('\r\n\r\nکتابخانه مرکزی شهر امروز با حضور مردم بازگشایی شد.');
    expect(converted.toString('utf8').replaceAll('ی', 'ي')).toBe(fixture('article.utf-8.md').toString('utf8'));
    const again = await check(['--content', dir, '--no-typography']);
    expect(again.status, again.stdout).toBe(0);
  });

  it('--fix --write --no-typography converts UTF-16 to exactly the text it holds, and nothing more', async () => {
    const text = fixture('article.utf-8.md').toString('utf8');
    const { dir, article } = archive('utf-16', '');
    writeFileSync(article, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await check(['--content', dir, '--fix', '--write', '--no-typography']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`converted ${path.relative(projectRoot, article)} from UTF-16 little-endian to UTF-8`);
    expect(readFileSync(article)).toEqual(Buffer.from(text, 'utf8'));
  });
});
