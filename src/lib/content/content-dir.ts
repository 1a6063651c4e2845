/**
 * Where the archive's content lives (Node-only: reads the environment and the file system).
 * `BAYEGAN_CONTENT_DIR` points the same code at another archive: tests, benchmarks, other newsrooms.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILE, dataEntryId, type Collection } from './content-layout.ts';

export const CONTENT_DIR_ENV = 'BAYEGAN_CONTENT_DIR';

/** The content folder, absolute. */
export function resolveContentDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env[CONTENT_DIR_ENV] || 'content');
}

/** The ids of a data collection's entries: its file names without extension. */
export function listDataEntryIds(folder: string): Set<string> {
  try {
    return new Set(
      readdirSync(folder)
        .filter((name) => DATA_FILE.test(name))
        .map(dataEntryId),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative.startsWith('..') ? path.resolve(cwd, file) : relative;
}

/** A collection's folder, absolute: `collectionFolder('articles')` is `<content>/articles`. */
export function collectionFolder(collection: Collection, contentDir = resolveContentDir()): string {
  return path.join(contentDir, collection);
}
