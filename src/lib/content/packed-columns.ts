/**
 * The entries a segment build packed, as the pages hold them: columns, one row an entry (Node-only:
 * its texts are UTF-8 in buffers). Every thread of a segment build holds every article of the
 * archive it does not show; as objects, each was an entry, its packed record, a `Date`, a list of
 * tags and the strings of its id and digest: about 500 of the 710 bytes an article of a segment's
 * build thread at 100,000 articles. Here the numbers and dates are typed arrays, the texts UTF-8
 * in a buffer a column, and the values many articles share (a section, reporters, flags, an empty
 * timeline) an index into one list of each (./typed-columns.ts); what an entry is made of is made
 * again when a page reads it (1 million articles: 204 bytes an article of a thread, where the
 * objects took 589).
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
import { freeNow } from '#lib/free-now.ts';
import { Encoding, FINGERPRINTED_AS } from '#lib/incremental/page-digest.ts';
import { FINGERPRINT_FIELD, guardLeavingOut, leftOutFields, PACKED_FIELDS, shared } from './packed-data.ts';
import {
  dates,
  numbers,
  TagsColumn,
  TextColumn,
  ValueColumn,
  type Column,
  type NumberColumn,
} from './typed-columns.ts';

/** An entry as Astro's content store keeps it. */
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

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

/**
 * The column of each kept field of a packed article's data: numbers, dates, tags and the slug typed,
 * the rest shared values.
 */
function dataColumns(): DataColumns {
  const columnOf = (field: string): Column => {
    if (field === 'id') return numbers();
    // `liveEnded` is a shared value: a live page is rare, a column of times mostly empty.
    if (field === 'date' || field === 'updated') return dates();
    if (field === 'tags') return new TagsColumn();
    // An article's own (an imported story's, from its title): as shared values, every one a string
    // in each thread's list of them.
    if (field === 'slug') return new TextColumn();
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

/**
 * The columns a packed article's file, path and digests are read from (its entry's id and file,
 * the digests of its file and of its whole entry, its frontmatter's slug): a segment's pages that
 * read them no more release them (src/data/articles.ts), 90 MB of a million articles.
 */
export const FILE_COLUMNS: readonly string[] = ['ids', 'files', 'digests', 'fingerprints', 'data.slug'];

/** What the file of packed entries holds of a table: each column's name and what it stored. */
export type StoredColumns = [name: string, stored: unknown][];

/**
 * What a released column is stored as, for a thread the table is handed to (`release`): restored,
 * the column is released there too, and reading it says so.
 */
const RELEASED_COLUMN = 'released column';

/** A column of a table: the name it is stored under, and what it holds of an entry as the store keeps it. */
interface ColumnOfTable {
  name: string;
  column: Column;
  of: (entry: StoredPackedEntry) => unknown;
}

/**
 * The packed entries of one collection, as columns: added one at a time (objects as the store
 * keeps them, or rows of another table), or made a column at a time of such entries (`of`), then
 * read as rows; or read back whole from what a sealed table stored (on file:
 * src/lib/content/packed-entries.ts).
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
  /** The fields each row's data left out, by name (which class of data guards them). */
  readonly leftOut = new ValueColumn();
  /**
   * Every column, in one order, with the name it is stored under and what it holds of an entry as
   * the store keeps it: a row of another table is copied column by column, each from the same place.
   */
  readonly #columns: readonly ColumnOfTable[] = [
    { name: 'ids', column: this.ids, of: (entry) => entry.id },
    { name: 'files', column: this.files, of: (entry) => fileOfId(entry.id, entry.filePath) },
    { name: 'digests', column: this.digests, of: (entry) => entry.digest },
    { name: 'bodies', column: this.bodies, of: (entry) => entry.body },
    { name: 'rendered', column: this.rendered, of: (entry) => entry.rendered },
    { name: 'assetImports', column: this.assetImports, of: (entry) => entry.assetImports },
    { name: 'deferredRender', column: this.deferredRender, of: (entry) => entry.deferredRender },
    { name: 'fingerprints', column: this.fingerprints, of: (entry) => entry.data[FINGERPRINT_FIELD] },
    { name: 'leftOut', column: this.leftOut, of: (entry) => leftOutFields(entry.data).join(' ') },
    ...Object.entries(this.data).map(([field, column]): ColumnOfTable => ({
      name: `data.${field}`,
      column,
      of: (entry) => entry.data[field],
    })),
  ];
  /** The bytes each column of a table restored as read was read from, by name (its arrays may be views of them). */
  readonly #readFrom = new Map<string, ArrayBufferView>();
  /** The columns released while its rows are read (`release`), by name. */
  readonly #released = new Set<string>();

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
      const [table, row] = rowOf(entry);
      const from = table.#columns;
      const to = this.#columns;
      for (let place = 0; place < to.length; place++) to[place]!.column.copy(from[place]!.column, row);
    } else {
      for (const { column, of } of this.#columns) column.push(of(entry));
    }
    this.#count += 1;
  }

  /**
   * The sealed table of `entries`, in their order (rows of tables, copied, or entries as the store
   * keeps them), made a column at a time; each column of `releasing`, a table read to be copied from
   * (`restored` with its parts), is released as soon as it is copied: no column of it is left.
   * Content sync writes the rows it kept of the table it read, and the entries it packed, so: row by
   * row, every column grew at once (to up to twice its size, then copied into shared memory) while
   * the whole table read was held, at the end of content sync, where a segment peaked. Without
   * `fingerprints`, its column of whole-entry digests is left empty: only the plan fingerprints pages
   * of packed articles, and a segment that started from the plan's index held them for nothing
   * (28 MB of a million articles, in every thread that reads the table).
   */
  static of(
    collection: string,
    entries: readonly (StoredPackedEntry | PackedArticleEntry)[],
    releasing?: PackedColumns,
    { fingerprints = true }: { fingerprints?: boolean | undefined } = {},
  ): PackedColumns {
    const table = new PackedColumns(collection);
    const count = entries.length;
    // Where each row comes from: a row of a table, or the entry as the store keeps it.
    const tables: (PackedColumns | undefined)[] = [];
    const rows = new Uint32Array(count);
    for (let at = 0; at < count; at++) {
      const entry = entries[at]!;
      if (entry instanceof PackedArticleEntry) [tables[at], rows[at]] = rowOf(entry);
      else tables[at] = undefined;
    }
    table.#columns.forEach(({ column, of }, place) => {
      if (!fingerprints && column === table.fingerprints) {
        for (let at = 0; at < count; at++) column.push(undefined);
      } else {
        for (let at = 0; at < count; at++) {
          const from = tables[at];
          if (from) column.copy(from.#columns[place]!.column, rows[at]!);
          else column.push(of(entries[at] as StoredPackedEntry));
        }
      }
      column.seal();
      if (releasing) releasing.#releaseColumn(place);
    });
    table.#count = count;
    table.#sealed = true;
    return table;
  }

  /** No more rows can be added: each column drops what only adding needed. */
  seal(): this {
    if (!this.#sealed) {
      this.#sealed = true;
      for (const { column } of this.#columns) column.seal();
    }
    return this;
  }

  /** One entry a row, in the order they were added; no more can be added. */
  rows(): PackedArticleEntry[] {
    this.seal();
    return Array.from({ length: this.#count }, (_, row) => this.entryAt(row));
  }

  /** The entry of row `row` (made anew at each asking); no more rows can be added. */
  entryAt(row: number): PackedArticleEntry {
    this.seal();
    return new PackedArticleEntry(this, row);
  }

  /**
   * Its columns as they are written on file, sealed: typed arrays and the lists of shared values.
   * A table some of whose columns were released (`release`) is only handed to another thread
   * (`{ released: true }`), never written: its rows lack those fields.
   */
  stored({ released = false }: { released?: boolean } = {}): StoredColumns {
    this.seal();
    if (this.#released.size > 0 && !released) {
      throw new Error(
        `Packed entries whose columns ${[...this.#released].join(', ')} were released were to be written: a bug of Bayegan.`,
      );
    }
    return this.#columns.map(({ name, column }) => [
      name,
      this.#released.has(name) ? RELEASED_COLUMN : column.stored(),
    ]);
  }

  /**
   * Releases the columns `names` (as stored: `ids`, `data.slug`) of a sealed table whose rows are
   * still read, for fields nothing reads again: their typed arrays are freed once no thread holds
   * them, and reading one of those fields of a row throws, naming the bug (./typed-columns.ts).
   */
  release(names: readonly string[]): void {
    this.seal();
    for (const name of names) {
      const place = this.#columns.findIndex((column) => column.name === name);
      if (place < 0) throw new Error(`"${name}" is not a column of packed entries: a bug of Bayegan.`);
      if (this.#released.has(name)) continue;
      this.#releaseColumn(place);
      this.#released.add(name);
    }
  }

  /**
   * Releases the column at `place` (frees its typed arrays at once and refuses to be read from
   * then on), and the bytes it was read from: for a table restored as read, as its rows are copied.
   */
  #releaseColumn(place: number): void {
    const { name, column } = this.#columns[place]!;
    column.release();
    const part = this.#readFrom.get(name);
    if (part) freeNow(part);
    this.#readFrom.delete(name);
  }

  /**
   * The sealed table of `collection` that `stored` gave (`count` rows), its typed arrays in shared
   * memory; or, given the bytes each stored column was read from (`parts`, in the same order), kept
   * as read (views of those bytes) for rows to be copied from once, and released as they are (`of`).
   * A column a thread released before handing the table on (`release`) is released here too.
   * Undefined when a column is missing or holds another number of rows (a damaged file).
   */
  static restored(
    collection: string,
    count: number,
    stored: StoredColumns,
    read?: { parts: readonly ArrayBufferView[] },
  ): PackedColumns | undefined {
    const table = new PackedColumns(collection);
    const byName = new Map(stored);
    for (const { name, column } of table.#columns) {
      if (!byName.has(name)) return undefined;
      if (byName.get(name) === RELEASED_COLUMN) {
        column.release();
        table.#released.add(name);
        continue;
      }
      column.restore(byName.get(name), read ? 'asRead' : 'shared');
      if (column.length !== count) return undefined;
    }
    table.#count = count;
    table.#sealed = true;
    stored.forEach(([name], at) => {
      const part = read?.parts[at];
      if (part) table.#readFrom.set(name, part);
    });
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
