import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bodiesOutsideStore,
  renderedBodiesDir,
  withRenderedBody,
  type EntryWithBody,
} from '../../src/lib/content/rendered-bodies';
import { memoryStore as storeOf } from '../helpers/memory-store';

type Entry = EntryWithBody & { data: Record<string, unknown> };

const memoryStore = (initial: Entry[] = []) => storeOf<Entry>(initial);

/** A loader that renders the given entries the way the glob loader does: unchanged ones are skipped. */
const renderingLoader = (files: Entry[], rendered: string[]): Loader => ({
  name: 'test',
  load: async ({ store }) => {
    for (const file of files) {
      if (store.get(file.id)?.digest === file.digest) continue;
      rendered.push(file.id);
      store.set(file as Parameters<typeof store.set>[0]);
    }
    for (const id of store.keys()) if (!files.some((file) => file.id === id)) store.delete(id);
  },
});

const markdown = (id: string, digest: string, html: string): Entry => ({
  id,
  digest,
  filePath: `content/articles/${id}.md`,
  data: { title: id },
  rendered: { html, metadata: { headings: [{ depth: 2, slug: 'a', text: 'a' }], imagePaths: ['./a.jpg'] } },
});

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'bayegan-bodies-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

async function load(loader: Loader, store: ReturnType<typeof memoryStore>['store']) {
  await bodiesOutsideStore(loader).load({
    collection: 'articles',
    store,
    meta: new Map<string, string>(),
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
  } as unknown as LoaderContext);
}

describe('bodiesOutsideStore', () => {
  it('keeps each rendered body in a file named by its digest, and an empty stand-in in the store', async () => {
    const { store, entries } = memoryStore();
    const rendered: string[] = [];
    await load(
      renderingLoader([markdown('1403/a', 'd1', '<p>الف</p>'), markdown('1403/b', 'd2', '<p>ب</p>')], rendered),
      store,
    );

    expect(rendered).toEqual(['1403/a', '1403/b']);
    expect(entries.get('1403/a')).toMatchObject({ data: { title: '1403/a' }, digest: 'd1', rendered: { html: '' } });
    expect(JSON.stringify([...entries.values()])).not.toContain('الف');
    expect(readdirSync(renderedBodiesDir(cacheDir, 'articles')).sort()).toEqual(['d1.json', 'd2.json']);

    const entry = withRenderedBody({ ...entries.get('1403/a')!, collection: 'articles' });
    expect(entry.rendered).toEqual(markdown('1403/a', 'd1', '<p>الف</p>').rendered);
    expect(entry.data).toEqual({ title: '1403/a' });
  });

  it('leaves entries Astro renders itself (MDX) and entries without a body as they are', async () => {
    const { store, entries } = memoryStore();
    const mdx: Entry = { id: 'x', digest: 'd3', data: {}, deferredRender: true };
    await load(renderingLoader([mdx], []), store);
    expect(entries.get('x')).toEqual(mdx);
    expect(withRenderedBody({ ...mdx, collection: 'articles' })).toEqual({ ...mdx, collection: 'articles' });
    expect(readdirSync(renderedBodiesDir(cacheDir, 'articles'))).toEqual([]);
  });

  it('renders again only the entries whose body file is gone, and removes the files of deleted entries', async () => {
    const { store } = memoryStore();
    const files = [markdown('a', 'd1', '<p>1</p>'), markdown('b', 'd2', '<p>2</p>'), markdown('c', 'd3', '<p>3</p>')];
    await load(renderingLoader(files, []), store);
    const dir = renderedBodiesDir(cacheDir, 'articles');
    rmSync(path.join(dir, 'd2.json'));
    writeFileSync(path.join(dir, 'left-over.json'), '{}');

    const rendered: string[] = [];
    await load(renderingLoader([files[1]!, files[2]!], rendered), store);
    expect(rendered).toEqual(['b']);
    expect(readdirSync(dir).sort()).toEqual(['d2.json', 'd3.json']);
    expect(existsSync(path.join(dir, 'd1.json'))).toBe(false);
  });

  it('renders again an entry kept whole in a store from before (its body inside)', async () => {
    const { store, entries } = memoryStore([markdown('a', 'd1', '<p>old</p>')]);
    const rendered: string[] = [];
    await load(renderingLoader([markdown('a', 'd1', '<p>1</p>')], rendered), store);
    expect(rendered).toEqual(['a']);
    expect(entries.get('a')!.rendered).toEqual({ html: '' });
  });

  it('says which article lost its body, and what to do, when the file is missing at render time', async () => {
    const { store, entries } = memoryStore();
    await load(renderingLoader([markdown('1403/a', 'd1', '<p>1</p>')], []), store);
    rmSync(path.join(renderedBodiesDir(cacheDir, 'articles'), 'd1.json'));
    expect(() => withRenderedBody({ ...entries.get('1403/a')!, collection: 'articles' })).toThrow(
      /content\/articles\/1403\/a\.md is missing from the build cache .*Run the build again/,
    );
  });
});
