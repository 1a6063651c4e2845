/**
 * The plan of a segmented build fingerprints every page of the site but keeps most articles packed:
 * each packed entry carries the encoding content sync made of the whole entry, and a page's
 * fingerprint must come out as it does from the whole entry in a page thread.
 */
import { describe, expect, it } from 'vitest';
import { fingerprintedEntry, syncedEntryEncoding } from '../../src/lib/content/entry-fingerprint';
import { FINGERPRINT_FIELD } from '../../src/lib/content/packed-data';
import { handOverPackedEntries, packedEntries } from '../../src/lib/content/packed-entries';
import { packedForBuild } from '../../src/lib/content/shown-bodies';
import { contentDigest, encoding, Encoding, fingerprintAs } from '../../src/lib/incremental/page-digest';

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
const pagesEntry = (entry: ReturnType<typeof synced>) => {
  const full = { ...entry, collection: 'articles' };
  fingerprintAs(full, fingerprintedEntry);
  return full;
};
/** What a page's props hold of an article: its entry, among the rest. */
const page = (entry: object) => ({ article: { slug: 'bazar', entry }, related: [] });

describe('an article packed by the plan', () => {
  it('is fingerprinted as the whole entry is in a page thread', () => {
    const entries = [synced(7), synced(8, { updates: [{ at: new Date('2024-12-01T08:00:00Z'), text: 'خبر تازه' }] })];
    const packed = entries.map((entry) => packedForBuild(entry, 'articles', { fingerprints: true })!);
    expect(packed.map((entry) => typeof (entry.data as Record<string, unknown>)[FINGERPRINT_FIELD])).toEqual([
      'string',
      'string',
    ]);
    handOverPackedEntries('articles', packed);
    const onPages = packedEntries('articles', undefined) as object[];
    for (const [at, entry] of onPages.entries()) {
      expect(contentDigest(page(entry))).toBe(contentDigest(page(pagesEntry(entries[at]!))));
    }
    // Another article, or the same one read from another file, is another fingerprint.
    expect(contentDigest(page(onPages[0]!))).not.toBe(contentDigest(page(onPages[1]!)));
    expect(contentDigest(page(onPages[0]!))).not.toBe(
      contentDigest(page(pagesEntry({ ...entries[0]!, digest: 'digest-edited' }))),
    );
  });

  it('is not made for an entry naming a picture, which the pages get resolved: that one stays in full', () => {
    const cover = synced(9, { image: '__ASTRO_IMAGE_./images/bazar.jpg', imageAlt: 'بازار' });
    expect(syncedEntryEncoding(cover, 'articles')).toBeUndefined();
    expect(packedForBuild(cover, 'articles', { fingerprints: true })).toBeUndefined();
    // Once in Astro's store, the picture is named by its path in the data.
    expect(syncedEntryEncoding({ ...synced(9), imageImports: [['image']] }, 'articles')).toBeUndefined();
    const nested = synced(10, { gallery: [{ src: '__ASTRO_IMAGE_./images/a.jpg' }] });
    expect(syncedEntryEncoding(nested, 'articles')).toBeUndefined();
    // A segment build packs it all the same (it never fingerprints a packed article).
    expect(packedForBuild(cover, 'articles', { fingerprints: false })?.data).not.toHaveProperty('image');
  });

  it('refuses to be fingerprinted when packed without its encoding (a segment build)', () => {
    handOverPackedEntries('articles', [packedForBuild(synced(11), 'articles', { fingerprints: false })!]);
    const [entry] = packedEntries('articles', undefined) as object[];
    expect(() => contentDigest(page(entry!))).toThrow(/Article 11 is packed in this segment build/);
  });
});

describe('an encoding standing in for a value', () => {
  it('fingerprints what holds it as the value would, short or long', () => {
    const short = { id: 1, tags: ['نفت'] };
    const long = { text: 'متن '.repeat(200), at: new Date('2024-01-01T00:00:00Z') };
    for (const value of [short, long]) {
      const standIn = {};
      fingerprintAs(standIn, () => encoding(value));
      expect(contentDigest({ a: [standIn] })).toBe(contentDigest({ a: [value] }));
      expect(encoding(value)).toBeInstanceOf(Encoding);
    }
  });
});
