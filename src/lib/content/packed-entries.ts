/**
 * The entries a segment build packed, kept beside Astro's content store instead of inside it
 * (Node-only). Astro writes its whole store as one string, at most 2^29 − 24 characters: with every
 * article's entry in it, packed or not, content sync of a segment could not pass about 900,000
 * articles (about 590 characters an article in segment 3 of 8 of 100,000), whatever the number of
 * segments, and stopped at a million ("Invalid string length"). Kept apart, the store holds the
 * segment's share in full and grows with the share; the packed entries
 * (src/lib/content/packed-data.ts) go to one file of structured-clone parts, written and read a
 * part at a time.
 *
 * Content sync never puts them in Astro's store, which Astro writes 500 ms after its last change
 * (in the middle of a long sync, too): its loaders keep them in a Map beside it
 * (`WithPackedEntries`), which the check for unchanged files reads as it reads the store
 * (./unchanged-files.ts). The pages add them to the collection, held as columns
 * (`packedEntries`, ./packed-columns.ts): the process that synced is handed them, a page thread
 * reads the file.
 */
import type { LoaderContext } from 'astro/loaders';
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { processWideMap } from '#lib/process-wide.ts';
import { writeWholeFileInParts } from '#lib/whole-file.ts';
import { PackedColumns, type StoredPackedEntry } from './packed-columns.ts';

/** An entry as the store keeps it, which is what is kept beside it. */
export type PackedEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * A segment build's content sync, as its loaders pass it on: the packed entries beside the store,
 * by id. They are never in Astro's store, which Astro may write at any moment of the sync (500 ms
 * after its last change): with them it would not fit in one string at a million articles.
 */
export interface WithPackedEntries {
  packedBeside?: Map<string, PackedEntry>;
  /**
   * The file records (./unchanged-files.ts) of the index these packed entries came from, when they
   * are the plan's (`planIndex`, ./rendered-bodies.ts): the build has no records of its own.
   */
  recordsFrom?: string;
}

/** The file of packed entries in a collection's folder of bodies (renderedBodiesDir). */
export const packedEntriesFile = (dir: string) => path.join(dir, 'packed-entries.bin');

/** Entries a part: each part is one structured clone, so values shared inside it are written once. */
const PART_SIZE = 10_000;

/** What the file starts with: the store it belongs to (a token kept in the collection's meta) and the count. */
interface Header {
  token: string;
  count: number;
  /**
   * The digest of the code and settings that packed them, when they are the plan's index: a
   * segment takes that index only from a plan of its own code (`readIndexOfCode`).
   */
  code?: string;
}

/** Length-prefixed parts: a header, then the entries `PART_SIZE` at a time. */
function* parts(header: Header, entries: readonly object[]): Generator<Uint8Array> {
  const framed = (value: unknown) => {
    const body = serialize(value);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    return [length, body];
  };
  yield* framed(header);
  for (let at = 0; at < entries.length; at += PART_SIZE) yield* framed(entries.slice(at, at + PART_SIZE));
}

/** Writes `entries` as the packed entries of the store whose token is `token` (made by `code`, in the plan). */
export function writePackedEntries(dir: string, token: string, entries: readonly object[], code?: string): void {
  const header: Header = { token, count: entries.length, ...(code === undefined ? {} : { code }) };
  writeWholeFileInParts(packedEntriesFile(dir), parts(header, entries));
}

/** Reads `into.length` bytes of `fd` from `position`; false at the end of the file before them. */
function readFully(fd: number, into: Buffer, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

/**
 * The file's header, each of its entries given to `take` as it is read when `wanted` takes the
 * header; undefined when there is no file. Read a part at a time, never whole: at a million
 * articles the file is 428 MB, which a page thread held all at once beside the entries it made of
 * it, as it started.
 */
function readFile(
  dir: string,
  take: (entry: unknown) => void,
  wanted: (header: Header) => boolean = () => true,
): Header | undefined {
  const file = packedEntriesFile(dir);
  if (!existsSync(file)) return undefined;
  const damaged = () => new Error(`${file} is damaged: delete it and build again.`);
  const fd = openSync(file, 'r');
  try {
    const frame = Buffer.alloc(4);
    let at = 0;
    /** The next part, or undefined at the end of the file. */
    const next = (): unknown => {
      if (!readFully(fd, frame, at)) return undefined;
      const part = Buffer.allocUnsafe(frame.readUInt32LE(0));
      if (!readFully(fd, part, at + 4)) throw damaged();
      at += 4 + part.length;
      return deserialize(part) as unknown;
    };
    const header = next() as Header | undefined;
    if (header === undefined) throw damaged();
    if (!wanted(header)) return header;
    let count = 0;
    for (let part = next(); part !== undefined; part = next()) {
      for (const entry of part as unknown[]) take(entry);
      count += (part as unknown[]).length;
    }
    if (count !== header.count) throw damaged();
    return header;
  } finally {
    closeSync(fd);
  }
}

/** Every entry of the file in `dir`, when there is one and `wanted` takes its header; else undefined. */
function entriesIf(dir: string, wanted: (header: Header) => boolean): unknown[] | undefined {
  const entries: unknown[] = [];
  const header = readFile(dir, (entry) => entries.push(entry), wanted);
  return header !== undefined && wanted(header) ? entries : undefined;
}

/**
 * The packed entries of the store whose token is `token`, from the file; undefined when there is
 * none, or it belongs to another store (Astro cleared the store since, when its settings changed).
 */
export function readPackedEntries(dir: string, token: string | undefined): unknown[] | undefined {
  return token === undefined ? undefined : entriesIf(dir, (header) => header.token === token);
}

/**
 * Every packed entry of the file in `dir`, whichever store it belongs to, when the code and settings
 * that made it are `code` (the plan's index); undefined when there is no such file. Data packed by
 * other code may lack a field the schema now gives, though the files are the same.
 */
export function readIndexOfCode(dir: string, code: string): unknown[] | undefined {
  return entriesIf(dir, (header) => header.code === code);
}

/** Removes the file: a build that keeps every entry in the store has none. */
export function removePackedEntries(dir: string): void {
  rmSync(packedEntriesFile(dir), { force: true });
}

/** The packed entries content sync left, per collection, for the pages of the same process. */
const handedOver = () => processWideMap<string, readonly unknown[]>('bayegan.packedEntries');

/** Called by the loader once a collection's packed entries are final. */
export function handOverPackedEntries(collection: string, entries: readonly unknown[]): void {
  handedOver().set(collection, entries);
}

/**
 * The entries of `collection` content sync packed and kept beside the store, in `dir` (none when
 * it kept every entry in the store), as entries of the collection: rows of columns
 * (./packed-columns.ts), their data guarded. Handed over in the process that synced, else read
 * from the file, which this build's content sync wrote, each entry added to the columns as it is
 * read. Handed over once, so that the list does not outlive the pages' use of it; asked again,
 * they are read from the file.
 */
export function packedEntries(collection: string, dir: string | undefined): readonly unknown[] {
  const columns = new PackedColumns(collection);
  const handed = handedOver().get(collection);
  handedOver().delete(collection);
  if (handed) for (const entry of handed) columns.add(entry as StoredPackedEntry);
  // Each entry added as it is read: the structured clone it is made of is dropped a part at a time.
  else if (dir) readFile(dir, (entry) => columns.add(entry as StoredPackedEntry));
  return columns.rows();
}
