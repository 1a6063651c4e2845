/**
 * `npm run import:legacy -- <file-or-folder>... --section <slug> --reporter <slug> [--config <file>]
 *   [--content <dir>] [--now <ISO date-time with offset>] [--dry-run]`
 *
 * Imports pages of an old news site — saved HTML pages or plain-text dumps — as draft articles
 * (see scripts/lib/legacy-import.ts for how a page is read). Everything is read and checked
 * before anything is written: a bad flag, section, reporter, config or an unreadable file stops
 * the run with nothing written. A page that gives no headline or no story is skipped and the
 * report says why; the run fails only when no page could be used. A page imported before (same
 * source URL or same text) is skipped, so importing the same pages again adds nothing. Each file is
 * written atomically and an existing file is never overwritten.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectionFolder, CONTENT_DIR_ENV, resolveContentDir } from '../src/lib/content/content-dir.ts';
import { showInvisible } from '../src/lib/persian/typography.ts';
import { ARTICLE_FILE, readArticles, readChoices } from './lib/content-files.ts';
import {
  ConfigError,
  decodeBytes,
  defaultConfig,
  extractFromHtml,
  extractFromText,
  freeArticlePath,
  kindOf,
  knownImports,
  legacyArticleMarkdown,
  normalizeSourceUrl,
  parseArgs,
  parseConfig,
  planArticle,
  USAGE,
  UsageError,
} from './lib/legacy-import.ts';
import { parseNow, plural, scriptIo, type ScriptIo } from './lib/command-line.ts';
import { unknownMessage } from './lib/content-files.ts';
import { frontmatterDate, nextFreeId } from './lib/frontmatter.ts';
import type { LegacyConfig, PlannedArticle } from './lib/legacy-import.ts';

export { USAGE };

const PAGE_FILE = /\.(html?|xhtml|txt)$/i;

/** A path for messages: relative to `base` when inside it. */
function shown(file: string, base: string) {
  const relative = path.relative(base, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** The pages in a folder and its sub-folders (.html, .htm, .xhtml, .txt; hidden ones left out), sorted. */
function pagesIn(folder: string) {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => PAGE_FILE.test(name) && !name.split(/[\\/]/).some((part) => part.startsWith('.')))
    .map((name) => path.join(folder, name))
    .sort();
}

/**
 * Writes `data` to a new file `file`, atomically, never replacing one: a temporary file next to
 * it, then a hard link under the final name (which fails if the name is taken).
 */
function writeNewFile(file: string, data: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Runs the importer; returns the exit code. */
export function main(argv: string[], io: ScriptIo = {}): number {
  const { env, cwd, out, err } = scriptIo(io);
  const usage = (message: string) => {
    err(`import-legacy: ${message}\n\n${USAGE}`);
    return 1;
  };
  const fail = (message: string) => {
    err(`import-legacy: ${message}\nNothing was written.`);
    return 1;
  };

  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const missing = [
    ...(args.inputs.length > 0 ? [] : ['the pages to import (files or folders)']),
    ...(args.section ? [] : ['--section <slug>']),
    ...(args.reporters.length > 0 ? [] : ['--reporter <slug>']),
  ];
  if (missing.length > 0) return usage(`missing ${missing.join(', ')}.`);
  const section = args.section as string;

  let now;
  try {
    now = args.now === undefined ? new Date() : parseNow(args.now);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }

  // Under `npm run`, the working directory is the project; paths typed by the user are theirs.
  const typedBase = env['npm_lifecycle_event'] === 'import:legacy' ? (env['INIT_CWD'] ?? cwd) : cwd;
  const contentDir = args.content ? path.resolve(typedBase, args.content) : resolveContentDir(env, cwd);
  const show = (file: string) => shown(file, typedBase);

  // The site config.
  let config: LegacyConfig = defaultConfig();
  if (args.config !== undefined) {
    const configFile = path.resolve(typedBase, args.config);
    let text;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(
        code === 'ENOENT'
          ? `no such config file: ${args.config}. Check the path given to --config.`
          : `cannot read the config file ${args.config} (${code ?? (error as Error).message}).`,
      );
    }
    try {
      config = parseConfig(text, show(configFile));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const problem of error.problems) err(problem);
      err(
        `\nNothing was written: ${plural(error.problems.length, 'problem')} in the config file ${args.config}. Fix it and run again (see --help).`,
      );
      return 1;
    }
  }

  // The archive: sections, reporters, the articles already there.
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    return fail(
      `no content folder at ${show(contentDir)}; give the archive's folder with --content <dir> (or set ${CONTENT_DIR_ENV}).`,
    );
  }
  const sections = readChoices(collectionFolder('categories', contentDir));
  const reporters = readChoices(collectionFolder('authors', contentDir));
  if (!sections.has(section)) return fail(unknownMessage('section', section, sections));
  const unknownReporter = args.reporters.find((slug) => !reporters.has(slug));
  if (unknownReporter) return fail(unknownMessage('reporter', unknownReporter, reporters));

  // The pages: every file named, and every page file in every folder named.
  const files: string[] = [];
  const problems: string[] = [];
  for (const input of args.inputs) {
    const resolved = path.resolve(typedBase, input);
    let stats;
    try {
      stats = statSync(resolved);
    } catch {
      problems.push(`no such file or folder: ${input}. Check the path.`);
      continue;
    }
    if (stats.isDirectory()) {
      const pages = pagesIn(resolved);
      if (pages.length === 0) problems.push(`no .html, .htm or .txt pages in the folder ${input}.`);
      files.push(...pages);
    } else files.push(resolved);
  }
  const unique = [...new Set(files)];
  const read: { file: string; bytes: Uint8Array }[] = [];
  for (const file of unique) {
    try {
      read.push({ file, bytes: readFileSync(file) });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'EACCES' || code === 'EPERM'
          ? 'permission denied; make it readable'
          : code === 'ENOENT'
            ? 'it does not exist (a broken link?); remove it or point it at the page'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (error as Error).message;
      problems.push(`cannot read ${show(file)}: ${why}.`);
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) err(`import-legacy: ${problem}`);
    err(`\nNothing was written: ${plural(problems.length, 'problem')} with the pages named. Fix them and run again.`);
    return 1;
  }

  // Read every page and plan its article; nothing is written yet.
  const existing = readArticles(collectionFolder('articles', contentDir));
  const known = knownImports(existing.map(({ file, frontmatter }) => ({ file: show(file), frontmatter })));
  let nextId = nextFreeId(existing.map((article) => article.frontmatter));
  const taken = new Set(
    existing.map((article) =>
      path.relative(contentDir, article.file).split(path.sep).join('/').replace(ARTICLE_FILE, ''),
    ),
  );
  const seenThisRun: Map<string, string> = new Map();
  const toWrite: { page: string; file: string; text: string; id: number; plan: PlannedArticle; encoding: string }[] =
    [];
  const already: { page: string; reason: string }[] = [];
  const unusable: { page: string; reason: string }[] = [];

  for (const { file, bytes } of read) {
    const page = show(file);
    const decoded = decodeBytes(bytes);
    if (!decoded) {
      unusable.push({ page, reason: 'not a text file (it has NUL bytes); save the page as HTML or text' });
      continue;
    }
    const extracted =
      kindOf(file, decoded.text) === 'html'
        ? extractFromHtml(decoded.text, config)
        : extractFromText(decoded.text, config);
    if ('skip' in extracted) {
      unusable.push({ page, reason: extracted.skip });
      continue;
    }
    const plan = planArticle(extracted, { now, sourceName: config.sourceName });
    const url = plan.source?.url ? normalizeSourceUrl(plan.source.url) : undefined;
    const importedAs = (url && known.urls.get(url)) ?? known.hashes.get(plan.hash);
    if (importedAs) {
      const how = url && known.urls.get(url) ? 'same source URL' : 'same text';
      already.push({ page, reason: `already imported as ${importedAs} (${how})` });
      continue;
    }
    const twin = (url && seenThisRun.get(url)) ?? seenThisRun.get(plan.hash);
    if (twin) {
      already.push({ page, reason: `the same page as ${twin} in this run` });
      continue;
    }
    if (url) seenThisRun.set(url, page);
    seenThisRun.set(plan.hash, page);

    const relative = freeArticlePath(plan.date, plan.slug, (name) => taken.has(name));
    taken.add(relative.replace(ARTICLE_FILE, ''));
    const target = path.join(contentDir, ...relative.split('/'));
    const id = nextId++;
    if (decoded.encoding !== 'utf-8') {
      const says = decoded.declared ? `, though it says ${decoded.declared}` : '';
      plan.notes.push(`read as ${decoded.encoding} (the file is not UTF-8${says})`);
    }
    const text = legacyArticleMarkdown({ ...plan, id, section, reporters: args.reporters, input: page });
    toWrite.push({ page, file: target, text, id, plan, encoding: decoded.encoding });
  }

  // Write (or say what would be written), then the report.
  const verb = args.dryRun ? 'would import' : 'imported';
  for (const item of toWrite) {
    if (!args.dryRun) {
      try {
        writeNewFile(item.file, item.text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const written = toWrite.indexOf(item);
        err(
          `import-legacy: could not write ${show(item.file)}: ${
            code === 'EEXIST'
              ? 'a file of that name appeared meanwhile; it was not overwritten'
              : (error as Error).message
          }.${written > 0 ? ` ${plural(written, 'article')} before it were written; run again to import the rest.` : ' Nothing was written.'}`,
        );
        return 1;
      }
    }
    const { plan } = item;
    out(`${verb} ${item.page}`);
    out(`  → ${show(item.file)} (id ${item.id}, draft)`);
    out(`  title: ${plan.title}`);
    out(
      `  date: ${frontmatterDate(plan.date)} (${plan.dateFrom === 'page' ? 'from the page' : plan.dateFrom === 'today' ? "from the page's 'today' line" : 'the time of import'})`,
    );
    if (plan.source) out(`  source: ${plan.source.name}${plan.source.url ? ` <${plan.source.url}>` : ''}`);
    if (plan.attribution) out(`  «به گزارش»: ${plan.attribution}`);
    for (const note of plan.notes) out(`  check: ${note}`);
    for (const { field, rule, before, after } of plan.corrections) {
      out(`  corrected ${field} [${rule}]: «${showInvisible(before)}» → «${showInvisible(after)}»`);
    }
  }
  for (const { page, reason } of already) out(`skipped ${page}: ${reason}`);
  for (const { page, reason } of unusable) out(`skipped ${page}: ${reason}`);

  const counts = `${toWrite.length}, skipped ${already.length} (already imported), skipped ${unusable.length} (no usable headline or story); ${plural(read.length, 'page')} read`;
  if (args.dryRun) out(`dry run, nothing written: would import ${counts}`);
  else out(`imported ${counts}`);
  if (toWrite.length > 0 && !args.dryRun) {
    out('The articles are drafts (draft: true): check each one, especially the lines marked "check:", then publish.');
  }
  if (toWrite.length === 0 && already.length === 0) {
    err(
      `import-legacy: no page could be imported. If the pages come from a site that is not WordPress-style, describe it in a --config file (see --help and docs/reporters-guide.md «پیکربندی سایت قدیم»).`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
