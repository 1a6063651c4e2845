/** The corpus's reporters: names, roles and short biographies, drawn from their own random stream. */
import { mixSeed, Random } from './random.ts';
import { toPersianDigits } from '../../src/lib/persian/digits.ts';
import { BIO_FIELDS, BIO_INTERESTS, CATEGORIES, FIRST_NAMES, SURNAMES } from './words.ts';

import type { Category, Name } from './words.ts';

export const AUTHOR_COUNT = 25;

export interface Author {
  slug: string;
  name: string;
  role: string;
  bio: string;
  /** The slug of the section they mostly write for. */
  desk: string;
}

/** 25 reporters: two or three per section, one of them its editor. */
export function makeAuthors(seed: number): Author[] {
  const random = new Random(mixSeed(seed, 0xa07));
  const firstNames = random.sample(FIRST_NAMES, FIRST_NAMES.length);
  const surnames = random.sample(SURNAMES, SURNAMES.length);
  const authors: Author[] = [];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const first = firstNames[i % firstNames.length] as Name;
    const last = surnames[i % surnames.length] as Name;
    const category = CATEGORIES[i % CATEGORIES.length] as Category;
    const editor = i < CATEGORIES.length;
    const fullName = `${first.fa} ${last.fa}`;
    const role =
      category.slug === 'site'
        ? editor
          ? 'سردبیر بایگان'
          : 'دبیر تحریریهٔ بایگان'
        : `${editor ? 'دبیر' : 'خبرنگار'} گروه ${category.group}`;
    const since = toPersianDigits(random.int(1370, 1384)); // before the archive's first article
    const bio =
      `${fullName} از سال ${since} در گروه ${category.group} بایگان کار می‌کند. ` +
      `او دانش‌آموختهٔ ${random.pick(BIO_FIELDS)} است و به ${random.pick(BIO_INTERESTS)} علاقه دارد.`;
    authors.push({ slug: `${first.en}-${last.en}`, name: fullName, role, bio, desk: category.slug });
  }
  return authors;
}
