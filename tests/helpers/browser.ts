/** Debian's Chromium for the browser tests: the launcher lives with the scripts that share it. */
export { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/chromium.mjs';
