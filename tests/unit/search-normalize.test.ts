import { describe, expect, it } from 'vitest';
import {
  foldForIndexFully,
  mayFold,
  foldForIndex,
  foldHtmlForIndex,
  indexableHtml,
  normalizeQuery,
  stemQueryWord,
} from '../../src/lib/search/normalize';
import { HAMZA_ABOVE, ZWNJ } from '../../src/lib/persian/script';

/** Joins the parts of a word with a ZWNJ, so that the tests show where one is expected. */
const z = (...parts: string[]) => parts.join(ZWNJ);

/** Every letter, digit and tatweel variant, as written and as both sides must fold it. */
const LETTER_VARIANTS: readonly [label: string, written: string, folded: string][] = [
  ['Arabic yeh ي', 'علي', 'علی'],
  ['alef maksura ى', 'مصطفى', 'مصطفی'],
  ['Arabic kaf ك', 'كتاب', 'کتاب'],
  ['Arabic yeh and kaf together', 'كوچكي', 'کوچکی'],
  ['teh marbuta ة', 'مدرسة', 'مدرسه'],
  ['heh with yeh above ۀ', 'خانۀ', 'خانه\u0654'],
  ['presentation forms B (ﻛﺘﺎﺏ)', '\ufedb\ufe98\ufe8e\ufe8f', 'کتاب'],
  ['presentation forms with Arabic yeh (ﻋﻠﻲ)', '\ufecb\ufee0\ufef2', 'علی'],
  ['Persian presentation form of yeh (ﯼ)', 'عل\ufbfc', 'علی'],
  ['tatweel', 'ســـفر', 'سفر'],
  ['ASCII digits', '1357', '۱۳۵۷'],
  ['Arabic-Indic digits', '١٣٥٧', '۱۳۵۷'],
  ['Persian digits', '۱۳۵۷', '۱۳۵۷'],
];

describe('foldForIndex: letters, digits and tatweel', () => {
  it.each(LETTER_VARIANTS)('folds %s', (_label, written, folded) => {
    expect(foldForIndex(written)).toBe(folded);
  });

  it('folds every variant inside running text', () => {
    expect(foldForIndex('كتابخانة ملي در سال 1357 ســـفر')).toBe('کتابخانه ملی در سال ۱۳۵۷ سفر');
    expect(foldForIndex('خبر ١٤٠٣/٠٩/٠٣')).toBe('خبر ۱۴۰۳/۰۹/۰۳');
  });

  it('keeps Latin text, punctuation and line breaks as written (only digits become Persian)', () => {
    expect(foldForIndex('Astro static site generator, MIT licence.')).toBe('Astro static site generator, MIT licence.');
    expect(foldForIndex('Pagefind\nindex')).toBe('Pagefind\nindex');
    expect(foldForIndex('Astro 7')).toBe('Astro ۷');
    expect(foldForIndex('')).toBe('');
  });
});

describe('foldForIndex: the shortcut for text with nothing to fold', () => {
  // Every character of the Basic Multilingual Plane the shortcut lets through (surrogates aside).
  const passed: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCharCode(code);
    if (!mayFold(char)) passed.push(char);
  }

  it('lets through only characters every step leaves as they are, alone or side by side', () => {
    expect(passed.length).toBeGreaterThan(60_000);
    for (const char of passed) expect(foldForIndexFully(`a${char} ${char}b`), char).toBe(`a${char} ${char}b`);
    const all = passed.join('') + passed.join(' ');
    expect(foldForIndexFully(all) === all).toBe(true);
  });

  it('runs every step as soon as one character may change', () => {
    for (const text of ['page 12', 'ك', '\u0640', '\u0663', '\ufef5', 'کتاب ها', 'می روم']) {
      expect(mayFold(text), text).toBe(true);
      expect(foldForIndex(text)).toBe(foldForIndexFully(text));
    }
  });
});

describe('foldForIndex: affixes', () => {
  it.each([
    ['ها', 'کتاب ها', z('کتاب', 'ها')],
    ['های', 'کتاب های تازه', `${z('کتاب', 'های')} تازه`],
    ['هایی', 'کتاب هایی که', `${z('کتاب', 'هایی')} که`],
    ['تر', 'بزرگ تر', z('بزرگ', 'تر')],
    ['ترین', 'بزرگ ترین خبر', `${z('بزرگ', 'ترین')} خبر`],
  ])('joins a detached «%s» to its word with a ZWNJ', (_suffix, written, folded) => {
    expect(foldForIndex(written)).toBe(folded);
  });

  it('joins a suffix written apart with several spaces, or with a space and a ZWNJ', () => {
    expect(foldForIndex('کتاب   ها')).toBe(z('کتاب', 'ها'));
    expect(foldForIndex(`کتاب${ZWNJ} ها`)).toBe(z('کتاب', 'ها'));
  });

  it('joins a suffix before ASCII punctuation, and folds letters on the way', () => {
    expect(foldForIndex('كتاب ها. مجله ها!')).toBe(`${z('کتاب', 'ها')}. ${z('مجله', 'ها')}!`);
    expect(foldForIndex('(کتاب ها)')).toBe(`(${z('کتاب', 'ها')})`);
    expect(foldForIndex('«کتاب ها»')).toBe(`«${z('کتاب', 'ها')}»`);
  });

  it('keeps the ZWNJ form and the joined form as they are', () => {
    for (const word of [z('کتاب', 'ها'), z('کتاب', 'های'), z('کتاب', 'هایی'), z('بزرگ', 'تر'), z('بزرگ', 'ترین')]) {
      expect(foldForIndex(word)).toBe(word);
    }
    expect(foldForIndex('کتابها')).toBe('کتابها');
    expect(foldForIndex('بزرگترین')).toBe('بزرگترین');
  });

  it.each([
    ['می', 'می شود', z('می', 'شود')],
    ['نمی', 'نمی خواهند', z('نمی', 'خواهند')],
    ['می inside a sentence', 'او می رود', `او ${z('می', 'رود')}`],
    ['نمی after punctuation', '«نمی دانم»', `«${z('نمی', 'دانم')}»`],
  ])('joins a detached prefix (%s) to its verb with a ZWNJ', (_label, written, folded) => {
    expect(foldForIndex(written)).toBe(folded);
  });

  it('keeps prefixes already written with a ZWNJ or joined', () => {
    expect(foldForIndex(z('می', 'شود'))).toBe(z('می', 'شود'));
    expect(foldForIndex(z('نمی', 'خواهند'))).toBe(z('نمی', 'خواهند'));
    expect(foldForIndex('میشود')).toBe('میشود');
  });

  it('keeps a ZWNJ wherever else it was written', () => {
    for (const text of [z('خانه', 'ای'), z('هم', 'اکنون'), z('به', 'روز'), z('تحقیق', 'اند'), z('آن', 'ها')]) {
      expect(foldForIndex(text)).toBe(text);
    }
  });

  it('never joins unrelated words', () => {
    for (const text of [
      'هوش مصنوعی',
      'تنها',
      'تنها راه',
      'ها را',
      'ها',
      'هامون بزرگ',
      'کتاب هاشمی',
      'کتاب ترانه',
      'میز کار',
      'نیمی از مردم',
      'تمامی شهر',
      'علمی شد',
      'iPhone ها',
    ]) {
      expect(foldForIndex(text)).toBe(text);
    }
  });

  it('returns correctly written Persian text unchanged (display safety)', () => {
    const text = `${z('می', 'خواهند')} ${z('کتاب', 'های')} ${z('بزرگ', 'تر')}`;
    expect(foldForIndex(text)).toBe(text);
    const paragraph = `${z('نمی', 'دانند')} که ${z('مهم', 'ترین')} ${z('خبر', 'ها')} در سال ۱۴۰۳ چه بود؛ «${z('هم', 'اکنون')}».`;
    expect(foldForIndex(paragraph)).toBe(paragraph);
  });

  it('is idempotent on a long mixed paragraph', () => {
    const paragraph = [
      'كتابخانة ملي در سال 1357 و ١٤٠٣ ســـفر كرد.',
      'کتاب ها و مجله های تازه، بزرگ ترین نمایشگاه را ساختند؛ کتاب هایی که می خواهند بمانند.',
      `مردم نمی دانند ${z('کتاب', 'ها')} و کتابها کجاست. خانۀ ما بزرگ تر است.`,
      'هوش مصنوعی تنها راه نیست. ها را ببین! Pagefind 1.6 and Astro 7 index \ufedb\ufe98\ufe8e\ufe8f.',
    ].join('\n');
    const once = foldForIndex(paragraph);
    expect(foldForIndex(once)).toBe(once);
    expect(once).toContain(z('کتاب', 'ها'));
    expect(once).toContain(z('می', 'خواهند'));
    expect(once).toContain('کتابها');
    expect(once).toContain('هوش مصنوعی تنها راه');
    expect(once).not.toMatch(/[\u064a\u0649\u0643\u0629\u06c0\u0640\u0660-\u0669\ufb50-\ufdff\ufe70-\ufefc0-9]/);
  });
});

describe('stemQueryWord', () => {
  it.each([
    ['کتابهایشان', 'کتاب'],
    ['کتابهایتان', 'کتاب'],
    ['کتابهایمان', 'کتاب'],
    ['کتابهایش', 'کتاب'],
    ['کتابهایت', 'کتاب'],
    ['کتابهایم', 'کتاب'],
    ['کتابهایی', 'کتاب'],
    ['کتابهای', 'کتاب'],
    ['کتابها', 'کتاب'],
    ['بزرگترین', 'بزرگ'],
    ['ایرانیان', 'ایران'],
    ['اینها', 'این'],
  ])('strips the longest ending: %s → %s', (word, stem) => {
    expect(stemQueryWord(word)).toBe(stem);
  });

  it('strips only one ending', () => {
    expect(stemQueryWord('شهرها')).toBe('شهر');
    expect(stemQueryWord(stemQueryWord('کتابهایشان'))).toBe('کتاب');
  });

  it('keeps «ها», «های», «هایی» and «ترین» words that would leave fewer than 3 letters', () => {
    expect(stemQueryWord('تنها')).toBe('تنها');
    expect(stemQueryWord('آنها')).toBe('آنها');
    expect(stemQueryWord('صدها')).toBe('صدها');
    expect(stemQueryWord('تنهایی')).toBe('تنهایی');
    expect(stemQueryWord('بهترین')).toBe('بهترین');
    // Exactly 3 letters left is enough.
    expect(stemQueryWord('شهرهای')).toBe('شهر');
    expect(stemQueryWord('کمترین')).toBe('کمترین');
    expect(stemQueryWord('بیشترین')).toBe('بیش');
  });

  it('keeps «یان» words that would leave fewer than 4 letters', () => {
    expect(stemQueryWord('نمایان')).toBe('نمایان');
    expect(stemQueryWord('شایان')).toBe('شایان');
    // Exactly 4 letters left is enough.
    expect(stemQueryWord('مسیحیان')).toBe('مسیح');
  });

  it('keeps words without those endings, and the endings alone', () => {
    for (const word of ['کتاب', 'بزرگتر', 'میخواهند', 'ایران', 'ها', 'های', 'ترین', 'یان', '', 'books']) {
      expect(stemQueryWord(word)).toBe(word);
    }
  });
});

describe('normalizeQuery: letters, digits and tatweel', () => {
  it.each(LETTER_VARIANTS)('folds %s like the index does', (_label, written, folded) => {
    expect(normalizeQuery(written)).toBe(stemQueryWord(folded));
    expect(normalizeQuery(written)).toBe(normalizeQuery(foldForIndex(written)));
  });

  it('folds every variant inside a query', () => {
    expect(normalizeQuery('كتابخانة ملي 1357 ســـفر ١٤٠٣')).toBe('کتابخانه ملی ۱۳۵۷ سفر ۱۴۰۳');
  });
});

describe('normalizeQuery: invisible characters and whitespace', () => {
  it.each([
    ['ZWNJ', '\u200c'],
    ['zero width space', '\u200b'],
    ['zero width joiner', '\u200d'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['LRE', '\u202a'],
    ['RLE', '\u202b'],
    ['PDF', '\u202c'],
    ['LRO', '\u202d'],
    ['RLO', '\u202e'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
    ['byte order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'],
  ])('removes %s', (_label, mark) => {
    expect(normalizeQuery(`${mark}سلام${mark}`)).toBe('سلام');
    expect(normalizeQuery(`سل${mark}ام`)).toBe('سلام');
    expect(normalizeQuery(`${mark}Astro${mark} ${mark}سلام`)).toBe('Astro سلام');
  });

  it('collapses and trims whitespace', () => {
    expect(normalizeQuery('  هوش    مصنوعی  ')).toBe('هوش مصنوعی');
    expect(normalizeQuery('\tهوش\n\nمصنوعی\u00a0 ')).toBe('هوش مصنوعی');
    expect(normalizeQuery('   ')).toBe('');
    expect(normalizeQuery('')).toBe('');
  });

  it('never glues unrelated words', () => {
    expect(normalizeQuery('هوش مصنوعی')).toBe('هوش مصنوعی');
    expect(normalizeQuery('تنها راه')).toBe('تنها راه');
    expect(normalizeQuery('نیمی از مردم')).toBe('نیمی از مردم');
  });
});

describe('normalizeQuery: affixes', () => {
  it('joins a detached prefix without a ZWNJ', () => {
    expect(normalizeQuery('می خواهند')).toBe('میخواهند');
    expect(normalizeQuery('نمی خواهند')).toBe('نمیخواهند');
    expect(normalizeQuery('آنها نمی دانند')).toBe('آنها نمیدانند');
  });

  it('joins a detached suffix without a ZWNJ, then stems it', () => {
    expect(normalizeQuery('کتاب ها')).toBe('کتاب');
    expect(normalizeQuery('کتاب های')).toBe('کتاب');
    expect(normalizeQuery('کتاب هایی')).toBe('کتاب');
    expect(normalizeQuery('بزرگ ترین')).toBe('بزرگ');
    // «تر» is joined but not stemmed: «بزرگتر» is already a prefix of «بزرگترین».
    expect(normalizeQuery('بزرگ تر')).toBe('بزرگتر');
  });

  it.each([
    ['کتاب ها', [z('کتاب', 'ها'), 'کتابها', 'کتاب  ها', `کتاب${ZWNJ} ها`, 'كتاب ها', 'كتابها'], 'کتاب'],
    ['کتاب های', [z('کتاب', 'های'), 'کتابهای'], 'کتاب'],
    ['کتاب هایی', [z('کتاب', 'هایی'), 'کتابهایی'], 'کتاب'],
    [z('کتاب', 'هایشان'), ['کتابهایشان'], 'کتاب'],
    ['بزرگ ترین', [z('بزرگ', 'ترین'), 'بزرگترین'], 'بزرگ'],
    ['بزرگ تر', [z('بزرگ', 'تر'), 'بزرگتر'], 'بزرگتر'],
    ['می خواهند', [z('می', 'خواهند'), 'میخواهند', 'می  خواهند'], 'میخواهند'],
    ['نمی شود', [z('نمی', 'شود'), 'نمیشود'], 'نمیشود'],
    ['آن ها', [z('آن', 'ها'), 'آنها'], 'آنها'],
  ])('gives one query for every spelling of «%s»', (spaced, others, expected) => {
    expect(normalizeQuery(spaced)).toBe(expected);
    for (const spelling of others) expect(normalizeQuery(spelling)).toBe(expected);
  });

  it('gives a query that is a prefix of what the index holds for the same word', () => {
    // Pagefind drops ZWNJ from indexed words and matches query words as prefixes.
    const indexed = (text: string) => foldForIndex(text).replaceAll(ZWNJ, '').replaceAll(HAMZA_ABOVE, '');
    for (const text of ['کتاب ها', z('کتاب', 'های'), 'بزرگ ترین', 'می خواهند', z('نمی', 'دانند'), 'ایرانیان', 'خانۀ']) {
      const query = normalizeQuery(text).replaceAll(HAMZA_ABOVE, '');
      expect(indexed(text).startsWith(query)).toBe(true);
    }
  });
});

describe('normalizeQuery: stemming and quoted phrases', () => {
  it('stems Persian words outside quotes', () => {
    expect(normalizeQuery('کتابهای ایرانیان')).toBe('کتاب ایران');
    expect(normalizeQuery('بزرگترین کتابخانه ها')).toBe('بزرگ کتابخانه');
  });

  it('does not stem Latin words or words that mix scripts', () => {
    expect(normalizeQuery('Pagefind indexes books')).toBe('Pagefind indexes books');
    expect(normalizeQuery('iPhoneها')).toBe('iPhoneها');
  });

  it('keeps "…" phrases as phrases, unstemmed', () => {
    expect(normalizeQuery('"کتابهای ایرانیان"')).toBe('"کتابهای ایرانیان"');
    expect(normalizeQuery('کتابها "کتابها" کتابها')).toBe('کتاب "کتابها" کتاب');
  });

  it('writes «…» phrases with ASCII double quotes, unstemmed', () => {
    expect(normalizeQuery('«کتابهای ایرانیان»')).toBe('"کتابهای ایرانیان"');
    expect(normalizeQuery('ایرانیان «بزرگترین کتابها» کتابها')).toBe('ایران "بزرگترین کتابها" کتاب');
  });

  it('folds letters, digits, invisible marks and affixes inside phrases too', () => {
    expect(normalizeQuery('«كتاب ها ١٣٥٧»')).toBe('"کتابها ۱۳۵۷"');
    expect(normalizeQuery(`"${z('می', 'خواهند')}   ${z('کتاب', 'ها')}"`)).toBe('"میخواهند کتابها"');
  });

  it('handles several phrases and an unclosed quote', () => {
    expect(normalizeQuery('«کتابها» و "ایرانیان" ها')).toBe('"کتابها" و "ایرانیان" ها');
    expect(normalizeQuery('کتابها "ایرانیان')).toBe('کتاب "ایرانیان');
  });
});

describe('normalizeQuery: idempotence', () => {
  it.each([
    'كتابخانة ملي 1357',
    'کتاب ها و مجله های تازه',
    'می خواهند بزرگ ترین',
    `${z('نمی', 'دانند')} ${z('کتاب', 'هایشان')} ایرانیان`,
    '«بزرگترین کتابها» کتابهای "ایرانیان ها"',
    '  \u200fسلام\u200e  Astro 7  ',
    'ســـفر خانۀ',
  ])('normalizeQuery(normalizeQuery(%j)) is the same', (query) => {
    const once = normalizeQuery(query);
    expect(normalizeQuery(once)).toBe(once);
  });
});

describe('foldHtmlForIndex', () => {
  it('folds text nodes', () => {
    expect(foldHtmlForIndex('<p>كتاب 12</p>')).toBe('<p>کتاب ۱۲</p>');
    expect(foldHtmlForIndex('<h1>ســـفر</h1><p>کتاب ها و <b>مجله ها</b></p>')).toBe(
      `<h1>سفر</h1><p>${z('کتاب', 'ها')} و <b>${z('مجله', 'ها')}</b></p>`,
    );
    expect(foldHtmlForIndex('بدون تگ 12')).toBe('بدون تگ ۱۲');
  });

  it('leaves tag names and attribute values untouched', () => {
    const html =
      '<a href="/news/12/كتاب/" title="علي 1357"><img src="/img/12.png" alt="كتاب" width="640"></a>' +
      '<article data-pagefind-body data-pagefind-meta="title:كتاب 12, date:1403-09-03" class="h1 col-12"></article>' +
      '<h2 id="s-1"></h2><!-- كتاب 12 -->';
    expect(foldHtmlForIndex(html)).toBe(html);
  });

  it('leaves character references untouched, digits included', () => {
    expect(foldHtmlForIndex('<p>&#1234;</p>')).toBe('<p>&#1234;</p>');
    expect(foldHtmlForIndex('<p>كتاب&amp;علي 12&#1234;&#x27;&nbsp;ك&#X6A9;</p>')).toBe(
      '<p>کتاب&amp;علی ۱۲&#1234;&#x27;&nbsp;ک&#X6A9;</p>',
    );
    expect(foldHtmlForIndex('<p>1&#8203;2 &lt;3&gt;</p>')).toBe('<p>۱&#8203;۲ &lt;۳&gt;</p>');
  });

  it('leaves the contents of <script> and <style> untouched', () => {
    const script = '<script>const label = "كتاب"; const n = 12;</script>';
    const jsonLd = '<script type="application/ld+json">{"headline":"كتاب","position":12}</script>';
    const style = '<style>.h1 { width: 12px; content: "ك"; }</style>';
    const STYLE = '<STYLE media="print">p { margin: 12px }</STYLE>';
    const html = `<head>${script}${jsonLd}${style}${STYLE}</head><body><p>كتاب 12</p></body>`;
    expect(foldHtmlForIndex(html)).toBe(`<head>${script}${jsonLd}${style}${STYLE}</head><body><p>کتاب ۱۲</p></body>`);
  });

  it('folds text again after a script ends', () => {
    expect(foldHtmlForIndex('<p>1</p><script>let a = 1;</script><p>2</p><style>b{}</style>3')).toBe(
      '<p>۱</p><script>let a = 1;</script><p>۲</p><style>b{}</style>۳',
    );
  });

  it('keeps ZWNJ in text and display-correct text unchanged', () => {
    const html = `<p>${z('می', 'خواهند')} ${z('کتاب', 'های')} ${z('بزرگ', 'تر')} ۱۴۰۳</p>`;
    expect(foldHtmlForIndex(html)).toBe(html);
  });

  it('is idempotent', () => {
    const html =
      '<!doctype html><html lang="fa" dir="rtl"><head><title>كتاب 12</title>' +
      '<script>var x = "ك" + 1;</script></head><body><p>کتاب ها می شود &amp; &#1234; ســـفر</p></body></html>';
    const once = foldHtmlForIndex(html);
    expect(foldHtmlForIndex(once)).toBe(once);
    expect(once).toContain(`<title>کتاب ۱۲</title>`);
    expect(once).toContain('<script>var x = "ك" + 1;</script>');
    expect(once).toContain(`<p>${z('کتاب', 'ها')} ${z('می', 'شود')} &amp; &#1234; سفر</p>`);
  });
});

describe('fixed edge cases', () => {
  it('joins a suffix followed by Persian punctuation or a digit', () => {
    expect(foldForIndex('كتاب ها، مجله ها.')).toBe('کتاب\u200cها، مجله\u200cها.');
    expect(foldForIndex('کتاب ها؟')).toBe('کتاب\u200cها؟');
    expect(foldForIndex('گفت،می شود')).toBe('گفت،می\u200cشود');
    expect(normalizeQuery('«کتاب ها،»')).toBe('"کتابها،"');
  });

  it('folds the text after a script that contains < without >', () => {
    expect(foldHtmlForIndex('<script>for(let i=0;i<n;i++){}</script><p>كتاب 12</p>')).toBe(
      '<script>for(let i=0;i<n;i++){}</script><p>کتاب ۱۲</p>',
    );
  });

  it('joins affixes written apart by a no-break space, a tab or a direction mark', () => {
    expect(normalizeQuery('کتاب\u00a0ها')).toBe('کتاب');
    expect(normalizeQuery('کتاب\u200f ها')).toBe('کتاب');
    expect(normalizeQuery('می\tخواهند')).toBe('میخواهند');
  });
});

describe('indexableHtml', () => {
  const page = [
    '<!DOCTYPE html><html lang="fa" dir="rtl"><head><style>.x{}</style><title>t</title></head><body>',
    '<header><nav><div>منو</div></nav></header><main><article>',
    '<div data-pagefind-body><div class="h"><h1 data-pagefind-meta="title">عنوان</h1></div>',
    '<div class="prose"><p>متن <code>&lt;div&gt;</code></p><div><div>تو در تو</div></div></div></div>',
    '<footer><section id="comments"><div>نظر خواننده</div></section></footer></article></main></body></html>',
  ].join('');

  it('keeps the data-pagefind-body element whole, nested divs included, and drops the rest', () => {
    const html = indexableHtml(page);
    expect(html).toBe(
      '<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8"></head><body>' +
        '<div data-pagefind-body><div class="h"><h1 data-pagefind-meta="title">عنوان</h1></div>' +
        '<div class="prose"><p>متن <code>&lt;div&gt;</code></p><div><div>تو در تو</div></div></div></div>' +
        '</body></html>',
    );
    expect(html).not.toMatch(/منو|نظر خواننده|<style/);
  });

  it('returns a page without a search body unchanged', () => {
    expect(indexableHtml('<html><body><p>x</p></body></html>')).toBe('<html><body><p>x</p></body></html>');
  });
});
