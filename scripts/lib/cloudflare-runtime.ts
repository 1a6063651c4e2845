/**
 * Serves a built site with Cloudflare's own local runtime for static sites, `wrangler pages dev`
 * (npm `wrangler`, which runs workerd): `_headers`, `_redirects`, folder URLs and 404s are handled
 * by the very code Cloudflare Pages runs, so the browser tests can check our imitation of it
 * (scripts/lib/static-server.ts) against the real thing. Offline and without an account: no
 * telemetry, no request for Cloudflare's visitor data, and wrangler's settings, logs and state go
 * into a temporary folder, removed on close.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { freePort } from './free-port.ts';
import type { StaticServer } from './static-server.ts';

/** Any date the installed workerd supports; pinned so that runs do not depend on the day. */
const COMPATIBILITY_DATE = '2026-11-01';
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts `wrangler pages dev <root>` on a free port of 127.0.0.1 and resolves once it answers.
 * `close()` stops wrangler and workerd together (their whole process group).
 * @param root the built site's folder
 */
export async function serveWithCloudflare(root: string): Promise<StaticServer> {
  const wrangler = path.join(
    path.dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
    'bin/wrangler.js',
  );
  const home = mkdtempSync(path.join(os.tmpdir(), 'bayegan-wrangler-'));
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  // Its own process group, so that one signal reaches workerd too.
  const child = spawn(
    process.execPath,
    [
      wrangler,
      ...['pages', 'dev', path.resolve(root), '--ip', '127.0.0.1', '--port', String(port)],
      ...['--inspector-port', String(inspectorPort), '--compatibility-date', COMPATIBILITY_DATE],
      ...['--persist-to', path.join(home, 'state'), '--show-interactive-dev-session=false'],
    ],
    {
      cwd: home,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        WRANGLER_LOG_PATH: path.join(home, 'logs'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        XDG_CACHE_HOME: path.join(home, 'cache'),
        NO_COLOR: '1',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-8000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-8000)));
  const exited: Promise<void> = new Promise((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // A workerd left behind would keep the test run from ending.
  const killOnExit = () => killGroup('SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.off('exit', killOnExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!running || Date.now() > deadline) {
      await close();
      throw new Error(`wrangler pages dev did not start serving ${root} at ${origin}:\n${output}`);
    }
    try {
      const response = await fetch(`${origin}/`, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      return { origin, close };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
