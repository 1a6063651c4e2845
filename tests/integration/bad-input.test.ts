/**
 * Each kind of mistake a reporter can make stops the build with a message that names the file,
 * the field and the fix, exits non-zero, and writes no output.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot, runScript, tmpRoot } from '../helpers/build-site';

const fixtureRoot = path.join(projectRoot, 'tests/fixtures/archive');

const goodArticle = (fields: Record<string, string> = {}, body = 'متن خبر.') => {
  const frontmatter: Record<string, string> = {
    id: '1',
    title: "'عنوان خبر'",
    lead: "'خلاصهٔ خبر.'",
    date: '1403/09/03 14:30',
    category: 'economy',
    authors: "['ali-rezaei']",
    ...fields,
  };
  const lines = Object.entries(frontmatter)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
};

/** A small valid archive with `files` (path → content, or null to delete) laid over it. */
function archiveWith(name: string, files: Record<string, string | Uint8Array | null>): string {
  const dir = path.join(tmpRoot, 'bad-input', name, 'content');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  cpSync(path.join(fixtureRoot, 'categories'), path.join(dir, 'categories'), { recursive: true });
  cpSync(path.join(fixtureRoot, 'authors'), path.join(dir, 'authors'), { recursive: true });
  writeFileSync(path.join(dir, 'articles/a.md'), goodArticle());
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    if (content === null) rmSync(target, { force: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return dir;
}

interface Mistake {
  name: string;
  files: Record<string, string | Uint8Array | null>;
  /** The file the message must name. */
  file: string;
  /** What the message must say (field and fix). */
  message: RegExp;
  /** What `npm run check:content` prints instead, when it differs from the build's wording. */
  checkMessage?: RegExp;
  /**
   * Whether a build is made for it too (default). Every mistake is checked by `check:content`, which
   * runs the build's own schema and checks; a build (seconds each, one at a time) is made for one
   * mistake of each path through the build: a schema field, a date, a zone-less YAML date, a
   * reference, a check across entries, a data file, the YAML parser, the encoding. `false` for a
   * mistake the same path already covers.
   */
  build?: false;
}

const mistakes: Mistake[] = [
  {
    name: 'missing title',
    files: { 'articles/a.md': goodArticle({ title: '' }) },
    file: 'articles/a.md',
    message: /title: is required: write the headline, e\.g\. title: '/,
  },
  {
    name: 'impossible Jalali date',
    files: { 'articles/a.md': goodArticle({ date: '1402/12/30 10:00' }) },
    file: 'articles/a.md',
    message: /date: "1402\/12\/30 10:00": day 30 does not exist; Esfand 1402 has 29 days/,
  },
  {
    name: 'ISO date without an offset',
    build: false,
    files: { 'articles/a.md': goodArticle({ date: "'2024-11-22T14:30'" }) },
    file: 'articles/a.md',
    message: /date: "2024-11-22T14:30" has no time-zone offset.*2024-11-22T14:30:00\+03:30/,
  },
  {
    name: 'unquoted ISO timestamp without an offset',
    files: { 'articles/a.md': goodArticle({ date: '2024-11-22 14:30:00' }) },
    file: 'articles/a.md',
    message:
      /date: 2024-11-22 14:30:00 has no time-zone offset, so YAML reads it as UTC.*write date: 2024-11-22T14:30:00\+03:30/,
  },
  {
    name: 'unquoted ISO date without a time',
    build: false,
    files: { 'articles/a.md': goodArticle({ updated: '2024-11-23' }) },
    file: 'articles/a.md',
    message: /updated: 2024-11-23 has no time-zone offset/,
  },
  {
    name: 'unreadable date',
    build: false,
    files: { 'articles/a.md': goodArticle({ date: "'فردا صبح'" }) },
    file: 'articles/a.md',
    message:
      /date: "فردا صبح" is not a date this archive understands; write it as a Jalali date in Tehran time, like 1403\/09\/03 14:30/,
  },
  {
    name: 'unknown category',
    files: { 'articles/a.md': goodArticle({ category: 'economi' }) },
    file: 'articles/a.md',
    message: /category: "economi" is not a category; use one of: culture, economy, site/,
  },
  {
    name: 'unknown reporter',
    build: false,
    files: { 'articles/a.md': goodArticle({ authors: "['ali-rezaei', 'nobody']" }) },
    file: 'articles/a.md',
    message: /authors\.1: "nobody" is not a reporter; use one of: ali-rezaei, newsroom/,
  },
  {
    name: 'id that is not a number',
    build: false,
    files: { 'articles/a.md': goodArticle({ id: "'abc'" }) },
    file: 'articles/a.md',
    message: /id: must be a whole number, the article's permanent number, e\.g\. id: 1042/,
  },
  {
    name: 'duplicate id in two files',
    files: { 'articles/1403/b.md': goodArticle({ title: "'خبر دیگر'" }) },
    file: 'articles/a.md',
    message: /articles\/a\.md: id: 1 is already used by .*articles\/1403\/b\.md; .*next free id, e\.g\. id: 2/,
    checkMessage: /articles\/a\.md:2: id: 1 is already used by .*articles\/1403\/b\.md; .*next free id, e\.g\. id: 2/,
  },
  {
    name: 'misspelt field',
    build: false,
    files: { 'articles/a.md': goodArticle({ titel: "'غلط'" }) },
    file: 'articles/a.md',
    message: /titel: is not a field of an article\. Did you mean "title"\? The fields are: id, title, lead, date/,
  },
  {
    name: 'image description without an image',
    build: false,
    files: { 'articles/a.md': goodArticle({ imageAlt: "'عکس'" }) },
    file: 'articles/a.md',
    message: /image: is missing, but imageAlt is set/,
  },
  {
    name: 'picture credit without a picture',
    files: { 'articles/a.md': goodArticle({ imageCredit: "'علی رضایی'" }) },
    file: 'articles/a.md',
    message: /image: is missing, but imageCredit is set: add the image path or remove imageCredit/,
  },
  {
    name: 'video without captions, picture from another host',
    files: {
      'articles/v.mdx': goodArticle(
        { id: '2' },
        '<Video src="./media/clip.webm" />\n\n<Figure src="https://example.com/a.jpg" alt="عکس" />',
      ),
      'articles/media/clip.webm': 'x',
    },
    file: 'articles/v.mdx',
    message: new RegExp(
      [
        String.raw`<Video>: needs captions; readers who cannot hear it need them \(a WebVTT file`,
        String.raw`<Figure>: src="https://example\.com/a\.jpg" is on another site; save the file beside the article`,
      ]
        .map((line) => `(?=[\\s\\S]*${line})`)
        .join(''),
    ),
  },
  {
    name: 'update before publication',
    build: false,
    files: { 'articles/a.md': goodArticle({ updated: '1403/09/01 10:00' }) },
    file: 'articles/a.md',
    message: /updated: is earlier than date/,
  },
  {
    name: 'correction dated in the future',
    files: { 'articles/a.md': goodArticle({ corrections: "[{ date: 1480/01/01 10:00, text: 'اصلاح' }]" }) },
    file: 'articles/a.md',
    message:
      /corrections\.0\.date: is in the future \(after [^)]*\); a correction is dated when it is published: write the time it was made/,
  },
  {
    name: 'flag that is not true or false',
    build: false,
    files: { 'articles/a.md': goodArticle({ draft: "'yes'" }) },
    file: 'articles/a.md',
    message: /draft: must be true or false/,
  },
  {
    name: 'category file with a non-ASCII name',
    files: { 'categories/اقتصاد.yml': "name: 'اقتصاد'\ndescription: 'بازار'\n" },
    file: 'categories/اقتصاد.yml',
    message: /rename the file to lower-case Latin letters/,
  },
  {
    name: 'category without a name',
    files: { 'categories/economy.yml': "description: 'بازار'\n" },
    file: 'categories/economy.yml',
    message: /name: is required: write the section name/,
  },
  {
    name: 'broken YAML frontmatter',
    files: { 'articles/a.md': "---\nid: 1\ntitle: 'بدون پایان\n---\n\nمتن\n" },
    file: 'articles/a.md',
    message: /unexpected end of the stream within a single quoted scalar[\s\S]*articles\/a\.md:3/,
    checkMessage:
      /articles\/a\.md:\d+: frontmatter: cannot be read: unexpected end of the stream within a single quoted scalar/,
  },
  {
    name: 'files saved in Windows-1256 and in UTF-16',
    files: {
      'articles/a.md': readFileSync(path.join(projectRoot, 'tests/fixtures/encodings/article.windows-1256.md')),
      'articles/b.md': Buffer.from(goodArticle({ id: '2' }), 'utf16le'),
    },
    file: 'articles/a.md',
    // Each file with its likely encoding and the command that converts it, in either order.
    message: new RegExp(
      [
        'articles/a\\.md(?::1: file)?: is not UTF-8 text but most likely Windows-1256 \\([^\\n]*convert it to UTF-8 with: npm run check:content -- --fix --write \\S*articles/a\\.md$',
        'articles/b\\.md(?::1: file)?: is not UTF-8 text but most likely UTF-16 little-endian [^\\n]*--fix --write \\S*articles/b\\.md$',
      ]
        .map((line) => `(?=[\\s\\S]*${line})`)
        .join(''),
      'm',
    ),
  },
  {
    // A data file goes through another reader of Astro's (YAML, not Markdown): checked all the same.
    name: 'section file saved in UTF-16',
    files: { 'categories/economy.yml': Buffer.from('\uFEFFname: اقتصاد\n', 'utf16le') },
    file: 'categories/economy.yml',
    message:
      /categories\/economy\.yml(?::1: file)?: is not UTF-8 text but most likely UTF-16 little-endian [^\n]*--fix --write \S*categories\/economy\.yml$/m,
  },
];

describe.concurrent('bad content stops the build', () => {
  for (const mistake of mistakes.filter((m) => m.build !== false)) {
    it(`${mistake.name}: names ${mistake.file} and the fix, exits non-zero, writes nothing`, async () => {
      const slug = mistake.name.replace(/\W+/g, '-');
      const contentDir = archiveWith(slug, mistake.files);
      const result = await buildSite(`bad-input/${slug}`, contentDir, { BAYEGAN_NOW: '2025-01-01T12:00:00+03:30' });
      expect(result.status, result.output).not.toBe(0);
      // Astro prints absolute paths, our own checks paths relative to the project: both contain this.
      expect(result.output).toContain(path.relative(projectRoot, path.join(contentDir, mistake.file)));
      expect(result.output).toMatch(mistake.message);
      expect(result.output).toContain('Build failed: nothing was written');
      expect(existsSync(result.outDir)).toBe(false);
    });
  }
});

describe.concurrent('npm run check:content finds the same mistakes without a build', () => {
  for (const mistake of mistakes) {
    it(`${mistake.name}: file:line: field: fix, exit code 1`, async () => {
      const slug = `check-${mistake.name.replace(/\W+/g, '-')}`;
      const contentDir = archiveWith(slug, mistake.files);
      const result = await runScript('check-content.ts', ['--content', contentDir, '--no-typography']);
      expect(result.status, result.stdout + result.stderr).toBe(1);
      const file = path.relative(projectRoot, path.join(contentDir, mistake.file));
      const line = result.stdout.split('\n').find((l) => l.startsWith(`${file}:`));
      expect(line, result.stdout + result.stderr).toBeDefined();
      // `file:line: field: message`, the message the build would give.
      expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
      expect(result.stdout).toMatch(mistake.checkMessage ?? mistake.message);
      expect(result.stderr).toMatch(/problems? that stop the build/);
    });
  }
});

describe('a bad build setting stops the build before it starts', () => {
  it('BAYEGAN_BUILD_MEMORY that is not a number of gigabytes: named with the fix, exit 1, nothing written', async () => {
    const contentDir = archiveWith('bad-memory', {});
    const result = await buildSite('bad-input/bad-memory', contentDir, { BAYEGAN_BUILD_MEMORY: '10GB' });
    expect(result.status).toBe(1);
    expect(result.output).toContain('BAYEGAN_BUILD_MEMORY="10GB" is not a number of gigabytes');
    expect(result.output).toContain('BAYEGAN_BUILD_MEMORY=10');
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('a failed build keeps the previous site', () => {
  it('leaves the last good output untouched, also in a folder outside the project', async () => {
    const contentDir = archiveWith('keeps-previous', {});
    // Outside the project: the build must still resolve the project's packages.
    const outDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'bayegan-out-')), 'site');
    const env = { BAYEGAN_NOW: '2025-01-01T12:00:00+03:30', BAYEGAN_OUT_DIR: outDir };
    const good = await buildSite('bad-input/keeps-previous', contentDir, env);
    expect(good.status, good.output).toBe(0);
    const before = readFileSync(path.join(good.outDir, 'index.html'), 'utf8');

    writeFileSync(path.join(contentDir, 'articles/a.md'), goodArticle({ date: '1402/12/30' }));
    const bad = await buildSite('bad-input/keeps-previous', contentDir, env);
    expect(bad.status).not.toBe(0);
    expect(readFileSync(path.join(good.outDir, 'index.html'), 'utf8')).toBe(before);
    // Only the site itself: no staging or previous copy left beside it.
    expect(readdirSync(path.dirname(outDir))).toEqual(['site']);
    rmSync(path.dirname(outDir), { recursive: true, force: true });
  });
});
