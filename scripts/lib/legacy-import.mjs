// @ts-check
/**
 * Pure logic for `npm run import:legacy` (scripts/import-legacy.mjs): the command line, the site
 * config, reading one page of an old news site (saved HTML or a plain-text dump) into a title, a
 * lead, Markdown paragraphs, a date and a source, and writing it as a draft article. No file
 * system, no clock: the CLI reads the files and passes the time of import in.
 *
 * Everything taken from a page is data: HTML is sanitised, then rebuilt as Markdown from its text,
 * with every character Markdown would read as markup escaped.
 *
 * This module is the importer's public face; the parts live in scripts/lib/legacy-import/:
 * cli.mjs (arguments), config.mjs (selectors and patterns), page-files.mjs (encodings, HTML or
 * text), html-page.mjs and html-to-markdown.mjs (saved HTML), text-dump.mjs (plain-text dumps),
 * dates.mjs, text.mjs (escaping, leads, sources), article.mjs (the draft and its path), types.mjs.
 */
export { UsageError } from './new-article.mjs';
export {
  blocksToMarkdown,
  freeArticlePath,
  IMPORT_MARK,
  knownImports,
  legacyArticleMarkdown,
  planArticle,
} from './legacy-import/article.mjs';
export { parseArgs, USAGE } from './legacy-import/cli.mjs';
export { ConfigError, DEFAULT_HTML, DEFAULT_TEXT, defaultConfig, parseConfig } from './legacy-import/config.mjs';
export { parseLegacyDate } from './legacy-import/dates.mjs';
export { extractFromHtml } from './legacy-import/html-page.mjs';
export { htmlToBlocks } from './legacy-import/html-to-markdown.mjs';
export { decodeBytes, kindOf } from './legacy-import/page-files.mjs';
export { extractFromText } from './legacy-import/text-dump.mjs';
export {
  attributionOf,
  cleanText,
  contentHash,
  escapeLineStart,
  escapeMarkdownText,
  leadFrom,
  normalizeSourceUrl,
  spaceGluedSentences,
  splitGluedSentences,
} from './legacy-import/text.mjs';

/** @typedef {import('./new-article.mjs').TehranDateTime} TehranDateTime */
/** @typedef {import('./legacy-import/cli.mjs').LegacyArgs} LegacyArgs */
/** @typedef {import('./legacy-import/config.mjs').HtmlConfig} HtmlConfig */
/** @typedef {import('./legacy-import/config.mjs').TextConfig} TextConfig */
/** @typedef {import('./legacy-import/config.mjs').LegacyConfig} LegacyConfig */
/** @typedef {import('./legacy-import/types.mjs').Block} Block */
/** @typedef {import('./legacy-import/types.mjs').FoundDate} FoundDate */
/** @typedef {import('./legacy-import/types.mjs').Extracted} Extracted */
/** @typedef {import('./legacy-import/types.mjs').Skipped} Skipped */
/** @typedef {import('./legacy-import/types.mjs').Source} Source */
/** @typedef {import('./legacy-import/article.mjs').PlannedArticle} PlannedArticle */
/** @typedef {import('./legacy-import/article.mjs').AppliedCorrection} AppliedCorrection */
