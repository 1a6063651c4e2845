import { describe, expect, it } from 'vitest';
import { checkContent, lineOfField, type ContentFile } from '../../src/lib/content/check';
import { contentProblemsError, formatProblem } from '../../src/lib/content/problems';

const options = {
  categories: { ids: new Set(['economy', 'culture']), folder: 'content/categories/' },
  authors: { ids: new Set(['ali-rezaei']), folder: 'content/authors/' },
  imageExists: (_article: string, image: string) => image === './images/ok.jpg',
};

const articleSource = (fields: Record<string, string> = {}) => {
  const all: Record<string, string> = {
    id: '1',
    title: "'عنوان خبر'",
    lead: "'خلاصهٔ خبر.'",
    date: '1403/09/03 14:30',
    category: 'economy',
    authors: "['ali-rezaei']",
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\nمتن.\n`;
};

const articleFile = (id: string, source: string): ContentFile => ({
  kind: 'article',
  path: `content/articles/${id}.md`,
  id,
  source,
});
const dataFile = (kind: ContentFile['kind'], id: string, source: string, ext = 'yml'): ContentFile => ({
  kind,
  path: `content/${kind === 'comment' ? 'comments' : kind === 'author' ? 'authors' : 'categories'}/${id}.${ext}`,
  id,
  source,
});
const goodData = [
  dataFile('category', 'economy', "name: 'اقتصادی'\ndescription: 'بازار'\n"),
  dataFile('author', 'ali-rezaei', "name: 'علی رضایی'\n"),
];
const check = (...files: ContentFile[]) => checkContent([...goodData, ...files], options).map(formatProblem);

describe('checkContent', () => {
  it('finds nothing wrong in good files', () => {
    expect(check(articleFile('a', articleSource()))).toEqual([]);
    expect(
      check(
        articleFile('b', articleSource({ image: './images/ok.jpg', imageAlt: "'عکس'" })),
        dataFile(
          'comment',
          '1/c-1',
          '{"id":"c-1","article":1,"name":"خواننده","body":"متن","submittedAt":"2024-11-23T14:30:00+03:30"}',
          'json',
        ),
      ),
    ).toEqual([]);
  });

  it('reports every problem of every file at once, each with its line', () => {
    const problems = check(
      articleFile('a', articleSource({ titel: "'عنوان'", title: '', date: '1402/12/30' })),
      articleFile('b', articleSource({ id: '2', category: 'sport', authors: "['ali-rezaei', 'nobody']" })),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:1: title: is required: write the headline/),
      expect.stringMatching(/^content\/articles\/a\.md:4: date: "1402\/12\/30": day 30 does not exist/),
      expect.stringMatching(
        /^content\/articles\/a\.md:7: titel: is not a field of an article\. Did you mean "title"\?/,
      ),
      expect.stringMatching(
        /^content\/articles\/b\.md:6: category: "sport" is not a category; use one of: culture, economy/,
      ),
      expect.stringMatching(
        /^content\/articles\/b\.md:7: authors\.1: "nobody" is not a reporter; use one of: ali-rezaei/,
      ),
    ]);
  });

  it('refuses a file that is not UTF-8, naming its encoding and the command; checks a converted one further', () => {
    const problems = check(
      { ...articleFile('a', articleSource({ date: '1402/12/30' })), encoding: 'windows-1256' },
      { ...articleFile('b', '\ufffd\ufffd'), encoding: 'unrecognised' },
    );
    expect(problems).toEqual([
      'content/articles/a.md:1: file: is not UTF-8 text but most likely Windows-1256 (the Arabic-script encoding of old Windows programs), which the build would read as garbled letters; convert it to UTF-8 with: npm run check:content -- --fix --write content/articles/a.md',
      expect.stringMatching(/^content\/articles\/a\.md:5: date: "1402\/12\/30": day 30 does not exist/),
      // Nothing else about a file whose text could not be read.
      expect.stringMatching(
        /^content\/articles\/b\.md:1: file: is not UTF-8 text, and not in an encoding this tool recognises/,
      ),
    ]);
  });

  it('finds duplicate ids across files and names the next free id', () => {
    const problems = check(articleFile('a', articleSource()), articleFile('z', articleSource({ title: "'دیگر'" })));
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/articles\/z\.md:2: id: 1 is already used by content\/articles\/a\.md; .* e\.g\. id: 2\.$/,
      ),
    ]);
  });

  it('refuses zone-less YAML timestamps, which YAML would read as UTC', () => {
    expect(check(articleFile('a', articleSource({ date: '2024-11-22 14:30:00' })))).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:5: date: 2024-11-22 14:30:00 has no time-zone offset.*\+03:30/),
    ]);
  });

  it('points at the line YAML cannot read, and at a missing frontmatter', () => {
    expect(check(articleFile('a', "---\nid: 1\ntitle: 'بدون پایان\n---\n"))).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:4: frontmatter: cannot be read: unexpected end of the stream/),
    ]);
    expect(check(articleFile('b', 'فقط متن، بدون سرخط\n'))).toEqual([
      expect.stringMatching(/^content\/articles\/b\.md:1: frontmatter: is missing: an article starts with a block/),
    ]);
  });

  it('checks that the lead image exists and is a picture', () => {
    const withImage = (image: string) =>
      check(articleFile('a', articleSource({ image: `'${image}'`, imageAlt: "'عکس'" })));
    expect(withImage('./images/missing.jpg')).toEqual([
      expect.stringMatching(
        /:8: image: "\.\/images\/missing\.jpg" does not exist; the path is relative to the article/,
      ),
    ]);
    expect(withImage('./images/report.pdf')).toEqual([
      expect.stringMatching(/image: ".*report\.pdf" is not a picture/),
    ]);
    expect(withImage('https://example.ir/a.jpg')).toEqual([
      expect.stringMatching(/image: must be a file in the repository, not a web address/),
    ]);
  });

  it('checks sections and reporters: their fields and file names', () => {
    expect(
      check(dataFile('category', 'culture', "description: 'فرهنگ'\n"), dataFile('author', 'علی', "name: 'علی'\n")),
    ).toEqual([
      expect.stringMatching(
        /^content\/authors\/علی\.yml:1: file: the file name "علی" is used in URLs; rename the file/,
      ),
      expect.stringMatching(/^content\/categories\/culture\.yml:1: name: is required: write the section name/),
    ]);
  });

  it('checks comments: fields, folder, file name, article and parent', () => {
    const comment = (id: string, json: Record<string, unknown>) =>
      dataFile(
        'comment',
        id,
        JSON.stringify({ name: 'خواننده', body: 'متن', submittedAt: '2024-11-23T14:30:00+03:30', ...json }, null, 2),
        'json',
      );
    const problems = check(
      articleFile('a', articleSource()),
      comment('1/c-1', { id: 'c-1', article: 1, email: 'x@example.ir' }),
      comment('2/c-2', { id: 'c-2', article: 1 }),
      comment('1/c-3', { id: 'c-3', article: 1, parent: 'c-9' }),
      comment('9/c-4', { id: 'c-4', article: 9 }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^content\/comments\/1\/c-1\.json:7: email: is not a field of a comment/),
      expect.stringMatching(/^content\/comments\/1\/c-3\.json:7: parent: "c-9" is not a comment of article 1/),
      expect.stringMatching(/^content\/comments\/2\/c-2\.json:6: article: 1 does not match the folder 2\//),
      expect.stringMatching(/^content\/comments\/9\/c-4\.json:6: article: 9 is the id of no article file/),
    ]);
  });
});

describe('checkContent gives problems as data', () => {
  it('the file, the line, the field, the message and the fix apart, from the checks it shares with the build', () => {
    const problems = checkContent(
      [
        ...goodData,
        dataFile('author', 'علی', "name: 'علی'\n"),
        articleFile('a', articleSource()),
        articleFile('z', articleSource({ title: "'دیگر'" })),
      ],
      options,
    );
    expect(problems).toEqual([
      {
        file: 'content/articles/z.md',
        line: 2,
        field: 'id',
        message: '1 is already used by content/articles/a.md',
        fix: expect.stringMatching(/^every article needs its own id, .* e\.g\. id: 2\.$/),
      },
      {
        file: 'content/authors/علی.yml',
        line: 1,
        field: 'file',
        message: 'the file name "علی" is used in URLs',
        fix: 'rename the file to lower-case Latin letters, digits and hyphens, e.g. economy.yml',
      },
    ]);
  });
});

describe('the two forms of a problem', () => {
  const duplicate = {
    file: 'content/articles/z.md',
    field: 'id',
    message: '1 is already used by content/articles/a.md',
    fix: 'give this one the next free id, e.g. id: 2.',
  };
  const badName = {
    file: 'content/authors/علی.yml',
    field: 'file',
    message: 'the file name "علی" is used in URLs',
    fix: 'rename the file',
  };

  it('check:content: file:line: field: message; fix, the first line when the line is not known', () => {
    expect(formatProblem({ ...duplicate, line: 2 })).toBe(
      'content/articles/z.md:2: id: 1 is already used by content/articles/a.md; give this one the next free id, e.g. id: 2.',
    );
    expect(formatProblem(badName)).toBe(
      'content/authors/علی.yml:1: file: the file name "علی" is used in URLs; rename the file',
    );
    expect(formatProblem({ file: 'a.md', line: 1, field: 'frontmatter', message: 'is missing.' })).toBe(
      'a.md:1: frontmatter: is missing.',
    );
  });

  it('the build: one error, a line each as file: field: message; fix, without the field for the file itself', () => {
    expect(contentProblemsError([duplicate, badName]).message).toBe(
      [
        'Content needs fixing before the site can be built:',
        '  - content/articles/z.md: id: 1 is already used by content/articles/a.md; give this one the next free id, e.g. id: 2.',
        '  - content/authors/علی.yml: the file name "علی" is used in URLs; rename the file',
      ].join('\n'),
    );
  });
});

describe('lineOfField', () => {
  const yaml = "id: 1\ntitle: 'x'\nauthors:\n  - a\n  - b\nsource:\n  name: n\n  url: u\n";
  it('finds keys, list items and nested fields; the first line when the field is missing', () => {
    expect(lineOfField(yaml, ['title'])).toBe(2);
    expect(lineOfField(yaml, ['authors', 1])).toBe(5);
    expect(lineOfField(yaml, ['source', 'url'])).toBe(8);
    expect(lineOfField(yaml, ['lead'])).toBe(1);
    expect(lineOfField(yaml, ['title'], 1)).toBe(3);
  });
});

describe('corrections and live updates', () => {
  const now = new Date('2026-12-01T12:00:00+03:30'); // 1405/09/10 12:00 in Tehran
  const checkAt = (source: string) =>
    checkContent([...goodData, articleFile('a', source)], { ...options, now }).map(formatProblem);
  const story = (extra: string) =>
    `---\nid: 1\ntitle: 'عنوان'\nlead: 'خلاصه.'\ndate: 1405/09/09 08:00\ncategory: economy\nauthors: ['ali-rezaei']\n${extra}\n---\n\nمتن.\n`;

  it('accepts corrections, a live page with updates in any order and multi-paragraph text, and its end', () => {
    expect(
      checkAt(
        story(
          "corrections: [{ date: 1405/09/09 18:00, text: 'نام درست شد.' }]\nlive: true\nupdates:\n  - date: 1405/09/10 09:00\n    title: 'تیتر'\n    text: |\n      بند یک.\n\n      بند دو.\n  - date: 1405/09/09 10:00\n    text: 'نخست'\nliveEnded: 1405/09/10 10:00",
        ),
      ),
    ).toEqual([]);
  });

  it('names the field and line of a correction before the story, misspelt, or in the future', () => {
    expect(
      checkAt(
        story(
          "corrections:\n  - date: 1405/09/09 09:00\n    text: 'x'\n  - date: 1405/09/08 18:00\n    text: 'پیش از خبر'",
        ),
      ),
    ).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:11: corrections\.1\.date: is earlier than the article's date/),
    ]);
    expect(checkAt(story("corrections:\n  - dat: 1405/09/09 09:00\n    text: 'x'"))).toContainEqual(
      expect.stringMatching(
        /^content\/articles\/a\.md:9: corrections\.0\.dat: is not a field of a correction\. Did you mean "date"\?/,
      ),
    );
    expect(checkAt(story("corrections:\n  - date: 1405/09/11 08:00\n    text: 'در آینده'"))).toEqual([
      expect.stringMatching(
        /^content\/articles\/a\.md:9: corrections\.0\.date: is in the future .*write the time it was made/,
      ),
    ]);
  });

  it('refuses updates without live: true, liveEnded without live, and zone-less ISO times in the lists', () => {
    expect(checkAt(story("updates: [{ date: 1405/09/09 09:00, text: 'x' }]"))).toEqual([
      expect.stringMatching(/updates: are only shown on a live page: add live: true/),
    ]);
    expect(checkAt(story('liveEnded: 1405/09/10 08:00'))).toEqual([
      expect.stringMatching(/liveEnded: ends a live page/),
    ]);
    expect(checkAt(story("live: true\nupdates:\n  - date: 2026-11-30 10:00:00\n    text: 'x'"))).toEqual([
      expect.stringMatching(
        /^content\/articles\/a\.md:10: updates\.0\.date: 2026-11-30 10:00:00 has no time-zone offset/,
      ),
    ]);
  });
});
