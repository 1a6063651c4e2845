import { describe, expect, it } from 'vitest';
import { lintArticleTypography, lintDataTypography, type TypographyRule } from '../../src/lib/persian/typography';
import { ZWNJ as Z } from '../../src/lib/persian/script';

const article = (body: string, frontmatter = "title: 'عنوان'") => `---\n${frontmatter}\n---\n\n${body}\n`;
const bodyOf = (text: string) => text.split('\n---\n\n')[1]!.replace(/\n$/, '');
const fix = (body: string, mdx = false) => bodyOf(lintArticleTypography(article(body), { mdx }).fixed);
const rulesOf = (body: string, mdx = false) =>
  lintArticleTypography(article(body), { mdx }).findings.map((finding) => finding.rule);

describe('each rule finds its slip and corrects it', () => {
  const cases: [TypographyRule, string, string][] = [
    ['arabic-letters', 'كتاب علي', 'کتاب علی'],
    ['arabic-letters', 'مصطفى', 'مصطفی'],
    ['arabic-letters', 'مدرسة خوب', 'مدرسه خوب'],
    ['arabic-letters', 'دایرةالمعارف', `دایره${Z}المعارف`],
    ['arabic-letters', 'سال ١٤٠٣', 'سال ۱۴۰۳'],
    ['tatweel', 'بیـــشتر', 'بیشتر'],
    ['zwnj-prefix', 'او می شود', `او می${Z}شود`],
    ['zwnj-prefix', 'او نمی رود', `او نمی${Z}رود`],
    ['zwnj-prefix', 'او میشود و نمیکند', `او می${Z}شود و نمی${Z}کند`],
    ['zwnj-prefix', 'میتوانند بگویند', `می${Z}توانند بگویند`],
    ['zwnj-suffix', 'کتاب ها و کتاب های او', `کتاب${Z}ها و کتاب${Z}های او`],
    ['zwnj-suffix', 'بزرگ ترین شهر', `بزرگ${Z}ترین شهر`],
    ['zwnj-suffix', 'بزرگ تر از', `بزرگ${Z}تر از`],
    ['zwnj-suffix', 'در حوزههای نظامی', `در حوزه${Z}های نظامی`],
    ['zwnj-suffix', 'همکاریها', `همکاری${Z}ها`],
    ['zwnj-suffix', 'تازهتر', `تازه${Z}تر`],
    ['persian-punctuation', 'تهران, اصفهان', 'تهران، اصفهان'],
    ['persian-punctuation', 'خبر , در', 'خبر، در'],
    ['persian-punctuation', 'چرا?', 'چرا؟'],
    ['punctuation-spacing', 'به گزارش خبرنگار ما ، در', 'به گزارش خبرنگار ما، در'],
    ['persian-punctuation', 'اول; دوم', 'اول؛ دوم'],
    ['persian-digits', 'در سال 1403 بود', 'در سال ۱۴۰۳ بود'],
    ['persian-digits', 'ساعت 14:30 و نرخ 2.5 درصد', 'ساعت ۱۴:۳۰ و نرخ ۲٫۵ درصد'],
    ['persian-digits', 'تاریخ 1403/09/03 است', 'تاریخ ۱۴۰۳/۰۹/۰۳ است'],
    ['double-space', 'این  متن   است', 'این متن است'],
  ];
  for (const [rule, before, after] of cases) {
    it(`${rule}: «${before}»`, () => {
      expect(fix(before)).toBe(after);
      expect(rulesOf(before)).toContain(rule);
    });
  }

  it('names the line and the words around the slip', () => {
    const { findings } = lintArticleTypography(article('خط اول\n\nدر سال 1403 كتاب ها'));
    expect(findings).toEqual([
      { rule: 'arabic-letters', safety: 'safe', line: 7, field: 'body', before: 'كتاب', after: 'کتاب' },
      { rule: 'zwnj-suffix', safety: 'safe', line: 7, field: 'body', before: 'کتاب ها', after: `کتاب${Z}ها` },
      { rule: 'persian-digits', safety: 'safe', line: 7, field: 'body', before: '1403', after: '۱۴۰۳' },
    ]);
  });
});

describe('correct text is left exactly as it is', () => {
  const correct = [
    `او می${Z}گوید که کتاب${Z}ها بزرگ${Z}تر شده${Z}اند، و این بهترین راه است؟`,
    'در سال ۱۴۰۳ نرخ تورم ۲٫۵ درصد بود؛ پیش از آن نه.',
    // «میدان», «میدانی», «بهتر», «ماه می»: words, not slips.
    'پسماند خشک در میدان اصلی؛ بررسی میدانی بهتر است. ماه می برگزار شد و اول می تمام شد.',
    'تنها راه، انتهای خیابان است و میزان بها و رها کردن.',
    'English text, with a question? And  two spaces, 1403 and iPhone 15.',
    'واکسن COVID-19 و شبکهٔ 5G و فایل mp3 در متن فارسی.',
    '1. مورد اول\n2. مورد دوم',
    'Line with a hard break  \nو خط بعدی',
  ];
  for (const text of correct) {
    it(`«${text.slice(0, 40)}…»`, () => {
      const source = article(text);
      const result = lintArticleTypography(source);
      expect(result.findings).toEqual([]);
      expect(result.fixed).toBe(source);
    });
  }
});

describe('what is only suggested', () => {
  it('«تر» as "wet" is never joined by --fix: joining it is a suggestion', () => {
    const source = article('پسماند تر و خشک جدا می‌شود.');
    const result = lintArticleTypography(source);
    expect(result.fixed).toBe(source);
    expect(result.findings).toEqual([
      {
        rule: 'detached-comparative',
        safety: 'suggestion',
        line: 5,
        field: 'body',
        before: 'پسماند تر',
        after: `پسماند${Z}تر`,
      },
    ]);
  });
});

describe('what --fix never touches', () => {
  it('fenced and indented code blocks, inline code', () => {
    const body = [
      '```',
      'می شود 123 كتاب',
      '```',
      '',
      '~~~js',
      "const a = 'كتاب ها';",
      '~~~',
      '',
      '    indented: می شود 1403',
      '',
      'متن و `code: می شود 1403` و پایان.',
    ].join('\n');
    expect(lintArticleTypography(article(body)).findings).toEqual([]);
  });

  it('URLs, link targets, autolinks, e-mail addresses and HTML tags', () => {
    const body = [
      'ببینید [این گزارش](https://example.ir/news/1403?a=1,2&b=می شود) و https://example.ir/کتاب_ها/1403 و www.example.ir/می/12',
      'و <https://example.ir/a,b> و نشانی news@example.ir و <span title="می شود 12">متن</span>.',
      '[ref]: https://example.ir/1403 "عنوان ها"',
    ].join('\n');
    expect(lintArticleTypography(article(body)).findings).toEqual([]);
  });

  it('MDX imports, exports and expressions', () => {
    const body = "import FactBox from '../x.astro';\n\n<FactBox title=\"می شود\">متن</FactBox> و {'كتاب ها'}";
    expect(lintArticleTypography(article(body), { mdx: true }).findings).toEqual([]);
  });

  it('frontmatter keys and non-prose fields; prose fields are corrected', () => {
    const frontmatter = [
      "title: 'گزارش كتاب ها'",
      'lead: >',
      '  خلاصهٔ خبر در سال 1403',
      "tags: [كتاب, 'می شود']",
      'slug: kitab-ha',
      'category: economy',
      'date: 1403/09/03 14:30',
    ].join('\n');
    const result = lintArticleTypography(article('متن.', frontmatter));
    expect(result.findings.map((f) => [f.field, f.line, f.rule])).toEqual([
      ['title', 2, 'arabic-letters'],
      ['title', 2, 'zwnj-suffix'],
      ['lead', 4, 'persian-digits'],
    ]);
    expect(result.fixed).toContain(`title: 'گزارش کتاب${Z}ها'`);
    expect(result.fixed).toContain('  خلاصهٔ خبر در سال ۱۴۰۳');
    expect(result.fixed).toContain("tags: [كتاب, 'می شود']\nslug: kitab-ha\ncategory: economy\ndate: 1403/09/03 14:30");
  });

  it('data files: only name, description, role and bio', () => {
    const source = "name: 'اقتصادي'\ndescription: 'خبرهاي بازار, تجارت'\nslug: 1403\n";
    const result = lintDataTypography(source);
    expect(result.fixed).toBe("name: 'اقتصادی'\ndescription: 'خبرهای بازار، تجارت'\nslug: 1403\n");
  });
});

describe('--fix round trips', () => {
  it('a corrected file has nothing left to correct, and line count is kept', () => {
    const messy = article(
      [
        'به گزارش خبرنگار ما , در دیدار همکاریها در حوزههای نظامی می شود و نمیکند.',
        'دایرةالمعارف بزرگ ترین كتاب ها را دارد? در سال 1403  و ساعت 14:30 بیـشتر.',
      ].join('\n'),
      "title: 'گزارش كيفيت هوا , امروز'",
    );
    const once = lintArticleTypography(messy);
    expect(once.findings.length).toBeGreaterThan(10);
    const twice = lintArticleTypography(once.fixed);
    expect(twice.findings).toEqual([]);
    expect(twice.fixed).toBe(once.fixed);
    expect(once.fixed.split('\n')).toHaveLength(messy.split('\n').length);
  });

  it('keeps CRLF line endings and ZWNJ as written', () => {
    const source = `---\r\ntitle: 'عنوان'\r\n---\r\n\r\nکتاب${Z}ها می${Z}روند.\r\n`;
    expect(lintArticleTypography(source).fixed).toBe(source);
  });

  it('fixes the prose fields of a CRLF file too (an old Windows file), keeping its line endings', () => {
    const source = `---\r\ntitle: 'كتاب عربي'\r\nlead: 'يك خبر'\r\n---\r\n\r\nمتن.\r\n`;
    const result = lintArticleTypography(source);
    expect(result.fixed).toBe(`---\r\ntitle: 'کتاب عربی'\r\nlead: 'یک خبر'\r\n---\r\n\r\nمتن.\r\n`);
    expect(new Set(result.findings.map((finding) => finding.field))).toEqual(new Set(['title', 'lead']));
  });
});
