// ad-hoc exploration (not committed)

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startLocalEditor } from '../scripts/lib/local-editor.ts';
import { launchChromium } from '../scripts/lib/chromium.ts';

const root = '/work/wt-cms';
const outDir = process.argv[2]!;
const repoDir = '/tmp/explore-repo';
rmSync(repoDir, { recursive: true, force: true });
mkdirSync(path.join(repoDir, 'tests/fixtures'), { recursive: true });
cpSync(path.join(root, 'tests/fixtures/archive'), path.join(repoDir, 'tests/fixtures/archive'), { recursive: true });
const editor = await startLocalEditor({ siteDir: outDir, repoDir });
console.log(editor.origin);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
await page.goto(`${editor.origin}/admin/`);
await page.waitForTimeout(4000);
await page.screenshot({ path: '/tmp/ex1.png' });
const step = process.argv[3] ?? '';
if (step) {
  const mod = await import(path.resolve(step));
  await mod.default(page, editor.origin);
}
await browser.close();
await editor.close();
