/**
 * A built site's files and their bytes, for tests that compare two sites (an incremental build
 * against one from scratch, a site before and after a stopped build).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../../src/lib/link-files';

/** Every file of a site folder, by relative path (with `/`), with its bytes. */
export function siteFiles(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** Paths whose bytes differ, or that only one of the two sites has. */
export function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!)).sort();
}
