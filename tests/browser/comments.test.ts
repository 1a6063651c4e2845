/**
 * The comment form as a reader uses it: filled in and submitted from the built article page to a
 * small local receiver standing in for the form service, which answers like Staticman with a
 * redirect to the thank-you page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedChromium } from '../helpers/browser';
import { buildSite, projectRoot, tmpRoot } from '../helpers/build-site';
import { serveStatic, type StaticServer } from '../helpers/static-server';

let site: StaticServer;
let receiver: Server;
let receiverOrigin: string;
let browser: Browser;
const received: URLSearchParams[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const fields = new URLSearchParams(body);
      received.push(fields);
      response.writeHead(302, { location: fields.get('options[redirect]') ?? '/' }).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverOrigin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const dir = path.join(tmpRoot, 'browser-comments');
  const outDir = path.join(dir, 'dist');
  site = await serveStatic(outDir);
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'site.config.ts');
  writeFileSync(
    configFile,
    `import { defineSiteConfig } from ${JSON.stringify(path.join(projectRoot, 'src/lib/site-config.ts'))};
export default defineSiteConfig({
  name: 'بایگان آزمایشی',
  description: 'آرشیو آزمایشی.',
  url: ${JSON.stringify(site.origin)},
  comments: { endpoint: ${JSON.stringify(`${receiverOrigin}/v3/entry/github/newsroom/archive/main/comments`)} },
  pageSize: 3,
});
`,
  );
  const build = await buildSite('browser-comments', path.join(projectRoot, 'tests/fixtures/archive'), {
    BAYEGAN_NOW: '2025-04-01T12:00:00+03:30',
    BAYEGAN_SITE_CONFIG: configFile,
    BAYEGAN_OUT_DIR: outDir,
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('comment form', () => {
  it('posts the typed fields, the article id and the redirect, and lands on the thank-you page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.origin}/news/7/market/`);
    await page.getByLabel('نام', { exact: true }).fill('سارا');
    await page.getByLabel('ایمیل (اختیاری؛ منتشر نمی‌شود)').fill('sara@example.org');
    await page.getByLabel('متن نظر').fill('گزارش خوبی بود.\n\nممنون.');
    await page.getByRole('button', { name: 'فرستادن نظر' }).click();
    await page.waitForURL(`${site.origin}/comments/thanks/`);
    expect(await page.locator('main').textContent()).toContain('نظر شما پس از تأیید منتشر می‌شود.');

    expect(received).toHaveLength(1);
    const fields = Object.fromEntries(received[0]!);
    expect(fields).toEqual({
      'options[slug]': '7',
      'options[redirect]': `${site.origin}/comments/thanks/`,
      'options[redirectError]': `${site.origin}/comments/refused/`,
      'fields[name]': 'سارا',
      'fields[email]': 'sara@example.org',
      'fields[body]': 'گزارش خوبی بود.\r\n\r\nممنون.',
      'fields[website]': '',
    });
    await context.close();
  });

  it('keeps the honeypot out of sight and out of the keyboard order', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/news/7/market/`);
    const trap = page.locator('input[name="fields[website]"]');
    const container = await page.locator('.comment-form__trap').boundingBox();
    expect(container!.width).toBeLessThanOrEqual(1);
    expect(container!.height).toBeLessThanOrEqual(1);
    // Nothing of the field can be seen or clicked: at its centre is something else.
    const hit = await trap.evaluate((input) => {
      const box = input.getBoundingClientRect();
      return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === input;
    });
    expect(hit).toBe(false);
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await page.locator('.comment-form__trap').getAttribute('aria-hidden')).toBe('true');
    // Tabbing from the message goes to the submit button, never into the trap.
    await page.getByLabel('متن نظر').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
    await context.close();
  });

  it('requires a name and a message before posting', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/news/7/market/`);
    const before = received.length;
    await page.getByRole('button', { name: 'فرستادن نظر' }).click();
    await page.waitForTimeout(300);
    expect(received.length).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/news/7/market/');
    await context.close();
  });
});
