/**
 * The command line of `npm run import:legacy`: its usage text and its arguments.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { UsageError } from '../command-line.ts';

export interface LegacyArgs {
  inputs: string[];
  section?: string;
  reporters: string[];
  config?: string;
  content?: string;
  now?: string;
  dryRun: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run import:legacy -- <file-or-folder>... --section <slug> --reporter <slug> [options]

Imports pages of an old news site as draft articles in <content>/articles/<jalali-year>/<month>/<slug>.md.

  <file-or-folder>     saved HTML pages (.html, .htm) or plain-text dumps (.txt), or folders of them
  --section <slug>     the section for every imported article: a file name in <content>/categories/
  --reporter <slug>    a reporter: a file name in <content>/authors/ (repeat for more than one)
  --config <file>      the old site's selectors and patterns, JSON or YAML (default: WordPress-style pages)
  --content <dir>      the content folder (default: $BAYEGAN_CONTENT_DIR, else ./content)
  --now <date-time>    the time of import, used when a page has no date, e.g. 2026-11-29T12:00:00+03:30
  --dry-run            read and check everything, say what would be written; write nothing
  -h, --help           show this message`;

const VALUE_FLAGS = ['--section', '--reporter', '--config', '--content', '--now'];

/** Reads the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): LegacyArgs {
  const args: LegacyArgs = { inputs: [], reporters: [], dryRun: false, help: false };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyInputs || !arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyInputs = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    if (arg === '--dry-run') {
      args.dryRun = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`unknown option "${arg}".`);
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      i++;
    }
    if (value.trim() === '') throw new UsageError(`${flag} needs a value.`);
    if (flag === '--section') {
      if (args.section !== undefined && args.section !== value.trim()) {
        throw new UsageError('give one --section; every page of a run goes to the same section.');
      }
      args.section = value.trim();
    } else if (flag === '--reporter') {
      for (const reporter of value.split(/[،,]/)) {
        const slug = reporter.trim();
        if (slug && !args.reporters.includes(slug)) args.reporters.push(slug);
      }
    } else if (flag === '--config') args.config = value;
    else if (flag === '--content') args.content = value;
    else args.now = value;
  }
  return args;
}
