import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
  articleDate,
  articleId,
  articleSource,
  findDuplicateArticleIds,
  knownSlug,
  persianText,
  slugOverride,
  strictFields,
  findZonelessTimestamps,
  tagList,
  unknownFieldMessage,
} from '../../src/lib/content/fields';
import { withEntryField } from '../../src/lib/content/schema';
import { ZWNJ } from '../../src/lib/persian/script';
import { isAsciiSlug } from '../../src/lib/persian/slug';

/** The first issue of a failed parse; fails the test when the parse succeeded. */
function firstIssue(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  const issue = result.error!.issues[0]!;
  expect(issue).toBeDefined();
  return issue;
}

describe('persianText', () => {
  const title = persianText('the headline', "title: 'نمایشگاه کتاب'");

  it('replaces Arabic yeh and kaf with their Persian twins', () => {
    const result = title.safeParse('كتاب علي');
    expect(result.success).toBe(true);
    expect(result.data).toBe('کتاب علی');
  });

  it('collapses runs of spaces, tabs and newlines and trims the ends', () => {
    const result = title.safeParse('  خبر   تازه\n\nاز\t\tتهران  \r\n');
    expect(result.data).toBe('خبر تازه از تهران');
  });

  it('keeps the zero-width non-joiner', () => {
    const result = title.safeParse(`کتاب${ZWNJ}ها  می${ZWNJ}رسند`);
    expect(result.success).toBe(true);
    expect(result.data).toBe(`کتاب${ZWNJ}ها می${ZWNJ}رسند`);
    expect(result.data).toContain(ZWNJ);
  });

  it('says a missing value is required, with what to write and an example', () => {
    const issue = firstIssue(title.safeParse(undefined));
    expect(issue.message).toBe("is required: write the headline, e.g. title: 'نمایشگاه کتاب'");
    expect(issue.path).toEqual([]);
  });

  it('says a number must be text', () => {
    const issue = firstIssue(title.safeParse(1403));
    expect(issue.message).toBe("must be text: write the headline, e.g. title: 'نمایشگاه کتاب'");
  });

  it('says a blank value is empty', () => {
    for (const blank of ['', '   ', '\n\t \r\n']) {
      const issue = firstIssue(title.safeParse(blank));
      expect(issue.message).toBe("is empty: write the headline, e.g. title: 'نمایشگاه کتاب'");
    }
  });
});

describe('articleDate', () => {
  it('reads a Jalali date-time as Tehran wall-clock time', () => {
    const result = articleDate.safeParse('1403/09/03 14:30');
    expect(result.success).toBe(true);
    expect(result.data).toBeInstanceOf(Date);
    expect(result.data!.toISOString()).toBe('2024-11-23T11:00:00.000Z');
  });

  it('reads an ISO string with an offset', () => {
    const result = articleDate.safeParse('2024-11-23T14:30:00+03:30');
    expect(result.data!.toISOString()).toBe('2024-11-23T11:00:00.000Z');
  });

  it('passes a Date through unchanged', () => {
    const date = new Date('2024-11-23T11:00:00Z');
    const result = articleDate.safeParse(date);
    expect(result.success).toBe(true);
    expect(result.data!.getTime()).toBe(date.getTime());
  });

  it('rejects a day that the Jalali month does not have, saying how long the month is', () => {
    const issue = firstIssue(articleDate.safeParse('1402/12/30'));
    expect(issue.message).toContain('Esfand 1402 has 29 days');
    expect(issue.message).toContain('day 30 does not exist');
  });

  it('accepts the 30th of Esfand in a leap year', () => {
    expect(articleDate.safeParse('1403/12/30').success).toBe(true);
  });

  it('rejects an ISO string without a time-zone offset', () => {
    const issue = firstIssue(articleDate.safeParse('2024-11-23T14:30:00'));
    expect(issue.message).toContain('no time-zone offset');
    expect(issue.message).toContain('2024-11-23T14:30:00+03:30');
  });

  it('rejects a number and text that is not a date', () => {
    expect(articleDate.safeParse(1700000000000).success).toBe(false);
    expect(firstIssue(articleDate.safeParse('yesterday')).message).toContain('is not a date this archive understands');
  });
});

describe('articleId', () => {
  it('accepts a positive whole number', () => {
    const result = articleId.safeParse(1042);
    expect(result.success).toBe(true);
    expect(result.data).toBe(1042);
  });

  it('rejects zero and negative numbers as not positive', () => {
    for (const id of [0, -3]) {
      expect(firstIssue(articleId.safeParse(id)).message).toBe('must be a positive number, e.g. id: 1042');
    }
  });

  it('rejects a fraction as not whole', () => {
    expect(firstIssue(articleId.safeParse(1.5)).message).toBe('must be a whole number without decimals, e.g. id: 1042');
  });

  it('rejects a quoted number, asking for it without quotes', () => {
    expect(firstIssue(articleId.safeParse('12')).message).toBe(
      "must be a whole number, the article's permanent number, e.g. id: 1042 (without quotes)",
    );
  });
});

describe('tagList', () => {
  it('defaults to an empty list when there are no tags', () => {
    const result = tagList.safeParse(undefined);
    expect(result.success).toBe(true);
    expect(result.data).toEqual([]);
  });

  it('normalises Arabic letters and collapses spaces', () => {
    expect(tagList.safeParse(['كتاب', '  نمایشگاه   بين‌المللی ']).data).toEqual(['کتاب', 'نمایشگاه بین‌المللی']);
  });

  it('keeps one tag per spelling, in the first form written', () => {
    expect(tagList.safeParse(['كتاب', 'کتاب']).data).toEqual(['کتاب']);
    expect(tagList.safeParse([`همکاری${ZWNJ}ها`, 'همکاریها', 'همکاری ها']).data).toEqual([`همکاری${ZWNJ}ها`]);
    expect(tagList.safeParse(['همکاری ها', `همکاری${ZWNJ}ها`]).data).toEqual(['همکاری ها']);
  });

  it('keeps distinct tags in the order written', () => {
    expect(tagList.safeParse(['تهران', 'کتاب', 'كتاب', 'اقتصاد', 'تهران']).data).toEqual(['تهران', 'کتاب', 'اقتصاد']);
  });

  it('drops empty and blank tags', () => {
    expect(tagList.safeParse(['', 'کتاب', '   ', '\n']).data).toEqual(['کتاب']);
  });

  it('rejects a single string, asking for a list', () => {
    const issue = firstIssue(tagList.safeParse('کتاب'));
    expect(issue.message).toBe("must be a list, e.g. tags: ['کتاب', 'تهران']");
  });

  it('rejects a tag that is not text, pointing at it', () => {
    const issue = firstIssue(tagList.safeParse(['کتاب', 3]));
    expect(issue.message).toBe("each tag must be text, e.g. tags: ['کتاب', 'تهران']");
    expect(issue.path).toEqual([1]);
  });
});

describe('slugOverride', () => {
  it('lower-cases Latin text and joins words with hyphens', () => {
    expect(slugOverride.safeParse('Pistachio Exports').data).toBe('pistachio-exports');
  });

  it('keeps Persian letters and turns Persian digits into ASCII', () => {
    expect(slugOverride.safeParse('نمایشگاه کتاب ۱۴۰۲').data).toBe('نمایشگاه-کتاب-1402');
  });

  it('rejects text with no letters or digits', () => {
    for (const text of ['!!!', '', '  - ']) {
      expect(firstIssue(slugOverride.safeParse(text)).message).toContain('has no letters or digits');
    }
  });

  it('rejects a value that is not text', () => {
    expect(firstIssue(slugOverride.safeParse(12)).message).toBe("must be text, e.g. slug: 'pistachio-exports'");
  });
});

describe('articleSource', () => {
  it('reads a bare string as the source name, normalised', () => {
    const result = articleSource.safeParse(' خبرگزاري نمونه ');
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ name: 'خبرگزاری نمونه' });
  });

  it('keeps a name and an http(s) url', () => {
    const result = articleSource.safeParse({ name: 'ایسنا', url: 'https://www.isna.ir/news/1' });
    expect(result.data).toEqual({ name: 'ایسنا', url: 'https://www.isna.ir/news/1' });
  });

  it('accepts a name without a url', () => {
    expect(articleSource.safeParse({ name: 'ایسنا' }).data).toEqual({ name: 'ایسنا' });
  });

  it('rejects a url that is not a full http(s) address', () => {
    for (const url of ['not a url', 'ftp://files.example.org/x']) {
      const issue = firstIssue(articleSource.safeParse({ name: 'ایسنا', url }));
      expect(issue.message).toBe('must be a full http(s) address');
      expect(issue.path).toEqual(['url']);
    }
  });

  it('rejects an unknown key', () => {
    const result = articleSource.safeParse({ name: 'ایسنا', link: 'https://www.isna.ir/' });
    expect(result.success).toBe(false);
  });

  it('rejects a value that is neither a name nor an object', () => {
    expect(firstIssue(articleSource.safeParse(5)).message).toBe(
      "must be the source's name, or { name: '…', url: 'https://…' }",
    );
  });
});

describe('knownSlug', () => {
  const category = knownSlug('category', 'content/categories/', new Set(['sport', 'economy', 'culture']));

  it('accepts a known slug', () => {
    const result = category.safeParse('economy');
    expect(result.success).toBe(true);
    expect(result.data).toBe('economy');
  });

  it('rejects an unknown slug, listing the valid ones sorted and naming the folder', () => {
    const issue = firstIssue(category.safeParse('economics'));
    expect(issue.message).toBe(
      '"economics" is not a category; use one of: culture, economy, sport (files in content/categories/)',
    );
  });

  it('rejects a value that is not text, listing the valid slugs', () => {
    expect(firstIssue(category.safeParse(3)).message).toBe(
      'must be the slug of a category in content/categories/; one of: culture, economy, sport',
    );
  });

  it('says there are none yet when the folder is empty', () => {
    const author = knownSlug('author', 'content/authors/', new Set());
    const issue = firstIssue(author.safeParse('maryam'));
    expect(issue.message).toContain('(none yet: add files to content/authors/)');
    expect(issue.message).toContain('"maryam" is not a author');
  });
});

describe('isAsciiSlug', () => {
  it('accepts lower-case Latin words, digits and single hyphens', () => {
    for (const id of ['economy', 'sport-2', 'a', '2024', 'science-and-tech']) expect(isAsciiSlug(id)).toBe(true);
  });

  it('rejects capitals, Persian letters, doubled, leading or trailing hyphens, and the empty string', () => {
    for (const id of ['Economy', 'اقتصاد', 'a--b', '-a', 'a-', 'a b', 'a_b', '']) expect(isAsciiSlug(id)).toBe(false);
  });
});

describe('findDuplicateArticleIds', () => {
  it('finds nothing when every id is different', () => {
    expect(
      findDuplicateArticleIds([
        { articleId: 1, filePath: 'content/articles/a.md' },
        { articleId: 2, filePath: 'content/articles/b.md' },
      ]),
    ).toEqual([]);
    expect(findDuplicateArticleIds([])).toEqual([]);
  });

  it('names both files, the id and the next free id', () => {
    const problems = findDuplicateArticleIds([
      { articleId: 7, filePath: 'content/articles/first.md' },
      { articleId: 40, filePath: 'content/articles/other.md' },
      { articleId: 7, filePath: 'content/articles/second.md' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      file: 'content/articles/second.md',
      field: 'id',
      message: '7 is already used by content/articles/first.md',
      fix: 'every article needs its own id, which is its permanent URL /news/7/… Give this one the next free id, e.g. id: 41.',
    });
  });

  it('reads an archive of a million articles (no call with an argument per article)', () => {
    const articles = Array.from({ length: 1_000_000 }, (_, at) => ({
      articleId: at + 1,
      filePath: `a/${String(at).padStart(7, '0')}.md`,
    }));
    articles.push({ articleId: 500, filePath: 'b/again.md' });
    const problems = findDuplicateArticleIds(articles);
    expect(problems.map(({ file, fix }) => `${file}: ${fix?.slice(-12)}`)).toEqual(['b/again.md: id: 1000001.']);
  });

  it('reports every later file that reuses an id against the first one', () => {
    const problems = findDuplicateArticleIds([
      { articleId: 3, filePath: 'a.md' },
      { articleId: 3, filePath: 'b.md' },
      { articleId: 3, filePath: 'c.md' },
    ]);
    expect(problems).toHaveLength(2);
    expect(problems.map(({ file, message }) => `${file}: ${message}`)).toEqual([
      'b.md: 3 is already used by a.md',
      'c.md: 3 is already used by a.md',
    ]);
    for (const problem of problems) expect(problem.fix).toContain('e.g. id: 4.');
  });

  it('accepts any iterable', () => {
    function* articles() {
      yield { articleId: 5, filePath: 'x.md' };
      yield { articleId: 5, filePath: 'y.md' };
    }
    expect(findDuplicateArticleIds(articles())).toHaveLength(1);
  });
});

describe('unknownFieldMessage', () => {
  const fields = ['title', 'date', 'category', 'tags'];

  it('suggests the closest field for a misspelt key', () => {
    expect(unknownFieldMessage('titel', fields, 'an article')).toBe(
      'is not a field of an article. Did you mean "title"? The fields are: title, date, category, tags.',
    );
    expect(unknownFieldMessage('tag', fields, 'an article')).toContain('Did you mean "tags"?');
    expect(unknownFieldMessage('categry', fields, 'an article')).toContain('Did you mean "category"?');
  });

  it('suggests nothing for a key far from every field', () => {
    const message = unknownFieldMessage('foo', fields, 'an article');
    expect(message).toBe('is not a field of an article. The fields are: title, date, category, tags.');
    expect(message).not.toContain('Did you mean');
  });
});

describe('strictFields', () => {
  const article = strictFields(
    { title: z.string(), date: z.string(), tags: z.array(z.string()).default([]) },
    'an article',
  );

  it('passes valid data through with its defaults', () => {
    const result = article.safeParse({ title: 'خبر', date: '1403/09/03' });
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ title: 'خبر', date: '1403/09/03', tags: [] });
  });

  it('reports a misspelt key at its path, suggesting the intended field', () => {
    const result = article.safeParse({ titel: 'خبر', date: '1403/09/03' });
    const issue = result.error!.issues.find((candidate) => candidate.path[0] === 'titel')!;
    expect(issue.path).toEqual(['titel']);
    expect(issue.message).toContain('Did you mean "title"?');
    expect(issue.message).toContain('The fields are: title, date, tags.');
    expect(issue.message).toContain('is not a field of an article.');
  });

  it('reports a far-off key without a suggestion', () => {
    const issue = firstIssue(article.safeParse({ title: 'خبر', date: '1403/09/03', foo: 1 }));
    expect(issue.path).toEqual(['foo']);
    expect(issue.message).toBe('is not a field of an article. The fields are: title, date, tags.');
  });

  it('reports every unknown key', () => {
    const result = article.safeParse({ title: 'خبر', date: '1403/09/03', foo: 1, bar: 2 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([['foo'], ['bar']]);
  });

  it('reports a misspelt required field next to the missing one', () => {
    const result = article.safeParse({ titel: 'خبر', date: '1403/09/03' });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(['title', 'titel']);
    expect(result.error!.issues[1]!.message).toContain('Did you mean "title"?');
  });

  it('reports an unknown key even when another field is also wrong', () => {
    const result = article.safeParse({ title: 'خبر', date: 42, foo: 1 });
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['date', 'foo']);
  });
});

describe('findZonelessTimestamps', () => {
  const file = (frontmatter: string) => `---\n${frontmatter}\n---\n\nbody date: 2024-01-01\n`;

  it('finds unquoted ISO timestamps and dates without a zone in the named fields', () => {
    expect(findZonelessTimestamps(file('date: 2024-11-22 14:30:00\nupdated: 2024-11-23'), ['date', 'updated'])).toEqual(
      [
        { field: 'date', value: '2024-11-22 14:30:00' },
        { field: 'updated', value: '2024-11-23' },
      ],
    );
    expect(findZonelessTimestamps(file('date: 2024-11-22T14:30:00  # Tehran'), ['date'])).toEqual([
      { field: 'date', value: '2024-11-22T14:30:00' },
    ]);
  });

  it('accepts timestamps with a zone, quoted strings, Jalali dates and other fields', () => {
    const source = file(
      "date: 2024-11-22T14:30:00+03:30\nupdated: 2024-11-23T10:00:00Z\ntitle: 2024-01-01\nx: '2024-11-22 14:30:00'",
    );
    expect(findZonelessTimestamps(source, ['date', 'updated', 'x'])).toEqual([]);
    expect(findZonelessTimestamps(file('date: 1403/09/03 14:30'), ['date'])).toEqual([]);
  });

  it('reads only the frontmatter block', () => {
    expect(findZonelessTimestamps('no frontmatter\ndate: 2024-01-01\n', ['date'])).toEqual([]);
  });
});

describe('withEntryField', () => {
  const base = strictFields({ title: z.string(), image: z.string().optional(), lead: z.string() }, 'an article');
  // What Astro's image() does for each entry: it knows the entry's file, the shared schema does not.
  const imageOf = (folder: string) =>
    z.string().transform((value, ctx) => {
      if (value.includes('missing')) {
        ctx.addIssue({ code: 'custom', message: `${value} does not exist` });
        return z.NEVER;
      }
      return `${folder}/${value}`;
    });

  it('parses the field with the entry’s own schema and keeps it in its place', async () => {
    const parsed = await withEntryField(base, 'image', imageOf('a')).parseAsync({
      title: 't',
      image: 'x.jpg',
      lead: 'l',
    });
    expect(parsed).toEqual({ title: 't', image: 'a/x.jpg', lead: 'l' });
    expect(Object.keys(parsed)).toEqual(['title', 'image', 'lead']);
  });

  it('leaves an entry without the field as the shared schema gave it', async () => {
    const parsed = await withEntryField(base, 'image', imageOf('a')).parseAsync({ title: 't', lead: 'l' });
    expect(parsed).toEqual({ title: 't', lead: 'l' });
  });

  it('reports the entry schema’s problems under the field’s name', async () => {
    const result = await withEntryField(base, 'image', imageOf('a')).safeParseAsync({
      title: 't',
      image: 'missing.jpg',
      lead: 'l',
    });
    expect(firstIssue(result)).toMatchObject({ path: ['image'], message: 'missing.jpg does not exist' });
  });

  it('reports the shared schema’s problems as before, the field’s type included', async () => {
    const result = await withEntryField(base, 'image', imageOf('a')).safeParseAsync({ title: 't', image: 3 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['image', 'lead']);
  });
});
