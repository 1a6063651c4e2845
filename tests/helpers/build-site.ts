/**
 * Builds a content folder into its own output folder with the real build script, the way a
 * newsroom runs `npm run build`, and returns what it printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const tmpRoot = path.join(projectRoot, 'tests/.tmp');
/** The site settings fixture archives are built with, unless a test names others. */
export const FIXTURE_SITE_CONFIG = path.join(projectRoot, 'tests/fixtures/site.config.ts');

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, ANSI colours removed. */
  output: string;
  outDir: string;
}

/**
 * @param args the build's own options (`--segment 2/3`)
 * @param onOutput called with the output so far (ANSI colours removed) whenever the build prints: a test
 *   can act at a moment of the build
 */
export function buildSite(
  name: string,
  contentDir: string,
  env: Record<string, string> = {},
  args: string[] = [],
  onOutput?: (output: string) => void,
): Promise<BuildResult> {
  const outDir = env.BAYEGAN_OUT_DIR ?? path.join(tmpRoot, name, 'dist');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        BAYEGAN_CONTENT_DIR: contentDir,
        // Fixture archives come with their own site settings; pass '' for the project's own.
        BAYEGAN_SITE_CONFIG: FIXTURE_SITE_CONFIG,
        BAYEGAN_OUT_DIR: outDir,
        BAYEGAN_CACHE_DIR: path.join(tmpRoot, name, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
    });
    let output = '';
    const collect = (chunk: string) => {
      output += chunk;
      onOutput?.(stripVTControlCharacters(output));
    };
    // Decoded by the streams, so that a Persian letter split between two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', collect);
    child.stderr.setEncoding('utf8').on('data', collect);
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: stripVTControlCharacters(output), outDir }));
  });
}

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's scripts (`scripts/<name>.ts`) the way a newsroom would, but not in a
 * terminal: nothing may be asked. The content folder comes only from `env` or the arguments.
 */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
    if (!('BAYEGAN_CONTENT_DIR' in env)) delete childEnv['BAYEGAN_CONTENT_DIR'];
    delete childEnv['npm_lifecycle_event'];
    const child = spawn(process.execPath, [path.join('scripts', script), ...args], {
      cwd: projectRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Reads a built page by its URL path (`/news/7/market/` → `news/7/market/index.html`). */
export function readPage(outDir: string, urlPath: string): string {
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  const file = relative.endsWith('.html') ? relative : path.join(relative, 'index.html');
  return readFileSync(path.join(outDir, file), 'utf8');
}

/** Every URL a page's tags name: links, assets (a video's poster too), form targets, srcset entries, a meta refresh's target. */
function urlsNamedIn(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/\srel="canonical"/.test(tag)) continue;
    for (const [, name, value] of tag.matchAll(/\s(href|src|srcset|poster|action|content)="([^"]*)"/g)) {
      if (name === 'srcset') urls.push(...value!.split(',').map((entry) => entry.trim().split(/\s+/)[0]!));
      else if (name === 'content') urls.push(...(/^\d+;\s*url=(.+)$/i.exec(value!)?.slice(1) ?? []));
      else urls.push(value!);
    }
  }
  return urls.map((url) => url.replaceAll('&amp;', '&'));
}

/**
 * Internal links and assets of the built pages that lead to no built file. A root-relative URL
 * must start with `base` (the site's `base` setting) and name a file of the output folder below it:
 * one outside the base is broken even when the folder has a file of that name.
 */
export function brokenInternalLinks(outDir: string, pages: { file: string; html: string }[], base = '/'): string[] {
  const broken: string[] = [];
  for (const { file, html } of pages) {
    for (const target of urlsNamedIn(html)) {
      if (!target.startsWith('/') || target.startsWith('//')) continue;
      if (!target.startsWith(base)) {
        broken.push(`${file}: ${target} (outside the base ${base})`);
        continue;
      }
      const pathname = decodeURIComponent(target.slice(base.length).split(/[?#]/)[0]!);
      const resolved = path.resolve(outDir, pathname);
      const inside = resolved === path.resolve(outDir) || resolved.startsWith(path.resolve(outDir) + path.sep);
      const ok =
        inside &&
        (pathname === '' || pathname.endsWith('/')
          ? existsSync(path.join(resolved, 'index.html'))
          : existsSync(resolved));
      if (!ok) broken.push(`${file}: ${target}`);
    }
  }
  return broken;
}

/** Every built HTML page, with its path relative to the output folder. */
export function builtPages(outDir: string): { file: string; html: string }[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(path.join(outDir, file), 'utf8') }));
}

export function pageExists(outDir: string, urlPath: string): boolean {
  const relative = decodeURIComponent(urlPath).replace(/^\//, '');
  return existsSync(path.join(outDir, relative, 'index.html'));
}
