/**
 * Reading the archive's files for the newsroom scripts (`npm run new`, `import:legacy`): the
 * sections and reporters to choose from (and the message for one that is not there), and the
 * articles already there. Node-only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { normalizePersianLetters } from '../../src/lib/persian/normalize.ts';
import { DATA_FILE, dataEntryId } from '../../src/lib/content/content-layout.ts';
import { frontmatterOf } from './frontmatter.ts';

export const ARTICLE_FILE = /\.mdx?$/i;

/** Slug → Persian name of every data file in `folder` (sections or reporters). */
export function readChoices(folder: string): Map<string, string> {
  const choices: Map<string, string> = new Map();
  if (!existsSync(folder)) return choices;
  for (const file of readdirSync(folder).sort()) {
    if (!DATA_FILE.test(file)) continue;
    let name = '';
    try {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const data: unknown = file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      if (data && typeof data === 'object' && 'name' in data && typeof data.name === 'string') {
        name = normalizePersianLetters(data.name.trim());
      }
    } catch {
      // A broken data file is the build's to report; the slug is still a valid choice here.
    }
    choices.set(dataEntryId(file), name);
  }
  return choices;
}

/**
 * Whether `folder` holds at least `count` article files. Stops reading at the `count`th, so that
 * asking costs a few milliseconds however large the archive.
 */
export function holdsArticles(folder: string, count: number): boolean {
  let found = 0;
  // Depth first, a folder at a time (Node's recursive reading lists far more than it must here).
  const walk = (at: string): boolean => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (walk(path.join(at, entry.name))) return true;
      } else if (entry.isFile() && ARTICLE_FILE.test(entry.name) && ++found >= count) {
        return true;
      }
    }
    return false;
  };
  return count <= 0 || (existsSync(folder) && walk(folder));
}

/** Every article file under `folder`: its path and its frontmatter. */
export function readArticles(folder: string): { file: string; frontmatter: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && ARTICLE_FILE.test(entry.name))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, frontmatter: frontmatterOf(readFileSync(file, 'utf8')) };
    });
}

/**
 * `Unknown section "x". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی)`
 * @param valid slug → Persian name
 */
export function unknownMessage(
  kind: 'section' | 'reporter',
  value: string,
  valid: ReadonlyMap<string, string>,
): string {
  return `Unknown ${kind} "${value}". Valid ${kind}s: ${describeChoices(valid)}`;
}

/** `culture (فرهنگ و هنر), economy (اقتصادی)`, sorted by slug. */
export function describeChoices(valid: ReadonlyMap<string, string>): string {
  if (valid.size === 0) return '(none)';
  return [...valid]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, name]) => (name ? `${slug} (${name})` : slug))
    .join(', ');
}
