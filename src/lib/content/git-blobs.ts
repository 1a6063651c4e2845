/**
 * What git knows of a folder's files without reading them (Node-only): each tracked file's blob id,
 * for the check of unchanged files (./unchanged-files.ts). A file's size, times and inode change
 * with every checkout, so a CI runner, which checks the repository out afresh on every run, read
 * every content file again whatever its build cache held: content sync 45.1 s instead of 4.5 s in
 * segment 3 of 8 of 100,000 articles, in every segment. A blob id is the file's content, the same
 * in every checkout.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { freeNow } from '#lib/free-now.ts';
import { RowsByName } from '#lib/rows-by-name.ts';
import { fnv1a } from '#lib/text-hash.ts';
import { withRoom } from './typed-columns.ts';

/** Far more than a million paths' listing (about 100 bytes a line). */
const MAX_OUTPUT = 1024 ** 3;

/** The bytes git prints in `dir`; undefined outside a git work tree, without git, or when it fails. */
function gitBytes(dir: string, args: readonly string[]): Buffer | undefined {
  const run = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd: dir,
    maxBuffer: MAX_OUTPUT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return run.status === 0 ? run.stdout : undefined;
}

/** What git prints in `dir`; undefined outside a git work tree, without git, or when it fails. */
export function gitOutput(dir: string, args: readonly string[]): string | undefined {
  return gitBytes(dir, args)?.toString('utf8');
}

const NUL = 0;
const TAB = 9;
const SPACE = 32;
const STAGE_0 = 48;

/**
 * The blob id of each file of git's listing, by path: the listing's bytes as git printed them
 * (`<mode> <blob id> <stage>\t<path>\0` a file), a row a file kept, found by path (`RowsByName`).
 * A Map of a million paths held two strings and an entry a file, slices of the listing's text that
 * kept it whole, through the whole check of unchanged files (./unchanged-files.ts).
 */
export class BlobIds {
  #listing: Buffer;
  /** Where each row's path starts in the listing; its blob id ends three bytes before (` <stage>\t`). */
  #paths: Uint32Array;
  #count = 0;
  #byPath: RowsByName | undefined;

  /** The files of `listing` at stage 0 (not in conflict) and not in `edited`. */
  constructor(listing: Buffer, edited: ReadonlySet<string>) {
    this.#listing = listing;
    this.#paths = new Uint32Array(1024);
    for (let start = 0; start < listing.length;) {
      const end = listing.indexOf(NUL, start);
      const tab = listing.indexOf(TAB, start);
      if (end < 0 || tab < 0 || tab > end) break;
      const path = tab + 1;
      const kept = listing[tab - 1] === STAGE_0 && listing[tab - 2] === SPACE;
      if (kept && (edited.size === 0 || !edited.has(this.#text(path, end)))) {
        this.#paths = withRoom(this.#paths, this.#count + 1);
        this.#paths[this.#count++] = path;
      }
      start = end + 1;
    }
  }

  /** How many files it knows. */
  get size(): number {
    return this.#count;
  }

  /** The blob id of `file` (relative to the folder listed); undefined when git does not know it as it is. */
  get(file: string): string | undefined {
    const row = this.#rowOf(file);
    return row === undefined ? undefined : this.#blobAt(row);
  }

  has(file: string): boolean {
    return this.#rowOf(file) !== undefined;
  }

  /** Each file it knows, as listed. */
  *keys(): Generator<string> {
    for (let row = 0; row < this.#count; row++) yield this.#pathAt(row);
  }

  /** Each file it knows with its blob id, as listed. */
  *entries(): Generator<[file: string, blob: string]> {
    for (let row = 0; row < this.#count; row++) yield [this.#pathAt(row), this.#blobAt(row)];
  }

  /**
   * Frees the listing now, not when collected (about 90 MB of a million files, through the rest of
   * content sync); it knows no file afterwards.
   */
  release(): void {
    freeNow(this.#listing);
    freeNow(this.#paths);
    this.#listing = Buffer.alloc(0);
    this.#paths = new Uint32Array(0);
    this.#count = 0;
    this.#byPath = undefined;
  }

  #rowOf(file: string): number | undefined {
    if (this.#count === 0) return undefined;
    this.#byPath ??= new RowsByName(
      this.#count,
      (row) => fnv1a(this.#pathAt(row)),
      (row) => this.#pathAt(row),
    );
    return this.#byPath.rowOf(file);
  }

  #pathAt(row: number): string {
    const start = this.#paths[row]!;
    return this.#text(start, this.#listing.indexOf(NUL, start));
  }

  #blobAt(row: number): string {
    const end = this.#paths[row]! - 3;
    return this.#text(this.#listing.lastIndexOf(SPACE, end - 1) + 1, end);
  }

  #text(start: number, end: number): string {
    return this.#listing.toString('utf8', start, end);
  }
}

/**
 * The blob id of every file under `dir` that git tracks and whose working copy is what git's index
 * holds (of those `pathspecs` name, all by default), by path relative to `dir` (forward slashes);
 * undefined outside a git work tree or without git. A file edited and not staged, in conflict, or
 * untracked is left out: its caller falls back on the file's own stat (`fileKey`).
 */
export function gitBlobIds(dir: string, pathspecs: readonly string[] = ['.']): BlobIds | undefined {
  // `-s`: mode, blob id, stage, path; `-m`: the files whose working copy differs from the index
  // (git compares the contents when a file's stat differs from what its index recorded).
  const staged = gitBytes(dir, ['ls-files', '-s', '-z', '--', ...pathspecs]);
  const modified = gitOutput(dir, ['ls-files', '-m', '-z', '--', ...pathspecs]);
  if (staged === undefined || modified === undefined) return undefined;
  return new BlobIds(staged, new Set(modified.split('\0').filter((file) => file !== '')));
}

/** A file's size, modification and change times and inode (what `git status` compares); undefined when it is missing. */
function statKey(file: string): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * What a file is known by without reading it: `git:` and its blob id when `blob` (from
 * `gitBlobIds`) names it, the same in every checkout; else its stat, the same while nobody touches
 * it; undefined when it is missing.
 */
export const fileKey = (file: string, blob: string | undefined): string | undefined =>
  blob ? `git:${blob}` : statKey(file);
