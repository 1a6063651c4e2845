/**
 * A newsroom's day: stories arrive a few at a time, each followed by `npm run build`. The lists'
 * numbered pages (counted from the oldest) and the search index's latest and recent shards move as
 * they fill up; after every step the incremental site must be exactly what a build from scratch
 * writes, and a full numbered page must never change again.
 *
 * Settings: tests/fixtures/search-site.config.ts (3 stories a page; latest search shard under 4
 * articles, recent under 10), so a few stories cross every boundary.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../src/lib/persian/digits';
import { buildSite, projectRoot, tmpRoot, type BuildResult } from '../helpers/build-site';
import { differences, siteFiles } from '../helpers/site-files';

const NOW = '2025-01-01T12:00:00+03:30';
const root = path.join(tmpRoot, 'growth');
const contentDir = path.join(root, 'content');
const outDir = path.join(root, 'dist');
const siteConfig = path.join(projectRoot, 'tests/fixtures/search-site.config.ts');
const env = {
  BAYEGAN_NOW: NOW,
  BAYEGAN_OUT_DIR: outDir,
  BAYEGAN_CACHE_DIR: path.join(root, 'cache'),
  BAYEGAN_SITE_CONFIG: siteConfig,
};

/** Culture stories 100, 101, …, one a day in Dey 1403. */
function addStories(ids: number[]) {
  for (const id of ids) {
    writeFileSync(
      path.join(contentDir, 'articles', `story-${id}.md`),
      [
        '---',
        `id: ${id}`,
        `title: 'گزارش فرهنگی شمارهٔ ${toPersianDigits(id)}'`,
        "lead: 'گزارشی کوتاه از رویدادهای فرهنگی.'",
        `date: 1403/10/${String(id - 99).padStart(2, '0')} 09:00`,
        'category: culture',
        "tags: ['کتاب']",
        "authors: ['ali-rezaei']",
        '---',
        '',
        `متن گزارش فرهنگی شمارهٔ ${toPersianDigits(id)}.`,
        '',
      ].join('\n'),
    );
  }
}

const shards = () =>
  (JSON.parse(readFileSync(path.join(outDir, 'pagefind/shards.json'), 'utf8')) as { shards: { id: string }[] }).shards;
/**
 * Files a step of one to three stories may change: at most 104 were measured (the step that seals a
 * search shard; 6 of them feeds, 3 of those the JSON feeds of issue 21).
 */
const FILES_A_STEP_CHANGES = 110;
const rendered = (build: BuildResult) => Number(/Rendered (\d+) changed archive pages/.exec(build.output)?.[1]);

/** The steps: stories added, then the site checked. */
const STEPS = [[100, 101], [102], [103, 104, 105], [106, 107]];
const sites: Map<string, Buffer>[] = [];
const builds: BuildResult[] = [];

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/archive'), contentDir, { recursive: true });
  const first = await buildSite('growth', contentDir, env);
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
  sites.push(siteFiles(outDir));
  for (const ids of STEPS) {
    addStories(ids);
    const build = await buildSite('growth', contentDir, env);
    if (build.status !== 0) throw new Error(`build after stories ${ids.join(', ')} failed:\n${build.output}`);
    builds.push(build);
    sites.push(siteFiles(outDir));
  }
});

describe('stories arriving one build at a time', () => {
  it('render only a few pages each time, into the site the build before replaced', () => {
    for (const build of builds) expect(rendered(build)).toBeLessThan(40);
    // The first build had no site to replace; from the third on, each updates the one replaced.
    for (const build of builds.slice(1)) expect(build.output).toContain('into the site it replaced');
  });

  it('change each feed a story appears in, in both formats, and no other feed', () => {
    const isFeed = (file: string) => /(^|\/)(rss\.xml|feed\.json)$/.test(file);
    const feeds = (folder: string) => [`${folder}feed.json`, `${folder}rss.xml`];
    // Every story is a culture story by ali-rezaei: the site's feeds, the section's and the reporter's.
    const expected = [...feeds(''), ...feeds('author/ali-rezaei/'), ...feeds('category/culture/')].sort();
    for (let step = 1; step < sites.length; step++) {
      const changed = differences(sites[step - 1]!, sites[step]!);
      expect(changed.filter(isFeed), `step ${step}`).toEqual(expected);
      // What a story sends to the CDN: its pages, the lists and feeds it is in, the search files.
      expect(changed.length, `step ${step}: ${changed.join(' ')}`).toBeLessThan(FILES_A_STEP_CHANGES);
    }
    expect([...sites.at(-1)!.keys()].filter(isFeed)).toContain('author/newsroom/feed.json');
  });

  it('never change the stories of a numbered list page once it is full', () => {
    // 1 older culture story, then 2, 1, 3 and 2 new ones: page 1 is full from the second step on,
    // page 2 from the third, page 3 at the last.
    const stories = (page: number) =>
      sites.map((site) => {
        const html = site.get(`category/culture/${page}/index.html`);
        if (!html) return undefined;
        const links = [...html.toString().matchAll(/class="card__title"[^>]*><a href="([^"]+)"/g)];
        return links.map((match) => match[1]).join(' ');
      });
    expect(stories(1).slice(0, 2)).toEqual([undefined, undefined]);
    expect(new Set(stories(1).slice(2)).size).toBe(1);
    expect(stories(1)[2]!.split(' ')).toHaveLength(3);
    expect(new Set(stories(2).slice(3)).size).toBe(1);
    expect(stories(3).at(-1)!.split(' ')).toHaveLength(3);
    expect(sites.at(-1)!.has('category/culture/4/index.html')).toBe(false);
  });

  it('moves the latest search shard into the recent one and that into the years as they fill up', () => {
    // 3 published fixture articles + 8 stories = 11: 10 by years, 1 in the latest shard.
    expect(shards().map((shard) => shard.id)[0]).toBe('latest');
    expect(shards().some((shard) => shard.id === 'newer')).toBe(false);
    expect(shards().length).toBeGreaterThan(2);
  });

  it('writes exactly the site a build from scratch writes', async () => {
    rmSync(path.join(tmpRoot, 'growth-scratch'), { recursive: true, force: true });
    const scratch = await buildSite('growth-scratch', contentDir, {
      BAYEGAN_NOW: NOW,
      BAYEGAN_SITE_CONFIG: siteConfig,
    });
    expect(scratch.status, scratch.output).toBe(0);
    expect(differences(sites.at(-1)!, siteFiles(scratch.outDir))).toEqual([]);
  });
});
