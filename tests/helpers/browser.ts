/** The browser tests' Chromium (the system's, else the packaged one): the launcher lives with the scripts that share it. */
export { launchChromium, resolveChromium } from '../../scripts/lib/chromium.ts';
