/**
 * Chromium driven by playwright-core, with no browser download and no network beyond localhost.
 * Which Chromium: the one named by CHROMIUM_PATH; else the system's (Debian's `chromium`); else the
 * complete headless Chromium that the npm package `@sparticuz/chromium` carries (unpacked into the
 * system's temporary folder on first use), so that `npm test` runs on a machine with nothing but
 * Node and npm. Playwright gives every launch a fresh temporary profile. Used by the browser
 * tests, the screenshots and the benchmarks.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where a system Chromium is looked for, in this order. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Headless, and quiet: no background requests, updates or sync that would leave localhost. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * What the packaged Chromium needs besides: it is built to run without a sandbox helper or a zygote
 * process. (Its package suggests more flags; those that weaken web security are left out, since the
 * tests check the site's Content-Security-Policy.)
 */
const PACKAGED_FLAGS = ['--no-zygote', '--single-process', '--use-gl=angle', '--use-angle=swiftshader'];

/**
 * The Chromium to drive: `{ path, flags, source }`.
 * @param systemChromiums where to look for a system Chromium (none: use the packaged one)
 */
export async function resolveChromium(
  systemChromiums: readonly string[] = SYSTEM_CHROMIUMS,
): Promise<{ path: string; flags: string[]; source: string }> {
  const named = process.env['CHROMIUM_PATH'];
  if (named) {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH names ${named}, which does not exist.`);
    return { path: named, flags: CHROMIUM_FLAGS, source: 'CHROMIUM_PATH' };
  }
  const system = systemChromiums.find((file) => existsSync(file));
  if (system) return { path: system, flags: CHROMIUM_FLAGS, source: 'system' };
  const packaged = (await import('@sparticuz/chromium')).default;
  return {
    path: await packaged.executablePath(),
    flags: [...CHROMIUM_FLAGS, ...PACKAGED_FLAGS],
    source: '@sparticuz/chromium',
  };
}

export async function launchChromium(systemChromiums?: readonly string[]): Promise<Browser> {
  const { path, flags } = await resolveChromium(systemChromiums);
  return chromium.launch({ executablePath: path, args: flags });
}
