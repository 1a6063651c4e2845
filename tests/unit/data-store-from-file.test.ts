/**
 * The content data store is read from its file at run time, by a module that is loaded before
 * Astro's own plugin would load it (`order: 'pre'`), so that Astro never reads, parses and
 * re-encodes the whole store as a string (about 7 s a build at 100,000 articles). Only in builds,
 * only for the single-file store, never for the browser's bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreFromFileIntegration } from '../../src/build/data-store-from-file.ts';
import { tmpRoot } from '../helpers/build-site';

interface LoadHook {
  order?: string;
  filter: { id: RegExp };
  handler(this: { environment: { name: string } }, id: string): { code: string } | null;
}

mkdirSync(tmpRoot, { recursive: true });
const cacheDir = mkdtempSync(path.join(tmpRoot, 'data-store-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The Vite plugins the integration adds for `command` and the given experimental settings. */
function pluginsFor(command: string, experimental: Record<string, unknown> = {}) {
  const plugins: { name: string; load: LoadHook }[] = [];
  const setup = dataStoreFromFileIntegration().hooks['astro:config:setup'] as unknown as (options: unknown) => void;
  setup({
    config: { cacheDir: pathToFileURL(`${cacheDir}/`), experimental },
    command,
    logger: { info: () => {} },
    updateConfig: (config: { vite: { plugins: typeof plugins } }) => plugins.push(...config.vite.plugins),
  });
  return plugins;
}

const MODULE = '\0astro:data-layer-content';

describe('the content data store module of a build', () => {
  it('is loaded before Astro’s own plugin, reading the store from its file on the server only', () => {
    const [plugin] = pluginsFor('build');
    const load = plugin!.load;
    expect(load.order).toBe('pre');
    expect(load.filter.id.test(MODULE)).toBe(true);
    expect(load.filter.id.test('\0astro:content')).toBe(false);
    const server = { environment: { name: 'prerender' } };
    // No store written yet: Astro's own module (an empty store) stays.
    expect(load.handler.call(server, MODULE)).toBeNull();
    writeFileSync(path.join(cacheDir, 'data-store.json'), '[]');
    const code = load.handler.call(server, MODULE)!.code;
    expect(code).toContain('readFileSync');
    expect(code).toContain(JSON.stringify(path.join(cacheDir, 'data-store.json')));
    expect(load.handler.call({ environment: { name: 'client' } }, MODULE)).toBeNull();
  });

  it('is Astro’s own in the dev server and with a chunked store', () => {
    expect(pluginsFor('dev')).toEqual([]);
    expect(pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
    expect(pluginsFor('build', { collectionStorage: 'single-file' })).toHaveLength(1);
  });
});
