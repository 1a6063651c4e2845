/**
 * Writes a file whole (Node-only): under another name first, then renamed over the file, so that a
 * build or a script stopped at any moment leaves the old file or the new one, never half of one;
 * a write that fails leaves no partial file behind.
 */
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';

export function writeWholeFile(file: string, contents: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, contents);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The same, for contents made one part after another (too large to be held as one string or buffer). */
export function writeWholeFileInParts(file: string, parts: Iterable<Uint8Array>): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      for (const part of parts) writeSync(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

let partials = 0;

/**
 * The same, without holding up the thread that asks: many of these may run at once (each under a
 * partial name of its own, even for the same file).
 */
export async function writeWholeFileAsync(file: string, contents: string): Promise<void> {
  const partial = `${file}.${process.pid}-${++partials}.partial`;
  try {
    await writeFile(partial, contents);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
