/**
 * A file of length-prefixed parts, each a structured clone (Node-only): a header, then the parts,
 * written and read a part at a time, never as one string or buffer (the packed entries of a
 * million articles, ./packed-entries.ts, a column a part); and a list kept so, some thousands of
 * items a part (`writeFramedList`: the plan's store entries of a collection, ./plan-index.ts; a
 * segment's packed comments, ./comments-by-share.ts).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { freeNow } from '#lib/free-now.ts';
import { writeWholeFileInParts } from '#lib/whole-file.ts';

/** The error for a file cut short or otherwise not as written, naming it and what to do. */
export const damagedFile = (file: string) => new Error(`${file} is damaged: delete it and build again.`);

/**
 * The parts of the file: each value's clone, after its length in four bytes. A clone is freed once
 * written (`freeNow`): a million articles' columns are about 180 MB of them.
 */
function* framed(header: unknown, parts: Iterable<unknown>): Generator<Uint8Array> {
  for (const value of [header, ...parts]) {
    const body = serialize(value);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    yield length;
    yield body;
    freeNow(body);
  }
}

/** Writes `header`, then each of `parts`, to `file` (whole or not at all: #lib/whole-file.ts). */
export function writeFramedFile(file: string, header: unknown, parts: Iterable<unknown>): void {
  writeWholeFileInParts(file, framed(header, parts));
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
 * The header of `file`, each of its parts given to `take` as it is read when `wanted` takes the
 * header, with the bytes it was read from (its typed arrays may be views of them); undefined when
 * there is no file. Throws `damagedFile` for a part cut short.
 */
export function readFramedFile<H>(
  file: string,
  wanted: (header: H) => boolean,
  take: (part: unknown, bytes: Buffer) => void,
): H | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const frame = Buffer.alloc(4);
    let at = 0;
    let bytes = Buffer.alloc(0);
    /** The next part, or undefined at the end of the file. */
    const next = (): unknown => {
      if (!readFully(fd, frame, at)) return undefined;
      bytes = Buffer.allocUnsafe(frame.readUInt32LE(0));
      if (!readFully(fd, bytes, at + 4)) throw damagedFile(file);
      at += 4 + bytes.length;
      return deserialize(bytes) as unknown;
    };
    const header = next() as H | undefined;
    if (header === undefined) throw damagedFile(file);
    if (!wanted(header)) return header;
    for (let part = next(); part !== undefined; part = next()) take(part, bytes);
    return header;
  } finally {
    closeSync(fd);
  }
}

/** Items a part of a list: each part is one structured clone. */
const LIST_PART = 10_000;

/** Writes `items` to `file` (its folder made), after `header` and their count, `LIST_PART` a part. */
export function writeFramedList(file: string, header: object, items: readonly unknown[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const parts = function* () {
    for (let at = 0; at < items.length; at += LIST_PART) yield items.slice(at, at + LIST_PART);
  };
  writeFramedFile(file, { ...header, count: items.length }, parts());
}

/**
 * The items of a list `writeFramedList` wrote to `file`, when `wanted` takes its header; undefined
 * when there is no file or it is not wanted. Throws `damagedFile` when items are missing.
 */
export function readFramedList<H extends object, T>(file: string, wanted: (header: H) => boolean): T[] | undefined {
  const items: T[] = [];
  const header = readFramedFile<H & { count: number }>(file, wanted, (part) => items.push(...(part as T[])));
  if (header === undefined || !wanted(header)) return undefined;
  if (items.length !== header.count) throw damagedFile(file);
  return items;
}
