// @ts-check
/** The corpus's reporters: names, roles and short biographies, drawn from their own random stream. */
import { mixSeed, Random } from './random.mjs';
import { persianDigits } from './text.mjs';
import { BIO_FIELDS, BIO_INTERESTS, CATEGORIES, FIRST_NAMES, SURNAMES } from './words.mjs';

/** @typedef {import('./words.mjs').Category} Category */
/** @typedef {import('./words.mjs').Name} Name */

export const AUTHOR_COUNT = 25;

/**
 * @typedef {object} Author
 * @property {string} slug
 * @property {string} name
 * @property {string} role
 * @property {string} bio
 * @property {string} desk The slug of the section they mostly write for.
 */

/**
 * 25 reporters: two or three per section, one of them its editor.
 * @param {number} seed
 * @returns {Author[]}
 */
export function makeAuthors(seed) {
  const random = new Random(mixSeed(seed, 0xa07));
  const firstNames = random.sample(FIRST_NAMES, FIRST_NAMES.length);
  const surnames = random.sample(SURNAMES, SURNAMES.length);
  /** @type {Author[]} */
  const authors = [];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const first = /** @type {Name} */ (firstNames[i % firstNames.length]);
    const last = /** @type {Name} */ (surnames[i % surnames.length]);
    const category = /** @type {Category} */ (CATEGORIES[i % CATEGORIES.length]);
    const editor = i < CATEGORIES.length;
    const fullName = `${first.fa} ${last.fa}`;
    const role =
      category.slug === 'site'
        ? editor
          ? 'سردبیر بایگان'
          : 'دبیر تحریریهٔ بایگان'
        : `${editor ? 'دبیر' : 'خبرنگار'} گروه ${category.group}`;
    const since = persianDigits(random.int(1370, 1384)); // before the archive's first article
    const bio =
      `${fullName} از سال ${since} در گروه ${category.group} بایگان کار می‌کند. ` +
      `او دانش‌آموختهٔ ${random.pick(BIO_FIELDS)} است و به ${random.pick(BIO_INTERESTS)} علاقه دارد.`;
    authors.push({ slug: `${first.en}-${last.en}`, name: fullName, role, bio, desk: category.slug });
  }
  return authors;
}
