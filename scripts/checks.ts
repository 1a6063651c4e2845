/**
 * `npm run checks`: the static checks of `npm test` (`astro check`, ESLint, Prettier), all three at
 * once. Each is one single-threaded process, so side by side on two cores they take about half the
 * time they take in a row (31 s of CPU, a quarter of a minute of `npm test`). Each one's output is
 * printed whole, in a fixed order, once it has ended; the exit code is non-zero if any failed.
 */
import { spawn } from 'node:child_process';
import './check-node.mjs';

/** The npm scripts run, in the order their output is printed. */
const CHECKS = ['typecheck', 'lint', 'format:check'];

interface Outcome {
  name: string;
  status: number | null;
  output: string;
  seconds: number;
}

function run(name: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // The same npm that runs this script, so the checks run exactly as `npm run <name>` would.
    const npm = process.env['npm_execpath'];
    const child = npm
      ? spawn(process.execPath, [npm, 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ name, status, output, seconds: (performance.now() - started) / 1000 }));
  });
}

const outcomes = await Promise.all(CHECKS.map(run));
for (const { name, status, output, seconds } of outcomes) {
  console.log(`\n> ${name}: ${status === 0 ? 'passed' : `failed (exit code ${status})`} in ${seconds.toFixed(1)} s`);
  if (output.trim()) console.log(output.trimEnd());
}
const failed = outcomes.filter((outcome) => outcome.status !== 0).map((outcome) => outcome.name);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
