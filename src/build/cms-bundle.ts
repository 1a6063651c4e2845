/**
 * Puts Decap CMS into the built site (Node-only), for the web editor at /admin/ (docs/editor.md):
 * the browser bundle exactly as the npm package `decap-cms` ships it (its main file, the chunks it
 * loads on demand, its WebAssembly and licence notice), in a folder named by the package's version,
 * so that the editor loads nothing from another host and a new version never meets a cached old one.
 * Beside it, Bayegan's own editor script (src/scripts/admin/editor.ts), bundled by esbuild on its own:
 * bundled with the site's scripts, the date code both use would go to a chunk they share, and the
 * reader's one small script would load a second file (tests/integration/page-quality.test.ts).
 */
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteWriter } from '#lib/link-files.ts';
import { adminScriptPath, cmsBundleFolder } from '#lib/paths.ts';

/** Bundles the editor script: one file, minified, for the browsers Decap runs in. */
export async function editorScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../scripts/admin/editor.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The files of the package's dist/ folder that the editor needs (source maps are left out). */
export const CMS_BUNDLE_FILE = /^(?:(?:\d+\.)?decap-cms\.js|decap-cms\.js\.LICENSE\.txt|[0-9a-f]+\.wasm)$/;

export function cmsBundleIntegration(): AstroIntegration {
  return {
    name: 'bayegan:cms-bundle',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const require = createRequire(import.meta.url);
        const packageFile = require.resolve('decap-cms/package.json');
        const { version } = require(packageFile) as { version: string };
        const dist = path.join(path.dirname(packageFile), 'dist');
        const files = readdirSync(dist).filter((name) => CMS_BUNDLE_FILE.test(name));
        if (!files.includes('decap-cms.js')) throw new Error(`decap-cms ${version}: dist/decap-cms.js is missing`);
        const writer = siteWriter(fileURLToPath(dir));
        const folder = cmsBundleFolder(version).slice(1);
        for (const name of files) writer.link(path.join(dist, name), `${folder}${name}`);
        writer.write(adminScriptPath.slice(1), await editorScript());
      },
    },
  };
}
