/**
 * Pure logic for `npm run import:legacy` (scripts/import-legacy.ts): the command line, the site
 * config, reading one page of an old news site (saved HTML or a plain-text dump) into a title, a
 * lead, Markdown paragraphs, a date and a source, and writing it as a draft article. No file
 * system, no clock: the CLI reads the files and passes the time of import in.
 *
 * Everything taken from a page is data: HTML is sanitised, then rebuilt as Markdown from its text,
 * with every character Markdown would read as markup escaped.
 *
 * This module is the importer's public face; the parts live in scripts/lib/legacy-import/:
 * cli.ts (arguments), config.ts (selectors and patterns), page-files.ts (encodings, HTML or
 * text), html-page.ts and html-to-markdown.ts (saved HTML), text-dump.ts (plain-text dumps),
 * dates.ts, text.ts (escaping, leads, sources), article.ts (the draft and its path), types.ts.
 */
export { UsageError } from './command-line.ts';
export {
  blocksToMarkdown,
  freeArticlePath,
  IMPORT_MARK,
  knownImports,
  legacyArticleMarkdown,
  planArticle,
} from './legacy-import/article.ts';
export { parseArgs, USAGE } from './legacy-import/cli.ts';
export { ConfigError, DEFAULT_HTML, DEFAULT_TEXT, defaultConfig, parseConfig } from './legacy-import/config.ts';
export { parseLegacyDate } from './legacy-import/dates.ts';
export { extractFromHtml } from './legacy-import/html-page.ts';
export { htmlToBlocks } from './legacy-import/html-to-markdown.ts';
export { decodeBytes, kindOf } from './legacy-import/page-files.ts';
export { extractFromText } from './legacy-import/text-dump.ts';
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
} from './legacy-import/text.ts';

export type { TehranDateTime } from './frontmatter.ts';
export type { LegacyArgs } from './legacy-import/cli.ts';
export type { HtmlConfig, TextConfig, LegacyConfig } from './legacy-import/config.ts';
export type { Block, FoundDate, Extracted, Skipped, Source } from './legacy-import/types.ts';
export type { PlannedArticle, AppliedCorrection } from './legacy-import/article.ts';
