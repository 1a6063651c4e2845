/**
 * Once per test run: one Chromium that every browser test file drives, instead of one launched
 * and closed by each file (about a second each on 2 cores). It is started on the first request of
 * a test file, so that a run without browser tests (`npm run test:unit`) starts none, and closed
 * when the run ends. Test files ask this process for it over a local HTTP address, and connect to
 * it with `sharedChromium()` (tests/helpers/browser.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { resolveChromium } from '../scripts/lib/chromium.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Answers the WebSocket address of the run's Chromium, started on the first request. */
    chromiumBroker: string;
  }
}

export default async function setup(project: TestProject) {
  let server: Promise<BrowserServer> | undefined;
  const start = async () => {
    const { path, flags } = await resolveChromium();
    return chromium.launchServer({ executablePath: path, args: flags });
  };
  const broker = createServer((_request, response) => {
    server ??= start();
    server.then(
      (browser) => response.end(browser.wsEndpoint()),
      (error: Error) => response.writeHead(500).end(`Chromium did not start: ${error.message}`),
    );
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  project.provide('chromiumBroker', `http://127.0.0.1:${(broker.address() as AddressInfo).port}/`);
  return async () => {
    await new Promise((resolve) => broker.close(resolve));
    await (await server?.catch(() => undefined))?.close();
  };
}
