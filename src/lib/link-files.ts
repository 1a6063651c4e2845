/**
 * Puts build files in place without copying their bytes (Node-only): a hard link when source and
 * target are on one disk, a copy otherwise. The files are never edited in place after a build
 * writes them, so a link is as good as a copy.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Links (or copies) one file, making the target's folder as needed. */
export function linkOrCopy(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Links (or copies) the files of the folder `from` into `to`, keeping its layout; only the files
 * `take` accepts (folders are always entered). Returns how many files were placed.
 */
export function linkTree(
  from: string,
  to: string,
  take: (source: string, target: string) => boolean = () => true,
): number {
  let placed = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) placed += linkTree(source, target, take);
    else if (take(source, target)) {
      linkOrCopy(source, target);
      placed++;
    }
  }
  return placed;
}
