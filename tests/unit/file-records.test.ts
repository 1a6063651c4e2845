import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRecords } from '../../src/lib/content/file-records.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bayegan-file-records-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Names like an archive's files: year and month folders, Persian and Latin slugs. */
const nameOf = (n: number) => `${1380 + (n % 25)}/${String(1 + (n % 12)).padStart(2, '0')}/${n}-خبر‌ها-${n % 7}.md`;

function recordsOf(count: number, folder = 'content/articles'): FileRecords {
  const records = new FileRecords(folder);
  for (let n = 0; n < count; n += 1) records.add(nameOf(n), `${n}:1796476365674385995:${n * 3}`, `digest-${n}`);
  return records;
}

describe('FileRecords: each file’s key and digest, found by its name', () => {
  it('finds every file it holds, and none it does not, among thousands of names', () => {
    const records = recordsOf(5000);
    expect(records.count).toBe(5000);
    for (const n of [0, 1, 2, 777, 4999]) {
      const row = records.rowOf(nameOf(n))!;
      expect(records.keyAt(row)).toBe(`${n}:1796476365674385995:${n * 3}`);
      expect(records.digestAt(row)).toBe(`digest-${n}`);
    }
    let found = 0;
    for (let n = 0; n < 5000; n += 1) if (records.rowOf(nameOf(n)) !== undefined) found += 1;
    expect(found).toBe(5000);
    expect(records.rowOf(nameOf(5000))).toBeUndefined();
    // The same letters in another spelling are another file.
    expect(records.rowOf(nameOf(3).replace('‌', ''))).toBeUndefined();
  });

  it('finds a file added after it was first asked', () => {
    const records = recordsOf(3);
    expect(records.rowOf('new.md')).toBeUndefined();
    records.add('new.md', 'git:abc', 'd');
    expect(records.keyAt(records.rowOf('new.md')!)).toBe('git:abc');
  });

  it('copies a record of another as it is there', () => {
    const from = recordsOf(10);
    const to = new FileRecords('content/articles');
    to.copy(from, from.rowOf(nameOf(7))!);
    expect(to.count).toBe(1);
    expect(to.keyAt(to.rowOf(nameOf(7))!)).toBe(from.keyAt(from.rowOf(nameOf(7))!));
    expect(to.digestAt(0)).toBe('digest-7');
  });

  it('writes and reads back its folder and every record', () => {
    const file = path.join(scratch, 'articles.records');
    recordsOf(2000).write(file);
    const read = FileRecords.read(file);
    expect(read.folder).toBe('content/articles');
    expect(read.count).toBe(2000);
    for (const n of [0, 1234, 1999]) expect(read.digestAt(read.rowOf(nameOf(n))!)).toBe(`digest-${n}`);
  });

  it('reads a missing, damaged or older file as no records: every file is then read again', () => {
    const missing = FileRecords.read(path.join(scratch, 'missing.records'));
    const cut = path.join(scratch, 'cut.records');
    recordsOf(500).write(cut);
    truncateSync(cut, Math.floor(readFileSync(cut).length / 2));
    const json = path.join(scratch, 'older.records');
    writeFileSync(json, JSON.stringify({ folder: 'content/articles', files: { [nameOf(1)]: ['k', 'd'] } }));
    for (const records of [missing, FileRecords.read(cut), FileRecords.read(json)]) {
      expect(records.count).toBe(0);
      expect(records.folder).toBeUndefined();
      expect(records.rowOf(nameOf(1))).toBeUndefined();
    }
  });
});
