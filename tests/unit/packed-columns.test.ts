import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  FILE_COLUMNS,
  keptField,
  PackedColumns,
  publicationTime,
  type StoredPackedEntry,
} from '../../src/lib/content/packed-columns';
import {
  FINGERPRINT_FIELD,
  isPackedData,
  leftOutFields,
  PACKED_FIELDS,
  packedData,
  storedPackedData,
} from '../../src/lib/content/packed-data';
import { contentDigest } from '../../src/lib/incremental/page-digest';
import {
  newestFirstKeyOfRow,
  publishedArticleOfRow,
  publishedArticles,
  publishedRows,
  publishedTable,
  type ArticleEntryLike,
  type PublishedArticle,
} from '../../src/lib/content/published-articles';

const folder = '../../corpus/articles/';
const unrendered = { html: '', metadata: { bayeganUnrendered: true } };
const sections = ['economy', 'politics', 'culture'];

/** An article's frontmatter in full, varied by `n` (optional fields present in some). */
const frontmatter = (n: number) => ({
  id: n,
  title: `خبر ${n}`,
  lead: 'متن نیم‌فاصله‌دار',
  date: new Date(Date.UTC(2020, 0, 1) + n * 3_600_000),
  ...(n % 8 === 0 ? { updated: new Date(Date.UTC(2021, 0, 1) + n * 60_000) } : {}),
  category: { collection: 'categories', id: sections[n % 3]! },
  authors: [{ collection: 'authors', id: `r${n % 300}` }],
  tags: n % 5 === 0 ? [] : ['نفت', `برچسب ${n % 400}`, 'بورس‌ها'].slice(0, 1 + (n % 3)),
  featured: n % 7 === 0,
  breaking: n % 11 === 0,
  draft: n % 13 === 0,
  // Most articles name their own slug: one value a row, so the column's indexes outgrow two bytes.
  ...(n % 10 === 0 ? {} : { slug: `اسلاگ-${n}` }),
  live: n % 97 === 0,
  ...(n % 194 === 0 ? { liveEnded: new Date(Date.UTC(2022, 0, 1)) } : {}),
  corrections: n % 50 === 0 ? [{ date: new Date(Date.UTC(2023, 0, 1)), text: 'اصلاح' }] : [],
  updates: [],
  ...(n % 4 === 0 ? { comments: false } : {}),
});

/** The entry as content sync keeps it beside the store. */
const stored = (n: number, fingerprint?: string): StoredPackedEntry => ({
  id: `1403/09/${n}-khabar`,
  data: storedPackedData(frontmatter(n), fingerprint),
  body: undefined,
  filePath: n % 1000 === 1 ? `${folder}elsewhere/${n}.md` : `${folder}1403/09/${n}-khabar.md${n % 2 ? '' : 'x'}`,
  digest: `digest-${n}`,
  rendered: n % 2 ? unrendered : undefined,
  assetImports: undefined,
  ...(n % 2 ? {} : { deferredRender: true }),
});

/** Each kept field of `data` as a page reads it. */
const keptFields = (data: object) =>
  Object.fromEntries([...PACKED_FIELDS].map((field) => [field, (data as Record<string, unknown>)[field]]));

/** The row an entry as the store keeps it makes on its own. */
const fullOf = (n: number) => {
  const table = new PackedColumns('articles');
  table.add(stored(n));
  return table.rows()[0]!;
};

describe('PackedColumns', () => {
  it('gives back every entry, and every field a page reads of its data, as packed data gives it', () => {
    const count = 75_000;
    const table = new PackedColumns('articles');
    for (let n = 1; n <= count; n++) table.add(stored(n));
    const rows = table.rows();
    expect(rows).toHaveLength(count);
    for (const n of [1, 2, 3, 8, 10, 50, 97, 194, 1001, 4096, 65_536, 74_999, 75_000]) {
      const entry = rows[n - 1]!;
      const given = stored(n);
      expect(entry.id).toBe(given.id);
      expect(entry.collection).toBe('articles');
      expect(entry.filePath).toBe(given.filePath);
      for (const field of ['digest', 'body', 'rendered', 'assetImports', 'deferredRender'] as const) {
        expect(entry[field], field).toEqual(given[field]);
      }
      expect(keptFields(entry.data)).toEqual(keptFields(packedData(given.data)));
    }
  });

  it('guards the data as packed data is: a left-out field throws, one the article never had is undefined', () => {
    const table = new PackedColumns('articles');
    table.add(stored(20));
    const [entry] = table.rows();
    const data = entry!.data as Record<string, unknown>;
    expect(isPackedData(data)).toBe(true);
    expect(packedData(data)).toBe(data);
    expect(() => data['title']).toThrow(/Article 20: its field "title" was read/);
    expect(() => data['comments']).toThrow(/"comments" was read/);
    expect(data['source']).toBeUndefined();
    expect(data['slug']).toBeUndefined();
  });

  it('makes each value again at each reading: a page that changes one changes nothing kept', () => {
    const table = new PackedColumns('articles');
    table.add(stored(5));
    const [entry] = table.rows();
    const data = entry!.data as { date: Date; tags: string[] };
    data.date.setTime(0);
    data.tags.push('دیگر');
    expect((entry!.data as { date: Date }).date).toEqual(frontmatter(5).date);
    expect((entry!.data as { tags: string[] }).tags).toEqual(frontmatter(5).tags);
  });

  it("refuses to be in a page's fingerprint, except as the plan's digest of the whole entry", () => {
    const table = new PackedColumns('articles');
    table.add(stored(7));
    table.add(stored(8, 'digest-of-the-whole-entry'));
    // Another article with the same digest, and the same article with another.
    table.add(stored(9, 'digest-of-the-whole-entry'));
    table.add(stored(8, 'another-digest'));
    const [segments, plans, sameDigest, otherDigest] = table.rows();
    const fingerprint = (entry: unknown) => contentDigest({ articles: [{ entry }] });
    expect(() => fingerprint(segments)).toThrow(/Article 7 is packed in this segment/);
    expect(fingerprint(plans)).toBe(fingerprint(sameDigest));
    expect(fingerprint(plans)).not.toBe(fingerprint(otherDigest));
    expect((plans!.data as Record<string, unknown>)[FINGERPRINT_FIELD]).toBeUndefined();
  });

  it('keeps as it is a value no column types: a text where a date is, a number for a digest', () => {
    const table = new PackedColumns('articles');
    const odd = stored(9);
    odd.digest = 12345;
    odd.data = { ...odd.data, date: 'دیروز', updated: null, tags: 'نه فهرست', id: '9' };
    table.add(odd);
    table.add(stored(10));
    const [entry, next] = table.rows();
    expect(entry!.digest).toBe(12345);
    expect(keptFields(entry!.data)).toMatchObject({ date: 'دیروز', updated: null, tags: 'نه فهرست', id: '9' });
    expect(keptFields(next!.data)).toEqual(keptFields(packedData(stored(10).data)));
  });

  it('gives a kept field and the time of first publication from the row, as from the data of any other entry', () => {
    const table = new PackedColumns('articles');
    table.add(stored(16));
    const [entry] = table.rows();
    const other = { data: frontmatter(16) };
    for (const field of ['id', 'date', 'category', 'tags', 'slug', 'updated']) {
      expect(keptField(entry!, field), field).toEqual(keptField(other, field));
    }
    expect(publicationTime(entry!)).toBe(frontmatter(16).date.getTime());
    expect(publicationTime(other)).toBe(frontmatter(16).date.getTime());
    expect(() => keptField(entry!, 'title')).toThrow(/not a field a packed article keeps/);
  });

  it("keeps no packed article's slug: its row gives the one an entry in full keeps, the frontmatter's else the file's", () => {
    const numbers = [1, 7, 10, 13, 20, 1001];
    const table = new PackedColumns('articles');
    for (const n of numbers) table.add(stored(n));
    const policy = { now: new Date(Date.UTC(2030, 0, 1)), includeUnpublished: true };
    // Rows give every field an entry gives (src/data/articles.ts reads them as the collection's entries).
    const packed = publishedArticles(table.rows() as unknown as ArticleEntryLike[], policy);
    const inFull = publishedArticles(
      numbers.map((n) => ({ ...stored(n), data: frontmatter(n) })),
      policy,
    );
    expect(packed.map((article) => article.keptSlug)).toEqual(numbers.map(() => undefined));
    expect(inFull.map((article) => article.keptSlug)).toEqual(inFull.map((article) => article.slug));
    const urls = (articles: typeof packed) => articles.map((article) => [article.id, article.slug, article.path]);
    expect(urls(packed)).toEqual(urls(inFull));
    expect(Object.fromEntries(packed.map((article) => [article.id, article.slug]))).toMatchObject({
      1: 'اسلاگ-1',
      10: '10-khabar',
      20: '20-khabar',
    });
  });

  it('publishes the rows an entry in full would publish, newest first, and makes the same article of each', () => {
    // Added out of order; drafts (every 13th) and articles after "now" are not published.
    const numbers = Array.from({ length: 120 }, (_, at) => ((at * 37) % 120) + 1);
    const table = new PackedColumns('articles');
    for (const n of numbers) table.add(stored(n));
    const facts = (article: PublishedArticle<ArticleEntryLike>) => ({
      id: article.id,
      path: article.path,
      time: article.time,
      date: article.date,
      categoryId: article.categoryId,
      tags: article.tags,
      authorIds: article.authorIds,
    });
    for (const policy of [
      { now: new Date(Date.UTC(2020, 0, 3)), includeUnpublished: false },
      { now: new Date(Date.UTC(2020, 0, 3)), includeUnpublished: true },
    ]) {
      const entries = numbers.map((n) => ({ ...stored(n), data: frontmatter(n) }));
      const inFull = publishedArticles(entries, policy);
      // Made from the entries when asked, the same articles in the same order, keeping no slug.
      const made = publishedTable(entries, policy);
      expect(Array.from(made, facts)).toEqual(inFull.map(facts));
      expect(Array.from(made, (article) => article.keptSlug)).toEqual(inFull.map(() => undefined));
      expect(inFull.every((article) => article.keptSlug === article.slug)).toBe(true);
      const rows = publishedRows(table, policy);
      expect(rows.length).toBe(inFull.length);
      expect(Array.from(rows, (row) => facts(publishedArticleOfRow(table, row)))).toEqual(inFull.map(facts));
      expect(Array.from(rows, (row) => newestFirstKeyOfRow(table, row))).toEqual(
        inFull.map(({ id, time }) => ({ id, time })),
      );
    }
    expect(
      publishedRows(table, { now: new Date(Date.UTC(2020, 0, 3)), includeUnpublished: false }).length,
    ).toBeLessThan(100);
  });

  it('holds the texts each article has of its own (its id, digest and slug) as bytes in shared memory', () => {
    // Not values of a list: each thread that reads the table would hold every one as a string.
    const table = new PackedColumns('articles');
    for (let n = 1; n <= 50; n++) table.add(stored(n));
    const columns = new Map(table.stored());
    for (const name of ['ids', 'digests', 'data.slug']) {
      expect((columns.get(name) as { bytes?: Uint8Array }).bytes?.buffer, name).toBeInstanceOf(SharedArrayBuffer);
    }
  });

  /** Every field of `entry` as content sync and a page read it, with what its fingerprint takes of it. */
  const everything = (entry: ReturnType<PackedColumns['rows']>[number]) => {
    let fingerprint: string;
    try {
      fingerprint = contentDigest({ entry });
    } catch (error) {
      fingerprint = (error as Error).message;
    }
    return {
      id: entry.id,
      collection: entry.collection,
      filePath: entry.filePath,
      digest: entry.digest,
      body: entry.body,
      rendered: entry.rendered,
      assetImports: entry.assetImports,
      deferredRender: entry.deferredRender,
      kept: keptFields(entry.data),
      leftOut: leftOutFields(entry.data),
      fingerprint,
    };
  };

  /** 70,000 rows (the slugs' indexes four bytes), some with the plan's digest, one with values kept apart. */
  const fullTable = () => {
    const table = new PackedColumns('articles');
    for (let n = 1; n <= 70_000; n++) table.add(stored(n, n % 3 === 0 ? `whole-${n}` : undefined));
    const odd = stored(70_001);
    odd.digest = 12345;
    odd.data = { ...odd.data, date: 'دیروز', updated: null, tags: 'نه فهرست', id: '9' };
    table.add(odd);
    return table;
  };

  it('is read back, from what it stored cloned as the file clones it, as it was', () => {
    const table = fullTable();
    const restored = PackedColumns.restored('articles', table.count, deserialize(serialize(table.stored())));
    const [before, after] = [table.rows(), restored!.rows()];
    expect(after).toHaveLength(70_001);
    for (const row of [0, 1, 2, 255, 256, 65_535, 65_536, 69_999, 70_000]) {
      expect(everything(after[row]!), `row ${row}`).toEqual(everything(before[row]!));
    }
    // Sections and reporters one frozen copy each, as when added.
    const category = (entry: (typeof after)[number]) => keptField(entry, 'category');
    expect(category(after[0]!)).toBe(category(after[3]!));
    expect(Object.isFrozen(category(after[0]!))).toBe(true);
    // Its guard, too.
    expect(() => (after[0]!.data as Record<string, unknown>)['title']).toThrow(/"title" was read/);
  });

  it('is not read back from columns missing or of another length', () => {
    const table = new PackedColumns('articles');
    for (let n = 1; n <= 3; n++) table.add(stored(n));
    const columns = table.stored();
    expect(PackedColumns.restored('articles', 3, columns)).toBeDefined();
    expect(PackedColumns.restored('articles', 4, columns)).toBeUndefined();
    expect(PackedColumns.restored('articles', 3, columns.slice(1))).toBeUndefined();
    expect(
      PackedColumns.restored(
        'articles',
        3,
        columns.filter(([name]) => name !== 'data.tags'),
      ),
    ).toBeUndefined();
  });

  it('releases the columns of the files and paths: the rest read as before, those refused, here and where handed', () => {
    const table = new PackedColumns('articles');
    for (let n = 1; n <= 300; n++) table.add(stored(n));
    const before = table.rows().map((entry) => ({
      id: keptField(entry, 'id'),
      time: publicationTime(entry),
      tags: keptField(entry, 'tags'),
      category: keptField(entry, 'category'),
      corrections: (entry.data as { corrections: unknown }).corrections,
    }));
    table.release(FILE_COLUMNS);
    table.release(['ids']); // once is enough: again, nothing
    const handed = PackedColumns.restored('articles', 300, deserialize(serialize(table.stored({ released: true }))));
    for (const rows of [table.rows(), handed!.rows()]) {
      expect(
        rows.map((entry) => ({
          id: keptField(entry, 'id'),
          time: publicationTime(entry),
          tags: keptField(entry, 'tags'),
          category: keptField(entry, 'category'),
          corrections: (entry.data as { corrections: unknown }).corrections,
        })),
      ).toEqual(before);
      const entry = rows[7]!;
      for (const read of [() => entry.id, () => entry.filePath, () => entry.digest, () => keptField(entry, 'slug')]) {
        expect(read).toThrow(/released/);
      }
    }
    // Never written: a file of it would lack those fields.
    expect(() => table.stored()).toThrow(/ids, files, digests, fingerprints, data\.slug were released/);
    expect(() => table.release(['data.title'])).toThrow(/not a column/);
  });

  it('copies the rows of another table as they are, among entries added as the store keeps them', () => {
    const source = fullTable();
    const rows = source.rows();
    const copy = new PackedColumns('articles');
    const picked = [0, 2, 65_536, 70_000];
    copy.add(stored(80_000));
    for (const row of picked) copy.add(rows[row]!);
    const copied = copy.rows();
    expect(everything(copied[0]!)).toEqual(everything(fullOf(80_000)));
    for (const [at, row] of picked.entries()) {
      expect(everything(copied[at + 1]!), `row ${row}`).toEqual(everything(rows[row]!));
    }
  });

  it('makes a table of rows of others and entries a column at a time, as one added a row at a time', () => {
    const source = fullTable();
    const rows = source.rows();
    const entries = [stored(80_000), rows[0]!, rows[2]!, rows[65_536]!, stored(80_001), rows[70_000]!];
    const added = new PackedColumns('articles');
    for (const entry of entries) added.add(entry);
    const made = PackedColumns.of('articles', entries);
    expect(made.count).toBe(entries.length);
    expect(made.rows().map(everything)).toEqual(added.rows().map(everything));
    expect(() => made.add(stored(1))).toThrow(/added after the pages read them/);
    // Given the table its rows come from to release, it leaves it unreadable: a bug would say so.
    const again = PackedColumns.of('articles', entries, source);
    expect(again.rows().map(everything)).toEqual(added.rows().map(everything));
    expect(() => rows[1]!.id).toThrow('read after it was released: a bug of Bayegan');
    expect(() => PackedColumns.of('articles', [rows[1]!])).toThrow('read after it was released');
  });

  it("leaves out the whole entries' digests when told, which only the plan fingerprints with", () => {
    const source = new PackedColumns('articles');
    source.add(stored(8, 'digest-of-the-whole-entry'));
    const entries = [source.rows()[0]!, stored(9, 'digest-of-the-whole-entry')];
    const fingerprint = (entry: unknown) => contentDigest({ articles: [{ entry }] });
    const kept = PackedColumns.of('articles', entries).rows();
    expect(fingerprint(kept[0])).toBe(fingerprint(kept[1]));
    const made = PackedColumns.of('articles', entries, undefined, { fingerprints: false });
    for (const [at, entry] of made.rows().entries()) {
      expect(() => fingerprint(entry)).toThrow(new RegExp(`Article ${8 + at} is packed in this segment`));
      const { fingerprint: left, ...rest } = everything(entry);
      const { fingerprint: given, ...keptRest } = everything(kept[at]!);
      expect(rest).toEqual(keptRest);
      expect(left).not.toBe(given);
    }
  });

  it('takes no entry once the pages read it', () => {
    const table = new PackedColumns('articles');
    table.add(stored(1));
    table.rows();
    expect(() => table.add(stored(2))).toThrow(/added after the pages read them/);
  });
});
