import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, inodeOf, SiteWriter } from '../../src/lib/link-files';

const root = mkdtempSync(path.join(os.tmpdir(), 'bayegan-link-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A served site and a recycled one that shares its page (one inode), as after a build. */
function sites() {
  const served = path.join(root, `served-${++folders}`);
  const recycled = path.join(root, `recycled-${folders}`);
  for (const dir of [served, recycled]) mkdirSync(path.join(dir, 'news/1/a'), { recursive: true });
  writeFileSync(path.join(served, 'news/1/a/index.html'), 'page one');
  linkSync(path.join(served, 'news/1/a/index.html'), path.join(recycled, 'news/1/a/index.html'));
  return { served, recycled, page: 'news/1/a/index.html' };
}

describe('SiteWriter', () => {
  it('writes new bytes under a new inode, leaving the served file that shared the old one untouched', () => {
    const { served, recycled, page } = sites();
    const writer = new SiteWriter(recycled);
    writer.write(page, 'page one, corrected');
    expect(readFileSync(path.join(recycled, page), 'utf8')).toBe('page one, corrected');
    expect(readFileSync(path.join(served, page), 'utf8')).toBe('page one');
    expect(writer.placed.has(page)).toBe(true);
  });

  it('keeps a link that is already the same file, and replaces one that is not', () => {
    const { served, recycled, page } = sites();
    const writer = new SiteWriter(recycled);
    const before = statSync(path.join(recycled, page)).ino;
    writer.link(path.join(served, page), page);
    expect(statSync(path.join(recycled, page)).ino).toBe(before);

    writeFileSync(path.join(served, 'other.html'), 'other');
    writeFileSync(path.join(recycled, 'other.html'), 'stale other');
    writer.link(path.join(served, 'other.html'), 'other.html');
    expect(statSync(path.join(recycled, 'other.html')).ino).toBe(statSync(path.join(served, 'other.html')).ino);
  });

  it("trusts the source's inode it is given (looked up once by the caller) instead of looking it up again", () => {
    const { served, recycled, page } = sites();
    expect(inodeOf(path.join(served, page))).toBe(statSync(path.join(served, page)).ino);
    expect(inodeOf(path.join(served, 'never-there.html'))).toBeUndefined();

    writeFileSync(path.join(served, 'other.html'), 'other');
    writeFileSync(path.join(recycled, 'other.html'), 'stale other');
    const writer = new SiteWriter(recycled);
    // Given the inode the target already has, the target is taken to be the source's file already.
    writer.link(path.join(served, 'other.html'), 'other.html', inodeOf(path.join(recycled, 'other.html')));
    expect(readFileSync(path.join(recycled, 'other.html'), 'utf8')).toBe('stale other');
    // Given the source's own, a different file is replaced by a link to it.
    writer.link(path.join(served, 'other.html'), 'other.html', inodeOf(path.join(served, 'other.html')));
    expect(readFileSync(path.join(recycled, 'other.html'), 'utf8')).toBe('other');
    expect(writer.placed).toEqual(new Set(['other.html']));
  });

  it('links into a folder it alone fills: one link per file, its folders made, a name given twice refused', () => {
    const { served, page } = sites();
    const staged = path.join(root, `staged-${folders}`);
    const writer = new SiteWriter(staged);
    writer.linkNew(path.join(served, page), page);
    writer.linkNew(path.join(served, page), 'n/1/index.html');
    expect(statSync(path.join(staged, page)).ino).toBe(statSync(path.join(served, page)).ino);
    expect(readFileSync(path.join(staged, 'n/1/index.html'), 'utf8')).toBe('page one');
    expect(writer.placed).toEqual(new Set([page, 'n/1/index.html']));
    expect(() => writer.linkNew(path.join(served, page), page)).toThrow(/placed twice/);
    // A file already there that this writer did not place is never written over.
    writeFileSync(path.join(staged, 'other.html'), 'not ours');
    expect(() => writer.linkNew(path.join(served, page), 'other.html')).toThrow(/EEXIST/);
    expect(readFileSync(path.join(staged, 'other.html'), 'utf8')).toBe('not ours');
  });

  it('moves a file in, making its folders', () => {
    const { recycled } = sites();
    const fresh = path.join(root, `fresh-${folders}.html`);
    writeFileSync(fresh, 'new story');
    const writer = new SiteWriter(recycled);
    writer.move(fresh, 'news/2/b/index.html');
    expect(readFileSync(path.join(recycled, 'news/2/b/index.html'), 'utf8')).toBe('new story');
    expect(existsSync(fresh)).toBe(false);
  });

  it('removes what it did not place of a file list, and the folders left empty', () => {
    const { served, recycled, page } = sites();
    mkdirSync(path.join(recycled, 'news/9/gone'), { recursive: true });
    writeFileSync(path.join(recycled, 'news/9/gone/index.html'), 'taken down');
    const writer = new SiteWriter(recycled);
    writer.link(path.join(served, page), page);
    expect(writer.removeAllBut([page, 'news/9/gone/index.html', 'never-there.html'])).toBe(2);
    expect(filesUnder(recycled)).toEqual([page]);
    expect(existsSync(path.join(recycled, 'news/9'))).toBe(false);
    expect(existsSync(path.join(recycled, 'news/1/a'))).toBe(true);
  });
});
