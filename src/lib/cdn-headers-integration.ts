/**
 * Writes `_headers` and `_redirects` into the built site (Node-only); see src/lib/cdn-headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, redirectsFile, type CdnHeadersOptions } from './cdn-headers.ts';

export function cdnHeadersIntegration(options: CdnHeadersOptions): AstroIntegration {
  return {
    name: 'bayegan:cdn-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        await writeFile(path.join(outDir, '_headers'), headersFile(options));
        await writeFile(path.join(outDir, '_redirects'), redirectsFile());
      },
    },
  };
}
