/**
 * Article frontmatter as the newsroom scripts (`npm run new`, `import:legacy`) and the corpus
 * generator write and read it: the block of a Markdown file, YAML single-quoted scalars, the form of
 * the `date` field, the next free `id`. Pure: no file system, no clock.
 */
// The date's form has one home, shared with the web editor.
export { frontmatterDate, tehranDateTimeAt, type TehranDateTime } from '../../src/lib/dates/frontmatter-date.ts';

/** A YAML single-quoted scalar: `'…'`, with every `'` doubled; line breaks become spaces. */
export function yamlQuote(text: string): string {
  return `'${text.replace(/\s*[\r\n]+\s*/g, ' ').replaceAll("'", "''")}'`;
}

/** The frontmatter block of a Markdown file (between the opening and closing `---`), or '' if none. */
export function frontmatterOf(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? (match[1] ?? '') : '';
}

/** 1 + the largest `id:` in the given frontmatter blocks; 1 when there is none. */
export function nextFreeId(frontmatterTexts: Iterable<string>): number {
  let max = 0;
  for (const text of frontmatterTexts) {
    const match = /^id:[ \t]*['"]?(\d+)['"]?[ \t]*(?:#.*)?$/m.exec(text);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}
