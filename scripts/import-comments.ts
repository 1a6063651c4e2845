/**
 * `npm run import:comments -- <export-file-or-folder> [--content <dir>] [--format json|csv|staticman] [--dry-run]`
 *
 * Brings approved reader comments from a form service's export into the archive, one data file
 * each: `<content>/comments/<article-id>/<comment-id>.json` (see scripts/lib/comment-import.ts
 * for the contract). Every record is checked first; if any is wrong, each problem is printed as
 * `<file>:<line>: <field>: …` and nothing is written. Comments already there are skipped, so
 * importing the same export again adds nothing. Each file is written atomically.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveContentDir } from '../src/lib/content/content-dir.ts';
import { plural, scriptIo, UsageError, type ScriptIo } from './lib/command-line.ts';
import { commentFileName, detectFormat, parseExport, serializeComment, toComment } from './lib/comment-import.ts';

import type { Comment, CommentField, ExportFormat, ExportRecord } from './lib/comment-import.ts';

export interface CliOptions {
  input: string;
  content?: string;
  format?: ExportFormat;
  dryRun: boolean;
  fieldNames: Partial<Record<CommentField, string>>;
}

export const USAGE = `Usage: npm run import:comments -- <export-file-or-folder> [options]

Imports approved reader comments into <content>/comments/<article-id>/<comment-id>.json.

  <export-file-or-folder>   a JSON export (.json), a CSV export with a header row (.csv), or
                            Staticman comments: a folder (or one file) of .yml/.yaml/.json files
  --content <dir>           the content folder (default: $BAYEGAN_CONTENT_DIR, else ./content)
  --format <format>         json, csv or staticman (default: from the file's extension)
  --dry-run                 check everything and say what would be written; write nothing
  --name-field <field>      the export's field for the reader's name (default: name, fields[name], author)
  --body-field <field>      … for the comment (default: message, fields[message], body, comment)
  --article-field <field>   … for the article id (default: article, slug, options[slug], article_id, post)
  --date-field <field>      … for when it was sent (default: date, submitted_at, submittedAt, created_at, timestamp, time, _date)
  --id-field <field>        … for the submission's id (default: _id, id, submission_id)
  --parent-field <field>    … for the comment it answers (default: parent, options[parent], reply_to, _parent)
  -h, --help                show this message`;

const FIELD_FLAGS: Record<string, CommentField> = {
  '--name-field': 'name',
  '--body-field': 'body',
  '--article-field': 'article',
  '--date-field': 'submittedAt',
  '--id-field': 'id',
  '--parent-field': 'parent',
};
const FORMATS = ['json', 'csv', 'staticman'];
const STATICMAN_FILE = /\.(ya?ml|json)$/i;

export function parseArguments(args: string[]): CliOptions | 'help' {
  const positional: string[] = [];
  const fieldNames: Partial<Record<CommentField, string>> = {};
  let content: string | undefined;
  let format: ExportFormat | undefined;
  let dryRun = false;
  let onlyPositional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyPositional || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return 'help';
    const equals = arg.indexOf('=');
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const takeValue = () => {
      if (equals > 0) return arg.slice(equals + 1);
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    if (flag === '--dry-run' && equals < 0) dryRun = true;
    else if (flag === '--content') content = takeValue();
    else if (flag === '--format') {
      const value = takeValue();
      if (!FORMATS.includes(value)) throw new UsageError(`--format must be json, csv or staticman, not "${value}"`);
      format = value as ExportFormat;
    } else if (Object.hasOwn(FIELD_FLAGS, flag)) {
      const value = takeValue().trim();
      if (value === '') throw new UsageError(`${flag} needs a field name`);
      fieldNames[FIELD_FLAGS[flag] as CommentField] = value;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (positional.length === 0) throw new UsageError('name the export file or folder to import');
  if (positional.length > 1) throw new UsageError(`import one export at a time, not ${positional.length}`);
  const options: CliOptions = { input: positional[0] as string, dryRun, fieldNames };
  if (content !== undefined) options.content = content;
  if (format !== undefined) options.format = format;
  return options;
}

/** A path for messages: relative to `base` when inside it. */
function shown(file: string, base: string) {
  const relative = path.relative(base, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Every Staticman comment file in a folder and its sub-folders, sorted. */
function staticmanFiles(folder: string) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => STATICMAN_FILE.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** Writes `data` to `file` atomically: a temporary file next to it, then a rename. */
function writeAtomically(file: string, data: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Runs the importer; returns the exit code. */
export function main(args: string[], io: ScriptIo = {}): number {
  const { env, cwd, out, err } = scriptIo(io);
  const usage = (message: string) => {
    err(`import-comments: ${message}\n\n${USAGE}`);
    return 1;
  };

  let options: CliOptions | 'help';
  try {
    options = parseArguments(args);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  if (options === 'help') {
    out(USAGE);
    return 0;
  }

  // Under `npm run`, the working directory is the project; paths typed by the user are theirs.
  const typedBase = env['npm_lifecycle_event'] === 'import:comments' ? (env['INIT_CWD'] ?? cwd) : cwd;
  const input = path.resolve(typedBase, options.input);
  const contentDir = options.content ? path.resolve(typedBase, options.content) : resolveContentDir(env, cwd);

  let stats: Stats;
  try {
    stats = statSync(input);
  } catch {
    return usage(`no such file or folder: ${options.input}`);
  }
  if (existsSync(contentDir) && !statSync(contentDir).isDirectory()) {
    return usage(`--content must be a folder: ${shown(contentDir, typedBase)}`);
  }

  // Read and parse.
  const records: ExportRecord[] = [];
  const problems: string[] = [];
  if (stats.isDirectory()) {
    if (options.format !== undefined && options.format !== 'staticman') {
      return usage(`${options.input} is a folder: only --format staticman reads folders`);
    }
    const files = staticmanFiles(input);
    if (files.length === 0) return usage(`no .yml, .yaml or .json comment files in ${options.input}`);
    for (const file of files) {
      const parsed = parseExport(readFileSync(file, 'utf8'), 'staticman', shown(file, typedBase));
      records.push(...parsed.records);
      problems.push(...parsed.problems);
    }
  } else {
    const text = readFileSync(input, 'utf8');
    const format = options.format ?? detectFormat(input, text);
    if (format === null) {
      return usage(
        `cannot tell the format of ${options.input} from its extension; add --format json, csv or staticman`,
      );
    }
    const parsed = parseExport(text, format, shown(input, typedBase));
    records.push(...parsed.records);
    problems.push(...parsed.problems);
  }

  // Check every record before writing anything.
  const comments: { comment: Comment; location: string }[] = [];
  for (const record of records) {
    const result = toComment(record, { fieldNames: options.fieldNames });
    if ('comment' in result) comments.push({ comment: result.comment, location: record.location });
    else problems.push(...result.problems);
  }
  if (problems.length > 0) {
    for (const problem of problems) err(problem);
    err(
      `\nNothing was written: ${plural(problems.length, 'problem')} in ${options.input}. Fix the export (or name its fields with --name-field and the like) and run again.`,
    );
    return 1;
  }

  // Plan: skip what is there already and repeats within the export.
  const seen: Map<string, string> = new Map();
  const toWrite: { file: string; data: string }[] = [];
  const existing: string[] = [];
  const duplicates: string[] = [];
  for (const { comment, location } of comments) {
    const first = seen.get(comment.id);
    if (first !== undefined) {
      duplicates.push(`${location}: ${comment.id} (the same id as ${first})`);
      continue;
    }
    seen.set(comment.id, location);
    const file = path.join(contentDir, ...commentFileName(comment).split('/'));
    if (existsSync(file)) existing.push(shown(file, typedBase));
    else toWrite.push({ file, data: serializeComment(comment) });
  }

  // Write (or say what would be written).
  const verb = options.dryRun ? 'would write' : 'wrote';
  for (const { file, data } of toWrite) {
    if (!options.dryRun) {
      try {
        writeAtomically(file, data);
      } catch (error) {
        err(`import-comments: could not write ${shown(file, typedBase)}: ${(error as Error).message}`);
        return 1;
      }
    }
    out(`${verb} ${shown(file, typedBase)}`);
  }
  for (const file of existing) out(`already there: ${file}`);
  for (const duplicate of duplicates) out(`duplicate in the export: ${duplicate}`);
  const summary = options.dryRun
    ? `dry run, nothing written: would import ${toWrite.length}, skip ${existing.length} (already there), skip ${duplicates.length} (duplicate in the export)`
    : `imported ${toWrite.length}, skipped ${existing.length} (already there), skipped ${duplicates.length} (duplicate in the export)`;
  out(`${summary}; ${plural(records.length, 'record')} read from ${options.input}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
