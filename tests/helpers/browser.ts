/** The browser tests' Chromium (the system's, else the packaged one): the launcher lives with the scripts that share it. */
import { chromium, type Browser } from 'playwright-core';
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
