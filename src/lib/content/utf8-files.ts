/**
 * The build refuses content files that are not UTF-8 text (Node-only: reads files). Astro's loader
 * decodes every file as UTF-8, so a file in Windows-1256 or UTF-16 would be built into garbled
 * letters without a word (issue 17). `globChangedFiles` (./unchanged-files.ts) calls this with the
 * files it hands to Astro's loader, before the loader reads them: each changed file is read once
 * more here (from the disk cache the loader's read then finds warm), unchanged files not at all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './content-dir.ts';
import { detectEncoding, notUtf8Problem } from './encoding.ts';
import { contentProblemsError, type ContentProblem } from './problems.ts';

/** Throws the build's content error, naming each file of `files` (relative to `baseDir`) that is not UTF-8 text. */
export function refuseFilesNotUtf8(baseDir: string, files: readonly string[]): void {
  const problems: ContentProblem[] = [];
  for (const file of files) {
    const fullPath = path.join(baseDir, file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fullPath);
    } catch {
      continue; // Gone since it was listed: Astro's loader reports it as it always has.
    }
    const encoding = detectEncoding(bytes);
    if (encoding === 'utf-8') continue;
    problems.push(notUtf8Problem(displayPath(fullPath), encoding));
  }
  if (problems.length > 0) throw contentProblemsError(problems);
}
