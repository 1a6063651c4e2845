/**
 * Columns of values, one a field of a table, read back by row (Node-only: texts are UTF-8 in
 * buffers): numbers and dates in typed arrays, texts one after the other in a buffer, lists of tags
 * as indexes into the texts of the tags, and values many rows share kept once, a row holding its
 * index in the narrowest typed array that holds it. What one column cannot type (none the schema
 * gives) is kept beside it as it is. A sealed column is stored as typed arrays and lists
 * (structured-cloneable: `stored`) and read back as such (`restore`); its typed arrays are in
 * shared memory, so that another thread given them reads the same bytes, or, read only to be copied,
 * kept as read and freed at once when copied (`release`); a row is copied from a column of its kind
 * without making its value (`copy`). The pages' packed articles are a table of these
 * (./packed-columns.ts).
 */
import { freeNow } from '#lib/free-now.ts';

/** One column of values, read back by row. */
export interface Column {
  push(value: unknown): void;
  at(row: number): unknown;
  /** Called once every row is in: drops what only adding needed. */
  seal(): void;
  /** How many rows it holds. */
  readonly length: number;
  /** What is written on file of the sealed column (structured-cloneable: typed arrays, lists, maps). */
  stored(): unknown;
  /** Reads back, into a new column, what `stored` gave, its typed arrays placed as `placement` says. */
  restore(stored: unknown, placement: Placement): void;
  /** Frees its typed arrays at once (those it holds alone) and refuses to be read from then on. */
  release(): void;
  /** Adds row `row` of `from`, a column of the same kind, as it is there (without making its value). */
  copy(from: Column, row: number): void;
}

type TypedArray = Float64Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * Where a restored column keeps its typed arrays: `shared`, alone in shared memory, for a table a
 * page thread may be handed; `asRead`, as the file's reader gave them (views of the parts it read,
 * or its own copies), for a table whose rows content sync reads and copies once, then releases: its
 * shared copies (about 150 MB of a million articles) stayed until collected, at the segment's peak.
 */
export type Placement = 'shared' | 'asRead';

/** What a released column holds in place of its arrays and lists: reading it is a bug, and says so. */
const RELEASED = new Proxy(
  {},
  {
    get() {
      throw new Error('A column of packed entries was read after it was released: a bug of Bayegan.');
    },
  },
) as never;

/** Frees `array` at once when it holds its memory alone (`freeNow`); gives what a released column holds. */
function released(array: ArrayBufferView): never {
  freeNow(array);
  return RELEASED;
}

/**
 * `array` with room for `size` items, its items kept (grown by doubling). A grown array's memory is
 * freed at once (`freeNow`): no view of `array` may be kept beside it.
 */
export function withRoom<A extends TypedArray>(array: A, size: number): A {
  if (size <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => A)(Math.max(size, array.length * 2));
  larger.set(array);
  freeNow(array);
  return larger;
}

/**
 * The first `length` items of `array`, alone in shared memory (a `SharedArrayBuffer`): a sealed
 * column's arrays are read, never written, so a page thread is handed them as they are rather than
 * a copy of its own (a million articles' columns are about 150 MB a thread).
 */
function sharedCopy<A extends TypedArray>(array: A, length: number): A {
  // A Buffer (texts' bytes) as the bytes it holds: a Buffer's own constructor is deprecated.
  const Kind = (Buffer.isBuffer(array) ? Uint8Array : array.constructor) as new (buffer: SharedArrayBuffer) => A;
  const copy = new Kind(new SharedArrayBuffer(length * array.BYTES_PER_ELEMENT));
  copy.set(array.subarray(0, length));
  return copy;
}

/**
 * The first `length` items of an array a column grew, in shared memory (`sharedCopy`); the grown
 * array, with its room to spare, freed at once. Left to the collector, with the arrays left as they
 * grew and the parts written (./framed-file.ts), they took a segment's buffers from 174 to 521 MB
 * at the end of content sync of a million articles, where it peaked (docs/operations.md).
 */
function sealed<A extends TypedArray>(grown: A, length: number): A {
  const copy = sharedCopy(grown, length);
  freeNow(grown);
  return copy;
}

/**
 * `array` alone in shared memory: as it is when it is (handed from another thread, or over), else
 * copied. Node's deserializer makes a typed array a view of the part it reads when its bytes are
 * aligned: kept, it would keep the whole part alive (about 12 MB of a million articles' texts'
 * parts); a copy holds only its own.
 */
function owned<A extends TypedArray>(array: A, placement: Placement): A {
  if (placement === 'asRead') return array;
  if (array.buffer instanceof SharedArrayBuffer && array.byteLength === array.buffer.byteLength) return array;
  return sharedCopy(array, array.length);
}

/**
 * Small numbers a row, in the narrowest typed array that holds the largest yet: most columns of
 * shared values have a few hundred at most (a byte a row), the slugs one a row.
 */
class Indexes {
  #array: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(1024);
  #count = 0;

  push(index: number): void {
    if (index > 0xffff && !(this.#array instanceof Uint32Array)) this.#widen(Uint32Array);
    else if (index > 0xff && this.#array instanceof Uint8Array) this.#widen(Uint16Array);
    this.#array = withRoom(this.#array, this.#count + 1);
    this.#array[this.#count++] = index;
  }

  /** The indexes in a wider array, the narrower one freed at once (`freeNow`). */
  #widen(Wider: typeof Uint16Array | typeof Uint32Array): void {
    const wider = Wider.from(this.#array);
    freeNow(this.#array);
    this.#array = wider;
  }

  at(row: number): number {
    return this.#array[row]!;
  }

  get length(): number {
    return this.#count;
  }

  seal(): void {
    this.#array = sealed(this.#array, this.#count);
  }

  stored(): Uint8Array | Uint16Array | Uint32Array {
    return this.#array;
  }

  release(): void {
    this.#array = released(this.#array);
  }

  /** The indexes `stored` gave, sealed. */
  static restored(array: Uint8Array | Uint16Array | Uint32Array, placement: Placement): Indexes {
    const indexes = new Indexes();
    indexes.#array = owned(array, placement);
    indexes.#count = array.length;
    return indexes;
  }
}

/**
 * Values stored as they are, each distinct one once (the same object, or an equal primitive): a
 * row keeps its value's index. A section, reporters, a flag or an empty list is one of a few
 * hundred values shared by every article.
 */
export class ValueColumn implements Column {
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
  restore(
    { rows, values }: { rows: Uint8Array | Uint16Array | Uint32Array; values: unknown[] },
    placement: Placement,
  ): void {
    this.#rows = Indexes.restored(rows, placement);
    this.#values = values.map(this.#prepare);
    this.#indexOf = undefined;
  }

  release(): void {
    this.#rows.release();
    this.#values = RELEASED;
    this.#indexOf = undefined;
    this.#copied = undefined;
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

  release(): void {
    this.#values = RELEASED;
  }
}

/** Numbers in a typed array; anything else a row holds (none the schema gives) kept apart as it is. */
export class NumberColumn implements Column {
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
    this.#numbers = sealed(this.#numbers, this.#count);
  }

  stored(): { numbers: Float64Array; other: Map<number, unknown> } {
    return { numbers: this.#numbers, other: this.#other.stored() };
  }

  restore({ numbers, other }: { numbers: Float64Array; other: Map<number, unknown> }, placement: Placement): void {
    this.#numbers = owned(numbers, placement);
    this.#count = numbers.length;
    this.#other.restore(other);
  }

  release(): void {
    this.#numbers = released(this.#numbers);
    this.#other.release();
  }
}

export const numbers = () =>
  new NumberColumn(
    (value) => (typeof value === 'number' ? value : undefined),
    (number) => number,
  );

/** Dates as their times; `undefined` as NaN (a `Date` is never invalid in a schema's output). */
export const dates = () =>
  new NumberColumn(
    (value) =>
      value instanceof Date && !Number.isNaN(value.getTime()) ? value.getTime() : value === undefined ? NaN : undefined,
    (time) => (Number.isNaN(time) ? undefined : new Date(time)),
  );

/** Texts as UTF-8, one after the other in one buffer; `undefined` and anything else kept apart. */
export class TextColumn implements Column {
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
      freeNow(this.#bytes);
      this.#bytes = larger;
    }
  }

  get length(): number {
    return this.#count;
  }

  seal(): void {
    const bytes = sealed(this.#bytes, this.#used);
    this.#bytes = Buffer.from(bytes.buffer, 0, this.#used);
    this.#ends = sealed(this.#ends, this.#count);
    this.#notText = sealed(this.#notText, this.#count);
  }

  stored(): { bytes: Uint8Array; ends: Uint32Array; notText: Uint8Array; other: Map<number, unknown> } {
    return { bytes: this.#bytes, ends: this.#ends, notText: this.#notText, other: this.#other.stored() };
  }

  restore(
    stored: { bytes: Uint8Array; ends: Uint32Array; notText: Uint8Array; other: Map<number, unknown> },
    placement: Placement,
  ): void {
    const bytes = owned(stored.bytes, placement);
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#used = stored.bytes.byteLength;
    this.#ends = owned(stored.ends, placement);
    this.#count = stored.ends.length;
    this.#notText = owned(stored.notText, placement);
    this.#other.restore(stored.other);
  }

  release(): void {
    this.#bytes = released(this.#bytes);
    this.#ends = released(this.#ends);
    this.#notText = released(this.#notText);
    this.#other.release();
  }
}

/** Lists of tags: each tag's text once, a row its tags' indexes; a list of anything else kept apart. */
export class TagsColumn implements Column {
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
    this.#tags = sealed(this.#tags, this.#used);
    this.#ends = sealed(this.#ends, this.#count);
  }

  stored(): { ends: Uint32Array; tags: Uint32Array; texts: string[]; other: Map<number, unknown> } {
    return { ends: this.#ends, tags: this.#tags, texts: this.#texts, other: this.#other.stored() };
  }

  restore(
    stored: { ends: Uint32Array; tags: Uint32Array; texts: string[]; other: Map<number, unknown> },
    placement: Placement,
  ): void {
    this.#ends = owned(stored.ends, placement);
    this.#count = stored.ends.length;
    this.#tags = owned(stored.tags, placement);
    this.#used = stored.tags.length;
    this.#texts = stored.texts;
    this.#indexOf = undefined;
    this.#other.restore(stored.other);
  }

  release(): void {
    this.#ends = released(this.#ends);
    this.#tags = released(this.#tags);
    this.#texts = RELEASED;
    this.#indexOf = undefined;
    this.#copied = undefined;
    this.#other.release();
  }
}
