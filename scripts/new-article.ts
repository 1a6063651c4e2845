/**
 * `npm run new -- --title "…" --section <slug> --reporter <slug> [--reporter <slug>] [--tags "a،b"]
 *   [--slug <slug>] [--content <dir>] [--now <ISO date-time with offset>]`
 *
 * Starts an article: `<content>/articles/<jalali-year>/<month>/<slug>.md` with the next free id, the
 * current Tehran time as a Jalali date and complete frontmatter, as a draft. In a terminal, a missing
 * title, section or reporter is asked for; elsewhere it is an error. Never overwrites a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { collectionFolder, resolveContentDir } from '../src/lib/content/content-dir.ts';
import { slugify } from '../src/lib/persian/slug.ts';
import { parseNow, UsageError } from './lib/command-line.ts';
import { describeChoices, readArticles, readChoices, unknownMessage } from './lib/content-files.ts';
import { nextFreeId, tehranDateTimeAt } from './lib/frontmatter.ts';
import { articleMarkdown, articleRelativePath, parseArgs, splitTags } from './lib/new-article.ts';

export const USAGE = `Usage: npm run new -- --title "…" --section <slug> --reporter <slug> [options]

Starts a draft article in <content>/articles/<jalali-year>/<month>/<slug>.md with the next free id.

  --title "…"          the headline
  --section <slug>     the section: a file name in <content>/categories/
  --reporter <slug>    a reporter: a file name in <content>/authors/ (repeat for more than one)
  --tags "a،b"         tags, separated by «،» or «,»
  --slug <slug>        the file name and URL slug, Latin or Persian (default: from the title)
  --live               a live page: live: true and a first update to fill in
  --content <dir>      the content folder (default: $BAYEGAN_CONTENT_DIR, else ./content)
  --now <date-time>    use this time instead of the clock, e.g. 2026-11-29T12:00:00+03:30
  -h, --help           show this message`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  interactive: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const { out, err } = io;
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`new-article: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }

  const contentDir = args.content ? path.resolve(io.cwd, args.content) : resolveContentDir(io.env, io.cwd);
  const sections = readChoices(collectionFolder('categories', contentDir));
  const reporters = readChoices(collectionFolder('authors', contentDir));

  let now;
  try {
    now = args.now === undefined ? new Date() : parseNow(args.now);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`new-article: ${error.message}`);
    return 1;
  }

  // Ask for what is missing, in a terminal; elsewhere, say which flag is needed.
  const missing = [
    ...(args.title?.trim() ? [] : ['--title "…"']),
    ...(args.section ? [] : ['--section <slug>']),
    ...(args.reporters.length > 0 ? [] : ['--reporter <slug>']),
  ];
  if (missing.length > 0 && !io.interactive) {
    err(`new-article: missing ${missing.join(', ')} (not a terminal, so nothing can be asked).\n\n${USAGE}`);
    return 1;
  }
  if (missing.length > 0) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      while (!args.title?.trim()) args.title = await rl.question('عنوان خبر: ');
      if (!args.section) {
        out(`بخش‌ها: ${describeChoices(sections)}`);
        while (!args.section || !sections.has(args.section)) {
          if (args.section) out(unknownMessage('section', args.section, sections));
          args.section = (await rl.question('بخش (نامک): ')).trim();
        }
      }
      if (args.reporters.length === 0) {
        out(`خبرنگاران: ${describeChoices(reporters)}`);
        for (;;) {
          const answer = (await rl.question('خبرنگار (نامک؛ چند نفر را با «،» جدا کنید): ')).trim();
          const chosen = splitTags(answer);
          const unknown = chosen.find((slug) => !reporters.has(slug));
          if (unknown) out(unknownMessage('reporter', unknown, reporters));
          else if (chosen.length > 0) {
            args.reporters = [...new Set(chosen)];
            break;
          }
        }
      }
      if (args.tags.length === 0) args.tags = splitTags(await rl.question('برچسب‌ها (اختیاری، با «،» جدا کنید): '));
    } finally {
      rl.close();
    }
  }
  const title = (args.title as string).trim();
  const section = args.section as string;

  if (!sections.has(section)) {
    err(unknownMessage('section', section, sections));
    return 1;
  }
  const unknownReporter = args.reporters.find((slug) => !reporters.has(slug));
  if (unknownReporter) {
    err(unknownMessage('reporter', unknownReporter, reporters));
    return 1;
  }

  const slug = args.slug ?? slugify(title);
  if (!slug) {
    err(`new-article: the title gives no slug; choose one with --slug <slug>.`);
    return 1;
  }
  if (slugify(slug) !== slug) {
    err(`new-article: --slug "${slug}" is not a valid slug; try --slug ${slugify(slug) || '<slug>'}`);
    return 1;
  }

  const date = tehranDateTimeAt(now);
  const id = nextFreeId(readArticles(collectionFolder('articles', contentDir)).map((article) => article.frontmatter));
  const file = path.join(contentDir, ...articleRelativePath(date, slug).split('/'));
  const shown = path.relative(io.cwd, file) || file;
  const text = articleMarkdown({
    id,
    title,
    date,
    section,
    reporters: args.reporters,
    tags: args.tags,
    live: args.live,
  });
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      err(`new-article: ${shown} already exists; not overwritten. Choose another --slug.`);
    } else {
      err(`new-article: could not write ${shown}: ${(error as Error).message}`);
    }
    return 1;
  }
  out(`Created ${shown}`);
  out(`id: ${id}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY),
    cwd: process.cwd(),
    env: process.env,
  });
}
