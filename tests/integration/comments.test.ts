/**
 * Approved comments in the built site: threads, order, counts, escaping; the comment form;
 * comments as Staticman writes them (tests/fixtures/staticman/, merged as they are); and comment
 * files that break the rules stop the build, naming the file.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  builtPages,
  pageExists,
  projectRoot,
  readPage,
  runScript,
  tmpRoot,
  type BuildResult,
} from '../helpers/build-site';
import { atLeast } from '../helpers/at-least';

const fixture = path.join(projectRoot, 'tests/fixtures/archive');
/** The test archive with two merged Staticman pull requests: a comment and a reply on article 8. */
const archive = path.join(tmpRoot, 'comments-archive');
const staticmanFiles = path.join(projectRoot, 'tests/fixtures/staticman/comments');
const STATICMAN_COMMENT = '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10';
const STATICMAN_REPLY = '8f4d2a10-3a2b-11f1-8a8e-0b6c4d5e7f10';
/** Approved comments on the fixture's draft (9) and its scheduled article (10, 1404/02/01). */
const held = {
  'comments/9/c-held.json': { id: 'c-held', article: 9, name: 'خواننده', body: 'نظر بر خبری که فعلا منتشر نیست.' },
  'comments/10/c-early.json': { id: 'c-early', article: 10, name: 'خواننده', body: 'نظر بر خبری که هنوز منتشر نشده.' },
};
let build: BuildResult;
const doc = (urlPath: string) => parseHTML(readPage(build.outDir, urlPath)).document;

beforeAll(async () => {
  rmSync(archive, { recursive: true, force: true });
  cpSync(fixture, archive, { recursive: true });
  cpSync(staticmanFiles, path.join(archive, 'comments'), { recursive: true });
  for (const [file, comment] of Object.entries(held)) {
    mkdirSync(path.dirname(path.join(archive, file)), { recursive: true });
    writeFileSync(path.join(archive, file), JSON.stringify({ ...comment, submittedAt: '2024-11-23T09:15:00+03:30' }));
  }
  build = await buildSite('comments', archive, { BAYEGAN_NOW: '2025-04-01T12:00:00+03:30' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

describe('approved comments', () => {
  it('shows threads oldest first, replies nested under their comment, with Jalali date and time', () => {
    const section = doc('/news/7/market/').querySelector('#comments')!;
    expect(section.querySelector('h2')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('نظرها (۳)');
    const top = [...section.querySelectorAll(':scope > ol > li')].map((li) => li.id);
    expect(top).toEqual(['comment-c-attack', 'comment-c-first']);
    const first = section.querySelector('#comment-c-first')!;
    expect(first.querySelector('.comment__name')!.textContent).toBe('مینا');
    expect(first.querySelector('time')!.textContent).toBe('شنبه ۳ آذر ۱۴۰۳ - ۰۹:۱۵');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2024-11-23T09:15:00+03:30');
    const paragraphs = [...first.querySelectorAll(':scope > article > p[dir="auto"]')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['چه خبر خوبی! بازار قدیمی شهر دوباره جان گرفت.', 'امیدوارم غرفه‌ها گران نشوند.']);
    const replies = [...first.querySelectorAll('.comment-list--replies > li')].map((li) => li.id);
    expect(replies).toEqual(['comment-c-reply']);
  });

  it('renders markup, scripts, javascript: links and direction overrides as inert text', () => {
    const html = readPage(build.outDir, '/news/7/market/');
    const attack = doc('/news/7/market/').querySelector('#comment-c-attack')!;
    expect(attack.querySelector('script, img, a[href^="javascript"], b')).toBeNull();
    expect(attack.textContent).toContain("<script>alert('x')</script>");
    expect(attack.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(attack.querySelector('.comment__name')!.textContent).toBe('<b>bold</b> evil');
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('&lt;script&gt;');
    // A single newline in a comment is a line break inside its paragraph.
    expect(attack.querySelector('p[dir="auto"] br')).not.toBeNull();
  });

  it('counts approved comments in listings', () => {
    const card = [...doc('/category/economy/').querySelectorAll('.card')].find(
      (c) => c.querySelector('.card__title a')!.getAttribute('href') === '/news/7/market/',
    )!;
    expect(card.querySelector('.card__comments')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('۳ نظر');
    expect(card.querySelector('.card__comments')!.getAttribute('href')).toBe('/news/7/market/#comments');
  });

  it('posts the Staticman-compatible form with the article id, the thank-you page and the refusal page', () => {
    const form = doc('/news/7/market/').querySelector('form.comment-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('https://fixture.example.org/comments-endpoint');
    const names = [...form.querySelectorAll('input, textarea')].map((field) => field.getAttribute('name'));
    expect(names).toEqual([
      'options[slug]',
      'options[redirect]',
      'options[redirectError]',
      'fields[name]',
      'fields[email]',
      'fields[body]',
      'fields[website]',
    ]);
    // The names staticman.yml allows (tests/unit/staticman-config.test.ts holds them together).
    expect(form.querySelector('input[name="options[slug]"]')!.getAttribute('value')).toBe('7');
    expect(form.querySelector('input[name="options[redirect]"]')!.getAttribute('value')).toBe(
      'https://fixture.example.org/comments/thanks/',
    );
    for (const field of form.querySelectorAll('input[name="fields[name]"], textarea')) {
      expect(field.getAttribute('dir')).toBe('auto');
    }
    expect(form.textContent).toContain('نظرها پس از تأیید مدیران سایت منتشر می‌شوند.');
    expect(form.textContent).toContain('تهمت یا افترا');
    expect(form.textContent).toContain('غیر از زبان فارسی یا غیر مرتبط');
    expect(doc('/comments/thanks/').querySelector('main')!.textContent).toContain('نظر شما پس از تأیید منتشر می‌شود.');
    // Staticman sends a reader whose comment it refused to options[redirectError].
    expect(form.querySelector('input[name="options[redirectError]"]')!.getAttribute('value')).toBe(
      'https://fixture.example.org/comments/refused/',
    );
    const refused = doc('/comments/refused/');
    expect(refused.querySelector('h1')!.textContent).toBe('نظر شما فرستاده نشد');
    expect(refused.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
  });

  it('shows no form on an article with comments off', () => {
    const page = doc(`/news/3/کتاب-تابستان/`);
    expect(page.querySelector('form.comment-form')).toBeNull();
    expect(page.querySelector('#comments')!.textContent).toContain('نظرها برای این خبر بسته است.');
  });
});

describe('comments as Staticman writes them', () => {
  const page = '/news/8/last-day-of-leap-year/';

  it('shows a merged Staticman comment and its reply, in Tehran time, as plain text', () => {
    const section = doc(page).querySelector('#comments')!;
    expect(section.querySelector('h2')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('نظرها (۲)');
    const comment = section.querySelector(`:scope > ol > li#comment-${STATICMAN_COMMENT}`)!;
    expect(comment.querySelector('.comment__name')!.textContent).toBe('لیلا');
    expect(comment.querySelector('time')!.getAttribute('datetime')).toBe('2025-03-21T09:50:00+03:30');
    const paragraphs = [...comment.querySelectorAll(':scope > article > p[dir="auto"]')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['گزارش دقیقی بود.', '<b>ممنون</b> از خبرنگار.']);
    expect(comment.querySelector('b')).toBeNull();
    const replies = [...comment.querySelectorAll('.comment-list--replies > li')].map((li) => li.id);
    expect(replies).toEqual([`comment-${STATICMAN_REPLY}`]);
  });

  it('lets neither the hash of the e-mail nor the address reach any page', () => {
    const hashes = readdirSync(path.join(staticmanFiles, '8')).map(
      (file) => (JSON.parse(readFileSync(path.join(staticmanFiles, '8', file), 'utf8')) as { email: string }).email,
    );
    expect(hashes.filter(Boolean)).toHaveLength(1);
    for (const { file, html } of atLeast(1, builtPages(build.outDir), 'built pages')) {
      for (const hash of hashes.filter(Boolean)) expect(html, file).not.toContain(hash);
      expect(html, file).not.toContain('leila.reader');
    }
  });

  it('passes check:content as they are', async () => {
    const result = await runScript('check-content.ts', ['--no-typography', '--content', archive]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/0 problems that stop the build/);
  });
});

describe('comments of an unpublished article', () => {
  it('are kept and shown nowhere while it is a draft or scheduled, and shown again once it is published', async () => {
    const bodies = Object.values(held).map((comment) => comment.body);
    const shownAnywhere = (outDir: string) =>
      builtPages(outDir).filter(({ html }) => bodies.some((body) => html.includes(body)));
    expect(pageExists(build.outDir, '/news/9/draft/')).toBe(false);
    expect(shownAnywhere(build.outDir)).toEqual([]);

    // The draft is published and the scheduled date has come: the next (incremental) build shows both.
    const draft = path.join(archive, 'articles/1403/draft.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('draft: true', 'draft: false'));
    const later = await buildSite('comments', archive, { BAYEGAN_NOW: '2025-05-01T12:00:00+03:30' });
    expect(later.status, later.output).toBe(0);
    for (const [urlPath, id] of [
      ['/news/9/draft/', 'c-held'],
      ['/news/10/scheduled/', 'c-early'],
    ] as const) {
      const section = parseHTML(readPage(later.outDir, urlPath)).document.querySelector('#comments')!;
      expect(section.querySelector(`#comment-${id}`), urlPath).not.toBeNull();
      expect(section.querySelector('h2')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('نظرها (۱)');
    }
    for (const file of Object.keys(held)) expect(existsSync(path.join(archive, file))).toBe(true);
  });
});

describe('comment files that break the rules', () => {
  /**
   * Each is checked by `check:content` (the build's own schema and checks); a build is made for one
   * mistake of each path through it (`build`): a check across entries, the comment schema, the
   * Staticman format.
   */
  const cases: { name: string; file: string; content: object; message: RegExp; build?: true }[] = [
    {
      name: 'missing article',
      build: true,
      file: 'comments/99/c-lost.json',
      content: { id: 'c-lost', article: 99, name: 'الف', body: 'متن', submittedAt: '2024-11-23T09:15:00+03:30' },
      message: /comments\/99\/c-lost\.json: article: 99 is the id of no article file/,
    },
    {
      name: 'missing parent',
      file: 'comments/7/c-orphan.json',
      content: {
        id: 'c-orphan',
        article: 7,
        parent: 'c-nope',
        name: 'الف',
        body: 'متن',
        submittedAt: '2024-11-23T09:15:00+03:30',
      },
      message: /comments\/7\/c-orphan\.json: parent: "c-nope" is not a comment of article 7/,
    },
    {
      name: 'e-mail in the file',
      build: true,
      file: 'comments/7/c-mail.json',
      content: {
        id: 'c-mail',
        article: 7,
        name: 'الف',
        email: 'a@example.org',
        body: 'متن',
        submittedAt: '2024-11-23T09:15:00+03:30',
      },
      message: /email: is not a field of a comment/,
    },
    {
      name: 'Staticman file with an e-mail in clear',
      build: true,
      file: 'comments/7/5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10.json',
      content: {
        _id: '5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10',
        name: 'الف',
        email: 'a@example.org',
        body: 'متن',
        website: '',
        submittedAt: '2026-03-20T06:20:00.000Z',
      },
      message:
        /comments\/7\/5c0b6e20-3a1f-11f1-8a8e-0b6c4d5e7f10\.json: email: is not the MD5 hash Staticman writes of an address/,
    },
    {
      name: 'date without a zone',
      file: 'comments/7/c-zone.json',
      content: { id: 'c-zone', article: 7, name: 'الف', body: 'متن', submittedAt: '2024-11-23T09:15:00' },
      message: /submittedAt: "2024-11-23T09:15:00" has no time-zone offset/,
    },
  ];
  /** The fixture archive with the bad comment file of `mistake` added. */
  const archiveWith = (mistake: (typeof cases)[number], purpose: string) => {
    const contentDir = path.join(tmpRoot, 'comments-bad', purpose, mistake.name.replace(/\W+/g, '-'));
    rmSync(contentDir, { recursive: true, force: true });
    cpSync(fixture, contentDir, { recursive: true });
    const target = path.join(contentDir, mistake.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(mistake.content));
    return contentDir;
  };
  for (const mistake of cases) {
    it(`${mistake.name}: check:content names the file, the line and the fix`, async () => {
      const contentDir = archiveWith(mistake, 'check');
      const result = await runScript('check-content.ts', ['--no-typography', '--content', contentDir]);
      expect(result.status, result.stdout + result.stderr).toBe(1);
      // `file:line: field: message`: the build's message with the line after the file.
      const file = path.relative(projectRoot, path.join(contentDir, mistake.file));
      expect(result.stdout).toContain(`${file}:1: `);
      expect(result.stdout).toMatch(new RegExp(mistake.message.source.replace('\\.json: ', '\\.json:\\d+: ')));
    });
  }
  for (const mistake of cases.filter((m) => m.build)) {
    it(`${mistake.name}: fails the build naming the file`, async () => {
      const contentDir = archiveWith(mistake, 'build');
      const result = await buildSite(`comments-bad/${mistake.name.replace(/\W+/g, '-')}`, contentDir, {
        BAYEGAN_NOW: '2025-04-01T12:00:00+03:30',
      });
      expect(result.status, result.output).not.toBe(0);
      expect(result.output).toMatch(mistake.message);
      expect(existsSync(result.outDir)).toBe(false);
    });
  }
});

describe('without a comments endpoint (minimal settings, Strict-Transport-Security turned off)', () => {
  let result: BuildResult;

  it('shows no form and says so once in the build output', async () => {
    const dir = path.join(tmpRoot, 'comments-no-endpoint');
    mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, 'site.config.ts');
    writeFileSync(
      configFile,
      `import { defineSiteConfig } from ${JSON.stringify(path.join(projectRoot, 'src/lib/site-config.ts'))};
export default defineSiteConfig({
  name: 'بی‌فرم',
  description: 'آزمایش.',
  url: 'https://no-form.example.org',
  headers: { hsts: false },
});
`,
    );
    result = await buildSite('comments-no-endpoint', fixture, {
      BAYEGAN_NOW: '2025-04-01T12:00:00+03:30',
      BAYEGAN_SITE_CONFIG: configFile,
    });
    expect(result.status, result.output).toBe(0);
    expect(result.output.match(/No comments\.endpoint in the site settings/g)).toHaveLength(1);
    const page = parseHTML(readPage(result.outDir, '/news/7/market/')).document;
    expect(page.querySelector('form.comment-form')).toBeNull();
    expect(page.querySelectorAll('#comments .comment')).toHaveLength(3);
  });

  it('writes _headers without Strict-Transport-Security, and with no form target but the site', () => {
    const headers = readFileSync(path.join(result.outDir, '_headers'), 'utf8');
    expect(headers).toContain("form-action 'self';");
    expect(headers).not.toContain('Strict-Transport-Security');
  });
});
