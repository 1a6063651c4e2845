/**
 * `npm run import:legacy`: the real CLI on the pages in tests/fixtures/legacy/, into temporary
 * copies of tests/fixtures/archive under tests/.tmp/import-legacy/, and the real build on what it
 * imports.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { frontmatterOf } from '../../scripts/lib/frontmatter.ts';
import { buildSite, projectRoot, readPage, runScript } from '../helpers/build-site';

const fixtures = 'tests/fixtures/legacy';
const tmpRoot = path.join(projectRoot, 'tests/.tmp/import-legacy');
const NOW = '2026-11-29T12:00:00+03:30';
const BASE_ARGS = ['--section', 'economy', '--reporter', 'newsroom', '--now', NOW];

const importLegacy = (args: string[], env: Record<string, string> = {}) => runScript('import-legacy.ts', args, env);

/** A fresh copy of the fixture archive; returns its content folder. */
function archiveCopy(name: string): string {
  const dir = path.join(tmpRoot, name, 'content');
  rmSync(path.join(tmpRoot, name), { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, with `/`, sorted, with its text. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file, 'latin1');
  }
  return files;
}

/** The article files added to `dir` since `before`. */
const added = (dir: string, before: Record<string, string>) =>
  Object.keys(snapshot(dir))
    .filter((file) => !(file in before))
    .sort();

const frontmatter = (dir: string, file: string) =>
  parseYaml(frontmatterOf(readFileSync(path.join(dir, file), 'utf8'))) as Record<string, unknown>;

const LIBRARY = 'articles/1401/06/کتابخانه-محله-بعد-از-سه-سال-باز-شد.md';
const BRIDGE = 'articles/1402/11/پل-عابر-پیاده-ی-میدان-اصلی-افتتاح-شد.md';
const RIVER = 'articles/1403/09/پاکسازی-بستر-رودخانه-شهر-با-کمک-داوطلبان.md';
const RAIN = 'articles/1398/07/بارش-باران-پایتخت-را-غافلگیر-کرد.md';

describe('import-legacy: good pages', () => {
  it('writes one draft per page with ids after the last one, and nothing new the second time', async () => {
    const dir = archiveCopy('good');
    const before = snapshot(dir);
    const inputs = [`${fixtures}/wordpress`, `${fixtures}/dumps`];
    const first = await importLegacy([...inputs, ...BASE_ARGS, '--content', dir]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(added(dir, before)).toEqual([BRIDGE, RIVER, LIBRARY].sort());

    // Ids follow the largest in the archive (10), in the order the pages were read.
    expect(frontmatter(dir, LIBRARY)).toEqual({
      id: 11,
      title: 'کتابخانهٔ محله بعد از سه سال باز شد',
      lead: 'کتابخانهٔ عمومی محلهٔ نارمک پس از سه سال بازسازی صبح امروز دوباره به روی مردم باز شد. این کتابخانه حالا دوازده هزار جلد کتاب دارد.',
      date: '1401/06/10 10:15',
      category: 'economy',
      tags: [],
      authors: ['newsroom'],
      draft: true,
      source: { name: 'ایسنا', url: 'https://old-news.example.ir/1401/06/library/' },
    });
    expect(frontmatter(dir, BRIDGE)).toMatchObject({
      id: 12,
      date: '1402/11/22 10:15',
      source: { name: 'خبرگزاری نمونه', url: 'https://old-news.example.ir/n/90412' },
    });
    const river = readFileSync(path.join(dir, RIVER), 'utf8');
    expect(frontmatter(dir, RIVER)).toMatchObject({
      id: 13,
      date: '1403/09/12 00:00',
      source: { name: 'روزنامهٔ محلی' },
    });
    expect(river).toContain(
      "\n# check: date taken from the page's 'today' line (the day it was saved, not published) — check it\n",
    );
    expect(river).toContain('رساندند.\n\nشهردار منطقه');
    expect(river).not.toMatch(/منوی|امروز :|منتشر نخواهد شد/);

    // The report: what was imported where, and what to check.
    const shown = (file: string) => path.relative(projectRoot, path.join(dir, file));
    expect(first.stdout).toContain(
      `imported ${fixtures}/wordpress/library-opens.html\n  → ${shown(LIBRARY)} (id 11, draft)\n`,
    );
    expect(first.stdout).toContain(
      `imported ${fixtures}/dumps/river-cleanup.txt\n  → ${shown(RIVER)} (id 13, draft)\n`,
    );
    expect(first.stdout).toContain("  date: 1403/09/12 00:00 (from the page's 'today' line)\n");
    expect(first.stdout).toContain('  «به گزارش»: خبرنگار روزنامهٔ محلی\n');
    expect(first.stdout).toContain('  check: left out an image (add by hand if wanted): https://old-news.example.ir/');
    expect(first.stdout).toMatch(
      /^imported 3, skipped 0 \(already imported\), skipped 0 \(no usable headline or story\); 3 pages read$/m,
    );

    const afterFirst = snapshot(dir);
    const second = await importLegacy([...inputs, ...BASE_ARGS, '--content', dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^imported 0, skipped 3 \(already imported\)/m);
    expect(second.stdout).toContain(
      `skipped ${fixtures}/wordpress/library-opens.html: already imported as ${shown(LIBRARY)} (same source URL)`,
    );
    expect(second.stdout).toContain(
      `skipped ${fixtures}/dumps/river-cleanup.txt: already imported as ${shown(RIVER)} (same text)`,
    );
    expect(snapshot(dir)).toEqual(afterFirst);
  });

  it('reads another site with its config file, and uses $BAYEGAN_CONTENT_DIR', async () => {
    const dir = archiveCopy('config');
    const before = snapshot(dir);
    const run = await importLegacy(
      [`${fixtures}/other-site/tehran-rain.htm`, '--config', `${fixtures}/configs/baran.yml`, ...BASE_ARGS],
      { BAYEGAN_CONTENT_DIR: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(added(dir, before)).toEqual([RAIN]);
    expect(frontmatter(dir, RAIN)).toMatchObject({
      id: 11,
      title: 'بارش باران پایتخت را غافلگیر کرد',
      date: '1398/07/15 16:20',
      source: { name: 'پورتال خبری باران', url: 'http://baran.example.com/news.asp?id=4512' },
    });
    const text = readFileSync(path.join(dir, RAIN), 'utf8');
    expect(text).not.toMatch(/آگهی|ads\.example|banner/);
    expect(run.stdout).toContain('check: read as windows-1256 (the file is not UTF-8)');
  });

  it('reads Windows-1256 pages, declared by <meta charset>, not declared, or declared wrongly, into UTF-8 Persian', async () => {
    const dir = archiveCopy('windows-1256');
    const before = snapshot(dir);
    const run = await importLegacy([`${fixtures}/encodings`, ...BASE_ARGS, '--content', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const market = 'articles/1388/02/بازار-کتاب-تهران-بازگشایی-شد.md';
    const bridge = 'articles/1388/12/پل-تازه-شهر-افتتاح-شد.md';
    const festival = 'articles/1390/07/جشنواره-نمایش-کودک-آغاز-شد.md';
    expect(added(dir, before)).toEqual([market, bridge, festival].sort());
    expect(frontmatter(dir, market)).toMatchObject({ title: 'بازار کتاب تهران بازگشایی شد', date: '1388/02/22 09:30' });
    expect(readFileSync(path.join(dir, market), 'utf8')).toContain(
      'مدیر بازار گفت: «این بازار هر روز از ساعت نه صبح باز است.»',
    );
    expect(frontmatter(dir, bridge)).toMatchObject({ title: 'پل تازه شهر افتتاح شد' });
    expect(readFileSync(path.join(dir, bridge), 'utf8')).toContain(`این پل هر روز به چند هزار نفر کمک می\u200cکند`);
    expect(run.stdout.match(/check: read as windows-1256 \(the file is not UTF-8\)/g)).toHaveLength(2);
    // Its template says UTF-8; its story is in Windows-1256.
    expect(frontmatter(dir, festival)).toMatchObject({ title: 'جشنواره نمایش کودک آغاز شد' });
    expect(run.stdout).toContain('check: read as windows-1256 (the file is not UTF-8, though it says utf-8)');
  });

  it('skips a page with no story, says why, and still imports the others', async () => {
    const dir = archiveCopy('mixed');
    const before = snapshot(dir);
    const run = await importLegacy([
      `${fixtures}/unusable`,
      `${fixtures}/dumps/bridge-dated.txt`,
      ...BASE_ARGS,
      '--content',
      dir,
    ]);
    expect(run.status).toBe(0);
    expect(added(dir, before)).toEqual([BRIDGE]);
    expect(run.stdout).toContain(
      `skipped ${fixtures}/unusable/chrome-only.txt: no paragraph of story text found (no line of prose after the chrome)`,
    );
    expect(run.stdout).toMatch(
      new RegExp(
        `skipped ${fixtures}/unusable/menu-only\\.html: no story text found \\(tried .*html\\.body in a --config file`,
      ),
    );
    expect(run.stdout).toMatch(
      /^imported 1, skipped 0 \(already imported\), skipped 2 \(no usable headline or story\); 3 pages read$/m,
    );
  });

  it('gives a second page with the same headline a suffixed file, never overwriting', async () => {
    const dir = archiveCopy('same-slug');
    const pages = path.join(tmpRoot, 'same-slug/pages');
    mkdirSync(pages, { recursive: true });
    const dump = readFileSync(path.join(projectRoot, fixtures, 'dumps/river-cleanup.txt'), 'utf8');
    writeFileSync(path.join(pages, 'a.txt'), dump);
    writeFileSync(path.join(pages, 'b.txt'), dump.replace('دویست', 'سیصد'));
    const run = await importLegacy([pages, ...BASE_ARGS, '--content', dir]);
    expect(run.status).toBe(0);
    expect(frontmatter(dir, RIVER)['id']).toBe(11);
    expect(frontmatter(dir, RIVER.replace('.md', '-2.md'))['id']).toBe(12);
  });

  it('lists every typography correction it applied in the report, and notes the suggestions it did not', async () => {
    const dir = archiveCopy('typography');
    const page = path.join(tmpRoot, 'typography', 'slips.txt');
    writeFileSync(page, 'منوی اصلی\nکتاب ها رسید\nوزن بار 12,5 تن در سال 1403 بود و کتاب ها رسید.\n');
    const run = await importLegacy([page, ...BASE_ARGS, '--content', dir, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  corrected title [zwnj-suffix]: «کتاب ها» → «کتاب·ها»\n');
    expect(run.stdout).toContain('  corrected body [persian-digits]: «1403» → «۱۴۰۳»\n');
    expect(run.stdout).toContain(
      '  check: typography suggestion in the story [unclear-number], not applied: «12,5» → «۱۲٫۵»\n',
    );
  });

  it('says what it would write with --dry-run, and writes nothing', async () => {
    const dir = archiveCopy('dry-run');
    const before = snapshot(dir);
    const run = await importLegacy([`${fixtures}/dumps`, ...BASE_ARGS, '--content', dir, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`would import ${fixtures}/dumps/bridge-dated.txt\n`);
    expect(run.stdout).toMatch(/^dry run, nothing written: would import 2, /m);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('import-legacy: bad input writes nothing', () => {
  const cases: { name: string; args: (dir: string) => string[]; message: string | RegExp }[] = [
    {
      name: 'a missing page',
      args: (dir) => [`${fixtures}/nowhere.html`, ...BASE_ARGS, '--content', dir],
      message: `import-legacy: no such file or folder: ${fixtures}/nowhere.html. Check the path.`,
    },
    {
      name: 'an unknown section',
      args: (dir) => [`${fixtures}/dumps`, '--section', 'economi', '--reporter', 'newsroom', '--content', dir],
      message: 'Unknown section "economi". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی), site (اخبار سایت)',
    },
    {
      name: 'an unknown reporter',
      args: (dir) => [`${fixtures}/dumps`, ...BASE_ARGS, '--reporter', 'nobody', '--content', dir],
      message: 'Unknown reporter "nobody". Valid reporters: ali-rezaei (علی رضایی), newsroom (تحریریه)',
    },
    {
      name: 'an unknown flag',
      args: (dir) => [`${fixtures}/dumps`, ...BASE_ARGS, '--sectoin', 'x', '--content', dir],
      message: 'import-legacy: unknown option "--sectoin".',
    },
    {
      name: 'no --section',
      args: (dir) => [`${fixtures}/dumps`, '--reporter', 'newsroom', '--content', dir],
      message: 'import-legacy: missing --section <slug>.',
    },
    {
      name: 'a bad --now',
      args: (dir) => [`${fixtures}/dumps`, ...BASE_ARGS, '--now', 'yesterday', '--content', dir],
      message: '--now "yesterday" is not an ISO date-time with an offset',
    },
    {
      name: 'a missing config file',
      args: (dir) => [`${fixtures}/dumps`, ...BASE_ARGS, '--config', `${fixtures}/configs/nope.yml`, '--content', dir],
      message: `import-legacy: no such config file: ${fixtures}/configs/nope.yml. Check the path given to --config.`,
    },
    {
      name: 'a broken config file',
      args: (dir) => [
        `${fixtures}/dumps`,
        ...BASE_ARGS,
        '--config',
        `${fixtures}/configs/broken.yml`,
        '--content',
        dir,
      ],
      message: `${fixtures}/configs/broken.yml: html.titel: is not a setting; use one of title, body, date, lead, url, remove`,
    },
    {
      name: 'a config file that is not JSON',
      args: (dir) => [
        `${fixtures}/dumps`,
        ...BASE_ARGS,
        '--config',
        `${fixtures}/configs/not-json.json`,
        '--content',
        dir,
      ],
      message: `${fixtures}/configs/not-json.json: is not valid JSON`,
    },
    {
      name: 'a content folder that does not exist',
      args: (dir) => [`${fixtures}/dumps`, ...BASE_ARGS, '--content', path.join(dir, 'missing')],
      message: /no content folder at .*missing; give the archive's folder with --content <dir>/,
    },
    {
      name: 'pages that are all unusable',
      args: (dir) => [`${fixtures}/unusable`, ...BASE_ARGS, '--content', dir],
      message: 'import-legacy: no page could be imported.',
    },
    {
      name: 'a site that needs a config, without it',
      args: (dir) => [`${fixtures}/other-site`, ...BASE_ARGS, '--content', dir],
      message: 'describe it in a --config file',
    },
  ];
  for (const { name, args, message } of cases) {
    it(`${name}: a clear message, exit 1`, async () => {
      const dir = archiveCopy(`bad-${name.replace(/\W+/g, '-')}`);
      const before = snapshot(dir);
      const run = await importLegacy(args(dir));
      expect(run.status).toBe(1);
      if (typeof message === 'string') expect(run.stderr).toContain(message);
      else expect(run.stderr).toMatch(message);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a page that cannot be read (a broken link in the folder): names it, exit 1', async () => {
    const dir = archiveCopy('bad-unreadable');
    const before = snapshot(dir);
    const pages = path.join(tmpRoot, 'bad-unreadable/pages');
    mkdirSync(pages, { recursive: true });
    cpSync(path.join(projectRoot, fixtures, 'dumps/bridge-dated.txt'), path.join(pages, 'good.txt'));
    symlinkSync(path.join(pages, 'gone.html'), path.join(pages, 'broken.html'));
    const run = await importLegacy([pages, ...BASE_ARGS, '--content', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `cannot read ${path.relative(projectRoot, path.join(pages, 'broken.html'))}: it does not exist`,
    );
    expect(run.stderr).toContain('Nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('a page without read permission: names it, exit 1', async () => {
    const dir = archiveCopy('bad-permission');
    const before = snapshot(dir);
    const pages = path.join(tmpRoot, 'bad-permission/pages');
    mkdirSync(pages, { recursive: true });
    const file = path.join(pages, 'locked.txt');
    cpSync(path.join(projectRoot, fixtures, 'dumps/bridge-dated.txt'), file);
    chmodSync(file, 0o000);
    const run = await importLegacy([file, ...BASE_ARGS, '--content', dir]);
    chmodSync(file, 0o644);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('permission denied');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('import-legacy: an imported page builds', () => {
  it('into a valid article page with its title, story and source, and no markup from the page', async () => {
    const dir = archiveCopy('build');
    const run = await importLegacy([
      `${fixtures}/wordpress`,
      `${fixtures}/dumps/river-cleanup.txt`,
      ...BASE_ARGS,
      '--content',
      dir,
    ]);
    expect(run.status).toBe(0);
    const build = await buildSite('import-legacy/build', dir, {
      BAYEGAN_SHOW_UNPUBLISHED: '1',
      BAYEGAN_NOW: NOW,
      BAYEGAN_OUT_DIR: path.join(tmpRoot, 'build/dist'),
      BAYEGAN_CACHE_DIR: path.join(tmpRoot, 'build/cache'),
    });
    expect(build.output).not.toMatch(/InvalidContentEntryDataError|Content needs fixing/);
    expect(build.status, build.output).toBe(0);

    const library = readPage(build.outDir, '/news/11/کتابخانه-محله-بعد-از-سه-سال-باز-شد/');
    expect(library).toMatch(/<h1[^>]*>کتابخانهٔ محله بعد از سه سال باز شد<\/h1>/);
    expect(library).toContain('<strong>دوازده هزار</strong>');
    expect(library).toMatch(/<h2[^>]*>ساعت‌های کار<\/h2>/);
    expect(library).toContain('<li>پنجشنبه‌ها: ۸ تا ۱۳</li>');
    expect(library).toContain('<a href="https://old-news.example.ir/catalogue/">پایگاه کتابخانه</a>');
    expect(library).toContain('<blockquote>');
    // Text that looked like markup is shown as text.
    expect(library).toContain('۵ * ۳ و a_b و [یادداشت] و &lt;script&gt;alert(1)&lt;/script&gt; متن‌اند');
    expect(library).not.toContain('tracker');
    expect(library).not.toContain('javascript:');
    expect(library).toMatch(
      /<a href="https:\/\/old-news\.example\.ir\/1401\/06\/library\/" rel="nofollow noopener"[^>]*>\s*ایسنا\s*<\/a>/,
    );

    const river = readPage(build.outDir, '/news/12/پاکسازی-بستر-رودخانه-شهر-با-کمک-داوطلبان/');
    expect(river).toMatch(/<h1[^>]*>پاکسازی بستر رودخانهٔ شهر با کمک داوطلبان<\/h1>/);
    expect(river).toContain('<p>گروه‌های دانش‌آموزی هم در این برنامه حضور داشتند');
    expect(river).toMatch(/روزنامهٔ محلی/);
    // The archive's own draft stays a draft page too; the published sample article is still there.
    expect(existsSync(path.join(build.outDir, 'news/7'))).toBe(true);
  });
});
