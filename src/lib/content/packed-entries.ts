/**
 * The entries a segment build packed, kept beside Astro's content store instead of inside it
 * (Node-only). Astro writes its whole store as one string, at most 2^29 − 24 characters: with every
 * article's entry in it, packed or not, content sync of a segment could not pass about 900,000
 * articles (about 590 characters an article in segment 3 of 8 of 100,000), whatever the number of
 * segments, and stopped at a million ("Invalid string length"). Kept apart, the store holds the
 * segment's share in full and grows with the share; the packed entries
 * (src/lib/content/packed-data.ts) go to one file, as the columns the pages hold them in
 * (./packed-columns.ts): typed arrays and lists of shared values, a column a part. Content sync
 * reads the file back as it is (its own, or the plan's index), the rows of its table beside the
 * entries it packs; a million structured-clone objects, as the file held them before, took a
 * segment about 7 s to read and as long again in each page thread to pack into columns.
 *
 * Content sync never puts them in Astro's store, which Astro writes 500 ms after its last change
 * (in the middle of a long sync, too): its loaders keep them beside it, by id (./packed-beside.ts,
 * `WithPackedEntries`), which the check for unchanged files reads as it reads the store
 * (./unchanged-files.ts). The pages add them to the collection (`packedEntries`): the thread that
 * synced is handed the columns, and hands them on to the page thread it starts (in shared memory:
 * one copy a process, whatever the number of threads); a thread handed none reads the file.
 */
import type { LoaderContext } from 'astro/loaders';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { freeNow } from '#lib/free-now.ts';
import { processWideMap } from '#lib/process-wide.ts';
import { damagedFile, readFramedFile, writeFramedFile } from './framed-file.ts';
import type { PackedBeside } from './packed-beside.ts';
import { PackedColumns, type PackedArticleEntry, type StoredColumns } from './packed-columns.ts';

/** An entry as the store keeps it, which is what is kept beside it. */
export type PackedEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * A packed entry content sync holds beside the store: one it packed, or a row of the file it read
 * (its own, or the plan's index), which gives the same fields.
 */
export type BesideEntry = PackedEntry | PackedArticleEntry;

/**
 * A segment build's content sync, as its loaders pass it on: the packed entries beside the store,
 * by id. They are never in Astro's store, which Astro may write at any moment of the sync (500 ms
 * after its last change): with them it would not fit in one string at a million articles.
 */
export interface WithPackedEntries {
  packedBeside?: PackedBeside;
  /**
   * The file records (./unchanged-files.ts) of the index these packed entries came from, when they
   * are the plan's (`planIndex`, ./rendered-bodies.ts): the build has no records of its own.
   */
  recordsFrom?: string;
}

/** The file of packed entries in a collection's folder of bodies (renderedBodiesDir). */
export const packedEntriesFile = (dir: string) => path.join(dir, 'packed-entries.bin');

/** The layout of the file, in its header: another is not read (a build cache of an earlier version). */
const FORMAT = 'columns-2';

/** What the file starts with: the store it belongs to (a token kept in the collection's meta) and the count. */
interface Header {
  token: string;
  count: number;
  format: string;
  /**
   * The digest of the code and settings that packed them, when they are the plan's index: a
   * segment takes that index only from a plan of its own code (`readIndexOfCode`).
   */
  code?: string;
}

/** Writes `table` as the packed entries of the store whose token is `token` (made by `code`, in the plan). */
export function writePackedEntries(dir: string, token: string, table: PackedColumns, code?: string): void {
  const header: Header = { token, count: table.count, format: FORMAT, ...(code === undefined ? {} : { code }) };
  // One column a part (./packed-columns.ts).
  writeFramedFile(packedEntriesFile(dir), header, table.stored());
}

/**
 * The file's header, and its table of `collection` when it is of this layout and `wanted` takes
 * the header; undefined when there is no file. Read a column at a time. The table's typed arrays
 * are in shared memory for the pages (`toCopy` false), or as read for content sync, which copies
 * its rows once and releases it (`PackedColumns.restored`).
 */
function readFile(
  dir: string,
  collection: string,
  wanted: (header: Header) => boolean,
  toCopy: boolean,
): { header: Header; table?: PackedColumns } | undefined {
  const file = packedEntriesFile(dir);
  const columns: StoredColumns = [];
  const parts: Buffer[] = [];
  const ours = (header: Header) => header.format === FORMAT && wanted(header);
  const header = readFramedFile<Header>(file, ours, (part, bytes) => {
    columns.push(part as StoredColumns[number]);
    parts.push(bytes);
  });
  if (header === undefined || !ours(header)) return header && { header };
  const table = PackedColumns.restored(collection, header.count, columns, toCopy ? { parts } : undefined);
  if (!table) throw damagedFile(file);
  // Else the table holds copies of the parts' typed arrays, in shared memory (./typed-columns.ts):
  // the bytes read (about 180 MB at a million articles) are freed now, not when collected.
  if (!toCopy) for (const bytes of parts) freeNow(bytes);
  return { header, table };
}

/**
 * The packed entries of `collection`'s store whose token is `token`, from the file in `dir`, for
 * content sync to copy the rows it keeps from, releasing it as it does (`PackedColumns.of`);
 * undefined when there is none, or it belongs to another store (Astro cleared the store since, when
 * its settings changed) or another version.
 */
export function readPackedEntries(
  dir: string,
  collection: string,
  token: string | undefined,
): PackedColumns | undefined {
  if (token === undefined) return undefined;
  return readFile(dir, collection, (header) => header.token === token, true)?.table;
}

/**
 * Every packed entry of the file in `dir`, whichever store it belongs to, when the code and settings
 * that made it are `code` (the plan's index), for content sync to copy and release as its own
 * (`readPackedEntries`); undefined when there is no such file. Data packed by other code may lack a
 * field the schema now gives, though the files are the same.
 */
export function readIndexOfCode(dir: string, collection: string, code: string): PackedColumns | undefined {
  return readFile(dir, collection, (header) => header.code === code, true)?.table;
}

/** Removes the file: a build that keeps every entry in the store has none. */
export function removePackedEntries(dir: string): void {
  rmSync(packedEntriesFile(dir), { force: true });
}

/** A table's columns as stored, with its number of rows: what one thread hands another. */
export interface HandedEntries {
  count: number;
  columns: StoredColumns;
}

/** The packed entries content sync left, per collection, for the pages of the same thread: as stored. */
const handedOver = () => processWideMap<string, HandedEntries>('bayegan.packedEntries');

/**
 * The packed entries the pages of this thread took, per collection, for a page thread it starts
 * (`packedEntriesToHandOn`): the same columns, whose typed arrays are in shared memory.
 */
const takenByPages = () => processWideMap<string, HandedEntries>('bayegan.packedEntriesTaken');

/**
 * Keeps `table`, as the pages of this thread hold it now, for a page thread it starts: its released
 * columns as released (`releasePackedColumns`).
 */
const keepForPageThreads = (table: PackedColumns) =>
  takenByPages().set(table.collection, { count: table.count, columns: table.stored({ released: true }) });

/**
 * Called by the loader once a collection's packed entries are final. Handed over as the columns
 * it stores, typed arrays and lists that the pages' table takes as they are: the pages' modules are
 * not the loader's (Astro bundles them apart), and a row of the loader's table would not be known
 * as one by theirs (nor would the digest of the whole entry it gives a page's fingerprint).
 */
export function handOverPackedEntries(collection: string, table: PackedColumns): void {
  handedOver().set(collection, { count: table.count, columns: table.stored() });
}

/**
 * The entries of `collection` content sync packed and kept beside the store, in `dir` (none when
 * it kept every entry in the store): a table whose rows are entries of the collection
 * (./packed-columns.ts), their data guarded, made when asked (src/lib/article-table.ts). Handed
 * over in the thread that synced (or by the thread that started this one), else read from the
 * file, which this build's content sync wrote. Handed over once; what the pages took is kept for a
 * page thread this one starts.
 */
export function packedEntries(collection: string, dir: string | undefined): PackedColumns | undefined {
  const handed = handedOver().get(collection);
  handedOver().delete(collection);
  const table = handed ? handedTable(collection, handed) : dir === undefined ? undefined : readTable(dir, collection);
  if (!table) return undefined;
  keepForPageThreads(table);
  return table.seal();
}

/** The table of the columns handed over (by content sync, or the thread that started this one). */
function handedTable(collection: string, handed: HandedEntries): PackedColumns {
  const table = PackedColumns.restored(collection, handed.count, handed.columns);
  if (!table) throw new Error(`The packed entries of ${collection} were handed over damaged: a bug of Bayegan.`);
  return table;
}

/** The table of the file in `dir`, whichever store it belongs to; undefined when there is none. */
function readTable(dir: string, collection: string): PackedColumns | undefined {
  const read = readFile(dir, collection, () => true, false);
  if (read && !read.table) throw damagedFile(packedEntriesFile(dir));
  return read?.table;
}

/**
 * Releases the columns `names` of `table`, the packed entries this thread's pages took
 * (`PackedColumns.release`), and in what a page thread started from now on is handed of them: the
 * columns this thread keeps for it would hold their memory otherwise.
 */
export function releasePackedColumns(table: PackedColumns, names: readonly string[]): void {
  table.release(names);
  if (takenByPages().has(table.collection)) keepForPageThreads(table);
}

/**
 * What a page thread started now is handed of the packed entries (src/build/page-workers.ts): the
 * columns this thread's pages took, which a structured clone passes in the memory they share (a
 * million articles' are about 150 MB: a copy, or the file read again, would be one more a thread).
 * Empty when the pages took none yet: the page thread reads the file.
 */
export function packedEntriesToHandOn(): [string, HandedEntries][] {
  return [...takenByPages()];
}

/** In a page thread: the packed entries the thread that started it handed on (`packedEntriesToHandOn`). */
export function adoptPackedEntries(handed: Iterable<[string, HandedEntries]>): void {
  for (const [collection, entries] of handed) handedOver().set(collection, entries);
}
