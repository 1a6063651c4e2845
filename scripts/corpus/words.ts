/**
 * The corpus's vocabulary, typed: the sections (categories.json), each with its own subjects,
 * people and sentences, and the shared pools of places, names and sentence templates (words.json).
 * Templates have `{slot}`s that the article writer fills (see scripts/corpus/articles.ts).
 * Data files, not code, so that the word lists can grow without growing a module.
 */
import { readFileSync } from 'node:fs';

export interface Subject {
  /** What the story is about, in Persian. */
  fa: string;
  /** The same in Latin letters, for file names and slugs. */
  en: string;
  /** Its most obvious tag (also in the tag pool). */
  tag: string;
}

export interface Category {
  slug: string;
  name: string;
  description: string;
  /** «خبرنگار X بایگان» */
  desk: string;
  /** «گروه X», for reporters' roles */
  group: string;
  /** Relative share of articles. */
  weight: number;
  subjects: Subject[];
  /** People quoted, by title. */
  officials: string[];
  /** Organisations. */
  orgs: string[];
  /** Body sentences only this section uses. */
  sentences: string[];
  headings: string[];
  /** Tags of this section (subjects' tags are added). */
  tags: string[];
}

export type Place = { fa: string; en: string };
export type Name = { fa: string; en: string };

export interface WordPools {
  iranianCities: Place[];
  foreignCities: Place[];
  /** Tags that any section may use. */
  generalTags: string[];
  periods: string[];
  quotes: string[];
  openings: string[];
  siteOpenings: string[];
  /** Body sentences for every section but the site news. */
  sentences: string[];
  generalHeadings: string[];
  listIntros: string[];
  listItems: string[];
  closings: string[];
  linkSentences: string[];
  titles: string[];
  siteTitles: string[];
  leads: string[];
  siteLeads: string[];
  leadFollowUps: string[];
  sources: string[];
  firstNames: Name[];
  surnames: Name[];
  bioFields: string[];
  bioInterests: string[];
  commentBodies: string[];
  commentReplies: string[];
}

/**
 * @param file next to this module
 */
const readJson = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));

export const CATEGORIES: Category[] = readJson('./categories.json') as Category[];

export const WORDS: WordPools = readJson('./words.json') as WordPools;

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
