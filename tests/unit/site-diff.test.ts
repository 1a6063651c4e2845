import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countByKind, diffSnapshots, snapshotSite } from '../../scripts/lib/site-diff.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'bayegan-site-diff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>, linkFrom?: string): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (text === 'LINK') linkSync(path.join(linkFrom!, file), path.join(dir, file));
    else writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('site diff (npm run bench)', () => {
  it('counts added, changed and removed files by content, not by write', () => {
    const before = site('a', {
      'index.html': 'home 1',
      'news/1/a/index.html': 'one',
      'news/2/b/index.html': 'two',
      'pagefind/latest/index/x.pf_index': 'chunk',
    });
    const after = site(
      'b',
      {
        'index.html': 'home 2', // rewritten with other bytes: changed
        'news/1/a/index.html': 'LINK', // carried over by hard link: unchanged
        'news/2/b/index.html': 'two', // written again with the same bytes: unchanged
        'news/3/c/index.html': 'three', // new
        // the index chunk is gone: removed
      },
      before,
    );
    const diff = diffSnapshots(snapshotSite(before), snapshotSite(after, snapshotSite(before)));
    expect(diff).toEqual({
      added: ['news/3/c/index.html'],
      changed: ['index.html'],
      removed: ['pagefind/latest/index/x.pf_index'],
    });
  });

  it('reuses the digest of a hard-linked file instead of reading it', () => {
    const before = site('c', { 'page.html': 'same' });
    const previous = snapshotSite(before);
    const after = site('d', { 'page.html': 'LINK' }, before);
    // A digest the previous snapshot recorded for the same inode is taken as it is.
    const forged = new Map([...previous].map(([name, file]) => [name, { ...file, digest: 'remembered' }]));
    expect(snapshotSite(after, forged).get('page.html')!.digest).toBe('remembered');
  });

  it('sorts touched files into the kinds a CDN purge cares about', () => {
    expect(
      countByKind([
        'pagefind/latest/pagefind-entry.json',
        'news/3/c/index.html',
        'n/3/index.html',
        'category/economy/index.html',
        'tag/x/2/index.html',
        'category/economy/rss.xml',
        'sitemap-0.xml',
        'index.html',
      ]),
    ).toEqual({
      'search index': 1,
      'article pages': 1,
      'short links': 1,
      'listing pages': 2,
      'feeds and sitemaps': 2,
      other: 1,
    });
  });
});
