/**
 * Reads Astro's content data store from its file when the build runs, instead of compiling it
 * into the build's JavaScript (Node-only). Astro bundles the store as one module,
 * `export default JSON.parse("…")`, holding every article's rendered HTML: 90 MB for 10,000
 * articles, which V8 takes about 25 s to compile (a plain JSON.parse of the file takes under one).
 * The replacement module hands the pages the collections this process's content sync holds
 * (src/lib/content/live-store.ts), or, in a page thread, reads the file that sync wrote before
 * bundling: the pages see the same data either way. Build only: `astro dev` keeps Astro's own
 * module, which it reloads as content changes.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { COLLECTIONS } from '#lib/content/content-layout.ts';

/** The module that hands over the store this process synced (src/lib/content/live-store.ts). */
const LIVE_STORE_MODULE = fileURLToPath(new URL('../lib/content/live-store.ts', import.meta.url));

/**
 * The devalue Astro itself reads its store with (astro/dist/content/data-store.js): the page thread
 * hydrates the file's contents as Astro would, with the same version, and hands Astro the result.
 */
const DEVALUE_MODULE = createRequire(fileURLToPath(import.meta.resolve('astro/package.json'))).resolve('devalue');

/** Astro's virtual module of the data store (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

export function dataStoreFromFileIntegration(): AstroIntegration {
  return {
    name: 'bayegan:data-store-from-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        if (command !== 'build') return;
        // Only the single-file store: an experimental chunked one is Astro's to load.
        const storage = config.experimental.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        // Where a production build keeps the single-file store (Astro's getDataStoreFile).
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'bayegan:data-store-from-file',
                enforce: 'pre',
                // Loads the module before Astro's own plugin would (`order: 'pre'`): Astro's reads the
                // whole store, parses it and writes it out again as a JavaScript string only to be
                // replaced, about 7 s at 100,000 articles (an 82-million-character store), measured.
                load: {
                  order: 'pre',
                  filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
                  handler() {
                    if (this.environment.name === 'client' || !existsSync(storeFile)) return null;
                    logger.info(
                      `Content data store (${(statSync(storeFile).size / 1024 ** 2).toFixed(0)} MB) is handed to the pages by content sync (read from its file in a page thread), not compiled into the build.`,
                    );
                    // The collections this process's content sync left, as Astro's runtime reads a
                    // store (a Map); a thread or process that did not sync reads the file.
                    return {
                      code:
                        "import { readFileSync } from 'node:fs';\n" +
                        `import { unflatten } from ${JSON.stringify(DEVALUE_MODULE)};\n` +
                        `import { keepFileStore, liveDataStore } from ${JSON.stringify(LIVE_STORE_MODULE)};\n` +
                        // Hydrated here, not by Astro: Astro would hydrate this module's export, and
                        // the module would keep the file's parsed form (an array of 1.6 million
                        // values at 100,000 articles) beside the store for the whole build.
                        `export default liveDataStore(${JSON.stringify(COLLECTIONS)}) ??\n` +
                        `  keepFileStore(unflatten(JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'))));\n`,
                      map: { mappings: '' },
                    };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
