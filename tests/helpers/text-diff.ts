/**
 * Where two corrections of the same text disagree: each text is compared with the original token by
 * token (a token is a word, a run of spaces or one other character), the places either one changed
 * are widened to whole words (text between spaces) and merged when only a space lies between them.
 * A region where the two results differ is a `Disagreement`: the original there, what each made of
 * it, and the text around it.
 */
import { ZWNJ } from '../../src/lib/persian/script';
import type { TextDisagreement as Disagreement } from '../../src/lib/persian/typography/virastar-choices';

const TOKEN = new RegExp(`\\s+|[\\p{L}\\p{M}\\p{N}${ZWNJ}_]+|[^]`, 'gu');

/** An edit of the original: tokens [start, end) replaced by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edits that turn tokens `a` into tokens `b` (longest common subsequence, ends trimmed first). */
function edits(a: readonly string[], b: readonly string[]): Edit[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const x = a.slice(prefix, a.length - suffix);
  const y = b.slice(prefix, b.length - suffix);
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const result: Edit[] = [];
  let current: Edit | undefined;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      if (current) result.push(current);
      current = undefined;
      i++;
      j++;
    } else {
      current ??= { start: prefix + i, end: prefix + i, text: '' };
      if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) current.text += y[j++];
      else {
        i++;
        current.end = prefix + i;
      }
    }
  }
  if (current) result.push(current);
  return result;
}

/** The tokens [start, end) of the original with the edits that fall inside applied. */
function apply(tokens: readonly string[], start: number, end: number, changes: readonly Edit[]): string {
  let text = '';
  let at = start;
  for (const edit of changes) {
    if (edit.start < start || edit.end > end) continue;
    text += tokens.slice(at, edit.start).join('') + edit.text;
    at = edit.end;
  }
  return text + tokens.slice(at, end).join('');
}

/** Every region of `original` where `ours` and `virastar` disagree. */
export function disagreements(original: string, ours: string, virastar: string): Disagreement[] {
  if (ours === virastar) return [];
  const tokens = original.match(TOKEN) ?? [];
  const oursEdits = edits(tokens, ours.match(TOKEN) ?? []);
  const virastarEdits = edits(tokens, virastar.match(TOKEN) ?? []);
  // Regions: the edits of both sides widened to whole words; overlapping ones, touching ones and
  // ones with only a space between them merged.
  const space = (index: number) => /^\s/.test(tokens[index] ?? ' ');
  const spans = [...oursEdits, ...virastarEdits].map(({ start, end }) => {
    while (start > 0 && !space(start - 1)) start--;
    while (end < tokens.length && !space(end)) end++;
    return [start, end] as [number, number];
  });
  spans.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const regions: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = regions.at(-1);
    if (last && (start <= last[1] || (start === last[1] + 1 && space(last[1])))) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  const result: Disagreement[] = [];
  for (const [start, end] of regions) {
    const oursText = apply(tokens, start, end, oursEdits);
    const virastarText = apply(tokens, start, end, virastarEdits);
    if (oursText === virastarText) continue;
    result.push({
      original: tokens.slice(start, end).join(''),
      ours: oursText,
      virastar: virastarText,
      before: tokens.slice(0, start).join(''),
      after: tokens.slice(end).join(''),
    });
  }
  return result;
}
