import { describe, expect, it } from 'vitest';
import {
  BUILD_NOW_ENV,
  compareNewestFirst,
  isPublished,
  publicationPolicyOf,
  resolveBuildNow,
  SHOW_UNPUBLISHED_ENV,
} from '../../src/lib/content/publication';
import { publishedArticles } from '../../src/lib/content/published-articles';

const now = new Date('2024-11-23T12:00:00Z');
const production = { now, includeUnpublished: false };
const preview = { now, includeUnpublished: true };
const before = new Date('2024-11-23T11:59:59Z');
const after = new Date('2024-11-23T12:00:01Z');

describe('isPublished', () => {
  it('publishes a non-draft dated before now', () => {
    expect(isPublished({ draft: false, date: before }, production)).toBe(true);
  });

  it('publishes an article dated exactly now', () => {
    expect(isPublished({ draft: false, date: new Date(now.getTime()) }, production)).toBe(true);
  });

  it('does not publish an article dated after now', () => {
    expect(isPublished({ draft: false, date: after }, production)).toBe(false);
  });

  it('never publishes a draft, whatever its date', () => {
    expect(isPublished({ draft: true, date: before }, production)).toBe(false);
    expect(isPublished({ draft: true, date: now }, production)).toBe(false);
    expect(isPublished({ draft: true, date: after }, production)).toBe(false);
  });

  it('shows drafts and scheduled articles when unpublished ones are included', () => {
    expect(isPublished({ draft: true, date: before }, preview)).toBe(true);
    expect(isPublished({ draft: false, date: after }, preview)).toBe(true);
    expect(isPublished({ draft: true, date: after }, preview)).toBe(true);
  });
});

describe('compareNewestFirst', () => {
  const older = { id: 9, date: new Date('2024-01-01T00:00:00Z') };
  const newer = { id: 1, date: new Date('2024-06-01T00:00:00Z') };

  it('puts the newer article first, regardless of id', () => {
    expect(compareNewestFirst(newer, older)).toBeLessThan(0);
    expect(compareNewestFirst(older, newer)).toBeGreaterThan(0);
    expect([older, newer].sort(compareNewestFirst)).toEqual([newer, older]);
  });

  it('compares the time an article gives, when it gives one, as its date', () => {
    // The pages' packed articles give it without making a Date (src/lib/content/packed-columns.ts).
    const timed = { id: 5, date: new Date(0), time: new Date('2024-03-01T00:00:00Z').getTime() };
    expect([older, timed, newer].sort(compareNewestFirst)).toEqual([newer, timed, older]);
    expect(compareNewestFirst(timed, { id: 4, date: new Date('2024-03-01T00:00:00Z') })).toBeLessThan(0);
  });

  it('puts the higher id first when the dates are equal', () => {
    const a = { id: 3, date: new Date('2024-06-01T00:00:00Z') };
    const b = { id: 8, date: new Date('2024-06-01T00:00:00Z') };
    expect(compareNewestFirst(a, b)).toBeGreaterThan(0);
    expect(compareNewestFirst(b, a)).toBeLessThan(0);
    expect(compareNewestFirst(a, a)).toBe(0);
  });

  it('sorts a mixed list by date, then id', () => {
    const day = (d: string) => new Date(`2024-03-${d}T08:00:00Z`);
    const list = [
      { id: 1, date: day('01') },
      { id: 4, date: day('03') },
      { id: 2, date: day('03') },
      { id: 7, date: day('02') },
      { id: 5, date: day('03') },
    ];
    expect([...list].sort(compareNewestFirst).map((a) => a.id)).toEqual([5, 4, 2, 7, 1]);
  });
});

describe('resolveBuildNow', () => {
  const clock = new Date('2030-01-01T00:00:00Z');

  it('uses the clock when BAYEGAN_NOW is not set or empty', () => {
    expect(BUILD_NOW_ENV).toBe('BAYEGAN_NOW');
    expect(resolveBuildNow({}, clock)).toBe(clock);
    expect(resolveBuildNow({ BAYEGAN_NOW: undefined }, clock)).toBe(clock);
    expect(resolveBuildNow({ BAYEGAN_NOW: '' }, clock)).toBe(clock);
  });

  it('uses BAYEGAN_NOW when it has an offset', () => {
    expect(resolveBuildNow({ BAYEGAN_NOW: '2024-11-23T12:00:00+03:30' }, clock).toISOString()).toBe(
      '2024-11-23T08:30:00.000Z',
    );
    expect(resolveBuildNow({ BAYEGAN_NOW: '2024-11-23T12:00:00-05:00' }, clock).toISOString()).toBe(
      '2024-11-23T17:00:00.000Z',
    );
  });

  it('uses BAYEGAN_NOW in UTC (Z)', () => {
    expect(resolveBuildNow({ BAYEGAN_NOW: '2024-11-23T12:00:00Z' }, clock).toISOString()).toBe(
      '2024-11-23T12:00:00.000Z',
    );
  });

  it('ignores other variables', () => {
    expect(resolveBuildNow({ NOW: '2024-11-23T12:00:00Z', TZ: 'Asia/Tehran' }, clock)).toBe(clock);
  });

  it('reads a Jalali date-time in Tehran, like frontmatter dates', () => {
    expect(resolveBuildNow({ BAYEGAN_NOW: '1403/09/03 12:00' }, clock).toISOString()).toBe('2024-11-23T08:30:00.000Z');
  });

  it('rejects a value without an offset, naming the variable and giving an example', () => {
    expect(() => resolveBuildNow({ BAYEGAN_NOW: '2024-11-23T12:00:00' }, clock)).toThrow(
      /^BAYEGAN_NOW: "2024-11-23T12:00:00" has no time-zone offset.* For example: BAYEGAN_NOW=2024-11-23T12:00:00\+03:30$/,
    );
  });

  it('rejects garbage and impossible dates instead of rolling them over', () => {
    for (const value of ['tomorrow', 'not-a-dateZ', '2024-02-30T12:00:00+03:30', '1402/12/30 12:00']) {
      expect(() => resolveBuildNow({ BAYEGAN_NOW: value }, clock), value).toThrow(
        /^BAYEGAN_NOW: .* For example: BAYEGAN_NOW=2024-/,
      );
    }
  });
});

describe('publishedArticles', () => {
  const entry = (id: number, file: string, date: Date, extra: { draft?: boolean; slug?: string } = {}) => ({
    id: file.replace(/\.mdx?$/, ''),
    filePath: `content/articles/1403/${file}`,
    data: {
      id,
      date,
      draft: extra.draft ?? false,
      slug: extra.slug,
      category: { id: 'economy' },
      authors: [{ id: 'sara' }, { id: 'reza' }],
      tags: ['نفت'],
    },
  });
  const entries = [
    entry(1, 'bazar-shab-eid.md', new Date('2024-11-20T08:00:00Z')),
    entry(2, 'گزارش ویژه.mdx', new Date('2024-11-22T08:00:00Z')),
    entry(3, 'draft.md', before, { draft: true }),
    entry(4, 'scheduled.md', after),
    entry(5, 'renamed.md', new Date('2024-11-22T08:00:00Z'), { slug: 'nam-e-digar' }),
    entry(6, '---.md', new Date('2024-11-01T08:00:00Z')),
  ];

  it('keeps the published ones, newest first (the number breaks ties), with their facts and URL', () => {
    const published = publishedArticles(entries, production);
    expect(published.map((article) => article.id)).toEqual([5, 2, 1, 6]);
    expect(published[0]).toMatchObject({ slug: 'nam-e-digar', path: '/news/5/nam-e-digar/', categoryId: 'economy' });
    expect(published[0]!.authorIds).toEqual(['sara', 'reza']);
    expect(published[1]).toMatchObject({ slug: 'گزارش-ویژه', path: `/news/2/${encodeURIComponent('گزارش-ویژه')}/` });
    // A file name with nothing to make a slug of: the article number.
    expect(published[3]).toMatchObject({ slug: '6', path: '/news/6/6/' });
    expect(published[2]!.entry).toBe(entries[0]);
  });

  it('keeps no copy of what it can give again: the path and the frontmatter are asked, not held', () => {
    // A segment build holds one of these for every article of the archive in every thread: the
    // number is its own (every list compares it), the rest is its entry's.
    const [newest] = publishedArticles(entries, production);
    expect(Object.keys(newest!)).toEqual(['id', 'authorIds', 'entry']);
    expect(newest!.path).toBe('/news/5/nam-e-digar/');
    expect(newest!.data).toBe(entries[4]!.data);
    expect([newest!.id, newest!.date, newest!.categoryId, newest!.tags]).toEqual([
      5,
      entries[4]!.data.date,
      'economy',
      ['نفت'],
    ]);
    expect(newest!.tags).toBe(entries[4]!.data.tags);
    // The frontmatter a segment build packs later is the one read from then on.
    const packed = { ...entries[4]!.data, tags: ['نفت', 'بازار'] };
    newest!.entry.data = packed;
    expect(newest!.tags).toBe(packed.tags);
  });

  it('shares one frozen list of reporter ids between the articles they wrote together', () => {
    const published = publishedArticles(entries, production);
    expect(published[1]!.authorIds).toBe(published[0]!.authorIds);
    expect(Object.isFrozen(published[0]!.authorIds)).toBe(true);
    const alone = publishedArticles(
      [{ ...entries[0]!, data: { ...entries[0]!.data, authors: [{ id: 'sara' }] } }],
      production,
    );
    expect(alone[0]!.authorIds).toEqual(['sara']);
  });

  it('takes drafts and scheduled ones only when unpublished articles are asked for', () => {
    expect(publishedArticles(entries, preview).map((article) => article.id)).toEqual([4, 3, 5, 2, 1, 6]);
    const policy = publicationPolicyOf(
      { [BUILD_NOW_ENV]: '2024-11-23T15:30:00+03:30', [SHOW_UNPUBLISHED_ENV]: '1' },
      after,
    );
    expect(policy).toEqual({ now, includeUnpublished: true });
    expect(publicationPolicyOf({}, after)).toEqual({ now: after, includeUnpublished: false });
  });
});
