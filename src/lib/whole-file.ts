/**
 * Writes a file whole (Node-only): under another name first, then renamed over the file, so that a
 * build or a script stopped at any moment leaves the old file or the new one, never half of one;
 * a write that fails leaves no partial file behind.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeWholeFile(file: string, contents: string): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, contents);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
