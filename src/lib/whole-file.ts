/**
 * Writes a file whole (Node-only): under another name first, then renamed over the file, so that a
 * build stopped at any moment leaves the old file or the new one, never half of one.
 */
import { renameSync, writeFileSync } from 'node:fs';

export function writeWholeFile(file: string, contents: string): void {
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}
