import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitBlobIds } from '../../src/lib/content/git-blobs';
import { git } from '../helpers/git';

const root = mkdtempSync(path.join(os.tmpdir(), 'bayegan-git-blobs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A repository whose articles folder holds committed, edited, staged and untracked files. */
function repository(): string {
  const repo = path.join(root, 'site');
  const articles = path.join(repo, 'content', 'articles', '1403');
  mkdirSync(articles, { recursive: true });
  writeFileSync(path.join(repo, 'README.md'), 'outside the folder\n');
  writeFileSync(path.join(articles, 'بازار.md'), '---\nid: 1\n---\nمتن\n');
  writeFileSync(path.join(articles, 'edited.md'), '---\nid: 2\n---\n');
  writeFileSync(path.join(articles, 'staged.md'), '---\nid: 3\n---\n');
  writeFileSync(path.join(articles, 'دو واژه\tبا جدا.md'), '---\nid: 5\n---\n');
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'articles');
  writeFileSync(path.join(articles, 'edited.md'), '---\nid: 2\ntitle: x\n---\n');
  writeFileSync(path.join(articles, 'staged.md'), '---\nid: 3\ntitle: y\n---\n');
  git(repo, 'add', 'content/articles/1403/staged.md');
  writeFileSync(path.join(articles, 'new.md'), '---\nid: 4\n---\n');
  return repo;
}

describe('gitBlobIds', () => {
  const repo = repository();
  const folder = path.join(repo, 'content', 'articles');
  const blobs = gitBlobIds(folder);

  it('knows each file git holds as it is by its blob id, by path relative to the folder', () => {
    expect([...blobs!.keys()].sort()).toEqual(['1403/staged.md', '1403/بازار.md', '1403/دو واژه\tبا جدا.md']);
    expect(blobs!.size).toBe(3);
    // A name with a space and a tab is the name, its id the file's.
    expect(blobs!.get('1403/دو واژه\tبا جدا.md')).toBe(
      git(repo, 'hash-object', 'content/articles/1403/دو واژه\tبا جدا.md'),
    );
    expect(blobs!.get('1403/بازار.md')).toBe(git(repo, 'hash-object', 'content/articles/1403/بازار.md'));
    // A staged edit is known by the staged content's blob, which is the file's.
    expect(blobs!.get('1403/staged.md')).toBe(git(repo, 'hash-object', 'content/articles/1403/staged.md'));
  });

  it('leaves out a file edited and not staged, and an untracked one: their stat decides', () => {
    expect(blobs!.has('1403/edited.md')).toBe(false);
    expect(blobs!.has('1403/new.md')).toBe(false);
  });

  it('gives the same ids in another checkout of the same commit, whose files have new times', () => {
    const clone = path.join(root, 'clone');
    git(root, 'clone', '-q', repo, clone);
    const cloned = gitBlobIds(path.join(clone, 'content', 'articles'))!;
    expect(cloned.get('1403/بازار.md')).toBe(blobs!.get('1403/بازار.md'));
    expect(cloned.get('1403/edited.md')).toBe(git(clone, 'rev-parse', 'HEAD:content/articles/1403/edited.md'));
  });

  it('leaves out a file in conflict: its stat decides', () => {
    const conflicted = path.join(root, 'conflicted');
    const file = path.join(conflicted, 'a.md');
    mkdirSync(conflicted);
    const commit = (text: string) => {
      writeFileSync(file, text);
      git(conflicted, 'add', 'a.md');
      git(conflicted, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', text);
    };
    git(conflicted, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(conflicted, 'b.md'), 'b\n');
    git(conflicted, 'add', 'b.md');
    commit('one\n');
    git(conflicted, 'checkout', '-q', '-b', 'other');
    commit('two\n');
    git(conflicted, 'checkout', '-q', 'main');
    commit('three\n');
    expect(() => git(conflicted, 'merge', '-q', 'other')).toThrow();
    const known = gitBlobIds(conflicted)!;
    expect([...known.keys()]).toEqual(['b.md']);
    expect(known.has('a.md')).toBe(false);
  });

  it('knows no file once released', () => {
    const known = gitBlobIds(folder)!;
    known.release();
    expect(known.size).toBe(0);
    expect(known.get('1403/بازار.md')).toBeUndefined();
    expect([...known.entries()]).toEqual([]);
  });

  it('knows nothing outside a git work tree', () => {
    const plain = path.join(root, 'plain');
    mkdirSync(plain);
    writeFileSync(path.join(plain, 'a.md'), 'x');
    expect(gitBlobIds(plain)).toBeUndefined();
  });
});
