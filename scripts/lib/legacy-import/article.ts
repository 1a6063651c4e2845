/**
 * The draft article a page becomes: duplicates already imported, the plan (title, lead, date, slug,
 * source, safe typography corrections), its Markdown and its free path.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { parse as parseYaml } from 'yaml';
import { articleFolder, contentPath } from '../../../src/lib/content/content-layout.ts';
import { parseArticleDate } from '../../../src/lib/dates/parse-article-date.ts';
import {
  fixPersianProse,
  lintArticleTypography,
  type TypographyFinding,
  type TypographyRule,
} from '../../../src/lib/persian/typography.ts';
import { slugify } from '../../../src/lib/persian/slug.ts';
import { frontmatterDate, tehranDateTimeAt, yamlQuote } from '../frontmatter.ts';
import { attributionOf, cleanText, contentHash, leadFrom, normalizeSourceUrl } from './text.ts';

import type { TehranDateTime } from '../frontmatter.ts';
import type { Block, Extracted, FoundDate, Source } from './types.ts';

export const IMPORT_MARK = '# legacy-import:';

/**
 * The source URLs and content hashes of articles already in the archive.
 * @returns → the file
 */
export function knownImports(articles: Iterable<{ file: string; frontmatter: string }>): {
  urls: Map<string, string>;
  hashes: Map<string, string>;
} {
  const urls: Map<string, string> = new Map();
  const hashes: Map<string, string> = new Map();
  for (const { file, frontmatter } of articles) {
    const hash = /^# legacy-import:.*\bsha256:([0-9a-f]{16,64})/m.exec(frontmatter)?.[1];
    if (hash && !hashes.has(hash)) hashes.set(hash, file);
    let data: unknown;
    try {
      data = parseYaml(frontmatter);
    } catch {
      continue;
    }
    if (!data || typeof data !== 'object' || !('source' in data)) continue;
    const source = data.source;
    const url = source && typeof source === 'object' && 'url' in source ? source.url : undefined;
    if (typeof url === 'string' && url.trim() && !urls.has(normalizeSourceUrl(url))) {
      urls.set(normalizeSourceUrl(url), file);
    }
  }
  return { urls, hashes };
}

export interface PlannedArticle {
  title: string;
  lead: string;
  date: TehranDateTime;
  dateFrom: FoundDate['from'];
  slug: string;
  source: Source | undefined;
  /** the «به گزارش …» phrase */
  attribution: string | undefined;
  hash: string;
  /** Markdown */
  body: string;
  /** for the report and the draft's frontmatter */
  notes: string[];
  /** the safe typography corrections made, for the report */
  corrections: AppliedCorrection[];
}

/** One safe typography correction made to the draft. */
export interface AppliedCorrection {
  field: 'title' | 'lead' | 'body';
  rule: TypographyRule;
  before: string;
  after: string;
}

/** Everything about the article a page becomes, except its id and path. */
export function planArticle(
  page: Extracted,
  { now, sourceName }: { now: Date; sourceName?: string | undefined },
): PlannedArticle {
  const notes = [...page.notes];
  // The safe corrections of `npm run check:content -- --fix --write`, each listed in the report;
  // a suggestion is never applied: it becomes a note for the editor.
  const corrections: AppliedCorrection[] = [];
  const sort = (field: 'title' | 'lead' | 'body', findings: readonly Omit<TypographyFinding, 'line' | 'field'>[]) => {
    for (const { rule, safety, before, after } of findings) {
      if (safety === 'safe') corrections.push({ field, rule, before, after });
      else
        notes.push(
          `typography suggestion in the ${field === 'body' ? 'story' : field} [${rule}], not applied: «${before}» → «${after}»`,
        );
    }
  };
  const fix = (field: 'title' | 'lead', text: string) => {
    const result = fixPersianProse(text);
    sort(field, result.findings);
    return result.fixed;
  };
  const title = fix('title', cleanText(page.title));
  let lead = fix('lead', page.lead ? cleanText(page.lead) : leadFrom(page.blocks));
  if (!lead) {
    lead = title;
    notes.push('the story gives no lead sentence; the headline stands in as the lead — write one');
  }

  let date: TehranDateTime;
  let dateFrom: FoundDate['from'];
  if (page.date) {
    date = page.date.value;
    dateFrom = page.date.from;
    if (page.date.note) notes.push(page.date.note);
    if (dateFrom === 'today') {
      notes.push(`date taken from the page's 'today' line (the day it was saved, not published) — check it`);
    }
  } else {
    date = tehranDateTimeAt(now);
    dateFrom = 'now';
    notes.push('the page gives no date: the time of import was used — set the real date');
  }
  const dateText = frontmatterDate(date);
  if (parseArticleDate(dateText).getTime() > now.getTime()) {
    notes.push(`the date ${dateText} is after the time of import, so the article would be scheduled — check it`);
  }

  const attribution = page.blocks[0] ? attributionOf(page.blocks[0].text) : undefined;
  let name: string | undefined = sourceName ?? page.sourceLine ?? attribution?.agency ?? page.siteName;
  if (!name && page.url) name = new URL(page.url).hostname.replace(/^www\./, '');
  let source: Source | undefined;
  if (name) {
    source = { name: cleanText(name) };
    if (page.url) source.url = page.url;
  }

  const typography = lintArticleTypography(blocksToMarkdown(page.blocks));
  const body = typography.fixed;
  sort('body', typography.findings);
  if (corrections.length > 0) {
    notes.push(
      `corrected ${corrections.length} typographic slips (نیم‌فاصله, Persian letters, punctuation and digits; listed in the import report), as npm run check:content -- --fix --write would`,
    );
  }

  const maxSlug = 80;
  let slug = slugify(title);
  if (slug.length > maxSlug)
    slug = slug.slice(0, slug.lastIndexOf('-', maxSlug) > 20 ? slug.lastIndexOf('-', maxSlug) : maxSlug);
  slug = slug.replace(/-+$/, '') || `legacy-${contentHash(title, page.blocks).slice(0, 8)}`;

  return {
    title,
    lead,
    date,
    dateFrom,
    slug,
    source,
    attribution: attribution?.phrase,
    hash: contentHash(title, page.blocks),
    body,
    notes,
    corrections,
  };
}

/** The story as Markdown: blank lines between paragraphs, lists kept together. */
export function blocksToMarkdown(blocks: readonly Block[]) {
  const out: string[] = [];
  let number = 0;
  let previous: Block | undefined;
  for (const block of blocks) {
    if (block.kind !== 'oli') number = 0;
    let line =
      block.kind === 'h2'
        ? `## ${block.md}`
        : block.kind === 'h3'
          ? `### ${block.md}`
          : block.kind === 'li'
            ? `- ${block.md}`
            : block.kind === 'oli'
              ? `${++number}. ${block.md}`
              : block.md;
    if (block.quote) line = `> ${line}`;
    const sameList =
      previous !== undefined &&
      previous.kind === block.kind &&
      (block.kind === 'li' || block.kind === 'oli') &&
      Boolean(previous.quote) === Boolean(block.quote);
    if (out.length > 0) out.push(sameList ? '\n' : previous?.quote && block.quote ? '\n>\n' : '\n\n');
    out.push(line);
    previous = block;
  }
  return `${out.join('')}\n`;
}

/** The draft article's file: frontmatter, notes for the editor as YAML comments, and the story. */
export function legacyArticleMarkdown(
  article: PlannedArticle & { id: number; section: string; reporters: readonly string[]; input: string },
): string {
  const list = (items: readonly string[]) => `[${items.map(yamlQuote).join(', ')}]`;
  const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}`;
  return [
    '---',
    `id: ${article.id}`,
    `title: ${yamlQuote(article.title)}`,
    `lead: ${yamlQuote(article.lead)}`,
    `date: ${frontmatterDate(article.date)}`,
    `category: ${article.section}`,
    'tags: []',
    `authors: ${list(article.reporters)}`,
    'draft: true',
    ...(article.source
      ? [
          'source:',
          `  name: ${yamlQuote(article.source.name)}`,
          ...(article.source.url ? [`  url: ${yamlQuote(article.source.url)}`] : []),
        ]
      : []),
    `${IMPORT_MARK} from ${article.input.replace(/[\r\n]+/g, ' ')}; content sha256:${article.hash}`,
    ...article.notes.map((note) => comment(`check: ${note}`)),
    '---',
    '',
    article.body,
  ].join('\n');
}

/**
 * A path `articles/<year>/<month>/<slug>.md` not yet taken: `<slug>-2`, `<slug>-3`, … otherwise.
 * An `.md` and an `.mdx` of the same name are the same entry, so either takes the name.
 * @param taken given a path with `/`, without extension
 */
export function freeArticlePath(date: TehranDateTime, slug: string, taken: (relativePath: string) => boolean) {
  const folder = contentPath('articles', articleFolder(date));
  for (let n = 1; ; n++) {
    const name = n === 1 ? slug : `${slug}-${n}`;
    if (!taken(`${folder}/${name}`)) return `${folder}/${name}.md`;
  }
}
