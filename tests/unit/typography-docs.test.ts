/**
 * The reporters' guide (docs/typography.md) shows the rule table and the table of deliberate
 * differences with Virastar as their one source each makes them: run `npm run docs:typography`
 * after changing a rule, its advice or a choice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUIDE, withTables } from '../../scripts/typography-docs.ts';
import { TYPOGRAPHY_RULES } from '../../src/lib/persian/typography';
import { VIRASTAR_CHOICES } from '../../src/lib/persian/typography/virastar-choices';
import { projectRoot } from '../helpers/build-site';

describe("the reporters' typography guide", () => {
  const guide = readFileSync(GUIDE, 'utf8');

  it('holds the tables npm run docs:typography writes', async () => {
    expect(await withTables(guide)).toBe(guide);
  });

  it("names every rule and every deliberate choice, and the reporters' guide and the README link to it", () => {
    for (const { id } of [...TYPOGRAPHY_RULES, ...VIRASTAR_CHOICES]) expect(guide).toContain(`| \`${id}\``);
    expect(readFileSync(path.join(projectRoot, 'docs/reporters-guide.md'), 'utf8')).toContain('(typography.md)');
    expect(readFileSync(path.join(projectRoot, 'README.md'), 'utf8')).toContain('(docs/typography.md)');
  });
});
