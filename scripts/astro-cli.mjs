// Runs the project's own Astro CLI on the Node that runs this script (the pinned Node 24).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** @param {string[]} args @param {Record<string, string>} env @returns {number} the exit status */
export function runAstro(args, env = {}) {
  const result = spawnSync(process.execPath, [astroBin, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}
