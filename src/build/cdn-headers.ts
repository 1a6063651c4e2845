/**
 * Writes `_headers` and `_redirects` into the built site (Node-only); see src/lib/cdn-headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { headersFile, redirectsFile, type CdnHeadersOptions } from '#lib/cdn-headers.ts';
import { siteWriter } from '#lib/link-files.ts';

export function cdnHeadersIntegration(options: CdnHeadersOptions): AstroIntegration {
  return {
    name: 'bayegan:cdn-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const writer = siteWriter(fileURLToPath(dir));
        writer.write('_headers', headersFile(options));
        writer.write('_redirects', redirectsFile(options));
      },
    },
  };
}
