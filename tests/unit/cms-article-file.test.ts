/**
 * How the web editor writes article files (src/lib/cms/article-file.ts) and what its widgets compute
 * (src/lib/cms/editor-values.ts): a new article as `npm run new` writes it, an edit that changes only
 * its own lines, empty fields left out, the next free id, the folder of a date, dates in Persian digits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMarkdown, BODY_PLACEHOLDER, LEAD_PLACEHOLDER } from '../../scripts/lib/new-article.ts';
import { emptyFieldPaths, readArticleFile, writeArticleFile } from '../../src/lib/cms/article-file.ts';
import { folderForDate, nextArticleId, readableDate, typedDate, dateNow } from '../../src/lib/cms/editor-values.ts';
import { projectRoot } from '../helpers/build-site.ts';
import { changedLines } from '../helpers/line-diff.ts';

const ORDER = [
  'id',
  'title',
  'lead',
  'date',
  'updated',
  'category',
  'tags',
  'authors',
  'image',
  'imageAlt',
  'draft',
  'source',
];

describe('a new article from the editor', () => {
  it('is written as `npm run new` writes one', () => {
    const date = { year: 1405, month: 9, day: 8, hour: 14, minute: 30 };
    const expected = articleMarkdown({
      id: 1015,
      title: "کتاب‌خانهٔ «مرکزی» افتتاح شد: ۲۰ هزار جلد و 'یک' تالار",
      date,
      section: 'culture',
      reporters: ['ali-rezaei', 'newsroom'],
      tags: ['کتاب', 'تهران'],
    });
    const written = writeArticleFile(
      {
        id: 1015,
        title: "کتاب‌خانهٔ «مرکزی» افتتاح شد: ۲۰ هزار جلد و 'یک' تالار",
        lead: LEAD_PLACEHOLDER,
        date: '1405/09/08 14:30',
        category: 'culture',
        tags: ['کتاب', 'تهران'],
        authors: ['ali-rezaei', 'newsroom'],
        draft: true,
        body: BODY_PLACEHOLDER,
      },
      ORDER,
    );
    expect(written).toBe(expected);
    expect(readArticleFile(written).data).toMatchObject({
      id: 1015,
      date: '1405/09/08 14:30',
      body: `${BODY_PLACEHOLDER}\n`,
    });
  });

  it('keeps ZWNJ and writes a picture and its source', () => {
    const written = writeArticleFile(
      {
        id: 3,
        title: 'می‌گویند',
        lead: 'x',
        date: '1405/09/08 14:30',
        category: 'culture',
        tags: [],
        authors: ['newsroom'],
        image: './images/lead.jpg',
        imageAlt: 'نمای کتاب‌خانه',
        source: { name: 'خبرگزاری نمونه', url: 'https://example.com/1' },
        body: 'متن',
      },
      ORDER,
    );
    expect(written).toContain("title: 'می‌گویند'\n");
    expect(written).toContain("image: './images/lead.jpg'\n");
    expect(written).toContain("source: {name: 'خبرگزاری نمونه', url: 'https://example.com/1'}\n");
    expect(written).toContain('tags: []\n');
  });
});

describe('an edited article', () => {
  const file = path.join(projectRoot, 'content/articles/1402/theatre-festival.md');
  const original = readFileSync(file, 'utf8');
  const { data } = readArticleFile(original);

  it('is byte for byte the same when nothing changed', () => {
    expect(writeArticleFile(data, ORDER, original)).toBe(original);
  });

  it('changes only the lines of the fields that changed', () => {
    const edited = writeArticleFile({ ...data, title: 'تیتر تازه', tags: ['تئاتر', 'تهران'] }, ORDER, original);
    expect(changedLines(original, edited)).toEqual({
      removed: ["title: 'جشنوارهٔ تئاتر شهر با اجرای ۳۶ نمایش آغاز شد'", "tags: ['تئاتر', 'جشنواره', 'تهران']"],
      added: ["title: 'تیتر تازه'", "tags: ['تئاتر', 'تهران']"],
    });
  });

  it('removes a field taken away, adds a new one at the end, and keeps an unchanged body', () => {
    const rest = { ...data };
    delete rest['source'];
    const edited = writeArticleFile({ ...rest, breaking: true }, [...ORDER, 'breaking'], original);
    expect(changedLines(original, edited)).toEqual({
      removed: ["source: { name: 'خبرگزاری نمونه', url: 'https://example.com/news/123' }"],
      added: ['breaking: true'],
    });
    expect(edited.endsWith(original.slice(original.indexOf('\n---\n') + 5))).toBe(true);
  });

  it('writes an edited body after the frontmatter', () => {
    const edited = writeArticleFile({ ...data, body: 'بند تازه.' }, ORDER, original);
    expect(edited.endsWith('---\n\nبند تازه.\n')).toBe(true);
  });
});

describe('fields left empty in the editor', () => {
  it('are left out, groups whose every field is empty too; lists, switches and the body stay', () => {
    expect(
      emptyFieldPaths({
        title: 'x',
        imageAlt: '',
        slug: null,
        source: { name: '', url: '' },
        updates: [{ date: '1405/09/08 14:30', title: '', text: 'y' }],
        tags: [],
        draft: false,
        body: '',
      }),
    ).toEqual([['imageAlt'], ['slug'], ['source'], ['updates', 0, 'title']]);
    expect(emptyFieldPaths({ source: { name: 'خبرگزاری', url: '' } })).toEqual([['source', 'url']]);
  });
});

describe("the editor widgets' values", () => {
  it('gives the next free id, one more than the largest, whatever the gaps', () => {
    expect(nextArticleId([3, 1014, '7', undefined, 'x'])).toBe(1015);
    expect(nextArticleId([])).toBe(1);
  });

  it('places a new article in the Jalali year and month of its date, in Tehran', () => {
    expect(folderForDate('1405/06/31 23:59')).toBe('1405/06');
    expect(folderForDate('1405/12/29 00:10')).toBe('1405/12');
    // 20:45 UTC on 21 March 2026 is already 1 Farvardin 1405 in Tehran.
    expect(folderForDate('2026-03-20T21:00:00Z')).toBe('1405/01');
    expect(folderForDate('not a date')).toBeUndefined();
  });

  it('reads dates typed in Persian digits and writes them as the files hold them', () => {
    expect(typedDate('۱۴۰۵/۰۹/۱۰ ۱۴:۳۰')).toBe('1405/09/10 14:30');
    expect(readableDate('1405/09/10 14:30')).toContain('آذر ۱۴۰۵');
    expect(readableDate('1405/13/01')).toBe('');
    expect(dateNow(new Date('2026-12-01T10:00:00Z'))).toBe('1405/09/10 13:30');
  });
});
