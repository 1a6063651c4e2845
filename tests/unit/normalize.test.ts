import { describe, expect, it } from 'vitest';
import { normalizePersianLetters, persianComparisonKey, ZWNJ } from '../../src/lib/persian/normalize';
import { isAsciiSlug, isSlug, slugify } from '../../src/lib/persian/slug';

describe('normalizePersianLetters', () => {
  it('replaces Arabic yeh, alef maksura and kaf with their Persian twins', () => {
    expect(normalizePersianLetters('كتابخانه ملي')).toBe('کتابخانه ملی');
    expect(normalizePersianLetters('مصطفى')).toBe('مصطفی');
  });

  it('keeps ZWNJ, digits, diacritics and Latin text as written', () => {
    const text = `کتاب${ZWNJ}ها می${ZWNJ}شود ۱۴۰۳ 2024 Astro مُهر`;
    expect(normalizePersianLetters(text)).toBe(text);
  });

  it('unfolds Arabic presentation forms', () => {
    // ﻛﺘﺎﺏ: kaf, teh, alef, beh in presentation forms B
    expect(normalizePersianLetters('\ufedb\ufe98\ufe8e\ufe8f')).toBe('کتاب');
  });
});

describe('persianComparisonKey', () => {
  const same = (a: string, b: string) => expect(persianComparisonKey(a)).toBe(persianComparisonKey(b));

  it('folds Arabic and Persian letters', () => {
    same('كتاب ملي', 'کتاب ملی');
    same('رئیس', 'رییس');
    same('خانۀ', 'خانه');
  });

  it('folds ZWNJ, space and joined affixes', () => {
    same(`همکاری${ZWNJ}ها`, 'همکاریها');
    same(`همکاری${ZWNJ}ها`, 'همکاری ها');
    same(`می${ZWNJ}شود`, 'می شود');
    same('بزرگ ترین', `بزرگ${ZWNJ}ترین`);
  });

  it('does not glue unrelated words', () => {
    expect(persianComparisonKey('هوش مصنوعی')).toBe('هوش مصنوعی');
    expect(persianComparisonKey('تنها')).toBe('تنها');
  });

  it('folds digits, tatweel, diacritics, invisible marks and case', () => {
    same('۱۴۰۳', '1403');
    same('١٤٠٣', '1403');
    same('ســلام', 'سلام');
    same('مُحَمَّد', 'محمد');
    same('\u200fسلام\u200e', 'سلام');
    same('  Astro  ', 'astro');
  });

  it('is idempotent', () => {
    const samples = [`کتاب${ZWNJ}های ملي`, 'می روم', 'ســــلام ۱۲۳'];
    for (const s of samples) expect(persianComparisonKey(persianComparisonKey(s))).toBe(persianComparisonKey(s));
  });
});

describe('slugify', () => {
  it('keeps Persian letters, joins words with hyphens and uses ASCII digits', () => {
    expect(slugify(`نمایشگاه کتاب ۱۴۰۳`)).toBe('نمایشگاه-کتاب-1403');
    expect(slugify(`همکاری${ZWNJ}ها`)).toBe('همکاری-ها');
    expect(slugify('كتابخانه ملي')).toBe('کتابخانه-ملی');
  });

  it('gives a Latin slug back as it is, as the whole way through the normalisations does', () => {
    for (const slug of ['pistachio-exports', '1403', 'a-1-b', '1234-economy-tehran']) {
      expect(isAsciiSlug(slug)).toBe(true);
      expect(slugify(slug)).toBe(slug);
      // Not a Latin slug by one trailing space: the normalisations give the same.
      expect(slugify(`${slug} `)).toBe(slug);
    }
    for (const text of ['Pistachio', 'a--b', '-a', 'a-', 'کتاب', 'a_b']) expect(isAsciiSlug(text)).toBe(false);
  });

  it('drops the hamza of ئ, أ and ؤ as a mark, leaving Persian letters: a slug of a slug is itself', () => {
    expect(slugify('هیئت مسئول')).toBe('هییت-مسیول');
    expect(slugify('مسائل مؤسسه أخبار')).toBe('مسایل-موسسه-اخبار');
    expect(isSlug(slugify('هیئت‌های ائتلاف'))).toBe(true);
  });

  it('lower-cases Latin, drops punctuation and trims hyphens', () => {
    expect(slugify('  Rail Line: Tehran–Qom! ')).toBe('rail-line-tehran-qom');
    expect(slugify('«خبر»، امروز؟')).toBe('خبر-امروز');
  });

  it('recognises slugs', () => {
    expect(isSlug('pistachio-exports')).toBe(true);
    expect(isSlug('نمایشگاه-کتاب')).toBe(true);
    expect(isSlug('Pistachio Exports')).toBe(false);
    expect(isSlug('')).toBe(false);
  });

  it('produces URL-safe output once encoded', () => {
    const slug = slugify('نمایشگاه کتاب');
    expect(decodeURIComponent(encodeURIComponent(slug))).toBe(slug);
    expect(encodeURIComponent(slug)).toMatch(/^[A-Za-z0-9%-]+$/);
  });
});

describe('persianComparisonKey and آ', () => {
  it('keeps آ distinct from ا but folds the hamza forms', () => {
    expect(persianComparisonKey('آب')).toBe('آب');
    expect(persianComparisonKey('آب')).not.toBe(persianComparisonKey('اب'));
    expect(persianComparisonKey('أسد')).toBe(persianComparisonKey('اسد'));
    // A decomposed آ (ا + madda) is the same letter.
    expect(persianComparisonKey('\u0627\u0653ب')).toBe('آب');
  });
});
