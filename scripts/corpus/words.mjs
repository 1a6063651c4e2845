// @ts-check
/**
 * The corpus's vocabulary, typed: the sections (categories.json), each with its own subjects,
 * people and sentences, and the shared pools of places, names and sentence templates (words.json).
 * Templates have `{slot}`s that the article writer fills (see scripts/corpus/articles.mjs).
 * Data files, not code, so that the word lists can grow without growing a module.
 */
import { readFileSync } from 'node:fs';

/**
 * @typedef {object} Subject
 * @property {string} fa What the story is about, in Persian.
 * @property {string} en The same in Latin letters, for file names and slugs.
 * @property {string} tag Its most obvious tag (also in the tag pool).
 */

/**
 * @typedef {object} Category
 * @property {string} slug
 * @property {string} name
 * @property {string} description
 * @property {string} desk «خبرنگار X بایگان»
 * @property {string} group «گروه X», for reporters' roles
 * @property {number} weight Relative share of articles.
 * @property {Subject[]} subjects
 * @property {string[]} officials People quoted, by title.
 * @property {string[]} orgs Organisations.
 * @property {string[]} sentences Body sentences only this section uses.
 * @property {string[]} headings
 * @property {string[]} tags Tags of this section (subjects' tags are added).
 */

/** @typedef {{ fa: string, en: string }} Place */
/** @typedef {{ fa: string, en: string }} Name */

/**
 * @typedef {object} WordPools
 * @property {Place[]} iranianCities
 * @property {Place[]} foreignCities
 * @property {string[]} generalTags Tags that any section may use.
 * @property {string[]} periods
 * @property {string[]} quotes
 * @property {string[]} openings
 * @property {string[]} siteOpenings
 * @property {string[]} sentences Body sentences for every section but the site news.
 * @property {string[]} generalHeadings
 * @property {string[]} listIntros
 * @property {string[]} listItems
 * @property {string[]} closings
 * @property {string[]} linkSentences
 * @property {string[]} titles
 * @property {string[]} siteTitles
 * @property {string[]} leads
 * @property {string[]} siteLeads
 * @property {string[]} leadFollowUps
 * @property {string[]} sources
 * @property {Name[]} firstNames
 * @property {Name[]} surnames
 * @property {string[]} bioFields
 * @property {string[]} bioInterests
 * @property {string[]} commentBodies
 * @property {string[]} commentReplies
 */

/**
 * @param {string} file next to this module
 * @returns {unknown}
 */
const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

/** @type {Category[]} */
export const CATEGORIES = /** @type {Category[]} */ (readJson('./categories.json'));

/** @type {WordPools} */
export const WORDS = /** @type {WordPools} */ (readJson('./words.json'));

/** Tags: each section's, every subject's, and the Iranian cities; spelling variants appear once. */
export const TAG_POOL = [
  ...new Set([
    ...CATEGORIES.flatMap((c) => [...c.tags, ...c.subjects.map((s) => s.tag)]),
    ...WORDS.iranianCities.map((c) => c.fa),
    ...WORDS.generalTags,
  ]),
];

export const {
  iranianCities: IRANIAN_CITIES,
  foreignCities: FOREIGN_CITIES,
  generalTags: GENERAL_TAGS,
  periods: PERIODS,
  quotes: QUOTES,
  openings: OPENINGS,
  siteOpenings: SITE_OPENINGS,
  sentences: SENTENCES,
  generalHeadings: GENERAL_HEADINGS,
  listIntros: LIST_INTROS,
  listItems: LIST_ITEMS,
  closings: CLOSINGS,
  linkSentences: LINK_SENTENCES,
  titles: TITLES,
  siteTitles: SITE_TITLES,
  leads: LEADS,
  siteLeads: SITE_LEADS,
  leadFollowUps: LEAD_FOLLOW_UPS,
  sources: SOURCES,
  firstNames: FIRST_NAMES,
  surnames: SURNAMES,
  bioFields: BIO_FIELDS,
  bioInterests: BIO_INTERESTS,
  commentBodies: COMMENT_BODIES,
  commentReplies: COMMENT_REPLIES,
} = WORDS;
