/**
 * The plan of a segmented build fingerprints every page of the site but keeps most articles packed:
 * each packed entry carries the encoding content sync made of the whole entry, and a page's
 * fingerprint must come out as it does from the whole entry in a page thread.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryFingerprint, syncedEntryEncoding } from '../../src/lib/content/entry-fingerprint';
import { PackedColumns, type StoredPackedEntry } from '../../src/lib/content/packed-columns';
import { FINGERPRINT_FIELD } from '../../src/lib/content/packed-data';
import { handOverPackedEntries, packedEntries } from '../../src/lib/content/packed-entries';
import { packedForBuild } from '../../src/lib/content/shown-bodies';
import { contentDigest, digestEncoding, Encoding, fingerprintAs } from '../../src/lib/incremental/page-digest';

/** An article's entry as content sync reads it (the schema's output), and as the pages' collection gives it. */
const synced = (id: number, more: Record<string, unknown> = {}) => ({
  id: `1403/09/${id}-bazar`,
  filePath: `content/articles/1403/09/${id}-bazar.md`,
  digest: `digest-${id}`,
  data: {
    id,
    title: 'بازار تهران پس از تعطیلات',
    lead: 'بازار بزرگ تهران دوباره باز شد.',
    date: new Date('2024-11-30T06:30:00Z'),
    category: { collection: 'categories', id: 'economy' },
    authors: [{ collection: 'authors', id: 'sara' }],
    tags: ['بازار', 'اقتصاد'],
    ...more,
  },
  rendered: { html: '', metadata: { bayeganUnrendered: true } },
});
const pagesEntry = (entry: ReturnType<typeof synced> & { imageImports?: unknown }) => {
  const full = { ...entry, collection: 'articles' };
  fingerprintAs(full, entryFingerprint);
  return full;
};
/** A resolved picture as the pages' collection gives it: Astro's metadata, with its file under `fsPath`. */
const resolvedPicture = (src: string, file: string) =>
  new Proxy(
    { src, width: 800, height: 600, format: 'jpg' },
    { get: (target, name) => (name === 'fsPath' ? file : target[name as keyof typeof target]) },
  );

let root: string;
let packing: { collection: string; root: string; fingerprints: boolean };
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bayegan-fingerprint-'));
  packing = { collection: 'articles', root, fingerprints: true };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Hands `entries`, as content sync packed them, to the pages of this process: as its table of columns. */
function handOver(entries: StoredPackedEntry[]): void {
  const table = new PackedColumns('articles');
  for (const entry of entries) table.add(entry);
  handOverPackedEntries('articles', table);
}

/** What a page's props hold of an article: its entry, among the rest. */
const page = (entry: object) => ({ article: { slug: 'bazar', entry }, related: [] });

describe('an article packed by the plan', () => {
  it('is fingerprinted as the whole entry is in a page thread', () => {
    const entries = [synced(7), synced(8, { updates: [{ at: new Date('2024-12-01T08:00:00Z'), text: 'خبر تازه' }] })];
    const packed = entries.map((entry) => packedForBuild(entry, packing)!);
    expect(packed.map((entry) => typeof (entry.data as Record<string, unknown>)[FINGERPRINT_FIELD])).toEqual([
      'string',
      'string',
    ]);
    handOver(packed);
    const onPages = (packedEntries('articles', undefined)?.rows() ?? []) as object[];
    for (const [at, entry] of onPages.entries()) {
      expect(contentDigest(page(entry))).toBe(contentDigest(page(pagesEntry(entries[at]!))));
    }
    // Another article, or the same one read from another file, is another fingerprint.
    expect(contentDigest(page(onPages[0]!))).not.toBe(contentDigest(page(onPages[1]!)));
    expect(contentDigest(page(onPages[0]!))).not.toBe(
      contentDigest(page(pagesEntry({ ...entries[0]!, digest: 'digest-edited' }))),
    );
  });

  it('takes a picture as its file, as content sync names it and as the pages get it resolved', () => {
    const picture = path.join(root, 'content/articles/1403/09/images/bazar.jpg');
    mkdirSync(path.dirname(picture), { recursive: true });
    writeFileSync(picture, 'JPEG bytes');
    const marked = synced(9, { image: '__ASTRO_IMAGE_./images/bazar.jpg', imageAlt: 'بازار' });
    // As Astro's store keeps it: the mark gone, where the picture is recorded.
    const stored = { ...synced(9, { image: './images/bazar.jpg', imageAlt: 'بازار' }), imageImports: [['image']] };
    // As the pages' collection gives it: resolved, with the file Astro read it from (a proxy's `fsPath`).
    const resolved = () => ({
      ...stored,
      data: { ...stored.data, image: resolvedPicture('/_astro/bazar.Bx2f9a1c.jpg', picture) },
    });
    const onPages = [marked, stored].map((entry) => {
      handOver([packedForBuild(entry, packing)!]);
      return ((packedEntries('articles', undefined)?.rows() ?? []) as object[])[0]!;
    });
    for (const entry of onPages) expect(contentDigest(page(entry))).toBe(contentDigest(page(pagesEntry(resolved()))));
    // Other bytes in the file are another picture.
    const before = contentDigest(page(pagesEntry(resolved())));
    writeFileSync(picture, 'other JPEG bytes');
    expect(contentDigest(page(pagesEntry(resolved())))).not.toBe(before);
  });

  it('names a picture as its file, whichever link content sync reached it through', () => {
    // The picture a link to a file of another name: Astro's bundler names the file the link leads to.
    const real = path.join(root, 'photos/bazaar-1403.jpg');
    mkdirSync(path.dirname(real), { recursive: true });
    writeFileSync(real, 'JPEG bytes');
    const link = path.join(root, 'content/articles/1403/09/images/bazar.jpg');
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(real, link);
    const stored = { ...synced(12, { image: './images/bazar.jpg' }), imageImports: [['image']] };
    const resolved = {
      ...stored,
      data: { ...stored.data, image: resolvedPicture('/_astro/bazaar-1403.Bx2f9a1c.jpg', real) },
    };
    handOver([packedForBuild(stored, packing)!]);
    const [onPages] = (packedEntries('articles', undefined)?.rows() ?? []) as object[];
    expect(contentDigest(page(onPages!))).toBe(contentDigest(page(pagesEntry(resolved))));
  });

  it('is not made for a picture named otherwise than from the article folder: that entry stays in full', () => {
    const aliased = synced(10, { image: '__ASTRO_IMAGE_@/assets/bazar.jpg' });
    expect(syncedEntryEncoding(aliased, 'articles', root)).toBeUndefined();
    expect(packedForBuild(aliased, packing)).toBeUndefined();
    // A segment build packs it all the same (it never fingerprints a packed article).
    expect(packedForBuild(aliased, { ...packing, fingerprints: false })?.data).not.toHaveProperty('image');
  });

  it('refuses to be fingerprinted when packed without its encoding (a segment build)', () => {
    handOver([packedForBuild(synced(11), { ...packing, fingerprints: false })!]);
    const [entry] = (packedEntries('articles', undefined)?.rows() ?? []) as object[];
    expect(() => contentDigest(page(entry!))).toThrow(/Article 11 is packed in this segment build/);
  });
});

describe('a digest standing in for a value', () => {
  it('fingerprints what holds it as the value would when the value is long, and is 28 characters', () => {
    const long = { text: 'متن '.repeat(200), at: new Date('2024-01-01T00:00:00Z') };
    const standIn = {};
    fingerprintAs(standIn, () => digestEncoding(long));
    expect(contentDigest({ a: [standIn] })).toBe(contentDigest({ a: [long] }));
    // A short value is hashed too: equal values stand in alike, different ones differently.
    const short = (tags: string[]) => {
      const made = {};
      fingerprintAs(made, () => digestEncoding({ id: 1, tags }));
      return contentDigest({ a: [made] });
    };
    expect(short(['نفت'])).toBe(short(['نفت']));
    expect(short(['نفت'])).not.toBe(short(['گاز']));
    expect(digestEncoding({ id: 1, tags: ['نفت'] }).text).toMatch(/^#[\w-]{27}$/);
    expect(digestEncoding(long)).toBeInstanceOf(Encoding);
  });
});
