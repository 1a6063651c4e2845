/**
 * How the web editor reads and writes an article file (a Decap custom format, src/scripts/admin/).
 * Decap's own frontmatter format re-writes the whole YAML block in its style on every save, so a
 * one-word edit would show as a diff of every line. This one keeps the file as it was and changes
 * only the fields whose values changed: an editor's commit reads like a reporter's. A new file is
 * written the way `npm run new` writes one: single-quoted text, lists of words on one line, dates
 * as the Jalali `1405/09/10 14:30`. Pure: text in, text out.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { DATE_FIELDS, DATED_LISTS } from '#lib/content/date-fields.ts';

/** The field that holds the Markdown after the frontmatter. */
export const BODY_FIELD = 'body';

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** A file taken apart: the frontmatter's text, the text after it, and the fields with the body. */
export interface ArticleFile {
  frontmatter: string;
  /** Everything after the closing `---` line, exactly. */
  rest: string;
  data: Record<string, unknown>;
}

/** The Markdown of the text after the frontmatter: without the blank line that separates them. */
function bodyOf(rest: string): string {
  return rest.replace(/^\r?\n/, '');
}

/** Reads an article file; text without frontmatter is all body. */
export function readArticleFile(raw: string): ArticleFile {
  const match = FRONTMATTER.exec(raw);
  if (!match) return { frontmatter: '', rest: raw, data: { [BODY_FIELD]: raw } };
  const frontmatter = match[2] ?? '';
  const rest = raw.slice(match[0].length);
  const fields = parseDocument(frontmatter).toJS() as unknown;
  const data =
    fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  return { frontmatter, rest, data: { ...data, [BODY_FIELD]: bodyOf(rest) } };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields written without quotes, as `npm run new` writes them: dates and the section's slug. */
const plainFields: readonly string[] = [...DATE_FIELDS.article, 'category'];
const datedLists: readonly string[] = DATED_LISTS;

/**
 * A YAML node for a field's value, styled as `npm run new` writes: text single-quoted (so that a
 * title like `۲۰۲۶: …` stays text), dates plain, lists of words in one line, lists of items in blocks.
 */
function styledNode(doc: Document, key: string, value: unknown): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  const style = (target: YamlNode, isDate: boolean) => {
    if (isScalar(target) && typeof target.value === 'string') target.type = isDate ? 'PLAIN' : 'QUOTE_SINGLE';
  };
  if (isScalar(node)) style(node, plainFields.includes(key));
  else if (isSeq(node)) {
    node.flow = node.items.every((item) => isScalar(item));
    for (const item of node.items) {
      if (isScalar(item)) style(item, false);
      else if (isMap(item)) {
        for (const pair of item.items) {
          const itemKey = isScalar(pair.key) ? String(pair.key.value) : '';
          if (isScalar(pair.value)) style(pair.value, datedLists.includes(key) && itemKey === 'date');
        }
      }
    }
  } else if (isMap(node)) {
    node.flow = true;
    for (const pair of node.items) if (isScalar(pair.value)) style(pair.value as YamlNode, false);
  }
  return node;
}

/** `key: value` and its line break, as a new line of the frontmatter. */
function fieldLines(key: string, value: unknown): string {
  const doc = new Document({});
  doc.set(key, styledNode(doc, key, value));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Where each top-level field of a frontmatter text is: from its line's start to after its last line. */
function fieldSpans(frontmatter: string): Map<string, [start: number, end: number]> {
  const spans = new Map<string, [number, number]>();
  const contents = parseDocument(frontmatter).contents;
  if (!isMap(contents)) return spans;
  for (const pair of contents.items) {
    const key = pair.key as YamlNode | null;
    const last = (pair.value ?? pair.key) as YamlNode | null;
    if (!isScalar(key) || !key.range || !last?.range) continue;
    const start = frontmatter.lastIndexOf('\n', key.range[0] - 1) + 1;
    const newline = frontmatter.indexOf('\n', Math.max(last.range[2] - 1, start));
    spans.set(String(key.value), [start, newline === -1 ? frontmatter.length : newline + 1]);
  }
  return spans;
}

/**
 * Writes an article. Over `original` (the file as it was read), only the lines of the fields whose
 * value changed are written again, a removed field's lines are removed and a new field is added at
 * the end (in `order`); every other byte stays, and an unchanged body too. Without `original`, a
 * new file, field by field in `order`.
 */
export function writeArticleFile(data: Record<string, unknown>, order: readonly string[], original?: string): string {
  const before = original === undefined ? undefined : readArticleFile(original);
  const old = before?.data ?? {};
  let frontmatter = before?.frontmatter ?? '';
  const spans = fieldSpans(frontmatter);
  const keys = [...new Set([...order, ...Object.keys(data)])].filter((key) => key !== BODY_FIELD);
  const edits: [start: number, end: number, text: string][] = [];
  let added = '';
  for (const [key, [start, end]] of spans) {
    if (data[key] === undefined) edits.push([start, end, '']);
  }
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || (key in old && sameValue(old[key], value))) continue;
    const span = spans.get(key);
    if (span) edits.push([span[0], span[1], fieldLines(key, value)]);
    else added += fieldLines(key, value);
  }
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    frontmatter = frontmatter.slice(0, start) + text + frontmatter.slice(end);
  }
  if (added && frontmatter && !frontmatter.endsWith('\n')) frontmatter += '\n';
  frontmatter += added;
  const body = typeof data[BODY_FIELD] === 'string' ? (data[BODY_FIELD] as string) : '';
  const rest = before && sameValue(bodyOf(before.rest), body) ? before.rest : `\n${body.replace(/\s+$/, '')}\n`;
  return `---\n${frontmatter}---\n${rest}`;
}

/** A value the editor leaves behind for a field nobody filled: an empty text or group. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && !Array.isArray(value)) return Object.values(value).every(isEmpty);
  return false;
}

/**
 * The fields to leave out, as paths (`['imageAlt']`, `['source', 'url']`, `['updates', 0, 'title']`):
 * an optional text the editor emptied, or a group whose every field is empty (`source: { name: '' }`),
 * which the schema would refuse where it accepts the field's absence. Lists and switches stay.
 */
export function emptyFieldPaths(data: Record<string, unknown>, at: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (at.length === 0 && key === BODY_FIELD) continue;
    if (isEmpty(value)) paths.push([...at, key]);
    else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item && typeof item === 'object')
          paths.push(...emptyFieldPaths(item as Record<string, unknown>, [...at, key, index]));
      });
    } else if (typeof value === 'object' && value) {
      paths.push(...emptyFieldPaths(value as Record<string, unknown>, [...at, key]));
    }
  }
  return paths;
}

/**
 * The fields of a new article that only repeat the schema's default (`featured: false`,
 * `corrections: []`): left out, as `npm run new` leaves them out, except those in `keep`.
 */
export function defaultFieldPaths(
  data: Record<string, unknown>,
  defaults: Record<string, unknown>,
  keep: readonly string[] = [],
): string[][] {
  return Object.keys(defaults)
    .filter((key) => !keep.includes(key) && key in data && sameValue(data[key], defaults[key]))
    .map((key) => [key]);
}

/**
 * A picture's path as the article names it, `./images/x.jpg`: Decap joins its `public_folder` as a
 * path and drops the `./` that marks it as relative to the article.
 */
export function relativeImagePath(value: unknown): unknown {
  return typeof value === 'string' && value !== '' && !/^(\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(value)
    ? `./${value}`
    : value;
}
