/**
 * The pure parts of `npm run new`: its arguments and the new article's frontmatter
 * (scripts/lib/new-article.ts), the frontmatter's pieces it shares with the legacy importer — the
 * next free id, the Tehran date in Jalali, quoting (scripts/lib/frontmatter.ts) — `--now`
 * (scripts/lib/command-line.ts) and the message for an unknown section (scripts/lib/content-files.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseNow, UsageError } from '../../scripts/lib/command-line.ts';
import { unknownMessage } from '../../scripts/lib/content-files.ts';
import {
  frontmatterDate,
  frontmatterOf,
  nextFreeId,
  tehranDateTimeAt,
  yamlQuote,
} from '../../scripts/lib/frontmatter.ts';
import { articleMarkdown, articleRelativePath, parseArgs } from '../../scripts/lib/new-article.ts';

describe('nextFreeId', () => {
  it('is one more than the largest id, whatever the gaps and order', () => {
    expect(nextFreeId(['id: 3\ntitle: x', 'title: y\nid: 1014', 'id: 7'])).toBe(1015);
  });

  it('is 1 for an archive with no articles or no ids', () => {
    expect(nextFreeId([])).toBe(1);
    expect(nextFreeId(['title: no id', ''])).toBe(1);
  });

  it('reads only a top-level id line, quoted or not', () => {
    expect(nextFreeId(["id: '12'", 'source: { id: 99 }', '  id: 500'])).toBe(13);
  });

  it('takes the frontmatter block only, not ids written in the body', () => {
    const text = '---\nid: 4\ntitle: x\n---\n\nid: 9000\n';
    expect(frontmatterOf(text)).toBe('id: 4\ntitle: x');
    expect(nextFreeId([frontmatterOf(text)])).toBe(5);
    expect(frontmatterOf('no frontmatter\nid: 3')).toBe('');
  });
});

describe('tehranDateTimeAt', () => {
  it('turns the day over at Tehran midnight, not UTC midnight', () => {
    const date = tehranDateTimeAt(new Date('2024-11-22T21:00:00Z'));
    expect(date).toEqual({ year: 1403, month: 9, day: 3, hour: 0, minute: 30 });
    expect(frontmatterDate(date)).toBe('1403/09/03 00:30');
    expect(frontmatterDate(tehranDateTimeAt(new Date('2024-11-22T20:29:00Z')))).toBe('1403/09/02 23:59');
  });

  it("uses Tehran's summer time (+04:30) before 2022", () => {
    expect(frontmatterDate(tehranDateTimeAt(new Date('2019-07-01T10:00:00Z')))).toBe('1398/04/10 14:30');
    expect(frontmatterDate(tehranDateTimeAt(new Date('2019-12-01T10:00:00Z')))).toBe('1398/09/10 13:30');
  });

  it('reads --now with an offset and refuses one without', () => {
    expect(frontmatterDate(tehranDateTimeAt(parseNow('2026-11-29T12:00:00+03:30')))).toBe('1405/09/08 12:00');
    expect(() => parseNow('2026-11-29T12:00:00')).toThrow(UsageError);
    expect(() => parseNow('tomorrow')).toThrow(UsageError);
  });
});

describe('articleMarkdown', () => {
  const date = { year: 1405, month: 9, day: 8, hour: 14, minute: 30 };

  it('writes complete frontmatter, single-quoted, as a draft', () => {
    const text = articleMarkdown({
      id: 1015,
      title: 'بازار مرکزی',
      date,
      section: 'economy',
      reporters: ['maryam-karimi'],
      tags: ['بازار', 'تهران'],
    });
    expect(text).toBe(
      [
        '---',
        'id: 1015',
        "title: 'بازار مرکزی'",
        "lead: 'TODO: یک یا دو جمله خلاصهٔ خبر'",
        'date: 1405/09/08 14:30',
        'category: economy',
        "tags: ['بازار', 'تهران']",
        "authors: ['maryam-karimi']",
        'draft: true',
        '---',
        '',
        'متن خبر را اینجا بنویسید.',
        '',
      ].join('\n'),
    );
  });

  it('starts a live page with live: true and a first update at its date, which YAML reads back', () => {
    const text = articleMarkdown({ id: 7, title: 'برف', date, section: 'society', reporters: ['a'], live: true });
    const data = parseYaml(frontmatterOf(text)) as Record<string, unknown>;
    expect(data['live']).toBe(true);
    expect(data['updates']).toEqual([{ date: '1405/09/08 14:30', text: 'TODO: نخستین به‌روزرسانی' }]);
    expect(data['draft']).toBe(true);
    expect(text).toContain('خلاصهٔ رویداد را اینجا بنویسید');
  });

  it('doubles a single quote in the title, and YAML reads it back', () => {
    expect(yamlQuote("it's")).toBe("'it''s'");
    const text = articleMarkdown({
      id: 1,
      title: "گفت‌وگو با 'استاد' O'Brien",
      date,
      section: 'culture',
      reporters: ['a', 'b'],
    });
    const data = parseYaml(frontmatterOf(text)) as Record<string, unknown>;
    expect(data).toEqual({
      id: 1,
      title: "گفت‌وگو با 'استاد' O'Brien",
      lead: 'TODO: یک یا دو جمله خلاصهٔ خبر',
      date: '1405/09/08 14:30',
      category: 'culture',
      tags: [],
      authors: ['a', 'b'],
      draft: true,
    });
    expect(text).toContain('\ntags: []\n');
  });

  it('puts the file under the Jalali year and two-digit month', () => {
    expect(articleRelativePath({ ...date, month: 1 }, 'بازار')).toBe('articles/1405/01/بازار.md');
  });
});

describe('parseArgs', () => {
  it('reads every flag, repeated reporters and both kinds of comma in tags', () => {
    const args = parseArgs([
      '--title',
      'عنوان',
      '--section=economy',
      '--reporter',
      'maryam-karimi',
      '--reporter',
      'sara-ahmadi',
      '--tags',
      'بازار، تهران ,اقتصاد,،',
      '--slug',
      'market',
      '--content',
      'tmp/content',
      '--now',
      '2026-11-29T12:00:00+03:30',
    ]);
    expect(args).toEqual({
      title: 'عنوان',
      section: 'economy',
      reporters: ['maryam-karimi', 'sara-ahmadi'],
      tags: ['بازار', 'تهران', 'اقتصاد'],
      slug: 'market',
      content: 'tmp/content',
      now: '2026-11-29T12:00:00+03:30',
      live: false,
      help: false,
    });
  });

  it('has empty lists when nothing is given', () => {
    expect(parseArgs([])).toEqual({ reporters: [], tags: [], live: false, help: false });
    expect(parseArgs(['--live']).live).toBe(true);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it('refuses unknown flags and flags without a value', () => {
    expect(() => parseArgs(['--titel', 'x'])).toThrow(/Unknown option "--titel"/);
    expect(() => parseArgs(['--title'])).toThrow(/--title needs a value/);
    expect(() => parseArgs(['--section', '--reporter', 'a'])).toThrow(/--section needs a value/);
  });
});

describe('unknownMessage', () => {
  it('lists the valid choices with their Persian names', () => {
    const valid = new Map([
      ['economy', 'اقتصادی'],
      ['culture', 'فرهنگ و هنر'],
    ]);
    expect(unknownMessage('section', 'x', valid)).toBe(
      'Unknown section "x". Valid sections: culture (فرهنگ و هنر), economy (اقتصادی)',
    );
  });
});
