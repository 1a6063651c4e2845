/**
 * Which files of a built site were added, changed or removed between two builds, by content: what a
 * CDN upload and purge costs after a change. Used by `npm run bench`.
 *
 * A snapshot records each file's inode and a digest of its bytes. A file that a build carried over
 * from the previous site is a hard link to the same inode (src/lib/link-files.ts), so its digest is
 * known without reading it again; a newly written file cannot share an inode with a file of the
 * previous site, which is still in place while the build runs. Only new files are read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../src/lib/link-files.ts';

/** relative path (with `/`) → file */
export type SiteSnapshot = Map<string, { ino: number; digest: string }>;

/**
 * @param dir the site folder
 * @param previous the snapshot of the build before, whose digests are reused
 */
export function snapshotSite(dir: string, previous: SiteSnapshot = new Map()): SiteSnapshot {
  const snapshot: SiteSnapshot = new Map();
  for (const name of filesUnder(dir)) {
    const file = path.join(dir, name);
    const { ino } = statSync(file);
    const known = previous.get(name);
    const digest =
      known && known.ino === ino ? known.digest : createHash('sha1').update(readFileSync(file)).digest('base64url');
    snapshot.set(name, { ino, digest });
  }
  return snapshot;
}

/**
 * @returns sorted relative paths
 */
export function diffSnapshots(
  before: SiteSnapshot,
  after: SiteSnapshot,
): { added: string[]; changed: string[]; removed: string[] } {
  const added = [];
  const changed = [];
  for (const [name, file] of after) {
    const old = before.get(name);
    if (!old) added.push(name);
    else if (old.digest !== file.digest) changed.push(name);
  }
  const removed = [...before.keys()].filter((name) => !after.has(name));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** The kinds of files a change touches, in the order they are reported. */
export const FILE_KINDS = [
  ['search index', /^pagefind\//],
  ['article pages', /^news\//],
  ['short links', /^n\//],
  ['listing pages', /^(category|tag|author|archive)\/.*\.html$/],
  ['feeds and sitemaps', /\.xml$/],
  ['other', /(?:)/],
] as const;

/** Counts files by kind. */
export function countByKind(names: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) {
    const kind = FILE_KINDS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
