/**
 * `npm run check:content -- [files…] [--content <dir>] [--fix [--write]] [--strict] [--no-typography]`
 *
 * Checks every article, section, reporter and comment file against the schemas the build uses
 * (src/lib/content/schema.ts) without building, and lints the Persian typography of prose. Each
 * problem is printed as `<file>:<line>: <field>: <what to change>`. Exit code 1 when a file would
 * stop the build (or, with --strict, when a typography correction is left to make), for CI and
 * pre-commit hooks. Typography rules are safe corrections or suggestions
 * (src/lib/persian/typography/registry.ts): `--fix` shows the corrections as a diff and lists the
 * suggestions; `--fix --write` applies the corrections, never a suggestion. A file that is not
 * UTF-8 (Windows-1256, UTF-16: src/lib/content/encoding.ts) stops the build; `--fix --write` converts
 * it to UTF-8, without a byte-order mark, its line ends as they were.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { collectionFolder, resolveContentDir } from '../src/lib/content/content-dir.ts';
import { DATA_FILE } from '../src/lib/content/content-layout.ts';
import { checkContent } from '../src/lib/content/check.ts';
import { resolveBuildNow } from '../src/lib/content/publication.ts';
import { formatProblem } from '../src/lib/content/problems.ts';
import { ENCODING_NAMES, readText } from '../src/lib/content/encoding.ts';
import { writeWholeFile } from '../src/lib/whole-file.ts';
import { typographyAdvice } from '../src/i18n/fa.ts';
import { lintArticleTypography, lintDataTypography, showInvisible } from '../src/lib/persian/typography.ts';
import { plural, scriptIo, UsageError, type ScriptIo } from './lib/command-line.ts';
import type { ContentFile } from '../src/lib/content/check.ts';
import type { TypographyFinding, TypographyResult } from '../src/lib/persian/typography.ts';

export const USAGE = `Usage: npm run check:content -- [files…] [options]

Checks the archive's articles, sections, reporters and comments the way the build does, and the
Persian typography of their text, without building the site.

  [files…]            report only on these files (e.g. the ones you changed); all are still read
  --content <dir>     the content folder (default: $BAYEGAN_CONTENT_DIR, else ./content)
  --fix               show the typography corrections as a diff, the suggestions to decide on, and
                      the files it would convert to UTF-8 (from Windows-1256 or UTF-16); nothing
                      is written
  --write             with --fix: write the corrections and conversions into the files
                      (suggestions are never applied: a person decides)
  --strict            fail (exit 1) on typography corrections too, not only on what stops the build
  --no-typography     check the fields only (with --fix: only convert files to UTF-8)
  -h, --help          show this message`;

function parseArguments(args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        fix: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        'no-typography': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.write && !values.fix)
      throw new UsageError('--write applies the corrections of --fix; use --fix --write');
    return { ...values, files: positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/** Every file of the content folder, by collection, the way the build's loaders find them. */
function collectFiles(contentDir: string, shown: (file: string) => string): ContentFile[] {
  const files: ContentFile[] = [];
  /**
   * @param depth how many folder levels below `folder` (Infinity for articles)
   */
  const walk = (folder: string, pattern: RegExp, kind: ContentFile['kind'], depth: number, prefix = '') => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && depth > 0 && !entry.name.startsWith('.')) {
        walk(full, pattern, kind, depth - 1, `${prefix}${entry.name}/`);
      } else if (entry.isFile() && pattern.test(entry.name) && (kind !== 'comment' || prefix !== '')) {
        const { text, encoding } = readText(readFileSync(full));
        files.push({
          kind,
          path: shown(full),
          id: `${prefix}${entry.name.replace(pattern, '')}`,
          source: text,
          ...(encoding === 'utf-8' ? {} : { encoding }),
        });
      }
    }
  };
  walk(collectionFolder('articles', contentDir), /\.mdx?$/, 'article', Infinity);
  walk(collectionFolder('categories', contentDir), DATA_FILE, 'category', 0);
  walk(collectionFolder('authors', contentDir), DATA_FILE, 'author', 0);
  walk(collectionFolder('comments', contentDir), DATA_FILE, 'comment', 1);
  return files;
}

/** The typography of one file; comments are readers' own words and JSON is not hand-written prose. */
function typographyOf(file: ContentFile): TypographyResult | undefined {
  if (file.encoding === 'unrecognised') return undefined; // its text is not what the file says
  if (file.kind === 'article') return lintArticleTypography(file.source, { mdx: file.path.endsWith('.mdx') });
  if ((file.kind === 'category' || file.kind === 'author') && !file.path.endsWith('.json')) {
    return lintDataTypography(file.source);
  }
  return undefined;
}

/**
 * One line per rule and line of the file, with the first few places as examples:
 * `file:line: field: «before» → «after»: advice [rule]` (`[rule, suggestion]` for a suggestion).
 */
function findingLines(file: string, findings: readonly TypographyFinding[]) {
  const groups: Map<string, TypographyFinding[]> = new Map();
  for (const finding of findings) {
    const key = `${finding.line}:${finding.field}:${finding.rule}`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].map((group) => {
    const { line, field, rule, safety } = group[0] as TypographyFinding;
    const examples = group
      .slice(0, 3)
      .map(({ before, after }) => `«${showInvisible(before)}» → «${showInvisible(after)}»`)
      .join(', ');
    const more = group.length > 3 ? ` and ${group.length - 3} more` : '';
    return `${file}:${line}: ${field}: ${examples}${more}: ${typographyAdvice[rule]} [${rule}${safety === 'safe' ? '' : ', suggestion'}]`;
  });
}

/** Changed lines as a small diff, with ZWNJ shown as ·. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: string[] = [];
  a.forEach((line, i) => {
    if (line !== b[i]) out.push(`  ${i + 1}  - ${showInvisible(line)}`, `  ${i + 1}  + ${showInvisible(b[i] ?? '')}`);
  });
  return out.join('\n');
}

/** Runs the check; returns the exit code. */
export function main(args: string[], io: ScriptIo = {}): number {
  const { env, cwd, out, err } = scriptIo(io);
  const started = performance.now();

  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`check-content: ${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    out(USAGE);
    return 0;
  }

  // Under `npm run`, the working directory is the project; paths typed by the user are theirs.
  const typedBase = env['npm_lifecycle_event'] === 'check:content' ? (env['INIT_CWD'] ?? cwd) : cwd;
  const contentDir = options.content ? path.resolve(typedBase, options.content) : resolveContentDir(env, cwd);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    err(
      `check-content: no content folder at ${contentDir}; run it in the project, or give the folder with --content <dir>`,
    );
    return 1;
  }
  const shown = (file: string) => {
    const relative = path.relative(typedBase, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };

  const files = collectFiles(contentDir, shown);
  const wanted = new Set(options.files.map((file) => shown(path.resolve(typedBase, file))));
  for (const file of wanted) {
    if (!files.some((f) => f.path === file)) {
      err(`check-content: ${file} is not an article, section, reporter or comment file of ${shown(contentDir)}`);
      return 1;
    }
  }
  const reported = (file: string) => wanted.size === 0 || wanted.has(file);

  const folders = {
    categories: collectionFolder('categories', contentDir),
    authors: collectionFolder('authors', contentDir),
  };
  const idsIn = (folder: string) =>
    new Set(files.filter((f) => path.dirname(path.resolve(typedBase, f.path)) === folder).map((f) => f.id));
  // --fix converts every reported file whose encoding is recognised; with --write, a converted file
  // is checked as it will be, so its encoding no longer counts as a problem.
  const conversions = options.fix
    ? files.filter((file) => reported(file.path) && file.encoding && file.encoding !== 'unrecognised')
    : [];
  const asConverted = (file: ContentFile) => {
    const converted = { ...file };
    delete converted.encoding;
    return converted;
  };
  const checked = options.write ? files.map((file) => (conversions.includes(file) ? asConverted(file) : file)) : files;
  const problems = checkContent(checked, {
    categories: { ids: idsIn(folders.categories), folder: `${shown(folders.categories)}/` },
    authors: { ids: idsIn(folders.authors), folder: `${shown(folders.authors)}/` },
    imageExists: (articleFile, image) =>
      existsSync(path.resolve(path.dirname(path.resolve(typedBase, articleFile)), image)),
    // The build's "now" (BAYEGAN_NOW, else the clock): a correction dated after it stops the build.
    now: resolveBuildNow(env, new Date()),
  }).filter((problem) => reported(problem.file));
  for (const problem of problems) out(formatProblem(problem));

  let correctionCount = 0;
  let suggestions = 0;
  const corrections: { file: ContentFile; fixed: string }[] = [];
  const suggestionLines: string[] = [];
  if (!options['no-typography']) {
    for (const file of files) {
      if (!reported(file.path)) continue;
      const result = typographyOf(file);
      if (!result || result.findings.length === 0) continue;
      const safe = result.findings.filter((finding) => finding.safety === 'safe');
      correctionCount += safe.length;
      suggestions += result.findings.length - safe.length;
      if (result.fixed !== file.source) corrections.push({ file, fixed: result.fixed });
      const lines = findingLines(file.path, result.findings);
      if (!options.fix) for (const line of lines) out(line);
      else suggestionLines.push(...lines.filter((line) => line.endsWith(', suggestion]')));
    }
  }

  if (options.fix) {
    const corrected = new Set(corrections.map(({ file }) => file));
    for (const file of conversions) {
      const from = ENCODING_NAMES[file.encoding as Exclude<ContentFile['encoding'], undefined | 'unrecognised'>];
      out(`${options.write ? 'converted' : 'would convert'} ${file.path} from ${from} to UTF-8`);
      // A corrected file is written below, as UTF-8 too.
      if (options.write && !corrected.has(file)) writeWholeFile(path.resolve(typedBase, file.path), file.source);
    }
    for (const { file, fixed } of corrections) {
      out(`${options.write ? 'corrected' : 'would correct'} ${file.path}:\n${lineDiff(file.source, fixed)}`);
      if (options.write) writeWholeFile(path.resolve(typedBase, file.path), fixed);
    }
    if (suggestionLines.length > 0) {
      out('suggestions, not applied (decide on each and edit the file by hand):');
      for (const line of suggestionLines) out(line);
    }
    if (corrections.length > 0) {
      out(
        options.write
          ? `wrote typography corrections to ${plural(corrections.length, 'file')} (· marks a ZWNJ, نیم‌فاصله)`
          : `nothing written; run npm run check:content -- --fix --write to apply these corrections (· marks a ZWNJ, نیم‌فاصله)`,
      );
    } else if (conversions.length > 0 && !options.write) {
      out('nothing written; run npm run check:content -- --fix --write to convert these files');
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const typographyNote = options['no-typography']
    ? ''
    : `, ${plural(correctionCount, 'typography correction')} and ${plural(suggestions, 'suggestion')}`;
  const summary = `checked ${plural(files.length, 'file')} in ${seconds} s: ${plural(problems.length, 'problem')} that stop the build${typographyNote}`;
  const failed = problems.length > 0 || (options.strict && correctionCount > 0 && !(options.fix && options.write));
  (failed ? err : out)(summary);
  if (!failed && correctionCount > 0 && !options.fix)
    out('run npm run check:content -- --fix to see the corrections as a diff');
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
