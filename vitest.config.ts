import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // One Chromium for the whole run, started when a browser test first asks for it.
    globalSetup: ['./tests/global-setup.ts'],
    // Three test files at a time on a 2-core machine: a file spends much of its time waiting (on the
    // disk, on Pagefind's and Chromium's own processes, on a page's network), and with two at once
    // the cores were idle a tenth of the run.
    maxWorkers: 3,
    // Integration tests build whole sites; give them room on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    projects: [
      // Unit tests import modules and touch nothing outside: one worker runs file after file without
      // starting afresh for each (about 8 s of CPU fewer for the ~60 files).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // Site builds and the browser: each file in a fresh worker.
      {
        extends: true,
        test: { name: 'sites', include: ['tests/integration/**/*.test.ts', 'tests/browser/**/*.test.ts'] },
      },
    ],
  },
});
