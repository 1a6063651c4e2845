/**
 * WebSub in the deploy workflows (.github/workflows/deploy.yml and build-segments.yml,
 * docs/operations.md#websub): the steps that find the feeds a build changed
 * (.github/actions/feed-digests and changed-feeds) and tell the hub (.github/workflows/websub.yml),
 * run as GitHub's runner runs them (bash -eo pipefail) on feeds written by the real generators, with
 * a stand-in `curl` that records what it would send. No network.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonFeedText } from '../../src/lib/feeds/json-feed';
import { rssFeedXml, type FeedOptions } from '../../src/lib/feeds/rss';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string[];
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
const workflow = (file: string) =>
  parseYaml(readFileSync(path.resolve('.github/workflows', file), 'utf8')) as { jobs: Record<string, Job> };
const deploy = workflow('deploy.yml');
const segmented = workflow('build-segments.yml');
const actionSteps = (name: string) =>
  (parseYaml(readFileSync(path.resolve('.github/actions', name, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } })
    .runs.steps;
const script = (steps: Step[], name: string) => {
  const found = steps.find((s) => s.name === name);
  if (!found?.run) throw new Error(`no step "${name}"`);
  return found.run;
};

const SITE = 'https://khabar.example.ir';
const HUB = 'https://hub.example.net/';
const ECONOMY = encodeURIComponent('اقتصاد');

let dir: string;
let runnerTemp: string;

/** Runs a step's script in `dir` as the runner does, with `env` (and the runner's own variables). */
function run(script: string, env: Record<string, string> = {}) {
  const output = path.join(runnerTemp, 'output.txt');
  writeFileSync(output, '');
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: dir,
    env: {
      PATH: `${path.join(dir, 'bin')}:${process.env['PATH']}`,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: output,
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, log: result.stdout + result.stderr, outputs: readFileSync(output, 'utf8') };
}

/** The step outputs written to GITHUB_OUTPUT, `name=value` and `name<<DELIMITER` forms. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(\S+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

/** Writes both feeds of a page into dist/, as the build does, with `title` as the one item's title (`hub` null: none). */
async function writeFeeds(folder: string, title: string, hub: string | null = HUB) {
  const sitePath = folder ? `/${folder}/` : '/';
  const options = (file: string): FeedOptions => ({
    title: 'بایگان',
    description: 'خبرها',
    link: `${SITE}${sitePath}`,
    selfUrl: `${SITE}${sitePath}${file}`,
    imageUrl: `${SITE}/logo.png`,
    items: [
      {
        title,
        url: `${SITE}/news/1/`,
        date: new Date('2026-11-30T06:00:00Z'),
        lead: 'لید',
        html: '<p>متن با "نقل قول" و rel="hub"</p>',
        categories: ['اقتصادی'],
        authors: ['علی رضایی'],
      },
    ],
    limit: 50,
    hub: hub ?? undefined,
  });
  const out = path.join(dir, 'dist', decodeURIComponent(folder));
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'rss.xml'), await rssFeedXml(options('rss.xml')));
  writeFileSync(path.join(out, 'feed.json'), jsonFeedText(options('feed.json')));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bayegan-websub-'));
  runnerTemp = path.join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  // A stand-in curl: records its arguments, fails for one feed as a hub that refuses it would.
  mkdirSync(path.join(dir, 'bin'));
  writeFileSync(
    path.join(dir, 'bin', 'curl'),
    `#!/bin/bash\nprintf '%s\\n' "$*" >> "${path.join(dir, 'curl.log')}"\ncase "$*" in *refused*) exit 22 ;; esac\n`,
  );
  chmodSync(path.join(dir, 'bin', 'curl'), 0o755);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digests = (into: string) =>
  run(script(actionSteps('feed-digests'), "Note the feeds' digests"), { SITE: 'dist', INTO: into });
const before = () => digests(path.join(runnerTemp, 'feeds-before.txt'));
/** The changed-feeds action: the built site's digests, then the list. */
const list = () => {
  const after = path.join(runnerTemp, 'feeds-after.txt');
  expect(actionSteps('changed-feeds')[0]).toMatchObject({ uses: './.github/actions/feed-digests' });
  expect(digests(after).status).toBe(0);
  return run(script(actionSteps('changed-feeds'), 'List the feeds this build changed'), {
    SITE: 'dist',
    BEFORE: path.join(runnerTemp, 'feeds-before.txt'),
    AFTER: after,
  });
};

describe('the deploy workflow with a WebSub hub', () => {
  it('lists the feeds the build changed or added, by their own addresses, and the hub', async () => {
    await writeFeeds('', 'خبر یک');
    await writeFeeds(`category/${ECONOMY}`, 'خبر یک');
    await writeFeeds('author/ali-rezaei', 'خبر یک');
    expect(before().status).toBe(0);
    // The build: a story in the economy section, a new reporter; the reporter above unchanged.
    await writeFeeds('', 'خبر دو');
    await writeFeeds(`category/${ECONOMY}`, 'خبر دو');
    await writeFeeds('author/sara-ahmadi', 'خبر دو');
    const { status, outputs, log } = list();
    expect(status, log).toBe(0);
    const { hub, urls } = parseOutputs(outputs);
    expect(hub).toBe(HUB);
    expect(urls!.split('\n').sort()).toEqual(
      [
        `${SITE}/author/sara-ahmadi/feed.json`,
        `${SITE}/author/sara-ahmadi/rss.xml`,
        `${SITE}/category/${ECONOMY}/feed.json`,
        `${SITE}/category/${ECONOMY}/rss.xml`,
        `${SITE}/feed.json`,
        `${SITE}/rss.xml`,
      ].sort(),
    );
  });

  it('announces only the site feeds after a build without an earlier site, and nothing without a hub', async () => {
    await writeFeeds('', 'خبر یک');
    await writeFeeds('category/economy', 'خبر یک');
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(before().status).toBe(0);
    await writeFeeds('', 'خبر یک');
    await writeFeeds('category/economy', 'خبر یک');
    expect(parseOutputs(list().outputs)['urls']!.split('\n').sort()).toEqual([`${SITE}/feed.json`, `${SITE}/rss.xml`]);

    await writeFeeds('', 'خبر یک', null);
    expect(before().status).toBe(0);
    await writeFeeds('', 'خبر دو', null);
    const withoutHub = list();
    expect(withoutHub.status).toBe(0);
    expect(parseOutputs(withoutHub.outputs)).toEqual({ hub: '' });
    expect(withoutHub.log).toContain('No WebSub hub in the site settings.');
  });

  it('tells the hub of each changed feed with a publish ping, and only warns when the hub refuses one', () => {
    const ping = script(workflow('websub.yml').jobs['ping']!.steps, 'Tell the WebSub hub which feeds changed');
    const feeds = [`${SITE}/rss.xml`, `${SITE}/category/${ECONOMY}/feed.json`, `${SITE}/refused/rss.xml`];
    const result = run(ping, { WEBSUB_HUB: HUB, CHANGED_FEEDS: feeds.join('\n') });
    expect(result.status, result.log).toBe(0);
    const calls = readFileSync(path.join(dir, 'curl.log'), 'utf8').trim().split('\n');
    expect(calls).toHaveLength(3);
    calls.forEach((call, index) => {
      expect(call).toContain('--data-urlencode hub.mode=publish');
      expect(call).toContain(`--data-urlencode hub.url=${feeds[index]}`);
      expect(call.endsWith(` ${HUB}`)).toBe(true);
    });
    expect(result.log).toContain(`Told ${HUB} of ${SITE}/rss.xml`);
    expect(result.log).toContain(`::warning::The WebSub hub ${HUB} did not take ${SITE}/refused/rss.xml`);
  });

  it('runs once the site is live, only with a hub and changed feeds, from the build job’s outputs', () => {
    for (const [file, jobs, built] of [
      ['deploy.yml', deploy.jobs, 'build'],
      ['build-segments.yml', segmented.jobs, 'merge'],
    ] as const) {
      const job = jobs['websub']!;
      expect(job.needs, file).toEqual([built, 'deploy-github-pages']);
      for (const condition of [
        `needs.${built}.result == 'success'`,
        `needs.${built}.outputs.websub-hub != ''`,
        `needs.${built}.outputs.changed-feeds != ''`,
        "needs.deploy-github-pages.result == 'success' || needs.deploy-github-pages.result == 'skipped'",
      ]) {
        expect(job.if, file).toContain(condition);
      }
      expect(job.uses, file).toBe('./.github/workflows/websub.yml');
      expect(job.with, file).toEqual({
        hub: `\${{ needs.${built}.outputs.websub-hub }}`,
        feeds: `\${{ needs.${built}.outputs.changed-feeds }}`,
      });
      expect(jobs[built]!.outputs, file).toEqual({
        'websub-hub': '${{ steps.feeds.outputs.hub }}',
        'changed-feeds': '${{ steps.feeds.outputs.urls }}',
      });
      const listing = jobs[built]!.steps.find((s) => s.id === 'feeds');
      expect(listing?.uses, file).toBe('./.github/actions/changed-feeds');
    }
    // actionlint reads one file at a time: the inputs passed must be the ones websub.yml declares.
    const called = parseYaml(readFileSync(path.resolve('.github/workflows/websub.yml'), 'utf8')) as {
      on: { workflow_call: { inputs: Record<string, { required?: boolean }> } };
    };
    expect(Object.keys(called.on.workflow_call.inputs).sort()).toEqual(['feeds', 'hub']);
    for (const step of [...actionSteps('feed-digests'), ...actionSteps('changed-feeds')]) {
      if (step.run) expect(step.shell).toBe('bash');
    }
  });

  it('compares with the site before the build (deploy.yml) or with the last merged site (build-segments.yml)', () => {
    const order = (steps: Step[]) => steps.map((s) => s.name ?? s.run ?? s.uses);
    const built = order(deploy.jobs['build']!.steps);
    const at = (name: string) => built.indexOf(name);
    expect(at('Restore the build cache and the previous site')).toBeLessThan(at('Note the feeds before the build'));
    expect(at('Note the feeds before the build')).toBeLessThan(at('npm run build'));
    expect(at('npm run build')).toBeLessThan(at('List the feeds this build changed'));
    const noted = deploy.jobs['build']!.steps.find((s) => s.name === 'Note the feeds before the build')!;
    const listed = deploy.jobs['build']!.steps.find((s) => s.id === 'feeds')!;
    expect(noted.with!['into']).toBe(listed.with!['before']);

    const merge = segmented.jobs['merge']!.steps;
    const merged = order(merge);
    const atMerge = (name: string) => merged.indexOf(name);
    expect(atMerge('Restore the feed digests of the last merged site')).toBeLessThan(
      atMerge('npm run merge -- --plan segment-plan.json segments/*'),
    );
    expect(atMerge('npm run merge -- --plan segment-plan.json segments/*')).toBeLessThan(
      atMerge('List the feeds this merge changed'),
    );
    const restored = merge.find((s) => s.name === 'Restore the feed digests of the last merged site')!;
    const saved = merge.find((s) => s.uses?.startsWith('actions/cache/save') && s.with?.['path'] === '.feed-digests')!;
    expect(saved.with!['path']).toBe(restored.with!['path']);
    expect(atMerge('List the feeds this merge changed')).toBeLessThan(merge.indexOf(saved));
    // The next run's "before" is this run's "after", under the path the cache keeps.
    const listing = merge.find((s) => s.id === 'feeds')!;
    expect(listing.with!['before']).toBe(`${restored.with!['path']}/site.txt`);
    const keep = script(merge, 'Save the feed digests of this merged site for the next run');
    expect(keep).toContain('"$RUNNER_TEMP/feeds-after.txt" .feed-digests/site.txt');
    expect(listing.with!['after']).toBe('${{ runner.temp }}/feeds-after.txt');
  });
});
