/**
 * The web editor on this computer (docs/editor.md, «On your own computer»): a built site served as
 * the host serves it, with Decap's local repository server (the npm package `decap-server`) answering
 * beside the editor page, at /admin/api/v1, so that the editor reads and writes the files of a folder
 * here instead of a git host. The page asks for that address only when it is opened on localhost or
 * 127.0.0.1. Used by `npm run editor` and tests/browser/admin.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { adminLocalApiPath, pathWithBase } from '../../src/lib/paths.ts';
import { freePort } from './free-port.ts';
import { serveStatic } from './static-server.ts';

export interface LocalEditor {
  /** The site, e.g. http://127.0.0.1:43121; the editor is at `${origin}${base}admin/`. */
  origin: string;
  close: () => Promise<void>;
}

/** Waits until decap-server answers its `info` question (it starts in about a second). */
async function whenAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`decap-server stopped (${child.exitCode}):\n${output()}`);
    try {
      const answer = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'info' }),
      });
      if (answer.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`decap-server did not answer at ${url} within 20 s:\n${output()}`);
}

/**
 * Serves `siteDir` with the editor writing into `repoDir` (a repository's root: the editor names
 * files from there, like `content/articles/1405/09/x.md`).
 */
export async function startLocalEditor({
  siteDir,
  repoDir,
  base = '/',
}: {
  siteDir: string;
  repoDir: string;
  base?: string;
}): Promise<LocalEditor> {
  const port = await freePort();
  const require = createRequire(import.meta.url);
  const child = spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
    // Its own folder, not the repository: decap-server reads a `.env` file where it starts.
    cwd: repoDir,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      GIT_REPO_DIRECTORY: repoDir,
      MODE: 'fs',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  try {
    await whenAnswering(`http://127.0.0.1:${port}/api/v1`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const apiPath = pathWithBase(base, adminLocalApiPath);
  // decap-server answers at /api/v1; the page asks beside itself, under the base.
  const site = await serveStatic(siteDir, {
    withHeaders: true,
    base,
    proxy: { path: apiPath, target: `http://127.0.0.1:${port}/api/v1` },
  });
  return {
    origin: site.origin,
    close: async () => {
      await site.close();
      await stop();
    },
  };
}
