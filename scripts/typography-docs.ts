/**
 * `npm run docs:typography`: writes the two generated tables of the reporters' guide
 * (docs/typography.md) from their one source each: the rule table from the rule registry
 * (src/lib/persian/typography/registry.ts, advice from src/i18n/fa.ts), the table of deliberate
 * differences with Virastar from src/lib/persian/typography/virastar-choices.ts. Everything between
 * a table's start and end marks is replaced; the rest of the guide is written by hand. A unit test
 * (tests/unit/typography-docs.test.ts) fails when the guide is not what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { typographyAdvice } from '../src/i18n/fa.ts';
import { showInvisible, TYPOGRAPHY_RULES } from '../src/lib/persian/typography.ts';
import { VIRASTAR_CHOICES } from '../src/lib/persian/typography/virastar-choices.ts';

export const GUIDE = path.join(import.meta.dirname, '../docs/typography.md');

/** A table cell, Markdown's own characters escaped so that the text is shown as typed. */
function cell(text: string) {
  return text.replace(/[\\`*_|<>[\]]/g, (ch) => `\\${ch}`);
}

/**
 * An example's cell: its invisible characters shown as check:content shows them (· a ZWNJ, ¬ a
 * soft hyphen), since where they go is the point.
 */
const example = (text: string) => cell(showInvisible(text));

/** The rule table: every rule, its example, whether it is applied or suggested, its advice. */
export function ruleTable() {
  const rows = TYPOGRAPHY_RULES.map(
    ({ id, safety, example: { before, after } }) =>
      `| \`${id}\` | ${example(before)} | ${example(after)} | ${safety === 'safe' ? 'خودکار' : 'پیشنهاد'} | ${cell(typographyAdvice[id])} |`,
  );
  return ['| قاعده | نوشته | درست | اصلاح | چه باید کرد |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table of deliberate differences with Virastar, each with its checked example. */
export function choicesTable() {
  const rows = VIRASTAR_CHOICES.map(
    ({ id, title, why, example: { text, virastar, bayegan } }) =>
      `| \`${id}\`: ${cell(title)} | ${example(text)} | ${example(virastar)} | ${example(bayegan)} | ${cell(why)} |`,
  );
  return ['| تفاوت | نوشته | ویراستار | بایگان | چرا |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The guide with both tables written between their marks, formatted as Prettier formats the repo. */
export async function withTables(guide: string): Promise<string> {
  const replace = (text: string, name: string, table: string) => {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${GUIDE} has no ${start} … ${end} marks`);
    return `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`;
  };
  const text = replace(replace(guide, 'rules', ruleTable()), 'virastar-choices', choicesTable());
  const options = await resolveConfig(GUIDE);
  return format(text, { ...options, filepath: GUIDE });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readFileSync(GUIDE, 'utf8');
  const after = await withTables(before);
  if (after === before) console.log(`${path.relative(process.cwd(), GUIDE)} is up to date`);
  else {
    writeFileSync(GUIDE, after);
    console.log(`wrote the rule and Virastar tables of ${path.relative(process.cwd(), GUIDE)}`);
  }
}
