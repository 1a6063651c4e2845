/**
 * The scripts (`npm run new`, `check:content`, the importers) load src/lib modules with plain Node,
 * which strips types but resolves only explicit file names: every import in src/lib, relative (`./`)
 * or through the package's subpath imports (`#lib/…`, package.json "imports"), must name its `.ts`
 * file, and nothing there may need Astro's build.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build-site';

const libDir = path.join(projectRoot, 'src/lib');
const modules = readdirSync(libDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join(libDir, file));

describe('src/lib loads in plain Node', () => {
  it(`imports all ${modules.length} modules without a bundler`, () => {
    const script = `for (const url of ${JSON.stringify(modules.map((m) => pathToFileURL(m).href))}) await import(url);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(modules.length).toBeGreaterThan(20);
  });
});
