/**
 * A build that shows only some bodies (a segment, the plan): content sync reads every file, renders
 * only the bodies the build shows, keeps the others unrendered across builds until a build shows
 * them, and a whole build reads an unrendered one again. The loader here reads files and renders
 * through the context's entry types, as Astro's glob loader does.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodiesOutsideStore, renderedBodiesDir, withRenderedBody } from '../../src/lib/content/rendered-bodies';
import { isUnrendered, showOnlyBodies, UNRENDERED, type ShownReckoning } from '../../src/lib/content/shown-bodies';
import { isPackedData, leftOutFields, PACKED_FIELDS } from '../../src/lib/content/packed-data';
import { Encoding, FINGERPRINTED_AS } from '../../src/lib/incremental/page-digest';
import {
  packedEntries,
  packedEntriesFile,
  readPackedEntries,
  type WithPackedEntries,
} from '../../src/lib/content/packed-entries';
import { processWideValue } from '../../src/lib/process-wide';
import { entryFingerprint } from '../../src/lib/content/entry-fingerprint';
import { memoryStore as storeOf } from '../helpers/memory-store';

type Entry = {
  id: string;
  digest?: string;
  filePath?: string;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata?: Record<string, unknown> };
  assetImports?: string[];
  imageImports?: unknown;
};

let root: string;
let renders: string[];
let parses: unknown[];
/** The frontmatter as the entry type read it, and the entries whose schema was given it as it is. */
let readData: WeakSet<object>;
let parsedAsRead: unknown[];
let logs: string[];
/** Whether an entry's frontmatter names a picture (a lead image): every one's, unless a test says otherwise. */
let hasCover: (id: string) => boolean;
beforeEach(() => {
  hasCover = () => true;
  root = mkdtempSync(path.join(tmpdir(), 'bayegan-shown-'));
  mkdirSync(path.join(root, 'content'), { recursive: true });
  mkdirSync(path.join(root, 'cache'), { recursive: true });
  renders = [];
  parses = [];
  readData = new WeakSet();
  parsedAsRead = [];
  logs = [];
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  processWideValue<ShownReckoning>('bayegan.shownBodies').set(undefined as unknown as ShownReckoning);
});

/** Writes an article file: frontmatter with a picture, a body with another. */
const write = (id: string, text: string) =>
  writeFileSync(path.join(root, 'content', `${id}.md`), `---\ntitle: ${id}\n---\n\n${text}\n`);

const digestOf = (contents: string) => `digest:${contents.length}:${contents}`;

/** The Markdown entry type: a body's HTML names the body, its pictures are `./<id>.jpg`. */
const markdownType = {
  getEntryInfo: ({ contents }: { contents: string }) => {
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
    const data = { title: frontmatter.replace('title: ', '') };
    readData.add(data);
    return { data, body: body.trim() };
  },
  getRenderFunction: async () => async (entry: { id: string; body?: string | undefined }) => {
    renders.push(entry.id);
    return { html: `<p>${entry.body}</p>`, metadata: { imagePaths: [`./${entry.id}.jpg`] } };
  },
};

/** Astro's glob loader in small: reads every file, renders the changed ones, stores them (with the frontmatter's picture). */
const globLike: Loader = {
  name: 'glob-like',
  load: async (context) => {
    const { store, entryTypes } = context as LoaderContext & { entryTypes: Map<string, typeof markdownType> };
    const type = entryTypes.get('.md')!;
    const render = await type.getRenderFunction();
    for (const name of readdirSync(path.join(root, 'content'))) {
      const id = name.replace(/\.md$/, '');
      const contents = readFileSync(path.join(root, 'content', name), 'utf8');
      const digest = digestOf(contents);
      // Unchanged: in the store, or packed beside it (as src/lib/content/unchanged-files.ts checks).
      const known = store.get(id) ?? (context as LoaderContext & WithPackedEntries).packedBeside?.get(id);
      if (known?.digest === digest) continue;
      const { data, body } = type.getEntryInfo({ contents });
      const rendered = await render({ id, body });
      store.set({
        id,
        data: await context.parseData({ id, data, filePath: path.join(root, 'content', name) }),
        digest,
        filePath: `content/${name}`,
        rendered,
        // What Astro's store adds for the frontmatter's picture.
        assetImports: [...(rendered.metadata?.imagePaths ?? []), ...(hasCover(id) ? [`./cover-${id}.jpg`] : [])],
        ...(hasCover(id) ? { imageImports: [['image']] } : {}),
      } as Parameters<typeof store.set>[0]);
    }
  },
};

const memoryStore = () => storeOf<Entry>();

/** Each store's meta, kept with it as Astro keeps it (and clears it with the store). */
const metas = new WeakMap<object, Map<string, string>>();
const metaOf = (store: object) => {
  if (!metas.has(store)) metas.set(store, new Map());
  return metas.get(store)!;
};

async function sync(store: ReturnType<typeof memoryStore>['store']) {
  await bodiesOutsideStore(globLike).load({
    collection: 'articles',
    store,
    meta: metaOf(store),
    config: { cacheDir: pathToFileURL(`${root}/cache/`), root: pathToFileURL(`${root}/`) },
    entryTypes: new Map([['.md', markdownType]]),
    generateDigest: digestOf,
    // The schema's output: what the store keeps of the frontmatter.
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      if (readData.has(data)) parsedAsRead.push(data.title);
      return { ...data, id: parses.push(data.title), tags: [] };
    },
    logger: { info: (line: string) => logs.push(line), error: (line: string) => logs.push(line) },
  } as unknown as LoaderContext);
}

const body = (entries: Map<string, Entry>, id: string) =>
  withRenderedBody({ ...entries.get(id)!, collection: 'articles' }).rendered?.html;

describe('a build that shows only some bodies', () => {
  it('renders only those, stored as Astro stores a rendered body; the others stay unrendered', async () => {
    for (const id of ['a', 'b', 'c']) write(id, `متن ${id}`);
    showOnlyBodies((all) => ({
      bodies: new Set((all as Entry[]).filter((entry) => entry.id !== 'b').map((entry) => entry.id)),
    }));
    const { store, entries } = memoryStore();
    await sync(store);

    expect(renders.sort()).toEqual(['a', 'c']);
    expect(body(entries, 'a')).toBe('<p>متن a</p>');
    // The body's picture first, then the frontmatter's, as a whole build's store has them.
    expect(entries.get('a')).toMatchObject({ assetImports: ['./a.jpg', './cover-a.jpg'], imageImports: [['image']] });
    expect(entries.get('b')!.rendered).toEqual(UNRENDERED);
    expect(entries.get('b')!.assetImports).toEqual(['./cover-b.jpg']);
    expect(readdirSync(renderedBodiesDir(path.join(root, 'cache'), 'articles'))).toHaveLength(2);
    expect(logs).toContain('2 bodies this build shows were rendered; 1 others are left unrendered.');
    // A page that showed it anyway would show nothing: it stops the build instead.
    expect(() => body(entries, 'b')).toThrow(/content\/b\.md was left unrendered .* bug of Bayegan's segment plan/);
  });

  it('keeps an unrendered body so until a build shows it, and a whole build renders it again', async () => {
    for (const id of ['a', 'b']) write(id, `متن ${id}`);
    const { store, entries } = memoryStore();
    let shown = new Set(['a']);
    showOnlyBodies(() => ({ bodies: shown }));
    await sync(store);
    renders = [];
    await sync(store);
    expect(renders).toEqual([]);
    expect(isUnrendered(entries.get('b')!)).toBe(true);

    shown = new Set(['a', 'b']);
    await sync(store);
    expect(renders).toEqual(['b']);
    expect(body(entries, 'b')).toBe('<p>متن b</p>');

    // A build that shows everything, over a cache where a body was left unrendered.
    showOnlyBodies(() => ({ bodies: new Set(['a']) }));
    write('c', 'متن c');
    await sync(store);
    expect(isUnrendered(entries.get('c')!)).toBe(true);
    processWideValue<ShownReckoning>('bayegan.shownBodies').set(undefined as unknown as ShownReckoning);
    renders = [];
    await sync(store);
    expect(renders).toEqual(['c']);
    expect(body(entries, 'c')).toBe('<p>متن c</p>');
  });

  it('refuses to render a body whose file changed since it was read', async () => {
    write('a', 'متن a');
    const { store } = memoryStore();
    showOnlyBodies(() => {
      write('a', 'متن دیگر');
      return { bodies: new Set(['a']) };
    });
    await expect(sync(store)).rejects.toThrow(/content\/a\.md changed while the build read it: build again/);
  });
});

describe('a segment build, which keeps only some entries in full', () => {
  const keep = (inFull: string[], bodies: string[]) =>
    showOnlyBodies(() => ({ bodies: new Set(bodies), inFull: new Set(inFull) }), { packs: true });
  const dir = () => renderedBodiesDir(path.join(root, 'cache'), 'articles');
  /** The packed entries as a page thread reads them: from the file beside the store. */
  const packedOnFile = () =>
    new Map(
      ((packedEntries('read from the file', dir())?.rows() ?? []) as unknown as Entry[]).map((entry) => [
        entry.id,
        entry,
      ]),
    );

  it('packs every entry it reads, reads again in full those it keeps, and keeps the others beside the store', async () => {
    for (const id of ['a', 'b', 'c']) write(id, `متن ${id}`);
    keep(['a', 'b'], ['a']);
    const { store, entries } = memoryStore();
    await sync(store);

    expect(renders).toEqual(['a']);
    expect(body(entries, 'a')).toBe('<p>متن a</p>');
    expect(entries.get('b')!.data).toMatchObject({ title: 'b', tags: [] });
    expect(isUnrendered(entries.get('b')!)).toBe(true);
    // Read once each, and again for the two it keeps, through the schema each time.
    expect(parses.sort()).toEqual(['a', 'a', 'b', 'b', 'c']);
    // Read again, the frontmatter's strings are copied before the schema keeps them: slices of the
    // file's text would keep it alive (src/lib/content/own-strings.ts). This loader stands for
    // Astro's, whose files the articles' loader copies the same way.
    expect(parsedAsRead.sort()).toEqual(['a', 'b', 'c']);
    expect(logs).toContain('2 articles are kept in full (2 read again), 1 packed.');
    // The store Astro writes as one string holds the share in full only; the packed entry is beside it.
    expect([...entries.keys()].sort()).toEqual(['a', 'b']);
    expect([...packedOnFile().keys()]).toEqual(['c']);
    const packed = packedOnFile().get('c')!;
    expect(isPackedData(packed.data)).toBe(true);
    // Every kept field, as a page reads it: the others are undefined, as the article had none.
    const kept = Object.fromEntries(
      [...PACKED_FIELDS].map((field) => [field, (packed.data as Record<string, unknown>)[field]]),
    );
    expect(kept).toEqual({ id: expect.any(Number), tags: [] });
    // On file under the token the store's meta keeps, naming what it left out.
    const [stored] = [...metaOf(store).values()]
      .map((token) => readPackedEntries(dir(), 'articles', token)?.rows())
      .find(Boolean)!;
    expect(stored!.id).toBe('c');
    expect(leftOutFields(stored!.data)).toEqual(['title']);
    // No frontmatter picture to resolve: the field is gone. The body's pictures are its own.
    expect(packed.imageImports).toBeUndefined();
    expect(packed.digest).toBe(digestOf(readFileSync(path.join(root, 'content', 'c.md'), 'utf8')));
    // The pages read it with its guard: what it left out cannot be read.
    expect(() => (packed.data as { title?: unknown }).title).toThrow(/"title" was read/);
  });

  it('reads a packed entry again when a later build keeps it, and packs one it no longer keeps', async () => {
    for (const id of ['a', 'b', 'c']) write(id, `متن ${id}`);
    const { store, entries } = memoryStore();
    keep(['a', 'b'], ['a']);
    await sync(store);
    renders = [];
    parses = [];

    // Unchanged files are not read again: the packed entry is taken from beside the store.
    await sync(store);
    expect(parses).toEqual([]);
    expect([...packedOnFile().keys()]).toEqual(['c']);

    keep(['a', 'c'], ['a']);
    await sync(store);
    expect(parses).toEqual(['c']);
    expect(renders).toEqual([]);
    expect(entries.get('c')!.data).toMatchObject({ title: 'c' });
    expect(entries.has('b')).toBe(false);
    expect(isPackedData(packedOnFile().get('b')!.data)).toBe(true);
    expect(body(entries, 'a')).toBe('<p>متن a</p>');
    expect(logs).toContain('2 articles are kept in full (1 read again), 1 packed.');

    // A store Astro cleared (its settings changed) does not take the file's entries for its own.
    metaOf(store).clear();
    for (const id of [...entries.keys()]) store.delete(id);
    parses = [];
    await sync(store);
    expect(parses.sort()).toEqual(['a', 'a', 'b', 'c', 'c']);

    // A build that shows every entry in full reads the packed one again (and b, left unrendered),
    // and leaves no file of packed entries.
    processWideValue<ShownReckoning>('bayegan.shownBodies').set(undefined as unknown as ShownReckoning);
    parses = [];
    await sync(store);
    expect(parses.sort()).toEqual(['b', 'c']);
    expect(entries.get('b')!.data).toMatchObject({ title: 'b' });
    expect(body(entries, 'b')).toBe('<p>متن b</p>');
    expect(existsSync(packedEntriesFile(dir()))).toBe(false);
  });

  it('reads a packed entry again when its kept body file is gone', async () => {
    for (const id of ['a', 'b']) write(id, `متن ${id}`);
    const { store, entries } = memoryStore();
    keep(['a', 'b'], ['a', 'b']);
    await sync(store);
    keep(['a'], ['a']);
    await sync(store);
    expect(packedOnFile().has('b')).toBe(true);
    // The body b's page showed, kept in its own file while b is packed, is deleted.
    const bodyFiles = readdirSync(dir()).filter((name) => name.endsWith('.json'));
    expect(bodyFiles).toHaveLength(2);
    for (const name of bodyFiles) rmSync(path.join(dir(), name));
    renders = [];
    keep(['a', 'b'], ['a', 'b']);
    await sync(store);
    expect(renders.sort()).toEqual(['a', 'b']);
    expect(body(entries, 'b')).toBe('<p>متن b</p>');
  });
});

describe('the plan, which fingerprints every page from what it keeps', () => {
  it('packs each entry with the encoding of the whole entry, and keeps in full one whose picture it cannot name', async () => {
    for (const id of ['a', 'b', 'c']) write(id, `متن ${id}`);
    hasCover = (id) => id === 'b';
    showOnlyBodies(() => ({ bodies: new Set(), inFull: new Set(['a']) }), { packs: true, fingerprints: true });
    const { store, entries } = memoryStore();
    await sync(store);

    expect(renders).toEqual([]);
    // b names a picture (here, where its data has none) that content sync cannot name as the pages
    // get it: it stays as it was read, not read again.
    expect([...entries.keys()].sort()).toEqual(['a', 'b']);
    expect(parses.sort()).toEqual(['a', 'a', 'b', 'c']);
    expect(entries.get('b')!.imageImports).toEqual([['image']]);
    expect(logs).toContain('2 articles are kept in full (1 read again), 1 packed.');
    const [stored] = [...metaOf(store).values()]
      .map((token) =>
        readPackedEntries(renderedBodiesDir(path.join(root, 'cache'), 'articles'), 'articles', token)?.rows(),
      )
      .find(Boolean)!;
    expect(stored!.id).toBe('c');
    // The entry as the pages' collection would give it in full.
    const whole = {
      id: 'c',
      collection: 'articles',
      filePath: 'content/c.md',
      digest: digestOf(readFileSync(path.join(root, 'content', 'c.md'), 'utf8')),
      data: { title: 'c', id: stored!.data.id, tags: [] },
    };
    // Kept as the digest of the whole entry, which a page's fingerprint takes in its place.
    expect((stored![FINGERPRINTED_AS](stored!) as Encoding).text).toBe(entryFingerprint(whole).text);
  });
});
