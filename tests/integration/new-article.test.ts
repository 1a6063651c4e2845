/**
 * `npm run new`: the real CLI on temporary copies of tests/fixtures/archive under
 * tests/.tmp/new-article/, and the real build on the article it starts.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot, runScript } from '../helpers/build-site';

const tmpRoot = path.join(projectRoot, 'tests/.tmp/new-article');
const NOW = '2026-11-29T12:00:00+03:30';

const newArticle = (args: string[], env: Record<string, string> = {}) => runScript('new-article.ts', args, env);

/** A fresh copy of the fixture archive; returns its content folder. */
function archiveCopy(name: string): string {
  const dir = path.join(tmpRoot, name, 'content');
  rmSync(path.join(tmpRoot, name), { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), dir, { recursive: true });
  return dir;
}

/** Every article file under the content folder, relative, with `/`, sorted. */
function articles(dir: string): string[] {
  const base = path.join(dir, 'articles');
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const BASE_ARGS = ['--section', 'economy', '--reporter', 'ali-rezaei', '--now', NOW];

describe('npm run new', () => {
  it('starts a draft with the next free id, the Tehran date and complete frontmatter', async () => {
    const dir = archiveCopy('creates');
    const run = await newArticle([
      '--title',
      "بازار 'کتاب' تهران",
      ...BASE_ARGS,
      '--reporter',
      'newsroom',
      '--tags',
      'بازار، کتاب,تهران',
      '--content',
      dir,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = path.join(dir, 'articles/1405/09/بازار-کتاب-تهران.md');
    expect(run.stdout).toContain(path.relative(projectRoot, file));
    expect(run.stdout).toContain('id: 11');
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '---',
        'id: 11',
        "title: 'بازار ''کتاب'' تهران'",
        "lead: 'TODO: یک یا دو جمله خلاصهٔ خبر'",
        'date: 1405/09/08 12:00',
        'category: economy',
        "tags: ['بازار', 'کتاب', 'تهران']",
        "authors: ['ali-rezaei', 'newsroom']",
        'draft: true',
        '---',
        '',
        'متن خبر را اینجا بنویسید.',
        '',
      ].join('\n'),
    );

    // The next one gets the next id, and `tags: []` when there are none; --slug names the file.
    const second = await newArticle(['--title', 'دومی', ...BASE_ARGS, '--slug', 'second', '--content', dir]);
    expect(second.status).toBe(0);
    const text = readFileSync(path.join(dir, 'articles/1405/09/second.md'), 'utf8');
    expect(text).toMatch(/^---\nid: 12\n/);
    expect(text).toContain('\ntags: []\n');
  });

  it('uses $BAYEGAN_CONTENT_DIR when --content is not given', async () => {
    const dir = archiveCopy('env');
    const run = await newArticle(['--title', 'Env Test', ...BASE_ARGS], { BAYEGAN_CONTENT_DIR: dir });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(dir, 'articles/1405/09/env-test.md'))).toBe(true);
  });

  it('refuses an unknown section, listing the valid ones, and writes nothing', async () => {
    const dir = archiveCopy('unknown-section');
    const before = articles(dir);
    const run = await newArticle(['--title', 'x', ...BASE_ARGS, '--section', 'economi', '--content', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'Unknown section "economi". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی), site (اخبار سایت)',
    );
    expect(articles(dir)).toEqual(before);
  });

  it('refuses an unknown reporter, listing the valid ones, and writes nothing', async () => {
    const dir = archiveCopy('unknown-reporter');
    const before = articles(dir);
    const run = await newArticle(['--title', 'x', ...BASE_ARGS, '--reporter', 'nobody', '--content', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'Unknown reporter "nobody". Valid reporters: ali-rezaei (علی رضایی), newsroom (تحریریه)',
    );
    expect(articles(dir)).toEqual(before);
  });

  it('says which flag is missing when it cannot ask (not a terminal)', async () => {
    const dir = archiveCopy('missing');
    const before = articles(dir);
    const run = await newArticle([...BASE_ARGS, '--content', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--title');
    expect(articles(dir)).toEqual(before);
  });

  it('never overwrites an existing file', async () => {
    const dir = archiveCopy('overwrite');
    const file = path.join(dir, 'articles/1405/09/taken.md');
    const first = await newArticle(['--title', 'Taken', ...BASE_ARGS, '--content', dir]);
    expect(first.status).toBe(0);
    writeFileSync(file, 'written by the reporter');
    const again = await newArticle(['--title', 'Taken', ...BASE_ARGS, '--content', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('written by the reporter');
  });

  it('starts an article that passes the real build (validated, not published)', async () => {
    const dir = archiveCopy('build');
    const run = await newArticle(['--title', 'خبر تازهٔ آزمایشی', ...BASE_ARGS, '--tags', 'بازار', '--content', dir]);
    expect(run.status).toBe(0);
    const build = await buildSite('new-article/build', dir, {
      BAYEGAN_OUT_DIR: path.join(tmpRoot, 'build/dist'),
      BAYEGAN_CACHE_DIR: path.join(tmpRoot, 'build/cache'),
      BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/site.config.ts'),
      BAYEGAN_NOW: NOW,
    });
    expect(build.output).not.toMatch(/InvalidContentEntryDataError/);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(path.join(build.outDir, 'news/11'))).toBe(false);
    expect(existsSync(path.join(build.outDir, 'news/7'))).toBe(true);
  });
});
