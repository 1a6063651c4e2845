import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  handOverPackedEntries,
  packedEntries,
  packedEntriesFile,
  readIndexOfCode,
  readPackedEntries,
  writePackedEntries,
} from '../../src/lib/content/packed-entries';
import { isPackedData } from '../../src/lib/content/packed-data';

const unrendered = { html: '', metadata: { bayeganUnrendered: true } };
const stored = (id: string, filePath: string | undefined, more: object = {}) => ({
  id,
  data: { id: 1, bayeganLeftOut: ['title'] },
  body: undefined,
  filePath,
  digest: `d-${id}`,
  rendered: unrendered,
  assetImports: undefined,
  ...more,
});
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
    handOverPackedEntries('articles', entries);
    const pages = packedEntries('articles', undefined) as Record<string, unknown>[];
    expect(pages.map((entry) => entry['filePath'])).toEqual(entries.map((entry) => entry.filePath));
    for (const [at, entry] of pages.entries()) {
      const { data, ...rest } = entries[at]!;
      expect(entry).toMatchObject({ ...rest, collection: 'articles' });
      // Its data guarded from the start: what it left out cannot be read.
      expect(isPackedData(entry['data'] as object)).toBe(true);
      expect((entry['data'] as { id: number }).id).toBe(data.id);
      expect(() => (entry['data'] as { title?: string }).title).toThrow(/"title" was read/);
    }
    expect(pages[1]!['deferredRender']).toBe(true);
    // Not kept: one path an article of the archive, in every thread of a segment build.
    expect(Object.keys(pages[0]!)).not.toContain('filePath');
  });

  it('hands the entries over once; asked again, reads them from the file', () => {
    const dir = folder();
    const onFile = [stored('1403/a', 'content/articles/1403/a.md')];
    writePackedEntries(dir, 'token', onFile);
    handOverPackedEntries('articles', [stored('1403/b', 'content/articles/1403/b.md')]);
    expect((packedEntries('articles', dir) as { id: string }[]).map((entry) => entry.id)).toEqual(['1403/b']);
    const again = packedEntries('articles', dir) as { id: string; filePath: string }[];
    expect(again.map((entry) => [entry.id, entry.filePath])).toEqual([['1403/a', 'content/articles/1403/a.md']]);
    expect(() => (again[0] as unknown as { data: { title?: string } }).data.title).toThrow(/"title" was read/);
  });

  it('reads back a file of many parts, and only the file of its own store', () => {
    const dir = folder();
    // Three parts of 10,000 entries: each part is read on its own.
    const many = Array.from({ length: 25_000 }, (_, at) => stored(`1403/${at}`, `content/articles/1403/${at}.md`));
    writePackedEntries(dir, 'store-1', many);
    const read = readPackedEntries(dir, 'store-1') as { id: string }[];
    expect(read).toHaveLength(25_000);
    expect(read.map((entry) => entry.id)).toEqual(many.map((entry) => entry.id));
    // A store Astro cleared since has another token: the file is not its.
    expect(readPackedEntries(dir, 'store-2')).toBeUndefined();
    expect(readPackedEntries(dir, undefined)).toBeUndefined();
  });

  it('gives the plan’s index, whatever its store, only to a build of the code and settings that made it', () => {
    const dir = folder();
    const entries = [stored('1403/a', 'content/articles/1403/a.md'), stored('1403/b', 'content/articles/1403/b.md')];
    writePackedEntries(dir, 'plan-store', entries, 'code-1');
    expect((readIndexOfCode(dir, 'code-1') as { id: string }[]).map((entry) => entry.id)).toEqual(['1403/a', '1403/b']);
    // Data packed by other code may lack what the schema now gives: not taken.
    expect(readIndexOfCode(dir, 'code-2')).toBeUndefined();
    // A segment's own file is not an index.
    writePackedEntries(dir, 'segment-store', entries);
    expect(readIndexOfCode(dir, 'code-1')).toBeUndefined();
    expect(readIndexOfCode(folder(), 'code-1')).toBeUndefined();
  });

  it('refuses a file cut short, naming it and what to do', () => {
    const dir = folder();
    writePackedEntries(dir, 'store-1', [stored('1403/a', 'content/articles/1403/a.md')]);
    const file = packedEntriesFile(dir);
    const whole = readFileSync(file);
    for (const cut of [whole.length - 3, whole.length - 40, 2]) {
      writeFileSync(file, whole.subarray(0, cut));
      expect(() => readPackedEntries(dir, 'store-1'), `cut at ${cut}`).toThrow(
        `${file} is damaged: delete it and build again.`,
      );
    }
  });
});
