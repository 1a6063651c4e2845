// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Astro's `render()` gives an article its body only after `withRenderedBody` put back the HTML kept
 * beside the content store (docs/architecture.md, «Article bodies are kept beside the content
 * store»); without it a Markdown article renders with an empty body, silently. articleBodyHtml()
 * is the one place that calls it.
 */
const renderOnlyInArticleBodies = {
  name: 'astro:content',
  importNames: ['render'],
  message:
    'Use articleBodyHtml() of src/data/article-bodies.ts: it is the one place that calls render(), after putting back the body kept beside the content store (withRenderedBody).',
};

/**
 * Code under src/ reaches another folder of src/ through the package's subpath imports
 * (package.json "imports": `#lib/paths.ts` is src/lib/paths.ts), which Astro, Vite, TypeScript,
 * vitest and plain Node all understand; `./` stays for a module's own folder and below.
 */
const noParentImports = {
  group: ['../*', '..'],
  message: 'Import another folder of src/ as #<folder>/<file> (package.json "imports"), e.g. #lib/paths.ts.',
};

export default defineConfig(
  { ignores: ['dist/', 'dist.*/', 'dist-segment-*/', '.astro/', 'node_modules/', 'coverage/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The content schema guarantees what the type system cannot see (e.g. a checked reference).
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { paths: [renderOnlyInArticleBodies] }],
    },
  },
  {
    // Node runs the scripts as they are (type stripping, no bundler), and it resolves a relative
    // import only when it names the file: `./lib/frontmatter.ts`, never `./lib/frontmatter`.
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\.?/(?!.*\\.(?:ts|mjs|json)$)',
              message: 'Name the file with its extension: Node runs the scripts without a bundler.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // A later block replaces the rule's options rather than adding to them, so each block lists all.
  {
    files: ['src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [renderOnlyInArticleBodies], patterns: [noParentImports] }] },
  },
  {
    files: ['src/data/article-bodies.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noParentImports] }] },
  },
);
