import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptPackedEntries,
  handOverPackedEntries,
  packedEntries,
  packedEntriesToHandOn,
  packedEntriesFile,
  readIndexOfCode,
  readPackedEntries,
  releasePackedColumns,
  writePackedEntries,
} from '../../src/lib/content/packed-entries';
import { FILE_COLUMNS, PackedColumns, type StoredPackedEntry } from '../../src/lib/content/packed-columns';
import { isPackedData } from '../../src/lib/content/packed-data';

const unrendered = { html: '', metadata: { bayeganUnrendered: true } };
const stored = (id: string, filePath: string | undefined, more: object = {}): StoredPackedEntry => ({
  id,
  data: { id: 1, bayeganLeftOut: ['title'] },
  body: undefined,
  filePath,
  digest: `d-${id}`,
  rendered: unrendered,
  assetImports: undefined,
  ...more,
});
/** The entries as a table of columns, as content sync writes and hands them over. */
const tableOf = (entries: StoredPackedEntry[]) => {
  const table = new PackedColumns('articles');
  for (const entry of entries) table.add(entry);
  return table;
};
const ids = (table: PackedColumns | undefined) => table?.rows().map((entry) => entry.id);
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('packedEntries', () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-packed-'));
    dirs.push(dir);
    return dir;
  };

  it('gives the pages entries of the collection with every field the store kept, the file path made from the id', () => {
    const folder = '../../corpus/articles/';
    const entries = [
      stored('1403/09/42-bazar', `${folder}1403/09/42-bazar.md`),
      stored('1403/09/43-gozaresh', `${folder}1403/09/43-gozaresh.mdx`, { deferredRender: true }),
      // A path that is not the folder's file of the id (no such entry today) is kept as it is.
      stored('renamed', `${folder}1403/09/other.md`),
      stored('no-file', undefined),
    ];
    handOverPackedEntries('articles', tableOf(entries));
    const pages = (packedEntries('articles', undefined)?.rows() ?? []) as unknown as Record<string, unknown>[];
    expect(pages.map((entry) => entry['filePath'])).toEqual(entries.map((entry) => entry.filePath));
    for (const [at, entry] of pages.entries()) {
      const { data, ...rest } = entries[at]!;
      expect(entry).toMatchObject({ ...rest, collection: 'articles' });
      // Its data guarded from the start: what it left out cannot be read.
      expect(isPackedData(entry['data'] as object)).toBe(true);
      expect((entry['data'] as { id: number }).id).toBe((data as { id: number }).id);
      expect(() => (entry['data'] as { title?: string }).title).toThrow(/"title" was read/);
    }
    expect(pages[1]!['deferredRender']).toBe(true);
    // Not kept: one path an article of the archive, in every thread of a segment build.
    expect(Object.keys(pages[0]!)).not.toContain('filePath');
  });

  it('hands the entries over once; asked again, reads them from the file', () => {
    const dir = folder();
    const onFile = [stored('1403/a', 'content/articles/1403/a.md')];
    writePackedEntries(dir, 'token', tableOf(onFile));
    handOverPackedEntries('articles', tableOf([stored('1403/b', 'content/articles/1403/b.md')]));
    expect(
      packedEntries('articles', dir)
        ?.rows()
        .map((entry) => entry.id),
    ).toEqual(['1403/b']);
    const again = packedEntries('articles', dir)?.rows() ?? [];
    expect(again.map((entry) => [entry.id, entry.filePath])).toEqual([['1403/a', 'content/articles/1403/a.md']]);
    expect(() => (again[0]!.data as { title?: string }).title).toThrow(/"title" was read/);
  });

  it('hands what the pages took on to a page thread, in the memory both share, whether handed over or read', () => {
    /** Every typed array of what is handed on. */
    const typedArrays = (value: unknown): ArrayBufferView[] =>
      ArrayBuffer.isView(value)
        ? [value]
        : value instanceof Map
          ? [...value.values()].flatMap(typedArrays)
          : typeof value === 'object' && value !== null
            ? Object.values(value).flatMap(typedArrays)
            : [];
    /** What a page thread is handed: a structured clone, as `workerData` is. */
    const sent = (value: unknown) => {
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(value);
      const { message } = receiveMessageOnPort(port2)!;
      port1.close();
      return message as ReturnType<typeof packedEntriesToHandOn>;
    };
    const dir = folder();
    const many = Array.from({ length: 2_000 }, (_, at) => stored(`1403/${at}`, `content/articles/1403/${at}.md`));
    writePackedEntries(dir, 'token', tableOf(many));
    // Handed over by content sync (three quarters of them), then, handed nothing, read from the file.
    for (const handed of [tableOf(many.slice(500)), undefined]) {
      if (handed) handOverPackedEntries('articles', handed);
      const taken = (packedEntries('articles', dir)?.rows() ?? []).map((entry) => [
        entry.id,
        entry.filePath,
        entry.digest,
      ]);
      expect(taken).toHaveLength(handed ? 1_500 : 2_000);
      const handedOn = packedEntriesToHandOn();
      const arrays = typedArrays(handedOn);
      const received = typedArrays(sent(handedOn));
      expect(arrays.length).toBeGreaterThan(5);
      expect(received).toHaveLength(arrays.length);
      for (const [at, array] of arrays.entries()) {
        // The same bytes, not a copy: what one thread's array holds, the other's reads.
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        const theirs = new Uint8Array(received[at]!.buffer, received[at]!.byteOffset, received[at]!.byteLength);
        expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
        if (bytes.length === 0) continue;
        const kept = bytes[0]!;
        bytes[0] = kept ^ 0xff;
        expect(theirs[0]).toBe(kept ^ 0xff);
        bytes[0] = kept;
      }
      // The page thread's pages take the same entries, without the file.
      adoptPackedEntries(sent(handedOn));
      const theirs = packedEntries('articles', undefined)?.rows() ?? [];
      expect(theirs.map((entry) => [entry.id, entry.filePath, entry.digest])).toEqual(taken);
      expect(() => (theirs[0]!.data as { title?: string }).title).toThrow(/"title" was read/);
    }
  });

  it('hands a page thread started after the pages released columns those columns released, the rest as they were', () => {
    const dir = folder();
    const many = Array.from({ length: 300 }, (_, at) => stored(`1403/${at}`, `content/articles/1403/${at}.md`));
    handOverPackedEntries('articles', tableOf(many));
    const table = packedEntries('articles', dir)!;
    const rowsBefore = table.rows().map((entry) => entry.data.id);
    releasePackedColumns(table, FILE_COLUMNS);
    const handedOn = packedEntriesToHandOn();
    // No typed array of the released columns is kept for the page thread.
    // Of this collection: other tests of the thread may have left others'.
    const columns = new Map(new Map(handedOn).get('articles')!.columns);
    for (const name of FILE_COLUMNS) expect(typeof columns.get(name), name).toBe('string');
    adoptPackedEntries(deserialize(serialize(handedOn)) as typeof handedOn);
    const theirs = packedEntries('articles', undefined)!;
    expect(theirs.rows().map((entry) => entry.data.id)).toEqual(rowsBefore);
    expect(() => theirs.entryAt(3).filePath).toThrow(/released/);
    // Handed on again by that thread, as it took them.
    expect(new Map(new Map(packedEntriesToHandOn()).get('articles')!.columns).get('ids')).toBe(columns.get('ids'));
  });

  it('reads back the columns of its own store only, a column a part', () => {
    const dir = folder();
    const many = Array.from({ length: 25_000 }, (_, at) => stored(`1403/${at}`, `content/articles/1403/${at}.md`));
    writePackedEntries(dir, 'store-1', tableOf(many));
    const read = readPackedEntries(dir, 'articles', 'store-1');
    expect(read?.count).toBe(25_000);
    expect(ids(read)).toEqual(many.map((entry) => entry.id));
    expect(read!.rows()[24_999]!.filePath).toBe('content/articles/1403/24999.md');
    // A store Astro cleared since has another token: the file is not its.
    expect(readPackedEntries(dir, 'articles', 'store-2')).toBeUndefined();
    expect(readPackedEntries(dir, 'articles', undefined)).toBeUndefined();
  });

  it('gives content sync its table as read, freed at once as the rows it keeps are copied', () => {
    const dir = folder();
    const many = Array.from({ length: 25_000 }, (_, at) => stored(`1403/${at}`, `content/articles/1403/${at}.md`));
    writePackedEntries(dir, 'store-1', tableOf(many));
    const read = readPackedEntries(dir, 'articles', 'store-1')!;
    // As read: not copies in shared memory, which stayed until collected.
    const columns = new Map(read.stored()) as Map<string, Record<string, ArrayBufferView>>;
    const arrays = [columns.get('ids')!.bytes!, columns.get('ids')!.ends!, columns.get('data.date')!.numbers!];
    for (const array of arrays) expect(array.buffer).toBeInstanceOf(ArrayBuffer);
    // What content sync writes: the rows it keeps, copied a column at a time (./rendered-bodies.ts).
    const kept = PackedColumns.of('articles', read.rows().slice(1), read);
    for (const array of arrays) expect(array.buffer.byteLength).toBe(0);
    expect(ids(kept)).toEqual(many.slice(1).map((entry) => entry.id));
    expect(kept.rows()[0]!.filePath).toBe('content/articles/1403/1.md');
    // Reading the released table is a bug, said as one, not empty texts.
    expect(() => read.rows()[0]!.id).toThrow('read after it was released: a bug of Bayegan');
    expect(() => tableOf([]).add(read.rows()[1]!)).toThrow('read after it was released');
  });

  it('takes a file of an earlier layout (structured-clone parts of entries) as no store’s, and the pages refuse it', () => {
    const dir = folder();
    const frame = (value: unknown) => {
      const body = serialize(value);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(body.length);
      return [length, body];
    };
    const entries = [stored('1403/a', 'content/articles/1403/a.md')];
    writeFileSync(
      packedEntriesFile(dir),
      Buffer.concat([...frame({ token: 'store-1', count: 1, code: 'code-1' }), ...frame(entries)]),
    );
    // Content sync reads those files again, as for a store it has no packed entries of.
    expect(readPackedEntries(dir, 'articles', 'store-1')).toBeUndefined();
    expect(readIndexOfCode(dir, 'articles', 'code-1')).toBeUndefined();
    // The pages read only what this build's content sync wrote.
    expect(() => packedEntries('articles', dir)).toThrow(`${packedEntriesFile(dir)} is damaged`);
  });

  it('gives the plan’s index, whatever its store, only to a build of the code and settings that made it', () => {
    const dir = folder();
    const entries = [stored('1403/a', 'content/articles/1403/a.md'), stored('1403/b', 'content/articles/1403/b.md')];
    writePackedEntries(dir, 'plan-store', tableOf(entries), 'code-1');
    expect(ids(readIndexOfCode(dir, 'articles', 'code-1'))).toEqual(['1403/a', '1403/b']);
    // Data packed by other code may lack what the schema now gives: not taken.
    expect(readIndexOfCode(dir, 'articles', 'code-2')).toBeUndefined();
    // A segment's own file is not an index.
    writePackedEntries(dir, 'segment-store', tableOf(entries));
    expect(readIndexOfCode(dir, 'articles', 'code-1')).toBeUndefined();
    expect(readIndexOfCode(folder(), 'articles', 'code-1')).toBeUndefined();
  });

  it('refuses a file cut short, naming it and what to do', () => {
    const dir = folder();
    writePackedEntries(dir, 'store-1', tableOf([stored('1403/a', 'content/articles/1403/a.md')]));
    const file = packedEntriesFile(dir);
    const whole = readFileSync(file);
    // Where each part starts: the header's, then each column's.
    const starts: number[] = [];
    for (let at = 0; at < whole.length; at += 4 + whole.readUInt32LE(at)) starts.push(at);
    // Inside the last column, a whole column short, inside the header.
    for (const cut of [whole.length - 3, starts.at(-1)!, starts.at(-2)!, 2]) {
      writeFileSync(file, whole.subarray(0, cut));
      expect(() => readPackedEntries(dir, 'articles', 'store-1'), `cut at ${cut}`).toThrow(
        `${file} is damaged: delete it and build again.`,
      );
    }
  });
});
