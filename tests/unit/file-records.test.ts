import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileRecords, NextRecords } from '../../src/lib/content/file-records.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'bayegan-file-records-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FOLDER = 'content/articles';
/** Names like an archive's files: year and month folders, Persian slugs with a ZWNJ. */
const nameOf = (n: number) => `${1380 + (n % 25)}/${String(1 + (n % 12)).padStart(2, '0')}/${n}-خبر‌ها-${n % 7}.md`;
const keyOf = (n: number) => `${n}:1796476365674385995:${n * 3}`;

/** The records of files 0 to `count` − 1, written to `file` and read back. */
function writtenAndRead(file: string, count: number): FileRecords {
  const next = new NextRecords(FileRecords.none(), FOLDER);
  for (let n = 0; n < count; n += 1) next.add(nameOf(n), keyOf(n), `digest-${n}`);
  next.write(file);
  return FileRecords.read(file);
}

describe('FileRecords: each file’s key and digest, found by its name', () => {
  it('finds every file written, and none other, among thousands of names', () => {
    const records = writtenAndRead(path.join(scratch, 'many.records'), 5000);
    expect(records.folder).toBe(FOLDER);
    expect(records.count).toBe(5000);
    for (const n of [0, 1, 2, 777, 4999]) {
      const row = records.rowOf(nameOf(n))!;
      expect(records.keyAt(row)).toBe(keyOf(n));
      expect(records.digestAt(row)).toBe(`digest-${n}`);
    }
    let found = 0;
    for (let n = 0; n < 5000; n += 1) if (records.rowOf(nameOf(n)) !== undefined) found += 1;
    expect(found).toBe(5000);
    expect(records.rowOf(nameOf(5000))).toBeUndefined();
    // The same letters without the ZWNJ are another file's name.
    expect(records.rowOf(nameOf(3).replace('‌', ''))).toBeUndefined();
  });

  it('writes the rows it keeps of the last records as they were, then the records it adds', () => {
    const first = writtenAndRead(path.join(scratch, 'first.records'), 3000);
    const next = new NextRecords(first, FOLDER);
    // Kept out of order and with gaps: each run of rows that follow each other is one piece.
    for (const n of [5, 6, 7, 2999, 0, 1, 100]) next.keep(first.rowOf(nameOf(n))!);
    next.add(nameOf(8), 'git:0123abcd', 'digest-new');
    expect(next.count).toBe(8);
    const file = path.join(scratch, 'second.records');
    next.write(file);
    const second = FileRecords.read(file);
    expect(second.count).toBe(8);
    for (const n of [5, 6, 7, 2999, 0, 1, 100]) {
      expect(second.keyAt(second.rowOf(nameOf(n))!)).toBe(keyOf(n));
      expect(second.digestAt(second.rowOf(nameOf(n))!)).toBe(`digest-${n}`);
    }
    expect(second.keyAt(second.rowOf(nameOf(8))!)).toBe('git:0123abcd');
    expect(second.digestAt(second.rowOf(nameOf(8))!)).toBe('digest-new');
    expect(second.rowOf(nameOf(9))).toBeUndefined();
  });

  it('lets go of what it read when released, and of nothing another record shares', () => {
    const large = writtenAndRead(path.join(scratch, 'large.records'), 2000);
    // Two small files' bytes may be slices of one pool of Node's: releasing one leaves the other.
    const small = writtenAndRead(path.join(scratch, 'small-1.records'), 2);
    const other = writtenAndRead(path.join(scratch, 'small-2.records'), 3);
    large.release();
    small.release();
    expect([large.count, small.count]).toEqual([0, 0]);
    expect(large.rowOf(nameOf(1))).toBeUndefined();
    expect(other.digestAt(other.rowOf(nameOf(2))!)).toBe('digest-2');
  });

  it('reads a missing, cut, longer or older file as no records: every file is then read again', () => {
    const cut = path.join(scratch, 'cut.records');
    writtenAndRead(cut, 500);
    const whole = readFileSync(cut);
    truncateSync(cut, Math.floor(whole.length / 2));
    const longer = path.join(scratch, 'longer.records');
    writeFileSync(longer, Buffer.concat([whole, Buffer.from([1, 2, 3])]));
    const json = path.join(scratch, 'older.records');
    writeFileSync(json, JSON.stringify({ folder: FOLDER, files: { [nameOf(1)]: ['k', 'd'] } }));
    for (const file of ['missing.records', cut, longer, json]) {
      const records = FileRecords.read(path.resolve(scratch, file));
      expect(records.count).toBe(0);
      expect(records.folder).toBeUndefined();
      expect(records.rowOf(nameOf(1))).toBeUndefined();
    }
  });
});
