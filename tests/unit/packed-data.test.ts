import { describe, expect, it } from 'vitest';
import {
  isPackedData,
  LEFT_OUT_FIELD,
  packedData,
  PACKED_FIELDS,
  storedPackedData,
} from '../../src/lib/content/packed-data';
import { contentDigest } from '../../src/lib/incremental/page-digest';

const tags = ['نفت', 'بورس'];
const date = new Date('2026-11-30T08:00:00Z');
const full = () => ({
  id: 7,
  title: 'افتتاح کتابخانهٔ مرکزی',
  lead: 'کتابخانهٔ مرکزی امروز افتتاح شد.',
  date,
  category: { collection: 'categories', id: 'culture' },
  authors: [{ collection: 'authors', id: 'sara' }],
  tags,
  featured: false,
  breaking: true,
  draft: false,
  comments: true,
  live: false,
  corrections: [],
  updates: [],
});

describe('packedData', () => {
  it('keeps the index fields, as the same values', () => {
    const data = full();
    const packed = packedData(data);
    for (const field of PACKED_FIELDS)
      if (field in data) expect(packed[field as keyof typeof data]).toEqual(data[field as keyof typeof data]);
    // The same words, in a list of the article's own (the words' text shared between articles).
    expect(packed.tags).toEqual(tags);
    expect(packed.tags).not.toBe(tags);
    expect(packedData({ ...full(), tags: ['x', 7] as unknown as string[] }).tags).toEqual(['x', 7]);
    expect(packed.date).toBe(date);
    // Every kept field is the record's own, those the article lacks as undefined.
    expect(Object.keys(packed).sort()).toEqual([...PACKED_FIELDS].sort());
    expect(PACKED_FIELDS.has('title')).toBe(false);
  });

  it('shares one frozen copy of each reference and of an empty list between articles', () => {
    const one = packedData(full());
    const other = packedData({ ...full(), id: 8, category: { collection: 'categories', id: 'culture' } });
    expect(other.category).toBe(one.category);
    expect(other.authors).toBe(one.authors);
    expect(other.corrections).toBe(one.corrections);
    expect(other.updates).toBe(one.corrections);
    expect(() => (one.corrections as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(one.category, { id: 'economy' })).toThrow(TypeError);
    // Another section is another value; a list with content is the article's own.
    const economy = packedData({ ...full(), category: { collection: 'categories', id: 'economy' } });
    expect(economy.category).toEqual({ collection: 'categories', id: 'economy' });
    const corrections = [{ date, text: 'اصلاح' }];
    expect(packedData({ ...full(), corrections }).corrections).toBe(corrections);
  });

  it('fails loudly, naming the article and the field, when a left-out field is read', () => {
    const packed = packedData(full());
    expect(() => packed.title).toThrow(/Article 7: its field "title" was read/);
    expect(() => packed.lead).toThrow(/"lead"/);
    expect(() => packed.comments).toThrow(/build without --segment/);
  });

  it('reads a field the article never had as it did before: undefined', () => {
    const packed = packedData(full()) as ReturnType<typeof full> & { image?: string; updated?: Date };
    expect(packed.image).toBeUndefined();
    expect(packed.updated).toBeUndefined();
  });

  it('is recognised, and packing it again gives it back', () => {
    const data = full();
    const packed = packedData(data);
    expect(isPackedData(packed)).toBe(true);
    expect(isPackedData(data)).toBe(false);
    expect(packedData(packed)).toBe(packed);
  });

  it("refuses to be in a page's fingerprint, naming the article, however deep a page's props hold it", () => {
    const packed = packedData(full());
    // A fingerprint would lack the left-out fields: a page of this segment would be carried over wrong.
    expect(() => contentDigest(packed)).toThrow(/Article 7 is packed in this segment build/);
    const props = { page: 2, articles: [{ id: 9 }, { id: 7, entry: { id: '1405/07', data: packed } }] };
    expect(() => contentDigest(props)).toThrow(/Article 7 is packed.*build without --segment/);
    // The article in full is fingerprinted as before.
    expect(contentDigest({ ...props, articles: [{ id: 7, entry: { id: '1405/07', data: full() } }] })).toMatch(
      /^[\w-]+$/,
    );
  });

  it('shares one prototype between articles with the same fields', () => {
    const one = packedData(full());
    const other = packedData({ ...full(), id: 8, title: 'دیگر' });
    expect(Object.getPrototypeOf(one)).toBe(Object.getPrototypeOf(other));
    expect(() => other.title).toThrow(/Article 8/);
  });
});

describe('storedPackedData', () => {
  it('keeps the fields it has and names the others, as plain data a store can save', () => {
    const stored = storedPackedData(full());
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(stored).not.toHaveProperty('title');
    expect(stored).not.toHaveProperty('updated');
    expect(stored[LEFT_OUT_FIELD]).toEqual(['title', 'lead', 'comments']);
    expect(isPackedData(stored)).toBe(true);
    // What the store gives back (no prototype, the same values) is guarded again by packedData.
    const saved = structuredClone(stored);
    const guarded = packedData(saved);
    expect(() => guarded.title).toThrow(/Article 7: its field "title" was read/);
    expect(guarded.date).toEqual(date);
    expect(guarded.updated).toBeUndefined();
    expect(Object.keys(guarded).sort()).toEqual([...PACKED_FIELDS].sort());
    expect(storedPackedData(guarded)).toEqual(stored);
  });
});
