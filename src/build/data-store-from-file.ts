/**
 * Reads Astro's content data store from its file when the build runs, instead of compiling it
 * into the build's JavaScript (Node-only). Astro bundles the store as one module,
 * `export default JSON.parse("…")`, holding every article's rendered HTML: 90 MB for 10,000
 * articles, which V8 takes about 25 s to compile (a plain JSON.parse of the file takes under one).
 * The replacement module reads the same file Astro's module was made from, written by the content
 * sync of this build before bundling, so the pages see the same data. Build only: `astro dev`
 * keeps Astro's own module, which it reloads as content changes.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
                      `Content data store (${(statSync(storeFile).size / 1024 ** 2).toFixed(0)} MB) is read from its file, not compiled into the build.`,
                    );
                    return {
                      code:
                        "import { readFileSync } from 'node:fs';\n" +
                        `export default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`,
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
