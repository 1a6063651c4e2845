/**
 * The typography rules of issue 18, one by one: what each corrects, what it only suggests, and what
 * it must leave alone (Latin text, code, URLs, Markdown and YAML syntax, numbers, words that only
 * look like slips). Every rule of the registry is run on its own example, the one the reporters'
 * guide shows.
 */
import { describe, expect, it } from 'vitest';
import { typographyAdvice } from '../../src/i18n/fa';
import {
  fixPersianProse,
  lintArticleTypography,
  lintDataTypography,
  TYPOGRAPHY_RULE_IDS,
  TYPOGRAPHY_RULES,
  type TypographyRule,
} from '../../src/lib/persian/typography';
import { ARABIC_BLOCK, ZWNJ as Z } from '../../src/lib/persian/script';

const article = (body: string, frontmatter = "title: 'عنوان'") => `---\n${frontmatter}\n---\n\n${body}\n`;
const bodyOf = (text: string) => text.split('\n---\n\n')[1]!.replace(/\n$/, '');
const fix = (body: string, mdx = false) => bodyOf(lintArticleTypography(article(body), { mdx }).fixed);
const findingsOf = (body: string, mdx = false) => lintArticleTypography(article(body), { mdx }).findings;

describe('the rule registry', () => {
  it('lists every rule once, each with advice in Persian', () => {
    expect(TYPOGRAPHY_RULES.map((rule) => rule.id)).toEqual([...TYPOGRAPHY_RULE_IDS]);
    for (const id of TYPOGRAPHY_RULE_IDS) expect(typographyAdvice[id]).toMatch(new RegExp(`[${ARABIC_BLOCK}]`));
  });

  for (const { id, safety, example } of TYPOGRAPHY_RULES) {
    it(`${id} (${safety}): «${example.before}» → «${example.after}»`, () => {
      const { fixed, findings } = fixPersianProse(example.before);
      expect(findings.some((finding) => finding.rule === id && finding.safety === safety)).toBe(true);
      if (safety === 'safe') {
        expect(fixed).toBe(example.after);
      } else {
        // A suggestion is never applied; its proposal is the example's correction.
        expect(fixed).toBe(example.before);
        let proposed = fixed;
        for (const finding of findings)
          if (finding.rule === id) proposed = proposed.replace(finding.before, finding.after);
        expect(proposed).toBe(example.after);
      }
    });
  }
});

describe('each new rule corrects its slip', () => {
  const cases: [TypographyRule, string, string][] = [
    ['non-persian-letters', 'ڪتاب پاڪستانی', 'کتاب پاکستانی'],
    ['non-persian-letters', 'کتابخانہ و مےشود', `کتابخانه و می${Z}شود`],
    ['non-persian-letters', '\ufedb\ufe98\ufe8e\ufe8f تازه', 'کتاب تازه'],
    ['soft-hyphen', 'کتاب\u00adها و می\u00acشود', `کتاب${Z}ها و می${Z}شود`],
    ['heh-ezafe', 'خانه ی ما', 'خانهٔ ما'],
    ['heh-ezafe', `نشان${Z}دهنده ی تغییر`, `نشان${Z}دهندهٔ تغییر`],
    ['heh-ezafe', 'نامهء او و نامه ء ما', 'نامهٔ او و نامهٔ ما'],
    ['heh-ezafe', 'خانۀ ما', 'خانهٔ ما'],
    ['diacritics', 'عِِلم', 'عِلم'],
    ['diacritics', `کتاب ِ او و کتاب${Z}ِ ما`, 'کتابِ او و کتابِ ما'],
    ['tatweel', 'کتـــاب', 'کتاب'],
    ['dashes', 'تهران -- ایرنا', 'تهران – ایرنا'],
    ['dashes', 'او --- که آمد --- رفت', 'او — که آمد — رفت'],
    ['dashes', 'تهران ـ ایرنا', 'تهران – ایرنا'],
    ['dashes', 'تهرانـ ایرنا', 'تهران– ایرنا'],
    ['ellipsis', 'کتاب و دفتر ...', 'کتاب و دفتر…'],
    ['ellipsis', 'گفت. . .که', 'گفت… که'],
    ['ellipsis', 'گفت …', 'گفت…'],
    ['persian-quotes', 'او گفت "نه" و "شاید"', 'او گفت «نه» و «شاید»'],
    ['persian-quotes', 'او گفت “نه”', 'او گفت «نه»'],
    ['persian-quotes', '> "ما از همه استقبال می‌کنیم."', '> «ما از همه استقبال می‌کنیم.»'],
    ['zwnj-suffix', 'بزرگ تری', `بزرگ${Z}تری`],
    ['zwnj-verb-suffix', 'رفته اند و گفته ام و دیده اید', `رفته${Z}اند و گفته${Z}ام و دیده${Z}اید`],
    ['zwnj-verb-suffix', 'نامه ای و خانه اش', `نامه${Z}ای و خانه${Z}اش`],
    ['repeated-marks', 'چرا؟؟؟ عجب!!! چرا???', 'چرا؟ عجب! چرا؟'],
    ['repeated-marks', 'عجب ! !', 'عجب!'],
    ['punctuation-spacing', 'گفت :او آمد ، اما رفت .', 'گفت: او آمد، اما رفت.'],
    ['punctuation-spacing', 'تهران،اصفهان؛شیراز', 'تهران، اصفهان؛ شیراز'],
    ['punctuation-spacing', 'چرا ؟ !', 'چرا؟!'],
    ['bracket-spacing', 'سازمان( یونسکو )اعلام کرد', 'سازمان (یونسکو) اعلام کرد'],
    ['bracket-spacing', 'گفت«نه»و رفت', 'گفت «نه» و رفت'],
    ['bracket-spacing', '« نه »', '«نه»'],
    ['number-separators', 'قیمت ۱۲,۵۰۰ و ۱,۲۵۰,۰۰۰ و نرخ ۲.۵', 'قیمت ۱۲٬۵۰۰ و ۱٬۲۵۰٬۰۰۰ و نرخ ۲٫۵'],
    ['percent-sign', 'رشد ۱۲ % و 30% و ۵ ٪', 'رشد ۱۲٪ و ۳۰٪ و ۵٪'],
    ['double-space', 'گفت:  «نه»', 'گفت: «نه»'],
  ];
  for (const [rule, before, after] of cases) {
    it(`${rule}: «${before}»`, () => {
      expect(fix(before)).toBe(after);
      expect(findingsOf(before).map((finding) => finding.rule)).toContain(rule);
    });
  }
});

describe('suggestions are reported with the proposed text, never applied', () => {
  const cases: [TypographyRule, string, string][] = [
    ['bi-prefix', 'رشد بی رویه', `بی${Z}رویه`],
    ['detached-comparative', 'پسماند تر', `پسماند${Z}تر`],
    ['detached-suffix', 'آنان ایرانی اند', `ایرانی${Z}اند`],
    ['detached-suffix', 'آنان مسئول اند', `مسئول${Z}اند`],
    ['detached-suffix', 'یک ایرانی ای', `ایرانی${Z}ای`],
    ['unclear-number', 'وزن 12,5 تن', '۱۲٫۵'],
    ['unclear-number', 'وزن ۱۲,۵ تن', '۱۲٫۵'],
    ['unclear-number', 'نسخهٔ 2.1.3 آمد', '۲.۱.۳'],
  ];
  for (const [rule, text, proposed] of cases) {
    it(`${rule}: «${text}»`, () => {
      expect(fix(text)).toBe(text);
      expect(findingsOf(text)).toContainEqual(
        expect.objectContaining({ rule, safety: 'suggestion', after: expect.stringContaining(proposed) }),
      );
    });
  }
});

describe('what the new rules leave alone', () => {
  const untouched: [string, string][] = [
    ['a Kurdish name', 'شهر هەولێر و بەغدا'],
    ['a soft hyphen in Latin text', 'co\u00adoperation و متن'],
    ['a pronounced ه and a two-letter word before ی', 'از راه ی دور و کوه ی بلند، که ی'],
    ['«ه‌ی», an accepted spelling of the ezafe', `از خانه${Z}ی ما`],
    ['a range with a tatweel, a range with dashes', 'سال‌های ۱۳۹۸ـ۱۴۰۲ و ۱۳۹۸--۱۴۰۲'],
    ['dashes and dots in Latin text', 'run npm test --fix and wait...'],
    ['quotes around Latin text, an unpaired quote', 'او گفت "Hello" و ۱۲" اینچ'],
    ['single quotes', "او گفت 'نه'"],
    ['«ای» of address, «می» the month, «بی بی سی»', 'او گفت ای مردم، در ماه می شبکهٔ بی بی سی'],
    ['endings after ا and و', 'دانشجو ام و آشنا اند'],
    ['a mixed «!؟», an abbreviation, a time', 'چرا!؟ خبر ج.ا.ا ساعت ۱۴:۳۰ بود'],
    ['an honorific', 'پیامبر(ص) و امام (ع) فرمودند'],
    ['brackets and braces of Markdown', '[ پیوند ](https://example.ir) و متن'],
    ['Latin punctuation, digits and percent', 'Ubuntu 22.04 is 50% faster!!! Really???'],
    ['a Markdown image after a word', 'عکس ![نمای شهر](./a.jpg)'],
    ['a number with Persian separators', 'قیمت ۱۲٬۵۰۰ و نرخ ۲٫۵ درصد'],
  ];
  for (const [label, text] of untouched) {
    it(label, () => {
      expect(fix(text)).toBe(text);
      expect(findingsOf(text).filter((finding) => finding.safety === 'safe')).toEqual([]);
    });
  }

  it('Markdown rules, table delimiters and an HTML comment', () => {
    const body = [
      'متن اول',
      '',
      '---',
      '',
      '| نام | مقدار |',
      '| --- | :---: |',
      '| الف | -- |',
      '',
      '<!-- یادداشت -- متن -->',
    ];
    const source = article(body.join('\n'));
    const fixed = lintArticleTypography(source).fixed;
    expect(fixed).toContain('\n---\n\n| نام | مقدار |\n| --- | :---: |\n');
    expect(fixed).toContain('<!-- یادداشت -- متن -->');
    expect(fixed.startsWith("---\ntitle: 'عنوان'\n---\n")).toBe(true);
  });

  it('code, URLs and MDX expressions', () => {
    const body = '`"نه" -- ...` و https://example.ir/a--b/...?q="x" و {"نه" + "..."}';
    expect(lintArticleTypography(article(body), { mdx: true }).findings).toEqual([]);
  });
});

describe('YAML quoting', () => {
  it('corrects the text inside quotes, never the quotes themselves', () => {
    const result = lintArticleTypography(article('متن.', `title: "گزارش \\"ویژه\\" کتاب ها"\nlead: 'او گفت "نه" ...'`));
    expect(result.fixed).toContain(`title: "گزارش \\"ویژه\\" کتاب${Z}ها"`);
    expect(result.fixed).toContain("lead: 'او گفت «نه»…'");
  });

  it('writes a range in ASCII digits whole, both ends alike', () => {
    expect(fix('سال‌های 1398--1402')).toBe('سال‌های ۱۳۹۸--۱۴۰۲');
  });

  it('adds no space after a colon in a plain value, where «: » would start a new field', () => {
    const result = lintDataTypography("name: گروه:اقتصاد\ndescription: 'گروه:اقتصاد'\n");
    expect(result.fixed).toBe("name: گروه:اقتصاد\ndescription: 'گروه: اقتصاد'\n");
  });
});

describe('a corrected text is stable', () => {
  it('fixing twice gives what fixing once gave, over every example and case', () => {
    const texts = [
      ...TYPOGRAPHY_RULES.map((rule) => rule.example.before),
      'به گزارش خبرنگار ما , کتاب ها «  حوزههای  » خانه ی ما ... رفته اند!!! چرا ?? بی رویه 12,5',
      'او گفت:"نامه ای"و رفت -- تهران ـ ایرنا ( ۱۲ % ) ڪتاب\u00adها',
    ];
    for (const text of texts) {
      const once = fixPersianProse(text).fixed;
      const twice = fixPersianProse(once);
      expect(twice.fixed, text).toBe(once);
      expect(
        twice.findings.filter((finding) => finding.safety === 'safe'),
        text,
      ).toEqual([]);
    }
  });
});
