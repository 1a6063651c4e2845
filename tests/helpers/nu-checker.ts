/**
 * The W3C Nu HTML Checker (npm `vnu-jar`), the validator the HTML standard's own people use, run
 * over a built site: one Java start for all its pages and stylesheets. It needs a Java runtime
 * (17 or later); `.ci/run` installs Debian's `default-jre-headless` when there is none. Without
 * one the check is skipped, never passed, and the test summary says so once
 * (tests/summary-reporter.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** Words in the name of every test that runs the checker; the summary reporter looks for them. */
export const NU_CHECK_NAME = 'W3C Nu HTML Checker';

/** What to say when the check could not run. */
export const NU_MISSING_JAVA =
  'The W3C Nu HTML check did not run: no Java runtime (17 or later) was found. ' +
  'Install one (Debian: `apt-get install -y default-jre-headless`; `.ci/run` does it) or set JAVA_HOME.';

const jarPath = String(createRequire(import.meta.url)('vnu-jar'));

/** The `java` command to run, or undefined when there is none that works. */
export function findJava(): string | undefined {
  const home = process.env['JAVA_HOME'];
  const candidates = [home ? path.join(home, 'bin', 'java') : undefined, 'java'].filter((c) => c !== undefined);
  for (const java of candidates) {
    if (java !== 'java' && !existsSync(java)) continue;
    if (spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0) return java;
  }
  return undefined;
}

export interface NuMessage {
  /** Path relative to the site folder. */
  file: string;
  line: number;
  /** `error`, `info` or `warning` (an info message with subType warning). */
  type: string;
  message: string;
  extract?: string;
}

/** Every HTML page and stylesheet of a built site, relative to its folder. */
export function siteDocuments(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(html|css)$/.test(file) && !file.startsWith('pagefind'))
    .sort();
}

/** Checks the given files of `outDir` in one run of the checker; returns its messages. */
export function nuCheck(java: string, outDir: string, files: readonly string[]): NuMessage[] {
  const run = spawnSync(
    java,
    ['-jar', jarPath, '--format', 'json', '--stdout', '--exit-zero-always', '--also-check-css', ...files],
    { cwd: outDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`The Nu checker did not run (exit ${run.status}):\n${run.stderr}`);
  const { messages } = JSON.parse(run.stdout) as {
    messages: { url?: string; lastLine?: number; type: string; subType?: string; message: string; extract?: string }[];
  };
  return messages.map((m) => ({
    file: m.url ? path.relative(outDir, decodeURIComponent(new URL(m.url).pathname)) : '',
    line: m.lastLine ?? 0,
    type: m.type === 'info' && m.subType === 'warning' ? 'warning' : m.type,
    message: m.message,
    ...(m.extract ? { extract: m.extract } : {}),
  }));
}

/** One line per message, for a readable test failure. */
export const formatNuMessage = (m: NuMessage) => `${m.file}:${m.line}: ${m.type}: ${m.message}`;

/**
 * Messages that are not problems of ours, each with the reason. Informational messages that are
 * not warnings (e.g. «Trailing slash on void elements») are advice, not faults, and are not listed.
 */
export const ACCEPTED_NU_WARNINGS: readonly { message: RegExp; reason: string }[] = [];

/** A page with one known error, checked in the same run: a checker whose output is lost fails. */
const CANARY = '<!doctype html><html lang="fa" dir="rtl"><title>آزمون</title><p><time></time></p></html>';

/**
 * Checks every page and stylesheet of a built site in one run; returns its errors and the warnings
 * not accepted above, one line each. Throws when the checker misses the canary's known error.
 */
export function nuProblems(java: string, outDir: string): string[] {
  const canaryDir = mkdtempSync(path.join(os.tmpdir(), 'nu-canary-'));
  const canary = path.join(canaryDir, 'canary.html');
  writeFileSync(canary, CANARY);
  try {
    const messages = nuCheck(java, outDir, [...siteDocuments(outDir), canary]);
    const canaryFile = path.relative(outDir, canary);
    if (!messages.some((m) => m.file === canaryFile && m.type === 'error' && /“time”/.test(m.message))) {
      throw new Error('The Nu checker reported nothing on a page with a known error: its output is not being read.');
    }
    return messages
      .filter((m) => m.file !== canaryFile)
      .filter(
        (m) =>
          m.type === 'error' || (m.type === 'warning' && !ACCEPTED_NU_WARNINGS.some((a) => a.message.test(m.message))),
      )
      .map(formatNuMessage);
  } finally {
    rmSync(canaryDir, { recursive: true, force: true });
  }
}
