/**
 * Builds a content folder into its own output folder with the real build script, the way a
 * newsroom runs `npm run build`, and returns what it printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const tmpRoot = path.join(projectRoot, 'tests/.tmp');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, ANSI colours removed. */
  output: string;
  outDir: string;
}

export function buildSite(name: string, contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = path.join(tmpRoot, name, 'dist');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.mjs')], {
      cwd: projectRoot,
      env: {
        ...process.env,
        BAYEGAN_CONTENT_DIR: contentDir,
        BAYEGAN_OUT_DIR: outDir,
        BAYEGAN_CACHE_DIR: path.join(tmpRoot, name, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: stripVTControlCharacters(output), outDir }));
  });
}

/** Reads a built page by its URL path (`/news/7/market/` → `news/7/market/index.html`). */
export function readPage(outDir: string, urlPath: string): string {
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  const file = relative.endsWith('.html') ? relative : path.join(relative, 'index.html');
  return readFileSync(path.join(outDir, file), 'utf8');
}

export function pageExists(outDir: string, urlPath: string): boolean {
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  return existsSync(path.join(outDir, relative, 'index.html'));
}
