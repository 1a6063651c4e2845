/**
 * Reads the project's Markdown documentation as GitHub shows it: its headings and their anchors, its
 * links, and the references to it from the code (`docs/reference.md#frontmatter`, or a heading
 * named in «» after the file: `docs/operations.md «Reader comments»`). Pure functions over text, so
 * the unit test can also feed them broken documents and see them fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A place in the documentation that does not exist, and where it was asked for. */
export interface DocProblem {
  /** The file that holds the link or reference, relative to the project. */
  file: string;
  line: number;
  message: string;
}

/**
 * GitHub's anchor for a heading's text (github-slugger): lower case, every character dropped except
 * letters, marks, digits, connector punctuation, spaces and hyphens (so a ZWNJ goes too), spaces
 * made hyphens.
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text with fenced code blocks and inline code blanked out, line for line. */
function prose(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const mark = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      return '';
    }
    if (mark) {
      fence = mark;
      return '';
    }
    return line.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  });
}

/** The headings of a Markdown text as a reader sees them: links and code reduced to their text. */
export function headings(markdown: string): string[] {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const mark = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      continue;
    }
    if (mark) {
      fence = mark;
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    found.push(
      heading
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/\*\*|\*/g, ''),
    );
  }
  return found;
}

/** The anchors GitHub gives those headings, the second of a name with `-1`, the third `-2`. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of headings(markdown)) {
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** Every link and image target of a Markdown text outside code, with its line. */
export function links(markdown: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  prose(markdown).forEach((text, index) => {
    for (const match of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ target: match[1]!, line: index + 1 });
    }
  });
  return found;
}

/**
 * Reads files of the project, each once, and says whether one exists; `virtual` adds files that
 * exist only in memory (a test's broken document).
 */
function project(root: string, virtual: Readonly<Record<string, string>> = {}) {
  const cache = new Map<string, string>(Object.entries(virtual));
  return {
    read(file: string): string {
      let text = cache.get(file);
      if (text === undefined) {
        text = readFileSync(path.join(root, file), 'utf8');
        cache.set(file, text);
      }
      return text;
    },
    exists: (file: string): boolean => file in virtual || existsSync(path.join(root, file)),
  };
}

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * What is wrong with the relative links of Markdown files: a target that does not exist, an anchor
 * that no heading of the target has, a root-relative link (GitHub does not resolve those in a
 * repository). Web and mail links are not followed.
 */
export function linkProblems(
  root: string,
  files: readonly string[],
  virtual: Readonly<Record<string, string>> = {},
): DocProblem[] {
  const { read, exists } = project(root, virtual);
  const problems: DocProblem[] = [];
  for (const file of files) {
    for (const { target, line } of links(read(file))) {
      if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const problem = (message: string) => problems.push({ file, line, message: `${target}: ${message}` });
      if (target.startsWith('/')) {
        problem('a root-relative link; write it relative to this file');
        continue;
      }
      const [filePart = '', anchor] = target.split('#', 2);
      const linked =
        filePart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decode(filePart)));
      if (!exists(linked)) {
        problem(`${linked} does not exist`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!linked.endsWith('.md')) problem('an anchor into a file that is not Markdown');
      else if (!anchors(read(linked)).has(decode(anchor)))
        problem(`${linked} has no heading with the anchor #${decode(anchor)}`);
    }
  }
  return problems;
}

/** A documentation file as the code names it: README, CONTRIBUTING or docs/<name>, `.md` optional. */
const DOC_NAME = String.raw`(README|CONTRIBUTING|docs\/[\w-]+)(?:\.md)?`;
/** `docs/reference.md#frontmatter`: the file with `.md`, then the anchor. */
const ANCHOR_REFERENCE = new RegExp(
  String.raw`(?<![\w./-])(README\.md|CONTRIBUTING\.md|docs\/[\w-]+\.md)#([^\s)\]'"\x60,;»]+)`,
  'gu',
);
/** `docs/operations.md «Reader comments»`, `README «Quick start»`, `the README's «Quick start»`. */
const HEADING_REFERENCE = new RegExp(String.raw`(?<![\w./-])${DOC_NAME}(?:'s)?,? «([^»]+)»`, 'gu');
/** Any mention of a file in docs/. */
const DOC_MENTION = /(?<![\w./-])(docs\/[\w-]+\.md)\b/gu;

/** A reference from the code into the documentation. */
export interface DocReference {
  file: string;
  line: number;
  doc: string;
  anchor?: string;
  heading?: string;
}

/** The references into the documentation that a source file makes. */
export function docReferences(file: string, text: string): DocReference[] {
  const found: DocReference[] = [];
  text.split('\n').forEach((content, index) => {
    const line = index + 1;
    for (const match of content.matchAll(ANCHOR_REFERENCE)) {
      found.push({ file, line, doc: match[1]!, anchor: match[2]!.replace(/\.+$/, '') });
    }
    for (const match of content.matchAll(HEADING_REFERENCE)) {
      found.push({ file, line, doc: `${match[1]!}.md`, heading: match[2]! });
    }
    for (const match of content.matchAll(DOC_MENTION)) found.push({ file, line, doc: match[1]! });
  });
  return found;
}

/** What is wrong with references into the documentation: a missing file, anchor or heading. */
export function referenceProblems(root: string, references: readonly DocReference[]): DocProblem[] {
  const { read, exists } = project(root);
  const problems: DocProblem[] = [];
  for (const { file, line, doc, anchor, heading } of references) {
    const problem = (message: string) => problems.push({ file, line, message });
    if (!exists(doc)) problem(`${doc} does not exist`);
    else if (anchor !== undefined && !anchors(read(doc)).has(decode(anchor))) {
      problem(`${doc} has no heading with the anchor #${anchor}`);
    } else if (heading !== undefined && !headings(read(doc)).includes(heading)) {
      problem(`${doc} has no heading «${heading}»`);
    }
  }
  return problems;
}

/**
 * The files of the project a text names by path (`src/lib/paths.ts`, `tests/fixtures/staticman/`),
 * in code blocks too. A path with a placeholder or a wildcard is cut before it, so
 * `src/lib/*-integration.ts` names `src/lib/`.
 */
export function namedPaths(text: string): { path: string; line: number }[] {
  const found: { path: string; line: number }[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(/(?<![\w./-])((?:src|scripts|tests|docs|public|\.github|\.ci)\/[\w./-]*)/g)) {
      found.push({ path: match[1]!.replace(/\.+$/, ''), line: index + 1 });
    }
  });
  return found;
}

/** The paths named by Markdown files that do not exist. */
export function missingPaths(
  root: string,
  files: readonly string[],
  virtual: Readonly<Record<string, string>> = {},
): DocProblem[] {
  const { read, exists } = project(root, virtual);
  return files.flatMap((file) =>
    namedPaths(read(file))
      .filter(({ path: named }) => !exists(named))
      .map(({ path: named, line }) => ({ file, line, message: `${named} does not exist` })),
  );
}

/** A problem as one line: `file:line: message`. */
export const formatDocProblem = ({ file, line, message }: DocProblem): string => `${file}:${line}: ${message}`;
