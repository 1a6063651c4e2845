/**
 * Persian typography lint for reporters' files (`npm run check:content`, `--fix`, and
 * `import:legacy`). The rules are in ./typography/ (their ids, classes and examples in
 * ./typography/registry.ts); this module finds the prose they may touch. Only prose is touched:
 * code blocks and spans, URLs, link targets, HTML/JSX tags, MDX expressions, Markdown rules and
 * table lines, frontmatter keys, YAML quoting and non-prose fields are left alone, and every rule
 * needs Persian around the slip, so Latin text is never changed.
 * Pure: text in, findings and corrected text out.
 */
import { ZWNJ, ZWNJ_STAND_INS } from './script.ts';
import type { ProseOptions, YamlStyle } from './typography/prose.ts';
import type { Safety, TypographyRule } from './typography/registry.ts';
import { fixProse } from './typography/rules.ts';

export { TYPOGRAPHY_RULES, TYPOGRAPHY_RULE_IDS, type Safety, type TypographyRule } from './typography/registry.ts';

export interface TypographyFinding {
  rule: TypographyRule;
  /** `safe`: corrected by --fix --write; `suggestion`: only proposed. */
  safety: Safety;
  /** 1-based line in the file. */
  line: number;
  /** The frontmatter field, or `body`. */
  field: string;
  /** The text as written and as corrected (a few words around the slip). */
  before: string;
  after: string;
}

export interface TypographyResult {
  findings: TypographyFinding[];
  /** The file with every safe correction applied; equal to the input when there is nothing to fix. */
  fixed: string;
}

type Record = (rule: TypographyRule, safety: Safety, before: string, after: string) => void;

/** Corrects one piece of plain prose (a headline, a lead): no Markdown, nothing protected. */
export function fixPersianProse(text: string): {
  fixed: string;
  findings: Omit<TypographyFinding, 'line' | 'field'>[];
} {
  const findings: Omit<TypographyFinding, 'line' | 'field'>[] = [];
  const fixed = fixProse(text, {}, (rule, safety, before, after) => findings.push({ rule, safety, before, after }));
  return { fixed, findings };
}

/** Inline spans that are not prose: code, tags, URLs, link targets, footnote marks, list markers. */
const PROTECTED_INLINE = [
  /(`+)[\s\S]*?\1/.source,
  /<!--[\s\S]*?-->/.source,
  /<\/?[A-Za-z][^>]*>/.source,
  /<(?:https?|mailto):[^>]*>/.source,
  /\]\([^)]*\)/.source,
  /\]\[[^\]]*\]/.source,
  /\[\^[^\]]*\]/.source,
  /(?:https?:\/\/|www\.)[^\s)>\]»]+/.source,
  /[\w.+-]+@[\w-]+\.[\w.-]+/.source,
  /^\s*(?:\d+[.)]|[-*+])(?=\s)/.source,
];
const PROTECTED_MARKDOWN = new RegExp(PROTECTED_INLINE.join('|'), 'g');
/** In MDX, `{…}` is a JavaScript expression. */
const PROTECTED_MDX = new RegExp([...PROTECTED_INLINE, /\{[^}]*\}/.source].join('|'), 'g');

/** Where a Markdown line's non-prose spans are: [start, end) offsets. */
export function protectedSpans(line: string, mdx: boolean): [number, number][] {
  return [...line.matchAll(mdx ? PROTECTED_MDX : PROTECTED_MARKDOWN)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

/** A line of Markdown with its non-prose spans left untouched. */
function fixMarkdownLine(line: string, mdx: boolean, record: Record): string {
  let result = '';
  let last = 0;
  for (const match of line.matchAll(mdx ? PROTECTED_MDX : PROTECTED_MARKDOWN)) {
    result += fixProse(line.slice(last, match.index), {}, record) + match[0];
    last = match.index + match[0].length;
  }
  return result + fixProse(line.slice(last), {}, record);
}

/** Frontmatter and data-file fields that hold prose a reader sees. */
export const PROSE_FIELDS = new Set(['title', 'lead', 'imageAlt', 'name', 'description', 'role', 'bio']);

/** A stretch of one line that holds prose: a Markdown line, or a YAML prose field's value. */
export interface ProseUnit {
  /** 1-based line in the file. */
  line: number;
  /** The frontmatter field, or `body`. */
  field: string;
  /** Where the prose is on its line: quotes, keys and a CRLF's \r are outside. */
  start: number;
  end: number;
  /** `markdown` for a body line (its code, URLs and tags are protected), else the YAML quoting. */
  kind: 'markdown' | YamlStyle;
}

/** A YAML value's quoting: where its text starts and ends, as offsets in the value. */
function yamlValue(value: string): { style: YamlStyle; start: number; end: number } {
  if (/^'(?:[^']|'')*'\s*$/.test(value)) return { style: 'single', start: 1, end: value.trimEnd().length - 1 };
  if (/^"(?:[^"\\]|\\.)*"\s*$/.test(value)) return { style: 'double', start: 1, end: value.trimEnd().length - 1 };
  return { style: 'plain', start: 0, end: value.length };
}

/**
 * The prose of a YAML block (a frontmatter or a data file): only the values of prose fields,
 * single-line or block scalars (`lead: >`), never keys or other fields.
 */
function yamlUnits(lines: readonly string[], firstLine: number): ProseUnit[] {
  const units: ProseUnit[] = [];
  let blockField: string | undefined;
  let blockIndent = 0;
  lines.forEach((line, index) => {
    const lineNumber = firstLine + index;
    const end = line.endsWith('\r') ? line.length - 1 : line.length;
    if (blockField !== undefined) {
      const indent = /^ */.exec(line)![0].length;
      if (line.trim() === '' || indent > blockIndent) {
        if (indent < end) units.push({ line: lineNumber, field: blockField, start: indent, end, kind: 'block' });
        return;
      }
      blockField = undefined;
    }
    // A CRLF file's lines end in \r, which `.` does not match: it is kept out of the value.
    const field = /^(\s*)([A-Za-z]+):([ \t]+)(.*?)\r?$/.exec(line);
    if (!field || !PROSE_FIELDS.has(field[2]!)) return;
    const [, indent, key, gap, value] = field as unknown as [string, string, string, string, string];
    if (/^[|>][+-]?\s*$/.test(value)) {
      blockField = key;
      blockIndent = indent.length;
      return;
    }
    const at = indent.length + key.length + 1 + gap.length;
    const { style, start, end: valueEnd } = yamlValue(value);
    if (valueEnd > start)
      units.push({ line: lineNumber, field: key, start: at + start, end: at + valueEnd, kind: style });
  });
  return units;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;
/** A thematic break (---, ***, - - -) or a setext underline: Markdown syntax, no prose. */
const RULE_LINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)\r?$/;
/** A table's delimiter row: | --- | :---: |. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*\r?$/;

/** The prose of an article (Markdown or MDX): its frontmatter's prose fields and its body's lines. */
export function articleProseUnits(source: string, { mdx = false }: { mdx?: boolean } = {}): ProseUnit[] {
  const lines = source.split('\n');
  const units: ProseUnit[] = [];
  let index = 0;
  // Frontmatter: from the first line `---` to the next.
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
    if (end > 0) {
      units.push(...yamlUnits(lines.slice(1, end), 2));
      index = end + 1;
    }
  }
  let fence: string | undefined;
  let previousBlank = true;
  let inList = false;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      inList = false;
      previousBlank = false;
      continue;
    }
    const blank = line.trim() === '';
    if (LIST_ITEM.test(line)) inList = true;
    else if (previousBlank && !blank && !/^\s/.test(line)) inList = false;
    const indentedCode =
      /^( {4}|\t)/.test(line) && !inList && (previousBlank || /^( {4}|\t)/.test(lines[index - 1] ?? ''));
    const notProse =
      blank ||
      indentedCode ||
      RULE_LINE.test(line) ||
      TABLE_DELIMITER.test(line) ||
      /^\s*\[[^\]]+\]:\s/.test(line) || // link reference definition
      (mdx && /^(import|export)\s/.test(line));
    previousBlank = blank;
    if (notProse) continue;
    units.push({
      line: index + 1,
      field: 'body',
      start: 0,
      end: line.endsWith('\r') ? line.length - 1 : line.length,
      kind: 'markdown',
    });
  }
  return units;
}

/** The prose of a category or reporter file (YAML): its prose fields. */
export function dataProseUnits(source: string): ProseUnit[] {
  return yamlUnits(source.split('\n'), 1);
}

/** One unit's text corrected (safe rules only), each change recorded. */
export function fixProseUnit(text: string, kind: ProseUnit['kind'], mdx: boolean, record: Record): string {
  if (kind === 'markdown') return fixMarkdownLine(text, mdx, record);
  const options: ProseOptions = { yaml: kind };
  return fixProse(text, options, record);
}

/** Lints the units of a file; returns the findings and the file with the safe corrections. */
function lintUnits(source: string, units: readonly ProseUnit[], mdx: boolean): TypographyResult {
  const findings: TypographyFinding[] = [];
  const lines = source.split('\n');
  // Right to left within a line, so that the offsets of the units not yet fixed stay valid.
  for (const unit of [...units].sort((a, b) => a.line - b.line || b.start - a.start)) {
    const line = lines[unit.line - 1]!;
    const unitFindings: TypographyFinding[] = [];
    const fixed = fixProseUnit(line.slice(unit.start, unit.end), unit.kind, mdx, (rule, safety, before, after) =>
      unitFindings.push({ rule, safety, line: unit.line, field: unit.field, before, after }),
    );
    findings.push(...unitFindings);
    lines[unit.line - 1] = line.slice(0, unit.start) + fixed + line.slice(unit.end);
  }
  return { findings, fixed: lines.join('\n') };
}

/** Lints an article (Markdown or MDX): the prose fields of its frontmatter and its body. */
export function lintArticleTypography(source: string, { mdx = false }: { mdx?: boolean } = {}): TypographyResult {
  return lintUnits(source, articleProseUnits(source, { mdx }), mdx);
}

/** Lints a category or reporter file (YAML): the prose fields only. JSON files are left alone. */
export function lintDataTypography(source: string): TypographyResult {
  return lintUnits(source, dataProseUnits(source), false);
}

/** Makes a ZWNJ (and the soft hyphen or ¬ typed for one) visible in a message or diff. */
export function showInvisible(text: string): string {
  return text.replaceAll(ZWNJ, '·').replace(new RegExp(`[${ZWNJ_STAND_INS}]`, 'g'), '¬');
}
