/**
 * Pure logic for `npm run new` (scripts/new-article.ts): its arguments, the new article's Markdown
 * and its path. No file system, no clock. The frontmatter's pieces (date, quoting, the next free id)
 * are in ./frontmatter.ts, shared with the legacy importer.
 */
import { UsageError } from './command-line.ts';
import { frontmatterDate, yamlQuote, type TehranDateTime } from './frontmatter.ts';

export interface NewArticleArgs {
  title?: string;
  section?: string;
  reporters: string[];
  tags: string[];
  slug?: string;
  content?: string;
  now?: string;
  /** A live page: `live: true` and a first update. */
  live: boolean;
  help: boolean;
}

export interface ArticleFields {
  id: number;
  title: string;
  date: TehranDateTime;
  section: string;
  reporters: string[];
  tags?: string[];
  live?: boolean;
}

export const LEAD_PLACEHOLDER = 'TODO: یک یا دو جمله خلاصهٔ خبر';
export const BODY_PLACEHOLDER = 'متن خبر را اینجا بنویسید.';
/** A live page's body is the summary at its top; its news goes into `updates`. */
export const LIVE_BODY_PLACEHOLDER = 'خلاصهٔ رویداد را اینجا بنویسید و با هر به‌روزرسانی تازه نگه دارید.';
export const UPDATE_PLACEHOLDER = 'TODO: نخستین به‌روزرسانی';

const VALUE_FLAGS = ['--title', '--section', '--reporter', '--tags', '--slug', '--content', '--now'];

/**
 * Reads the command line (without `node` and the script).
 * `--flag value` and `--flag=value`; `--reporter` may repeat; `--tags` splits on «،» and «,».
 */
export function parseArgs(argv: readonly string[]): NewArticleArgs {
  const args: NewArticleArgs = { reporters: [], tags: [], live: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (arg === '--live') {
      args.live = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`Unknown option "${arg}".`);
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && VALUE_FLAGS.includes(value.split('=')[0] ?? ''))) {
        throw new UsageError(`${flag} needs a value.`);
      }
      i++;
    }
    switch (flag) {
      case '--title':
        args.title = value;
        break;
      case '--section':
        args.section = value.trim();
        break;
      case '--reporter':
        for (const reporter of value.split(/[،,]/)) {
          const slug = reporter.trim();
          if (slug && !args.reporters.includes(slug)) args.reporters.push(slug);
        }
        break;
      case '--tags':
        for (const tag of splitTags(value)) if (!args.tags.includes(tag)) args.tags.push(tag);
        break;
      case '--slug':
        args.slug = value.trim();
        break;
      case '--content':
        args.content = value;
        break;
      case '--now':
        args.now = value;
        break;
    }
  }
  return args;
}

/** Tags written as `'a،b'` or `'a, b'`: trimmed, without empty ones. */
export function splitTags(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((tag) => tag.replace(/\s+/g, ' ').trim())
    .filter((tag) => tag.length > 0);
}

/** The new article: complete frontmatter (a draft, with a lead to fill in) and a body to replace. */
export function articleMarkdown({
  id,
  title,
  date,
  section,
  reporters,
  tags = [],
  live = false,
}: ArticleFields): string {
  const list = (items: readonly string[]) => `[${items.map(yamlQuote).join(', ')}]`;
  // A live page: its first update at the same time; later ones go on top of the list.
  const liveFields = live
    ? ['live: true', 'updates:', `  - date: ${frontmatterDate(date)}`, `    text: ${yamlQuote(UPDATE_PLACEHOLDER)}`]
    : [];
  return [
    '---',
    `id: ${id}`,
    `title: ${yamlQuote(title.trim())}`,
    `lead: ${yamlQuote(LEAD_PLACEHOLDER)}`,
    `date: ${frontmatterDate(date)}`,
    `category: ${section}`,
    `tags: ${list(tags)}`,
    `authors: ${list(reporters)}`,
    ...liveFields,
    'draft: true',
    '---',
    '',
    live ? LIVE_BODY_PLACEHOLDER : BODY_PLACEHOLDER,
    '',
  ].join('\n');
}

// The folder layout has one home, shared with the web editor.
export { articleRelativePath } from '../../src/lib/content/content-layout.ts';
