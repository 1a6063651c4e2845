/**
 * The entries a segment build packed, as the pages hold them: columns, one row an entry (Node-only:
 * its texts are UTF-8 in buffers). Every thread of a segment build holds every article of the
 * archive it does not show; as objects, each was an entry, its packed record, a `Date`, a list of
 * tags and the strings of its id and digest: about 500 of the 710 bytes an article of a segment's
 * build thread at 100,000 articles. Here the numbers and dates are typed arrays, the texts UTF-8
 * in a buffer a column, and the values many articles share (a section, reporters, flags, an empty
 * timeline) an index into one list of each; what an entry is made of is made again when a page
 * reads it (1 million articles: 204 bytes an article of a thread, where the objects took 589).
 *
 * An entry (`PackedArticleEntry`) is one small object, which lists hold; its `data` is a new view
 * of its row at each reading (`PackedArticleData`), guarded as packed data is
 * (./packed-data.ts): reading a field it left out throws, naming the article and the field, and it
 * refuses to be in a page's fingerprint. A `Date` and a list of tags come back equal, not the same
 * object: they are made at each reading, so a page that changes one changes nothing kept.
 *
 * The columns are what the file of packed entries holds (`stored`, `restored`:
 * ./packed-entries.ts), and content sync holds the rows of the table it read from it beside the
 * entries it packs, writing both again as one table (`add` copies a row column by column).
 */
import type { LoaderContext } from 'astro/loaders';
import { Encoding, FINGERPRINTED_AS } from '#lib/incremental/page-digest.ts';
import { FINGERPRINT_FIELD, guardLeavingOut, leftOutFields, PACKED_FIELDS, shared } from './packed-data.ts';

/** An entry as Astro's content store keeps it. */
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** One column of values, read back by row. */
interface Column {
  push(value: unknown): void;
  at(row: number): unknown;
  /** Called once every row is in: drops what only adding needed. */
  seal(): void;
  /** How many rows it holds. */
  readonly length: number;
  /** What is written on file of the sealed column (structured-cloneable: typed arrays, lists, maps). */
  stored(): unknown;
  /** Reads back, into a new column, what `stored` gave. */
  restore(stored: unknown): void;
  /** Adds row `row` of `from`, a column of the same kind, as it is there (without making its value). */
  copy(from: Column, row: number): void;
}

/** `array` with room for `size` items, its items kept (grown by doubling). */
function withRoom<A extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(array: A, size: number): A {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => A)(Math.max(size, array.length * 2));
  larger.set(array);
  return larger;
}

/**
 * `array` alone in its memory. Node's deserializer makes a typed array a view of the part it reads
 * when its bytes are aligned: kept, it would keep the whole part alive (about 12 MB of a million
 * articles' texts' parts).
 */
function owned<A extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(array: A): A {
  if (array.byteLength === array.buffer.byteLength) return array;
  const bytes = array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength);
  // Of its own kind; a Buffer (whose `slice` is a view) as the bytes it holds.
  if (array instanceof Float64Array) return new Float64Array(bytes) as A;
  if (array instanceof Uint32Array) return new Uint32Array(bytes) as A;
  if (array instanceof Uint16Array) return new Uint16Array(bytes) as A;
  return new Uint8Array(bytes) as A;
}

/**
 * Small numbers a row, in the narrowest typed array that holds the largest yet: most columns of
 * shared values have a few hundred at most (a byte a row), the slugs one a row.
 */
class Indexes {
  #array: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(1024);
  #count = 0;

  push(index: number): void {
    if (index > 0xffff && !(this.#array instanceof Uint32Array)) this.#array = Uint32Array.from(this.#array);
    else if (index > 0xff && this.#array instanceof Uint8Array) this.#array = Uint16Array.from(this.#array);
    this.#array = withRoom(this.#array, this.#count + 1);
    this.#array[this.#count++] = index;
  }

  at(row: number): number {
    return this.#array[row]!;
  }

  get length(): number {
    return this.#count;
  }

  seal(): void {
    this.#array = this.#array.slice(0, this.#count);
  }

  stored(): Uint8Array | Uint16Array | Uint32Array {
    return this.#array;
  }

  /** The indexes `stored` gave, sealed. */
  static restored(array: Uint8Array | Uint16Array | Uint32Array): Indexes {
    const indexes = new Indexes();
    indexes.#array = owned(array);
    indexes.#count = array.length;
    return indexes;
  }
}

/**
 * Values stored as they are, each distinct one once (the same object, or an equal primitive): a
 * row keeps its value's index. A section, reporters, a flag or an empty list is one of a few
 * hundred values shared by every article.
 */
class ValueColumn implements Column {
  #rows = new Indexes();
  #values: unknown[] = [];
  #indexOf: Map<unknown, number> | undefined = new Map();
  readonly #prepare: (value: unknown) => unknown;
  /** The column rows were last copied from, and the index here of each of its values copied. */
  #copied: { from: ValueColumn; indexes: Int32Array } | undefined;

  /** `prepare` gives the value kept for a value given (one shared copy of it, say). */
  constructor(prepare: (value: unknown) => unknown = (value) => value) {
    this.#prepare = prepare;
  }

  push(given: unknown): void {
    const value = this.#prepare(given);
    const indexOf = this.#indexOf!;
    let index = indexOf.get(value);
    if (index === undefined) indexOf.set(value, (index = this.#values.push(value) - 1));
    this.#rows.push(index);
  }

  at(row: number): unknown {
    return this.#values[this.#rows.at(row)];
  }

  copy(from: ValueColumn, row: number): void {
    const given = from.#rows.at(row);
    if (this.#copied?.from !== from) this.#copied = { from, indexes: new Int32Array(from.#values.length).fill(-1) };
    const index = this.#copied.indexes[given]!;
    if (index !== -1) return this.#rows.push(index);
    this.push(from.#values[given]);
    this.#copied.indexes[given] = this.#rows.at(this.#rows.length - 1);
  }

  get length(): number {
    return this.#rows.length;
  }

  seal(): void {
    this.#indexOf = undefined;
    this.#copied = undefined;
    this.#rows.seal();
  }

  stored(): { rows: unknown; values: unknown[] } {
    return { rows: this.#rows.stored(), values: this.#values };
  }

  /** Reads back what `stored` gave, each value prepared again (shared values are one frozen copy). */
  restore({ rows, values }: { rows: Uint8Array | Uint16Array | Uint32Array; values: unknown[] }): void {
    this.#rows = Indexes.restored(rows);
    this.#values = values.map(this.#prepare);
    this.#indexOf = undefined;
  }
}

/** The values of rows a typed column cannot hold (none the schema gives), kept as they are. */
class KeptApart {
  #values = new Map<number, unknown>();

  set(row: number, value: unknown): void {
    this.#values.set(row, value);
  }

  has(row: number): boolean {
    return this.#values.size > 0 && this.#values.has(row);
  }

  get(row: number): unknown {
    return this.#values.get(row);
  }

  stored(): Map<number, unknown> {
    return this.#values;
  }

  restore(values: Map<number, unknown>): void {
    this.#values = values;
  }
}

/** Numbers in a typed array; anything else a row holds (none the schema gives) kept apart as it is. */
class NumberColumn implements Column {
  #numbers: Float64Array<ArrayBufferLike> = new Float64Array(1024);
  #count = 0;
  readonly #other = new KeptApart();

  readonly #toNumber: (value: unknown) => number | undefined;
  readonly #fromNumber: (value: number) => unknown;

  /** `toNumber` gives a value's number, undefined when it has none; `fromNumber` the value again. */
  constructor(toNumber: (value: unknown) => number | undefined, fromNumber: (value: number) => unknown) {
    this.#toNumber = toNumber;
    this.#fromNumber = fromNumber;
  }

  push(value: unknown): void {
    const number = this.#toNumber(value);
    if (number === undefined) this.#other.set(this.#count, value);
    this.#numbers = withRoom(this.#numbers, this.#count + 1);
    this.#numbers[this.#count++] = number ?? 0;
  }

  at(row: number): unknown {
    return this.#other.has(row) ? this.#other.get(row) : this.#fromNumber(this.#numbers[row]!);
  }

  copy(from: NumberColumn, row: number): void {
    const number = from.numberAt(row);
    if (number === undefined) return this.push(from.at(row));
    this.#numbers = withRoom(this.#numbers, this.#count + 1);
    this.#numbers[this.#count++] = number;
  }

  get length(): number {
    return this.#count;
  }

  /** The row's number as kept; undefined when its value is kept apart. */
  numberAt(row: number): number | undefined {
    return this.#other.has(row) ? undefined : this.#numbers[row];
  }

  seal(): void {
    this.#numbers = this.#numbers.slice(0, this.#count);
  }

  stored(): { numbers: Float64Array; other: Map<number, unknown> } {
    return { numbers: this.#numbers, other: this.#other.stored() };
  }

  restore({ numbers, other }: { numbers: Float64Array; other: Map<number, unknown> }): void {
    this.#numbers = owned(numbers);
    this.#count = numbers.length;
    this.#other.restore(other);
  }
}

const numbers = () =>
  new NumberColumn(
    (value) => (typeof value === 'number' ? value : undefined),
    (number) => number,
  );

/** Dates as their times; `undefined` as NaN (a `Date` is never invalid in a schema's output). */
const dates = () =>
  new NumberColumn(
    (value) =>
      value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : value === undefined ? NaN : undefined,
    (time) => (Number.isNaN(time) ? undefined : new Date(time)),
  );

/** Texts as UTF-8, one after the other in one buffer; `undefined` and anything else kept apart. */
class TextColumn implements Column {
  #bytes: Buffer<ArrayBufferLike> = Buffer.alloc(1 << 16);
  #used = 0;
  #ends: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  #count = 0;
  /** 1 where the row holds no text: `undefined`, or a value in `#other`. */
  #notText: Uint8Array<ArrayBufferLike> = new Uint8Array(1024);
  readonly #other = new KeptApart();

  push(value: unknown): void {
    this.#roomFor(typeof value === 'string' ? Buffer.byteLength(value) : 0);
    if (typeof value === 'string') {
      this.#used += this.#bytes.write(value, this.#used);
    } else {
      this.#notText[this.#count] = 1;
      if (value !== undefined) this.#other.set(this.#count, value);
    }
    this.#ends[this.#count++] = this.#used;
  }

  at(row: number): unknown {
    if (this.#notText[row] === 1) return this.#other.get(row);
    return this.#bytes.toString('utf8', row === 0 ? 0 : this.#ends[row - 1], this.#ends[row]);
  }

  copy(from: TextColumn, row: number): void {
    if (from.#notText[row] === 1) return this.push(from.at(row));
    const start = row === 0 ? 0 : from.#ends[row - 1]!;
    const end = from.#ends[row]!;
    this.#roomFor(end - start);
    from.#bytes.copy(this.#bytes, this.#used, start, end);
    this.#used += end - start;
    this.#ends[this.#count++] = this.#used;
  }

  /** Room for one more row, of `bytes` bytes of text. */
  #roomFor(bytes: number): void {
    this.#ends = withRoom(this.#ends, this.#count + 1);
    this.#notText = withRoom(this.#notText, this.#count + 1);
    if (this.#used + bytes > this.#bytes.length) {
      const larger = Buffer.alloc(Math.max(this.#used + bytes, this.#bytes.length * 2));
      this.#bytes.copy(larger, 0, 0, this.#used);
      this.#bytes = larger;
    }
  }

  get length(): number {
    return this.#count;
  }

  seal(): void {
    this.#bytes = Buffer.from(this.#bytes.subarray(0, this.#used));
    this.#ends = this.#ends.slice(0, this.#count);
    this.#notText = this.#notText.slice(0, this.#count);
  }

  stored(): { bytes: Uint8Array; ends: Uint32Array; notText: Uint8Array; other: Map<number, unknown> } {
    return { bytes: this.#bytes, ends: this.#ends, notText: this.#notText, other: this.#other.stored() };
  }

  restore(stored: { bytes: Uint8Array; ends: Uint32Array; notText: Uint8Array; other: Map<number, unknown> }): void {
    const bytes = owned(stored.bytes);
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#used = stored.bytes.byteLength;
    this.#ends = owned(stored.ends);
    this.#count = stored.ends.length;
    this.#notText = owned(stored.notText);
    this.#other.restore(stored.other);
  }
}

/** Lists of tags: each tag's text once, a row its tags' indexes; a list of anything else kept apart. */
class TagsColumn implements Column {
  #ends: Uint32Array<ArrayBufferLike> = new Uint32Array(1024);
  #tags: Uint32Array<ArrayBufferLike> = new Uint32Array(4096);
  #count = 0;
  #used = 0;
  #texts: string[] = [];
  #indexOf: Map<string, number> | undefined = new Map();
  readonly #other = new KeptApart();
  /** The column rows were last copied from, and the index here of each of its tags copied. */
  #copied: { from: TagsColumn; indexes: Map<number, number> } | undefined;

  push(value: unknown): void {
    if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) {
      this.#tags = withRoom(this.#tags, this.#used + value.length);
      for (const tag of value as string[]) this.#tags[this.#used++] = this.#indexOfTag(tag);
    } else this.#other.set(this.#count, value);
    this.#ends = withRoom(this.#ends, this.#count + 1);
    this.#ends[this.#count++] = this.#used;
  }

  #indexOfTag(tag: string): number {
    let index = this.#indexOf!.get(tag);
    if (index === undefined) this.#indexOf!.set(tag, (index = this.#texts.push(tag) - 1));
    return index;
  }

  copy(from: TagsColumn, row: number): void {
    if (from.#other.has(row)) return this.push(from.at(row));
    if (this.#copied?.from !== from) this.#copied = { from, indexes: new Map() };
    const { indexes } = this.#copied;
    const start = row === 0 ? 0 : from.#ends[row - 1]!;
    const end = from.#ends[row]!;
    this.#tags = withRoom(this.#tags, this.#used + end - start);
    for (let at = start; at < end; at++) {
      const given = from.#tags[at]!;
      let index = indexes.get(given);
      if (index === undefined) indexes.set(given, (index = this.#indexOfTag(from.#texts[given]!)));
      this.#tags[this.#used++] = index;
    }
    this.#ends = withRoom(this.#ends, this.#count + 1);
    this.#ends[this.#count++] = this.#used;
  }

  at(row: number): unknown {
    if (this.#other.has(row)) return this.#other.get(row);
    const tags: string[] = [];
    for (let at = row === 0 ? 0 : this.#ends[row - 1]!; at < this.#ends[row]!; at++)
      tags.push(this.#texts[this.#tags[at]!]!);
    return tags;
  }

  get length(): number {
    return this.#count;
  }

  seal(): void {
    this.#indexOf = undefined;
    this.#copied = undefined;
    this.#tags = this.#tags.slice(0, this.#used);
    this.#ends = this.#ends.slice(0, this.#count);
  }

  stored(): { ends: Uint32Array; tags: Uint32Array; texts: string[]; other: Map<number, unknown> } {
    return { ends: this.#ends, tags: this.#tags, texts: this.#texts, other: this.#other.stored() };
  }

  restore(stored: { ends: Uint32Array; tags: Uint32Array; texts: string[]; other: Map<number, unknown> }): void {
    this.#ends = owned(stored.ends);
    this.#count = stored.ends.length;
    this.#tags = owned(stored.tags);
    this.#used = stored.tags.length;
    this.#texts = stored.texts;
    this.#indexOf = undefined;
    this.#other.restore(stored.other);
  }
}

/** An entry as the content store keeps it, packed (./shown-bodies.ts): what the columns hold of it. */
export interface StoredPackedEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string | undefined;
  digest?: unknown;
  body?: unknown;
  rendered?: unknown;
  assetImports?: unknown;
  deferredRender?: unknown;
}

/** Where an entry's file is, as the glob loader names it: the collection's folder, the id, `.md` or `.mdx`. */
interface FileOfId {
  folder: string;
  extension: string;
}

/** One of each (a collection has one folder and two extensions), shared by every entry. */
const filesOfIds = new Map<string, FileOfId>();

/** The entry's file as the folder and extension of its id's file, when it is that; else its path as it is. */
function fileOfId(id: string, filePath: string | undefined): FileOfId | string | undefined {
  const extension = /\.mdx?$/.exec(filePath ?? '')?.[0];
  if (filePath === undefined || extension === undefined || !filePath.endsWith(`${id}${extension}`)) return filePath;
  const folder = filePath.slice(0, filePath.length - id.length - extension.length);
  const key = `${folder}\n${extension}`;
  let shared = filesOfIds.get(key);
  if (!shared) filesOfIds.set(key, (shared = { folder, extension }));
  return shared;
}

/** The columns of a packed article's data, by field, the date's typed: the sort reads its numbers. */
type DataColumns = Record<string, Column> & { date: NumberColumn };

/** The column of each kept field of a packed article's data: numbers, dates and tags typed, the rest shared values. */
function dataColumns(): DataColumns {
  const columnOf = (field: string): Column => {
    if (field === 'id') return numbers();
    // `liveEnded` is a shared value: a live page is rare, a column of times mostly empty.
    if (field === 'date' || field === 'updated') return dates();
    if (field === 'tags') return new TagsColumn();
    return new ValueColumn(shared);
  };
  return Object.fromEntries([...PACKED_FIELDS].map((field) => [field, columnOf(field)])) as DataColumns;
}

/**
 * A packed article's data, as a page reads it: a view of its row, made at each reading, whose kept
 * fields come from the columns (`PACKED_FIELDS`, as packed data keeps them) and whose prototype
 * guards the fields it left out (`dataLeavingOut`).
 */
class PackedArticleData {
  readonly #table: PackedColumns;
  readonly #row: number;

  constructor(table: PackedColumns, row: number) {
    this.#table = table;
    this.#row = row;
  }

  static {
    for (const field of PACKED_FIELDS) {
      Object.defineProperty(this.prototype, field, {
        // Read on the prototype itself (a test's deep equality walks it), there is no row.
        get(this: PackedArticleData) {
          return #table in this ? this.#table.data[field]!.at(this.#row) : undefined;
        },
        enumerable: true,
      });
    }
  }
}

type DataOfRow = new (table: PackedColumns, row: number) => PackedArticleData;

/** One class per set of left-out fields (a handful), its prototype guarded (./packed-data.ts). */
const dataClasses = new Map<string, DataOfRow>();

/** The class of data leaving out the fields `key` names (separated by spaces). */
function dataLeavingOut(key: string): DataOfRow {
  let made = dataClasses.get(key);
  if (!made) {
    made = class PackedData extends PackedArticleData {};
    guardLeavingOut(made.prototype, key === '' ? [] : key.split(' '));
    dataClasses.set(key, made);
  }
  return made;
}

/** The table and row of a packed entry, for the table that copies it (`PackedColumns.add`). */
let rowOf: (entry: PackedArticleEntry) => [table: PackedColumns, row: number];

/**
 * A packed entry as the pages hold it, one for every article of the archive a segment does not
 * show, in every thread: its table and row, every field read from the columns. In the plan, a
 * page's fingerprint takes of it the digest the plan's content sync made of the whole entry
 * (./entry-fingerprint.ts); without one, its data refuses to be fingerprinted.
 */
export class PackedArticleEntry {
  readonly #table: PackedColumns;
  readonly #row: number;

  constructor(table: PackedColumns, row: number) {
    this.#table = table;
    this.#row = row;
  }

  static {
    rowOf = (entry) => [entry.#table, entry.#row];
  }

  get id(): string {
    return this.#table.ids.at(this.#row) as string;
  }

  get collection(): string {
    return this.#table.collection;
  }

  /** Its frontmatter, packed: a new view of its row at each reading. */
  get data(): Record<string, unknown> {
    const Data = dataLeavingOut(this.#table.leftOut.at(this.#row) as string);
    return new Data(this.#table, this.#row) as unknown as Record<string, unknown>;
  }

  /**
   * A kept field of its data (one of `PACKED_FIELDS`), read from its row without making a view:
   * what every list reads of every article (`keptField`).
   */
  kept(field: string): unknown {
    const column = this.#table.data[field];
    if (!column) throw new Error(`"${field}" is not a field a packed article keeps: a bug of Bayegan.`);
    return column.at(this.#row);
  }

  /** The time of its first publication, without making a `Date` (what newest-first order compares). */
  get time(): number {
    return this.#table.data.date.numberAt(this.#row) ?? (this.kept('date') as Date).getTime();
  }

  get filePath(): string | undefined {
    const file = this.#table.files.at(this.#row) as FileOfId | string | undefined;
    return typeof file === 'object' ? `${file.folder}${this.id}${file.extension}` : file;
  }

  // What the store kept, typed as the store types it: content sync holds these beside the store.
  get digest(): StoreEntry['digest'] {
    return this.#table.digests.at(this.#row) as StoreEntry['digest'];
  }

  get body(): StoreEntry['body'] {
    return this.#table.bodies.at(this.#row) as StoreEntry['body'];
  }

  get rendered(): StoreEntry['rendered'] {
    return this.#table.rendered.at(this.#row) as StoreEntry['rendered'];
  }

  get assetImports(): StoreEntry['assetImports'] {
    return this.#table.assetImports.at(this.#row) as StoreEntry['assetImports'];
  }

  get deferredRender(): StoreEntry['deferredRender'] {
    return this.#table.deferredRender.at(this.#row) as StoreEntry['deferredRender'];
  }

  /**
   * What a page's fingerprint takes of `entry` (given, not `this`: page-digest.ts calls it so): the
   * whole entry's digest, kept by the plan's content sync; else its data, which refuses.
   */
  [FINGERPRINTED_AS](entry: PackedArticleEntry): unknown {
    const fingerprint = entry.#table.fingerprints.at(entry.#row);
    return typeof fingerprint === 'string' ? new Encoding(fingerprint) : entry.data;
  }
}

/**
 * A kept field of `entry`'s data: from its row when it is a packed article of the columns, with
 * no view made; else from its data.
 */
export function keptField(entry: { data: object }, field: string): unknown {
  return entry instanceof PackedArticleEntry ? entry.kept(field) : (entry.data as Record<string, unknown>)[field];
}

/** The time of `entry`'s first publication: from its row when it is a packed article of the columns. */
export function publicationTime(entry: { data: object }): number {
  return entry instanceof PackedArticleEntry ? entry.time : (entry.data as { date: Date }).date.getTime();
}

/** What the file of packed entries holds of a table: each column's name and what it stored. */
export type StoredColumns = [name: string, stored: unknown][];

/**
 * The packed entries of one collection, as columns: added one at a time (objects as the store
 * keeps them, or rows of another table), then read as rows; or read back whole from what a sealed
 * table stored (on file: src/lib/content/packed-entries.ts).
 */
export class PackedColumns {
  readonly collection: string;
  #count = 0;
  #sealed = false;
  readonly ids = new TextColumn();
  readonly files = new ValueColumn();
  readonly digests = new TextColumn();
  readonly bodies = new ValueColumn();
  readonly rendered = new ValueColumn();
  readonly assetImports = new ValueColumn();
  readonly deferredRender = new ValueColumn();
  /** The digest of the whole entry, in the plan (`FINGERPRINT_FIELD`). */
  readonly fingerprints = new TextColumn();
  readonly data = dataColumns();
  /** `data`'s fields and columns, listed once: `add` goes through them for every entry. */
  readonly #dataFields = Object.entries(this.data);
  /** The fields each row's data left out, by name (which class of data guards them). */
  readonly leftOut = new ValueColumn();
  /** Every column, by the name it is stored under, in one order: `add` copies a row column by column. */
  readonly #columns: readonly [string, Column][] = [
    ['ids', this.ids],
    ['files', this.files],
    ['digests', this.digests],
    ['bodies', this.bodies],
    ['rendered', this.rendered],
    ['assetImports', this.assetImports],
    ['deferredRender', this.deferredRender],
    ['fingerprints', this.fingerprints],
    ['leftOut', this.leftOut],
    ...this.#dataFields.map(([field, column]): [string, Column] => [`data.${field}`, column]),
  ];

  constructor(collection: string) {
    this.collection = collection;
  }

  /** How many rows it holds. */
  get count(): number {
    return this.#count;
  }

  /** Adds `entry` as the next row: an entry as the store keeps it, or a row of a table (copied). */
  add(entry: StoredPackedEntry | PackedArticleEntry): void {
    if (this.#sealed) throw new Error('Packed entries were added after the pages read them: a bug of Bayegan.');
    if (entry instanceof PackedArticleEntry) {
      // Content sync keeps the rows of its file beside the store, and writes them again with the rest.
      const [table, row] = rowOf(entry);
      const from = table.#columns;
      const to = this.#columns;
      for (let at = 0; at < to.length; at++) to[at]![1].copy(from[at]![1], row);
    } else {
      this.ids.push(entry.id);
      this.files.push(fileOfId(entry.id, entry.filePath));
      this.digests.push(entry.digest);
      this.bodies.push(entry.body);
      this.rendered.push(entry.rendered);
      this.assetImports.push(entry.assetImports);
      this.deferredRender.push(entry.deferredRender);
      this.fingerprints.push(entry.data[FINGERPRINT_FIELD]);
      this.leftOut.push(leftOutFields(entry.data).join(' '));
      for (const [field, column] of this.#dataFields) column.push(entry.data[field]);
    }
    this.#count += 1;
  }

  /** No more rows can be added: each column drops what only adding needed. */
  seal(): this {
    if (!this.#sealed) {
      this.#sealed = true;
      for (const [, column] of this.#columns) column.seal();
    }
    return this;
  }

  /** One entry a row, in the order they were added; no more can be added. */
  rows(): PackedArticleEntry[] {
    this.seal();
    return Array.from({ length: this.#count }, (_, row) => new PackedArticleEntry(this, row));
  }

  /** Its columns as they are written on file, sealed: typed arrays and the lists of shared values. */
  stored(): StoredColumns {
    this.seal();
    return this.#columns.map(([name, column]) => [name, column.stored()]);
  }

  /**
   * The sealed table of `collection` that `stored` gave (`count` rows); undefined when a column is
   * missing or holds another number of rows (a damaged file).
   */
  static restored(collection: string, count: number, stored: StoredColumns): PackedColumns | undefined {
    const table = new PackedColumns(collection);
    const byName = new Map(stored);
    for (const [name, column] of table.#columns) {
      if (!byName.has(name)) return undefined;
      column.restore(byName.get(name));
      if (column.length !== count) return undefined;
    }
    table.#count = count;
    table.#sealed = true;
    return table;
  }
}

/**
 * `entry` as the store keeps it, when it is a row of a table: a plain object of its fields (what
 * Astro's store writes), for content sync to store again; any other entry as it is.
 */
export function storedEntryOf<E extends object>(entry: E | PackedArticleEntry): E | StoreEntry {
  if (!(entry instanceof PackedArticleEntry)) return entry;
  const fields = {
    id: entry.id,
    data: entry.data,
    filePath: entry.filePath,
    digest: entry.digest,
    body: entry.body,
    rendered: entry.rendered,
    assetImports: entry.assetImports,
    deferredRender: entry.deferredRender,
  };
  // The fields it has, as an entry the store keeps lacks those it has not.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as unknown as StoreEntry;
}
