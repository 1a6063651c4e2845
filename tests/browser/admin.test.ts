/**
 * The web editor at /admin/ (docs/editor.md) in Debian's Chromium, on the shared fixture build
 * served with its own `_headers`, against Decap's local repository server (decap-server) writing
 * into a temporary copy of the fixture archive, never the repository's own content: a reporter
 * creates an article with a Persian title, a Jalali date, a section, a reporter, a tag and a picture,
 * and the file it writes passes `check:content` and builds into the expected page; an edit of an
 * existing article changes only the edited line. Along the way: no CSP violation, and axe finds
 * nothing but Decap's own known violations (listed in docs/editor.md).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPageProblems, sharedChromium } from '../helpers/browser';
import { buildSite, projectRoot, readPage, runScript, tmpRoot } from '../helpers/build-site';
import { changedLines } from '../helpers/line-diff';
import { fixtureArchive, sharedBuild } from '../helpers/shared-build';
import { startLocalEditor, type LocalEditor } from '../../scripts/lib/local-editor.ts';
import { nextFreeId, frontmatterOf } from '../../scripts/lib/frontmatter.ts';
import { slugify } from '../../src/lib/persian/slug.ts';
import { articleFieldText, decapPhrases } from '../../src/i18n/cms.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1280, height: 900 };

/** The fixture archive as the repository names it: the editor's paths start here. */
const CONTENT = 'tests/fixtures/archive';
const repoDir = path.join(tmpRoot, 'admin-repo');
const contentDir = path.join(repoDir, CONTENT);

const TITLE = 'ساخت کتاب‌خانهٔ تازه در تبریز';
const LEAD = 'کتاب‌خانهٔ مرکزی تبریز با ۲۰ هزار جلد کتاب گشوده شد.';
const BODY = 'به گزارش خبرنگار ما، کتاب‌خانهٔ تازه هر روز باز است.';
/** A picture: a 1×1 PNG is enough for the editor and for Astro's image step. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let editor: LocalEditor;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  const build = await sharedBuild(fixtureArchive);
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  outDir = build.outDir;
  rmSync(repoDir, { recursive: true, force: true });
  mkdirSync(path.dirname(contentDir), { recursive: true });
  cpSync(path.join(projectRoot, CONTENT), contentDir, { recursive: true });
  editor = await startLocalEditor({ siteDir: outDir, repoDir });
  browser = await sharedChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await editor?.close();
});

/** Opens the editor signed in to the local repository, recording CSP violations and errors. */
async function openEditor(context: BrowserContext, hash = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = await recordPageProblems(page);
  await page.goto(`${editor.origin}/admin/`);
  // The local repository needs no account: Decap shows one button to enter.
  await page.getByRole('button', { name: 'وارد شدن' }).click();
  await page.getByRole('heading', { name: 'خبرها' }).first().waitFor();
  if (hash) await page.goto(`${editor.origin}/admin/#${hash}`);
  return { page, problems };
}

/**
 * Publishes the entry open in the editor ("simple" mode: the local server writes the file at once)
 * and waits until `done` says the file is written.
 */
async function publish(page: Page, done: () => boolean) {
  await page.getByRole('button', { name: 'انتشار' }).first().click();
  await page.getByText(decapPhrases.editor.editorToolbar.publishNow).first().click();
  const deadline = Date.now() + 20_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('the editor wrote no file within 20 s');
    await page.waitForTimeout(100);
  }
}

const label = (name: keyof typeof articleFieldText) => articleFieldText[name].label;

function articleFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
}

describe('the web editor at /admin/', () => {
  it('writes a new article that passes check:content and builds into its page', async () => {
    const before = new Set(articleFiles(path.join(contentDir, 'articles')));
    const ids = articleFiles(path.join(contentDir, 'articles')).map((file) =>
      frontmatterOf(readFileSync(path.join(contentDir, 'articles', file), 'utf8')),
    );
    const pictureFile = path.join(tmpRoot, 'admin-lead.png');
    writeFileSync(pictureFile, PNG);

    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await openEditor(context, '/collections/articles/new');
    await page.getByLabel(label('title'), { exact: true }).fill(TITLE);
    await page.getByLabel(label('lead'), { exact: true }).fill(LEAD);
    await page.getByLabel(label('date'), { exact: true }).fill('۱۴۰۵/۰۹/۱۰ ۱۰:۳۰');
    await page.getByLabel(label('category')).fill('اقتصادی');
    await page.keyboard.press('Enter');
    await page.getByLabel(label('authors')).fill('علی رضایی');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `افزودن ${label('tags')}` }).click();
    await page.locator('[id^="tag-field-"]').last().fill('کتاب‌خانه');
    await page.getByRole('button', { name: decapPhrases.editor.editorWidgets.image.choose }).click();
    await page.locator('input[type="file"]').setInputFiles(pictureFile);
    await page.getByText('admin-lead.png').first().waitFor();
    await page.getByRole('button', { name: decapPhrases.mediaLibrary.mediaLibraryModal.chooseSelected }).click();
    await page.getByLabel(label('imageAlt')).fill('نمای کتاب‌خانهٔ تازه');
    // The body, typed as a reporter types it: right to left, with ZWNJ.
    await page.locator('[data-slate-editor]').click();
    await page.keyboard.type(BODY);
    await publish(page, () => articleFiles(path.join(contentDir, 'articles')).length > before.size);
    // The picture is written with the story, in the same request.
    await context.close();

    const added = articleFiles(path.join(contentDir, 'articles')).filter((file) => !before.has(file));
    expect(added).toHaveLength(1);
    const file = added[0]!;
    expect(file.startsWith(`1405${path.sep}09${path.sep}`)).toBe(true);
    const text = readFileSync(path.join(contentDir, 'articles', file), 'utf8');
    const id = nextFreeId(ids);
    expect(text).toContain(`id: ${id}\n`);
    expect(text).toContain(`title: '${TITLE}'\n`);
    expect(text).toContain('date: 1405/09/10 10:30\n');
    expect(text).toContain("image: './images/admin-lead.png'\n");
    expect(text.endsWith(`---\n\n${BODY}\n`)).toBe(true);
    expect(readdirSync(path.join(contentDir, 'articles/1405/09/images'))).toEqual(['admin-lead.png']);
    expect(problems).toEqual([]);

    const check = await runScript('check-content.ts', [path.join(contentDir, 'articles', file)], {
      BAYEGAN_CONTENT_DIR: contentDir,
    });
    expect(check.stdout + check.stderr).toContain(
      '0 problems that stop the build, 0 typography corrections and 0 suggestions',
    );
    expect(check.status).toBe(0);

    const built = await buildSite('admin-built', contentDir, { BAYEGAN_NOW: '2026-12-01T12:00:00+03:30' });
    expect(built.status, built.output).toBe(0);
    const slug = slugify(path.basename(file, '.md'));
    const html = readPage(built.outDir, `/news/${id}/${encodeURIComponent(slug)}/`);
    expect(html).toContain(`<h1`);
    expect(html).toContain(TITLE);
    expect(html).toContain('نمای کتاب‌خانهٔ تازه');
    expect(html).toContain('کتاب‌خانه');
    expect(html).toContain('علی رضایی');
    expect(html).toContain(BODY);
  });

  it('changes only the edited line of an existing article', async () => {
    const file = path.join(contentDir, 'articles/1398/کتاب-تابستان.md');
    const before = readFileSync(file, 'utf8');
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await openEditor(
      context,
      // A nested collection's entry is named by its path in the folder, `/` and all.
      '/collections/articles/entries/1398/کتاب-تابستان',
    );
    const title = page.getByLabel(label('title'), { exact: true });
    const old = await title.inputValue();
    await title.fill(`${old} (ویرایش)`);
    await publish(page, () => readFileSync(file, 'utf8') !== before);
    await context.close();
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual({
      removed: [`title: '${old}'`],
      added: [`title: '${old} (ویرایش)'`],
    });
    expect(problems).toEqual([]);
  });

  it('has no accessibility violation of ours (axe, WCAG 2.1 A and AA); Decap’s own are listed', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const { page } = await openEditor(context, '/collections/articles/new');
    await page.getByLabel(label('title'), { exact: true }).waitFor();
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return (result.violations as { id: string; nodes: { target: string[]; html: string }[] }[]).map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => ({
          html: node.html.slice(0, 120),
          // Bayegan's widgets (id, date, folder) mark their elements.
          ours: node.target.some((target) => Boolean(document.querySelector(target)?.closest('[data-bayegan]'))),
        })),
      }));
    });
    // The id, the folder and the dates of the form: what the check below covers.
    const widgets = await page.locator('[data-bayegan]').count();
    await context.close();
    expect(widgets).toBeGreaterThanOrEqual(3);
    const ours = violations.flatMap((violation) =>
      violation.nodes.filter((node) => node.ours).map((node) => `${violation.id}: ${node.html}`),
    );
    expect(ours).toEqual([]);
    expect(violations.map((violation) => violation.id).sort(), JSON.stringify(violations, null, 1)).toEqual(
      DECAP_VIOLATIONS,
    );
  });
});

/** Decap CMS's own axe violations on its editor page (docs/editor.md#accessibility). */
const DECAP_VIOLATIONS: string[] = [
  'aria-input-field-name',
  'aria-required-attr',
  'button-name',
  'frame-title',
  'nested-interactive',
];
