// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', '.astro/', 'node_modules/', 'coverage/', 'tests/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The content schema guarantees what the type system cannot see (e.g. a checked reference).
      '@typescript-eslint/no-non-null-assertion': 'off',
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
);
