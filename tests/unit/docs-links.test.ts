/**
 * The documentation holds together: every relative link and anchor of README.md, CONTRIBUTING.md and
 * docs/*.md resolves, every source file they name exists, and every place the code sends a reader
 * to (`docs/reference.md#frontmatter`, `docs/operations.md «Reader comments»`) is a heading that
 * exists under that name, by GitHub's anchor rules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  anchors,
  docReferences,
  formatDocProblem,
  githubSlug,
  headings,
  linkProblems,
  links,
  missingPaths,
  namedPaths,
  referenceProblems,
} from '../helpers/doc-links';

const root = path.resolve(import.meta.dirname, '../..');
const thisFile = path.relative(root, import.meta.filename);

const docs = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The project's own code and configuration, where messages and comments point into the docs. */
function codeFiles(): string[] {
  const files: string[] = [
    '.ci/run',
    'astro.config.mjs',
    'staticman.yml',
    'package.json',
    'vitest.config.ts',
    'eslint.config.js',
  ];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const file = `${dir}/${name}`;
      if (file === 'tests/fixtures' || file === 'tests/.tmp') continue;
      if (statSync(path.join(root, file)).isDirectory()) walk(file);
      else if (/\.(ts|mjs|js|astro|ya?ml|json)$/.test(name) && file !== thisFile) files.push(file);
    }
  };
  for (const dir of ['src', 'scripts', 'tests', '.github']) walk(dir);
  return files;
}

describe('GitHub anchors', () => {
  it('are made as github-slugger makes them, Persian headings and ZWNJ included', () => {
    expect(githubSlug('Feeds, sitemaps and search engines')).toBe('feeds-sitemaps-and-search-engines');
    expect(githubSlug('Built in place of the site before, never half-written')).toBe(
      'built-in-place-of-the-site-before-never-half-written',
    );
    expect(githubSlug("Astro's own incremental build")).toBe('astros-own-incremental-build');
    expect(githubSlug('What a story costs at 100,000 articles')).toBe('what-a-story-costs-at-100000-articles');
    expect(githubSlug('گروه\u200cها و نویسندگان')).toBe('گروهها-و-نویسندگان');
    expect(githubSlug('What `check:content` says')).toBe('what-checkcontent-says');
  });

  it('number repeated headings and ignore code blocks', () => {
    const markdown = '# Deploying\n\n```md\n# Not a heading\n```\n\n## Deploying\n\n### [Linked](x.md) `code`\n';
    expect(headings(markdown)).toEqual(['Deploying', 'Deploying', 'Linked code']);
    expect([...anchors(markdown)]).toEqual(['deploying', 'deploying-1', 'linked-code']);
  });
});

describe('the documentation', () => {
  it('has the front door, the contributors guide and a file for each audience', () => {
    for (const file of [
      'docs/reporters-guide.md',
      'docs/typography.md',
      'docs/reference.md',
      'docs/operations.md',
      'docs/architecture.md',
    ]) {
      expect(docs).toContain(file);
    }
  });

  it('links only to files and headings that exist', () => {
    const all = docs.flatMap((file) => links(readFileSync(path.join(root, file), 'utf8')));
    // Each audience's file links on to the others, with anchors.
    expect(all.filter(({ target }) => target.includes('.md#')).length).toBeGreaterThan(30);
    expect(linkProblems(root, docs).map(formatDocProblem)).toEqual([]);
  });

  it('finds a broken link, a missing anchor and a root-relative link', () => {
    const markdown = [
      '# Title',
      '',
      '[gone](nowhere.md) [bad anchor](reference.md#no-such-heading) [root](/docs/x.md)',
      '[fine](#title) [fine too](reference.md#frontmatter) `[in code](nowhere.md)` [web](https://example.org/x.md)',
    ].join('\n');
    const problems = linkProblems(root, ['docs/broken.md'], { 'docs/broken.md': markdown }).map(formatDocProblem);
    expect(problems).toEqual([
      'docs/broken.md:3: nowhere.md: docs/nowhere.md does not exist',
      'docs/broken.md:3: reference.md#no-such-heading: docs/reference.md has no heading with the anchor #no-such-heading',
      'docs/broken.md:3: /docs/x.md: a root-relative link; write it relative to this file',
    ]);
  });

  it('names only source files that exist', () => {
    const named = docs.flatMap((file) => namedPaths(readFileSync(path.join(root, file), 'utf8')));
    expect(named.length).toBeGreaterThan(50);
    expect(missingPaths(root, docs).map(formatDocProblem)).toEqual([]);
  });

  it('finds a source file that moved', () => {
    const markdown = 'Built by `scripts/build.ts` and `src/lib/gone.ts`; see `src/lib/*-integration.ts`.';
    expect(missingPaths(root, ['docs/moved.md'], { 'docs/moved.md': markdown }).map(formatDocProblem)).toEqual([
      'docs/moved.md:1: src/lib/gone.ts does not exist',
    ]);
  });
});

describe('references from the code into the documentation', () => {
  const references = codeFiles().flatMap((file) => docReferences(file, readFileSync(path.join(root, file), 'utf8')));

  it('are found: error messages, comments, the deploy workflow and the Staticman settings', () => {
    const files = new Set(references.filter((r) => r.anchor ?? r.heading).map((r) => r.file));
    for (const file of [
      'src/lib/content/check.ts',
      'scripts/import-legacy.ts',
      '.github/workflows/deploy.yml',
      'staticman.yml',
    ]) {
      expect(files).toContain(file);
    }
  });

  it('name files and headings that exist', () => {
    expect(referenceProblems(root, references).map(formatDocProblem)).toEqual([]);
  });

  it('are caught when the heading is renamed or was never there', () => {
    const text = [
      "'see README «Frontmatter»'",
      '// docs/reference.md#frontmatter and docs/reference.md#front-matter.',
      "see the README's «Quick start», docs/nowhere.md",
    ].join('\n');
    const problems = referenceProblems(root, docReferences('src/example.ts', text)).map(formatDocProblem);
    expect(problems).toEqual([
      'src/example.ts:1: README.md has no heading «Frontmatter»',
      'src/example.ts:2: docs/reference.md has no heading with the anchor #front-matter',
      'src/example.ts:3: docs/nowhere.md does not exist',
    ]);
  });
});
