/**
 * A segment build keeps in full only the comments of the articles whose pages it renders
 * (src/lib/content/comments-by-share.ts); the others are packed beside the store, counted and
 * checked by the pages, and read again when the segment comes to render their article's page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentsByShare, packedCommentRecords } from '../../src/lib/content/comments-by-share';
import type { WithPackedEntries } from '../../src/lib/content/packed-entries';
import { renderedBodiesDir } from '../../src/lib/content/rendered-bodies';
import { showOnlyBodies, type ShownReckoning } from '../../src/lib/content/shown-bodies';
import { processWideValue } from '../../src/lib/process-wide';
import { recordShownArticles } from '../../src/lib/segment-registry';
import { memoryStore } from '../helpers/memory-store';

type Entry = { id: string; digest?: string; filePath?: string; data: Record<string, unknown> };

let root: string;
/** The comment files the loader read, in order. */
let reads: string[];
let logs: string[];
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bayegan-comments-'));
  reads = [];
  logs = [];
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  processWideValue<ShownReckoning>('bayegan.shownBodies').set(undefined as unknown as ShownReckoning);
});

/** A comment file of `article`, a reply when `parent` is given. */
function write(article: number, id: string, parent?: string) {
  mkdirSync(path.join(root, 'comments', String(article)), { recursive: true });
  const data = { id, article, name: 'آرش', body: `نظر ${id}`, submittedAt: '2024-01-01T10:00:00+03:30', parent };
  writeFileSync(path.join(root, 'comments', String(article), `${id}.json`), JSON.stringify(data));
}

/** Astro's glob loader in small: reads a file unless the store, or the packed comments beside it, hold it as it is. */
const globLike: Loader = {
  name: 'glob-like',
  load: async (context) => {
    const { store } = context;
    const beside = (context as LoaderContext & WithPackedEntries).packedBeside;
    const seen = new Set<string>();
    for (const article of readdirSync(path.join(root, 'comments'))) {
      for (const name of readdirSync(path.join(root, 'comments', article))) {
        const id = `${article}/${name.replace(/\.json$/, '')}`;
        seen.add(id);
        const contents = readFileSync(path.join(root, 'comments', article, name), 'utf8');
        const digest = `d:${contents}`;
        if ((store.get(id) ?? beside?.get(id))?.digest === digest) {
          beside?.markKept(id);
          continue;
        }
        reads.push(id);
        beside?.delete(id);
        const data = JSON.parse(contents) as Record<string, unknown>;
        store.set({
          id,
          data: { ...data, submittedAt: new Date(data['submittedAt'] as string) },
          digest,
          filePath: `comments/${article}/${name}`,
        });
      }
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    // What the check of unchanged files does: an entry beside the store whose file is gone goes.
    beside?.deleteUnmarked();
  },
};

const meta = new Map<string, string>();
const { store, entries } = memoryStore<Entry>();

/** Content sync of the comments, in a segment build rendering the pages of `pages`, or in a whole build. */
async function sync(pages?: number[]) {
  if (pages) {
    showOnlyBodies(() => ({ bodies: new Set() }), { packs: true });
    recordShownArticles(new Set(pages), new Set(pages));
  }
  await commentsByShare(globLike).load({
    collection: 'comments',
    store,
    meta,
    config: { cacheDir: pathToFileURL(`${root}/cache/`), root: pathToFileURL(`${root}/`) },
    logger: { info: (line: string) => logs.push(line) },
  } as unknown as LoaderContext);
}

const folder = () => renderedBodiesDir(path.join(root, 'cache'), 'comments');

describe('a segment build’s comments', () => {
  beforeEach(() => {
    entries.clear();
    meta.clear();
  });

  it('are kept in full for the articles whose pages it renders, the others packed with what counts and checks them', async () => {
    write(1, 'c-a');
    write(1, 'c-b', 'c-a');
    write(2, 'c-c');
    write(2, 'c-d', 'c-c');
    await sync([1]);
    expect([...entries.keys()].sort()).toEqual(['1/c-a', '1/c-b']);
    expect(logs).toContain("comments: 2 kept in full (of the articles this segment's pages show), 2 packed.");
    const records = packedCommentRecords(folder());
    expect(records).toEqual([
      { id: 'c-c', article: 2, submittedAt: new Date('2024-01-01T10:00:00+03:30'), filePath: 'comments/2/c-c.json' },
      {
        id: 'c-d',
        article: 2,
        parent: 'c-c',
        submittedAt: new Date('2024-01-01T10:00:00+03:30'),
        filePath: 'comments/2/c-d.json',
      },
    ]);
    // Handed over once; a page thread reads the file this sync wrote.
    expect(packedCommentRecords(folder())).toEqual(records);
    expect(packedCommentRecords(undefined)).toEqual([]);
  });

  it('reads a packed comment again when its article’s page comes to the segment, and packs the others unread', async () => {
    write(1, 'c-a');
    write(2, 'c-c');
    await sync([1]);
    expect(reads.sort()).toEqual(['1/c-a', '2/c-c']);
    reads = [];
    // Nothing changed: nothing read.
    await sync([1]);
    expect(reads).toEqual([]);
    expect([...entries.keys()]).toEqual(['1/c-a']);
    // Article 2's page is now this segment's, article 1's another's.
    await sync([2]);
    expect(reads).toEqual(['2/c-c']);
    expect([...entries.keys()]).toEqual(['2/c-c']);
    expect(packedCommentRecords(folder()).map((record) => record.id)).toEqual(['c-a']);
    // A packed comment edited since is read again, and packed again.
    writeFileSync(
      path.join(root, 'comments', '1', 'c-a.json'),
      '{"id":"c-a","article":1,"name":"ب","body":"ویرایش","submittedAt":"2024-01-02T10:00:00+03:30"}',
    );
    reads = [];
    await sync([2]);
    expect(reads).toEqual(['1/c-a']);
    expect(packedCommentRecords(folder())[0]!.submittedAt).toEqual(new Date('2024-01-02T10:00:00+03:30'));
  });

  it('are all kept in full by a whole build, which leaves no packed comments behind', async () => {
    write(1, 'c-a');
    write(2, 'c-c');
    await sync([1]);
    processWideValue<ShownReckoning>('bayegan.shownBodies').set(undefined as unknown as ShownReckoning);
    await sync();
    expect([...entries.keys()].sort()).toEqual(['1/c-a', '2/c-c']);
    packedCommentRecords(folder());
    expect(packedCommentRecords(folder())).toEqual([]);
  });
});
