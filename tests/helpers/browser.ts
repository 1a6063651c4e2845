/** The browser tests' Chromium (the system's, else the packaged one): the launcher lives with the scripts that share it. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export { launchChromium, resolveChromium } from '../../scripts/lib/chromium.ts';

/**
 * The test run's one Chromium (tests/global-setup.ts), connected to for this file. Each file opens
 * its own contexts and pages in it; `close()` closes them and leaves the browser to the other files.
 */
export async function sharedChromium(): Promise<Browser> {
  const response = await fetch(inject('chromiumBroker'));
  const answer = await response.text();
  if (!response.ok) throw new Error(answer);
  return chromium.connect(answer);
}

/**
 * Records what goes wrong in `page` from now on: console errors, uncaught errors, and violations of
 * the Content-Security-Policy (logged as console errors by a script the page runs first). Returns
 * the list, which fills as the page runs.
 */
export async function recordPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}
