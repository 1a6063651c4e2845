/**
 * The search step's Pagefind process runs with the allocator settings the build chose for it
 * (`PAGEFIND_ALLOCATOR`, src/build/search-shard.ts: a third faster, measured), a newsroom's own
 * `_RJEM_MALLOC_CONF` wins, and the index is the same bytes either way. A stand-in for Pagefind's
 * binary (through the pagefind module's own `PAGEFIND_EXTENDED_BINARY_PATH`) writes down the
 * setting it was started with and runs the real one.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { indexShardInWorker, PAGEFIND_ALLOCATOR } from '../../src/build/search-shard.ts';
import { tmpRoot } from '../helpers/build-site';

const BINARY_VARIABLE = 'PAGEFIND_EXTENDED_BINARY_PATH';
const realBinary = createRequire(import.meta.url).resolve(`@pagefind/linux-x64/bin/pagefind_extended`);
let dir: string;
let pages: { file: string; url: string }[];

/** Indexes the two pages into `name` and answers the allocator setting Pagefind was started with. */
async function indexWith(name: string, ownSetting: string | undefined): Promise<string> {
  const record = path.join(dir, `${name}.setting`);
  const standIn = path.join(dir, `${name}.sh`);
  writeFileSync(standIn, `#!/bin/sh\nprintf '%s' "$_RJEM_MALLOC_CONF" > '${record}'\nexec '${realBinary}' "$@"\n`);
  chmodSync(standIn, 0o755);
  vi.stubEnv(BINARY_VARIABLE, standIn);
  vi.stubEnv('_RJEM_MALLOC_CONF', ownSetting);
  try {
    await indexShardInWorker({ pages, target: path.join(dir, name), withTerms: false });
  } finally {
    vi.unstubAllEnvs();
  }
  return readFileSync(record, 'utf8');
}

/** Every file of an index folder with its bytes. */
const filesOf = (folder: string) =>
  new Map(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(folder, file), readFileSync(file).toString('base64')];
      }),
  );

beforeAll(() => {
  mkdirSync(tmpRoot, { recursive: true });
  dir = mkdtempSync(path.join(tmpRoot, 'search-allocator-'));
  pages = ['بازار تهران', 'نمایشگاه کتاب'].map((title, at) => {
    const file = path.join(dir, `page-${at}.html`);
    writeFileSync(
      file,
      `<!doctype html><html lang="fa" dir="rtl"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>متن خبر ${title}</p></main></body></html>`,
    );
    return { file, url: `/news/${at + 1}/` };
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Pagefind's allocator", () => {
  it('is started with the settings the build chose, and a newsroom’s own setting wins; the index is the same', async () => {
    expect(await indexWith('chosen', undefined)).toBe(PAGEFIND_ALLOCATOR);
    expect(await indexWith('own', 'narenas:2')).toBe('narenas:2');
    const chosen = filesOf(path.join(dir, 'chosen'));
    expect(chosen.size).toBeGreaterThan(3);
    expect(filesOf(path.join(dir, 'own'))).toEqual(chosen);
  });
});
