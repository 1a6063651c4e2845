import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
    // Integration tests build whole sites; give them room on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
