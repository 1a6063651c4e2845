/**
 * The content data store is handed over by content sync, or read from its file at run time, by a
 * module that is loaded before Astro's own plugin would load it (`order: 'pre'`), so that Astro
 * never reads, parses and re-encodes the whole store as a string (about 7 s a build at 100,000
 * articles). Only in builds, only for the single-file store, never for the browser's bundle.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreFromFileIntegration } from '../../src/build/data-store-from-file.ts';
import { keepLiveCollection, liveDataStore } from '../../src/lib/content/live-store.ts';
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
    expect(code).toContain('liveDataStore(["articles","categories","authors","comments"])');
    expect(code).toContain(JSON.stringify(path.join(cacheDir, 'data-store.json')));
    expect(load.handler.call({ environment: { name: 'client' } }, MODULE)).toBeNull();
  });

  it('hands Astro the store hydrated from the file, dates and all, without keeping the parsed file', async () => {
    const store = new Map<string, Map<string, unknown>>([
      ['articles', new Map([['1403/market', { id: '1403/market', data: { date: new Date('2024-11-23T10:00:00Z') } }]])],
      ['authors', new Map([['sara', { id: 'sara', data: { name: 'سارا' } }]])],
    ]);
    writeFileSync(path.join(cacheDir, 'data-store.json'), stringify(store));
    const code = pluginsFor('build')[0]!.load.handler.call({ environment: { name: 'prerender' } }, MODULE)!.code;
    const modulePath = path.join(cacheDir, 'data-layer-content.mjs');
    writeFileSync(modulePath, code);
    // This process synced no collection (as a page thread): the file is read.
    const loaded = ((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default;
    // A Map, which Astro takes as the store itself (ImmutableDataStore.fromModule), not a parsed file
    // that the module would go on holding.
    expect(loaded).toBeInstanceOf(Map);
    expect(loaded).toEqual(store);
  });

  it('is Astro’s own in the dev server and with a chunked store', () => {
    expect(pluginsFor('dev')).toEqual([]);
    expect(pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
    expect(pluginsFor('build', { collectionStorage: 'single-file' })).toHaveLength(1);
  });
});

describe('the store this process synced', () => {
  it('is handed to the pages only once every collection was kept, with the entries as they are then', () => {
    const articles = new Map<string, unknown>([['1403/market', { id: 7 }]]);
    const collections = ['live-test-articles', 'live-test-authors'];
    expect(liveDataStore(collections)).toBeUndefined();
    keepLiveCollection('live-test-articles', { entries: () => [...articles] });
    // A collection the sync did not reach (a page thread, a failed loader): the file is read instead.
    expect(liveDataStore(collections)).toBeUndefined();
    keepLiveCollection('live-test-authors', { entries: () => [['sara', { name: 'سارا' }]] });
    articles.set('1403/new', { id: 8 });
    const store = liveDataStore(collections)!;
    expect([...store.keys()]).toEqual(collections);
    // In the order of the store's file: its ids sorted as Astro writes them.
    expect([...store.get('live-test-articles')!.keys()]).toEqual(['1403/market', '1403/new']);
    articles.set('1402/old', { id: 1 });
    articles.set('1403/Bazaar', { id: 9 });
    const ids = [...articles.keys()];
    expect([...liveDataStore(collections)!.get('live-test-articles')!.keys()]).toEqual(
      ids.sort((a, b) => a.localeCompare(b)),
    );
    expect(store.get('live-test-authors')!.get('sara')).toEqual({ name: 'سارا' });
  });
});
