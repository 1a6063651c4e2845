/**
 * Puts the files of a built site in place (Node-only), and remembers every file it placed, so
 * that the build knows the whole site without walking it.
 *
 * A build may start from a recycled site, the one its previous build replaced (see
 * scripts/build.ts), so that it places only what differs from that one instead of every file. Such
 * a site shares many files (inodes) with the site being served, so a file is never written over
 * in place: new bytes go to a temporary name and are renamed over the old entry, which leaves the
 * old file, and the served site, untouched. Files the build carries over are hard links to the
 * served site's (a copy when it is on another disk); a link that is already there is kept.
 */
import {
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const temporary = (file: string) => `${file}.${process.pid}.placing`;

/** The files of one site folder, placed by this build (relative paths with `/`). */
export class SiteWriter {
  /** Every file placed so far, relative to the site folder. */
  readonly placed = new Set<string>();
  /** Folders known to exist: tens of thousands of files are placed one by one. */
  private readonly folders = new Set<string>();

  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private target(relative: string): string {
    this.placed.add(relative);
    const file = path.join(this.root, relative);
    this.folderOf(file);
    return file;
  }

  private folderOf(file: string): void {
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
  }

  /**
   * Makes `relative` the file `from` (a hard link, or a copy across disks), unless it already is.
   * `fromInode` is `from`'s inode when the caller has just looked it up (`inodeOf`): each lookup
   * is a system call, and a large build links a hundred thousand files.
   */
  link(from: string, relative: string, fromInode?: number): void {
    this.placed.add(relative);
    const file = path.join(this.root, relative);
    const existing = inodeOf(file);
    // Most files of a recycled site already are: their folder exists, nothing to do.
    if (existing !== undefined && existing === (fromInode ?? inodeOf(from))) return;
    this.folderOf(file);
    const next = temporary(file);
    rmSync(next, { force: true });
    try {
      linkSync(from, next);
    } catch {
      copyFileSync(from, next);
    }
    renameSync(next, file);
  }

  /**
   * Makes `relative` the file `from` in a site folder this writer found empty and alone fills (the
   * merge's staging folder): nothing can be in place there, so the link is the one system call,
   * without the look-up, temporary name and rename of `link`. A name given twice is an error.
   */
  linkNew(from: string, relative: string): void {
    if (this.placed.has(relative)) throw new Error(`${relative} is placed twice in ${this.root}.`);
    const file = path.join(this.root, relative);
    this.folderOf(file);
    try {
      linkSync(from, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(from, file, constants.COPYFILE_EXCL);
    }
    this.placed.add(relative);
  }

  /** Writes `relative` with new contents, replacing (never overwriting) what was there. */
  write(relative: string, contents: string | Uint8Array): void {
    const file = this.target(relative);
    const next = temporary(file);
    writeFileSync(next, contents);
    renameSync(next, file);
  }

  /** Moves the file `from` (on the same disk) to `relative`, replacing what was there. */
  move(from: string, relative: string): void {
    renameSync(from, this.target(relative));
  }

  /** Removes a placed file (a segment build drops what another segment owns). */
  remove(relative: string): void {
    rmSync(path.join(this.root, relative), { force: true });
    this.placed.delete(relative);
  }

  /** Records a file that is already in place (written there by Astro). */
  keep(relative: string): void {
    this.placed.add(relative);
  }

  /**
   * Links the files of the folder `from` into the folder `relative`, keeping its layout; only the
   * files `take` accepts. Returns how many files were placed.
   */
  linkTree(from: string, relative: string, take: (source: string, relative: string) => boolean = () => true): number {
    let placed = 0;
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = `${relative}/${entry.name}`;
      if (entry.isDirectory()) placed += this.linkTree(source, target, take);
      else if (take(source, target)) {
        this.link(source, target);
        placed++;
      }
    }
    return placed;
  }

  /**
   * Removes the files of `files` (relative) that this build did not place, and the folders they
   * leave empty: what a recycled site held that the new one does not.
   */
  removeAllBut(files: Iterable<string>): number {
    let removed = 0;
    const emptied = new Set<string>();
    for (const relative of files) {
      if (this.placed.has(relative)) continue;
      rmSync(path.join(this.root, relative), { force: true });
      emptied.add(path.dirname(relative));
      removed++;
    }
    // Deepest first, so a folder is tried after the folders inside it; stop at one that holds files.
    for (const folder of [...emptied].sort((a, b) => b.split('/').length - a.split('/').length)) {
      for (let at = folder; at !== '.' && at !== ''; at = path.posix.dirname(at)) {
        const entries = readdirSafe(path.join(this.root, at));
        if (entries === undefined) continue;
        if (entries.length > 0) break;
        rmdirSync(path.join(this.root, at));
      }
    }
    return removed;
  }
}

/** The inode of `file` (the link itself for a symbolic link), or undefined when there is no such file. */
export function inodeOf(file: string): number | undefined {
  // Without an exception for a missing file: thrown and caught, it costs more than the lookup.
  return lstatSync(file, { throwIfNoEntry: false })?.ino;
}

function readdirSafe(folder: string): string[] | undefined {
  try {
    return readdirSync(folder);
  } catch {
    return undefined;
  }
}

/** Every file under a folder, relative, with `/`. */
export function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

// Plain module state: only the build steps (src/build/) ask for writers, and they are all loaded
// with astro.config.mjs, so they share this module.
const writers = new Map<string, SiteWriter>();

/** The writer of the site folder `root` in this build (one per folder, shared by the build steps). */
export function siteWriter(root: string): SiteWriter {
  const key = path.resolve(root);
  let writer = writers.get(key);
  if (!writer) writers.set(key, (writer = new SiteWriter(key)));
  return writer;
}
