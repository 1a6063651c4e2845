/**
 * What content sync recorded of a collection's files (Node-only), for the check for unchanged
 * files (./unchanged-files.ts): each file's name, its key when read and the digest Astro gave its
 * entry. Kept as three text columns (./typed-columns.ts) and the names' hashes, on file as framed
 * parts (./framed-file.ts): as a JSON object of a record a file, a million articles' records were
 * about 290 bytes of heap a file once parsed (the object's million properties, an array and two
 * strings a record), twice over while the next ones were made, and a string of about 120 MB to
 * write; content sync of a segment peaked there. A file's record is found by its name's hash in an
 * open-addressing table of rows (`rowOf`), with no map of the names.
 */
import { damagedFile, readFramedFile, writeFramedFile } from './framed-file.ts';
import { TextColumn, withRoom } from './typed-columns.ts';

/** The layout of the file, in its header: another (the JSON of earlier versions) is not read. */
const FORMAT = 'file-records-1';

interface Header {
  format: string;
  /** The folder read, relative to the project: records of another folder are not the files'. */
  folder: string | undefined;
  count: number;
}

/** The 32-bit FNV-1a hash of a name's UTF-16 code units. */
function hashOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < name.length; at += 1) hash = Math.imul(hash ^ name.charCodeAt(at), 0x01000193);
  return hash >>> 0;
}

/** A collection's file records: added a file at a time, found by the file's name. */
export class FileRecords {
  readonly #names = new TextColumn();
  readonly #keys = new TextColumn();
  readonly #digests = new TextColumn();
  #hashes: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  /** Each slot a row plus one (0: empty), at its name's hash; made when first asked (`rowOf`). */
  #slots: Int32Array | undefined;

  /** The folder read, relative to the project (as Astro names an entry's file). */
  readonly folder: string | undefined;

  constructor(folder: string | undefined) {
    this.folder = folder;
  }

  get count(): number {
    return this.#names.length;
  }

  /** Adds the record of `name`, read with `key`, whose entry's digest is `digest`. */
  add(name: string, key: string, digest: string): void {
    this.#hashes = withRoom(this.#hashes, this.count + 1);
    this.#hashes[this.count] = hashOf(name);
    this.#names.push(name);
    this.#keys.push(key);
    this.#digests.push(digest);
    this.#slots = undefined;
  }

  /** Adds row `row` of `from` as it is there. */
  copy(from: FileRecords, row: number): void {
    this.#hashes = withRoom(this.#hashes, this.count + 1);
    this.#hashes[this.count] = from.#hashes[row]!;
    this.#names.copy(from.#names, row);
    this.#keys.copy(from.#keys, row);
    this.#digests.copy(from.#digests, row);
    this.#slots = undefined;
  }

  /** The row of `name`'s record; undefined when there is none. */
  rowOf(name: string): number | undefined {
    const slots = (this.#slots ??= this.#slotsOfRows());
    const mask = slots.length - 1;
    for (let slot = hashOf(name) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const row = slots[slot]! - 1;
      if (this.#names.at(row) === name) return row;
    }
    return undefined;
  }

  /** The key the file of row `row` was read with. */
  keyAt(row: number): string {
    return this.#keys.at(row) as string;
  }

  /** The digest of the entry of the file of row `row`. */
  digestAt(row: number): string {
    return this.#digests.at(row) as string;
  }

  /** A table of at least twice as many slots as rows (a power of two), each row at its hash. */
  #slotsOfRows(): Int32Array {
    let size = 16;
    while (size < this.count * 2) size *= 2;
    const slots = new Int32Array(size);
    for (let row = 0; row < this.count; row += 1) {
      let slot = this.#hashes[row]! & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = row + 1;
    }
    return slots;
  }

  /** Writes the records to `file` (whole or not at all), a column a part. */
  write(file: string): void {
    const columns = [this.#names, this.#keys, this.#digests];
    for (const column of columns) column.seal();
    const header: Header = { format: FORMAT, folder: this.folder, count: this.count };
    writeFramedFile(file, header, [...columns.map((column) => column.stored()), this.#hashes.slice(0, this.count)]);
  }

  /**
   * The records `write` wrote to `file`; none (of no folder) when it is missing, damaged or of
   * another layout: every file is then read again, which is all a lost list costs.
   */
  static read(file: string): FileRecords {
    const parts: unknown[] = [];
    try {
      const header = readFramedFile<Header>(
        file,
        (read) => read.format === FORMAT,
        (part) => parts.push(part),
      );
      if (header?.format !== FORMAT) return new FileRecords(undefined);
      const records = new FileRecords(header.folder);
      const [names, keys, digests, hashes] = parts as [never, never, never, Uint32Array];
      records.#names.restore(names);
      records.#keys.restore(keys);
      records.#digests.restore(digests);
      records.#hashes = hashes;
      const counts = [records.#keys.length, records.#digests.length, hashes?.length];
      if (parts.length !== 4 || records.count !== header.count || counts.some((count) => count !== header.count)) {
        throw damagedFile(file);
      }
      return records;
    } catch {
      return new FileRecords(undefined);
    }
  }
}
