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

/**
 * Astro imports astro.config.mjs with Node first and, when that fails, starts a whole Vite server
 * to load it instead: about half a second of every build. The configuration, the build steps
 * (src/build/) and every site settings file must therefore load in plain Node too.
 */
describe('astro.config.mjs loads in plain Node', () => {
  const settingsFiles = [
    '',
    ...readdirSync(path.join(projectRoot, 'tests/fixtures')).filter((f) => f.endsWith('.config.ts')),
  ];
  it.each(settingsFiles)('with the site settings %s', (file) => {
    const script = `const { default: config } = await import(${JSON.stringify(pathToFileURL(path.join(projectRoot, 'astro.config.mjs')).href)}); console.log(config.site);`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, BAYEGAN_SITE_CONFIG: file && path.join(projectRoot, 'tests/fixtures', file) },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^https:\/\//);
  });
});
