/**
 * A file of length-prefixed parts, each a structured clone (Node-only): a header, then the parts,
 * written and read a part at a time, never as one string or buffer (the packed entries of a
 * million articles, ./packed-entries.ts; the plan's store entries of a collection,
 * ./plan-store-index.ts).
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { writeWholeFileInParts } from '#lib/whole-file.ts';

/** The error for a file cut short or otherwise not as written, naming it and what to do. */
export const damagedFile = (file: string) => new Error(`${file} is damaged: delete it and build again.`);

/** The parts of the file: each value's clone, after its length in four bytes. */
function* framed(header: unknown, parts: Iterable<unknown>): Generator<Uint8Array> {
  for (const value of [header, ...parts]) {
    const body = serialize(value);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    yield length;
    yield body;
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
 * header; undefined when there is no file. Throws `damagedFile` for a part cut short.
 */
export function readFramedFile<H>(
  file: string,
  wanted: (header: H) => boolean,
  take: (part: unknown) => void,
): H | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const frame = Buffer.alloc(4);
    let at = 0;
    /** The next part, or undefined at the end of the file. */
    const next = (): unknown => {
      if (!readFully(fd, frame, at)) return undefined;
      const part = Buffer.allocUnsafe(frame.readUInt32LE(0));
      if (!readFully(fd, part, at + 4)) throw damagedFile(file);
      at += 4 + part.length;
      return deserialize(part) as unknown;
    };
    const header = next() as H | undefined;
    if (header === undefined) throw damagedFile(file);
    if (!wanted(header)) return header;
    for (let part = next(); part !== undefined; part = next()) take(part);
    return header;
  } finally {
    closeSync(fd);
  }
}
