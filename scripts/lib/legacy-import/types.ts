/**
 * The shapes a page passes through on its way to a draft: blocks of the story, the date found, what
 * one page gave.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */

import type { TehranDateTime } from '../frontmatter.ts';

/** One paragraph-level piece of the story. */
export interface Block {
  kind: 'p' | 'h2' | 'h3' | 'li' | 'oli';
  /** plain text (for the lead and the content hash) */
  text: string;
  /** the same as Markdown, escaped */
  md: string;
  quote?: boolean;
}

export interface FoundDate {
  value: TehranDateTime;
  from: 'page' | 'today' | 'now';
  note?: string;
}

/** What one page gave. */
export interface Extracted {
  title: string;
  blocks: Block[];
  /** a lead the page marks as such */
  lead: string | undefined;
  date: FoundDate | undefined;
  url: string | undefined;
  siteName: string | undefined;
  /** the name in a «منبع: …» line */
  sourceLine: string | undefined;
  /** for the report: what was dropped or guessed */
  notes: string[];
}

export type Skipped = { skip: string };

export type Source = { name: string; url?: string };

export {};
