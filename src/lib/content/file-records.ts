/**
 * What content sync recorded of a collection's files (Node-only), for the check for unchanged files
 * (./unchanged-files.ts): each file's name, its key when read and the digest Astro gave its entry.
 * The file is read into one buffer and a record is found there by its name's hash, in an
 * open-addressing table of rows (`rowOf`); the next sync's records are the rows it keeps, written
 * from that buffer as they are, and the records of the files it read (`NextRecords`). As a JSON
 * object of a record a file (the object's million properties, an array and two strings a record,
 * twice over while the next ones were made, and a string of about 120 MB to write, which would have
 * passed V8's longest string at about 4.3 million files), the check took 20–23 s of the content
 * sync of a segment of a million articles; now 14–16 s (segment 3 of 256, 5 December 2026). What it
 * leaves resident is not less, though: see docs/operations.md, «Content sync's records of the
 * files». As typed columns the records were grown, sealed and serialised to be written: the process
 * held about 0.2 GB more at the end of that sync.
 *
 * The file: a line of JSON (`Header`), then each record as its body's length and its name's hash
 * (four bytes each, little-endian) and its body, the name, key and digest in UTF-8 with a zero byte
 * between them (no file name, key or digest holds one).
 */
import { readFileSync } from 'node:fs';
import { freeNow } from '#lib/free-now.ts';
import { RowsByName } from '#lib/rows-by-name.ts';
import { fnv1a } from '#lib/text-hash.ts';
import { writeWholeFileInParts } from '#lib/whole-file.ts';
import { withRoom } from './typed-columns.ts';

/** The layout of the file, in its header: another (the JSON of earlier versions) is not read. */
const FORMAT = 'file-records-1';

interface Header {
  format: string;
  /** The folder read, relative to the project: records of another folder are not the files'. */
  folder: string | undefined;
  count: number;
}

/** A record's body's length and its name's hash (`fnv1a`), before the body. */
const PREFIX = 8;

const encoder = new TextEncoder();

/** The records a sync found, read from its file: found by a file's name. */
export class FileRecords {
  /** The folder read, relative to the project (as Astro names an entry's file). */
  readonly folder: string | undefined;
  #bytes: Buffer;
  /** Where each row's record starts in `#bytes`. */
  #starts: Uint32Array;
  /** The rows by name, at the hash each record keeps of it; made when first asked (`rowOf`). */
  #byName: RowsByName | undefined;

  private constructor(folder: string | undefined, bytes: Buffer, starts: Uint32Array) {
    this.folder = folder;
    this.#bytes = bytes;
    this.#starts = starts;
  }

  /** No records: every file is read. */
  static none(folder?: string): FileRecords {
    return new FileRecords(folder, Buffer.alloc(0), new Uint32Array(0));
  }

  /**
   * The records written to `file`; none (of no folder) when it is missing, damaged or of another
   * layout: every file is then read again, which is all a lost list costs.
   */
  static read(file: string): FileRecords {
    let bytes: Buffer;
    let header: Header;
    try {
      bytes = readFileSync(file);
      const newline = bytes.indexOf(10);
      if (newline < 0) return FileRecords.none();
      header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
      if (header.format !== FORMAT || !Number.isInteger(header.count)) return FileRecords.none();
      const starts = new Uint32Array(header.count);
      let at = newline + 1;
      for (let row = 0; row < header.count && at + PREFIX <= bytes.length; row += 1) {
        starts[row] = at;
        at += PREFIX + bytes.readUInt32LE(at);
      }
      // Every record there, and nothing after the last: a file cut short is read as none.
      if (at !== bytes.length || (header.count > 0 && starts[header.count - 1] === 0)) return FileRecords.none();
      return new FileRecords(header.folder, bytes, starts);
    } catch {
      return FileRecords.none();
    }
  }

  get count(): number {
    return this.#starts.length;
  }

  /** The row of `name`'s record; undefined when there is none. */
  rowOf(name: string): number | undefined {
    if (this.count === 0) return undefined;
    this.#byName ??= new RowsByName(
      this.count,
      (row) => this.#bytes.readUInt32LE(this.#starts[row]! + 4),
      (row) => this.#field(row, 0),
    );
    return this.#byName.rowOf(name);
  }

  /** The key the file of row `row` was read with. */
  keyAt(row: number): string {
    return this.#field(row, 1);
  }

  /** The digest of the entry of the file of row `row`. */
  digestAt(row: number): string {
    return this.#field(row, 2);
  }

  /**
   * Frees the buffer read now, not at the next full garbage collection, which content sync's heap,
   * kept small, may not need before page generation: a million articles' records are about 113 MB,
   * which stayed resident through the end of the sync. No records are left.
   */
  release(): void {
    // A small file's bytes may be a slice of Node's pool, which `freeNow` leaves alone.
    freeNow(this.#bytes);
    this.#bytes = Buffer.alloc(0);
    this.#starts = new Uint32Array(0);
    this.#byName = undefined;
  }

  /**
   * The records of the first `count` of `rows` as they are on file, prefix and body: views of the
   * buffer read, a run of rows that follow each other there as one.
   */
  *bytesOfRows(rows: Uint32Array, count: number): Generator<Uint8Array> {
    let from = 0;
    let to = 0;
    for (let at = 0; at < count; at += 1) {
      const start = this.#starts[rows[at]!]!;
      if (start !== to) {
        if (to > from) yield this.#bytes.subarray(from, to);
        from = start;
      }
      to = start + PREFIX + this.#bytes.readUInt32LE(start);
    }
    if (to > from) yield this.#bytes.subarray(from, to);
  }

  /** Field `index` (name, key, digest) of row `row`'s body. */
  #field(row: number, index: number): string {
    const start = this.#starts[row]!;
    const end = start + PREFIX + this.#bytes.readUInt32LE(start);
    let from = start + PREFIX;
    for (let skipped = 0; skipped < index; skipped += 1) from = this.#bytes.indexOf(0, from) + 1;
    const zero = this.#bytes.indexOf(0, from);
    return this.#bytes.toString('utf8', from, zero < 0 || zero > end ? end : zero);
  }
}

/** The records of this sync: rows of the last sync's it keeps, then the records of files it read. */
export class NextRecords {
  readonly #previous: FileRecords;
  readonly #folder: string;
  #kept: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  #keptCount = 0;
  /** The records added, one after the other as on file: a cold sync adds one for every file. */
  #added: Uint8Array<ArrayBufferLike> = new Uint8Array(1 << 16);
  #addedBytes = 0;
  #addedCount = 0;

  /**
   * @param previous the records read, which rows are kept of
   * @param folder the folder read, relative to the project
   */
  constructor(previous: FileRecords, folder: string) {
    this.#previous = previous;
    this.#folder = folder;
  }

  get count(): number {
    return this.#keptCount + this.#addedCount;
  }

  /** Keeps row `row` of the records read, as it is. */
  keep(row: number): void {
    this.#kept = withRoom(this.#kept, this.#keptCount + 1);
    this.#kept[this.#keptCount++] = row;
  }

  /** Adds the record of `name`, read with `key`, whose entry's digest is `digest`. */
  add(name: string, key: string, digest: string): void {
    const body = `${name}\0${key}\0${digest}`;
    const at = this.#addedBytes;
    // UTF-8 takes at most three bytes for a UTF-16 code unit.
    this.#added = withRoom(this.#added, at + PREFIX + body.length * 3);
    const { written } = encoder.encodeInto(body, this.#added.subarray(at + PREFIX));
    const prefix = new DataView(this.#added.buffer, this.#added.byteOffset + at, PREFIX);
    prefix.setUint32(0, written, true);
    prefix.setUint32(4, fnv1a(name), true);
    this.#addedBytes = at + PREFIX + written;
    this.#addedCount += 1;
  }

  /**
   * Writes the records to `file` (whole or not at all): the kept ones as views of the buffer read,
   * so that nothing the size of the records is made again, then the added ones.
   */
  write(file: string): void {
    const header: Header = { format: FORMAT, folder: this.#folder, count: this.count };
    writeWholeFileInParts(file, this.#parts(header));
  }

  *#parts(header: Header): Generator<Uint8Array> {
    yield Buffer.from(`${JSON.stringify(header)}\n`);
    yield* this.#previous.bytesOfRows(this.#kept, this.#keptCount);
    yield this.#added.subarray(0, this.#addedBytes);
  }
}
