// @ts-check
/**
 * The shapes a page passes through on its way to a draft: blocks of the story, the date found, what
 * one page gave.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.mjs).
 */

/** @typedef {import('../new-article.mjs').TehranDateTime} TehranDateTime */

/**
 * @typedef {object} Block  One paragraph-level piece of the story.
 * @property {'p' | 'h2' | 'h3' | 'li' | 'oli'} kind
 * @property {string} text  plain text (for the lead and the content hash)
 * @property {string} md    the same as Markdown, escaped
 * @property {boolean} [quote]
 */

/**
 * @typedef {object} FoundDate
 * @property {TehranDateTime} value
 * @property {'page' | 'today' | 'now'} from
 * @property {string} [note]
 */

/**
 * @typedef {object} Extracted  What one page gave.
 * @property {string} title
 * @property {Block[]} blocks
 * @property {string | undefined} lead  a lead the page marks as such
 * @property {FoundDate | undefined} date
 * @property {string | undefined} url
 * @property {string | undefined} siteName
 * @property {string | undefined} sourceLine  the name in a «منبع: …» line
 * @property {string[]} notes  for the report: what was dropped or guessed
 */

/** @typedef {{ skip: string }} Skipped */

/** @typedef {{ name: string; url?: string }} Source */

export {};
