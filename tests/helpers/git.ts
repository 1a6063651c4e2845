import { spawnSync } from 'node:child_process';

/** Runs git in `cwd` and returns its output, trimmed; throws with git's message when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}
