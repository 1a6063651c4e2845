/**
 * Segmented builds (issue 23): the fixture archive built as three segments
 * (`npm run build -- --segment K/3`), merged with `npm run merge`, is byte for byte the site one
 * build writes (of the same archive, settings and "now"). Each segment renders
 * only its share, and a segment that does not hold the home page is still built incrementally.
 * After a new story, `npm run build -- --plan 3` names the segments to build; the others are merged
 * as the last merge had them, and the site is again byte for byte a whole build's.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, type PageManifest } from '../../src/lib/incremental/page-plan';
import { NO_MERGED_SITE, type SegmentReusePlan } from '../../src/lib/segment-reuse';
import { SEGMENT_FOLDER, SEGMENT_MANIFEST, SEGMENT_STAMP, SITE_UNIT } from '../../src/lib/segments';
import { LEFT_OUT_FIELD } from '../../src/lib/content/packed-data';
import { packedEntries } from '../../src/lib/content/packed-entries';
import { PLAN_INDEX_ENV } from '../../src/lib/content/plan-index';
import { renderedBodiesDir } from '../../src/lib/content/rendered-bodies';
import { contentDigest } from '../../src/lib/incremental/page-digest';
import { PLAN_CACHE_FOLDER } from '../../scripts/lib/segment-builds';
import { atLeast } from '../helpers/at-least';
import { buildSite, projectRoot, runScript, tmpRoot, type BuildResult, type ScriptRun } from '../helpers/build-site';
import { fixtureArchive } from '../helpers/shared-build';
import { differences, siteFiles } from '../helpers/site-files';

const COUNT = 3;
/**
 * The fixture archive's "now", with feeds of two items (tests/fixtures/segments-site.config.ts):
 * a segment renders the bodies of the articles it owns and of the newest few of its feeds only.
 */
const env = {
  ...fixtureArchive.env,
  BAYEGAN_SITE_CONFIG: path.join(projectRoot, 'tests/fixtures/segments-site.config.ts'),
};
/** MDX articles added to the fixture's one, in years of their own: each in the feeds of few segments. */
const MDX_ARTICLES = [
  { file: '1398/jashnvareh.mdx', id: 41, date: '1398/02/01 10:00', category: 'culture', author: 'ali-rezaei' },
  { file: '1401/bourse.mdx', id: 42, date: '1401/06/15 11:00', category: 'economy', author: 'ali-rezaei' },
  { file: '1402/namayeshgah.mdx', id: 43, date: '1402/03/03 09:30', category: 'culture', author: 'newsroom' },
];
/**
 * Three stories of the last two days before "now" (1404/01/12 12:00): all three are in the news
 * sitemap, which every segment renders, but only the newest two on the home page and in the feeds.
 */
const LAST_DAYS = [
  { file: '1404/khabar-yek.md', id: 45, date: '1404/01/11 09:00' },
  { file: '1404/khabar-do.md', id: 46, date: '1404/01/11 17:00' },
  { file: '1404/khabar-seh.md', id: 47, date: '1404/01/12 08:00' },
];
/**
 * A Markdown article with a picture in its body and one in its frontmatter, in a year of its own:
 * the segments that do not show its body leave it unrendered at content sync, and the one that
 * does renders it after, pictures included. It has a correction: the corrections page shows it.
 */
const PICTURED = { file: '1400/tasvir.md', id: 44, page: 'news/44/tasvir/index.html' };
/** An old story with a picture in its frontmatter that no page every build renders shows: the plan packs it. */
const PICTURED_OLD = { file: '1398/bazaar-qadim.md', id: 48 };
const root = path.join(tmpRoot, 'segments');
/**
 * A copy of the fixture archive, which the story below is added to. Every build of one site reads
 * its content from one folder: the path of each file is part of what its pages are made from.
 */
const content = path.join(root, 'content');
const segmentDir = (index: number) => path.join(root, `dist-segment-${index}-of-${COUNT}`);
/**
 * The odd segments index search as a segment build chooses by itself, after Astro has exited
 * (src/build/search-index.ts); the even one is made to index inside it: the merged site must be the same.
 */
const indexesAfterAstro = (index: number) => index % 2 === 1;
/**
 * This segment renders every page on the second thread a large build uses (src/build/page-workers.ts),
 * the others none: it owns the pictured story, whose optimised images Astro's image step writes
 * after the pages, on the build's own thread, where no page loaded the image service then.
 */
const PAGES_ON_SECOND_THREAD = 2;
const segmentEnv = (index: number) => ({
  ...env,
  BAYEGAN_OUT_DIR: segmentDir(index),
  BAYEGAN_CACHE_DIR: path.join(root, `cache-${index}`),
  ...(indexesAfterAstro(index) ? {} : { BAYEGAN_SEARCH_AFTER_ASTRO: 'never' }),
  ...(index === PAGES_ON_SECOND_THREAD ? { BAYEGAN_SECOND_THREAD: 'all' } : {}),
});
const mergedDir = path.join(root, 'dist');

/** Writes an article of the copy of the archive (`file` under its articles): frontmatter lines, then body lines. */
function writeArticle(file: string, frontmatter: string[], body: string[]) {
  const at = path.join(content, 'articles', file);
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, ['---', ...frontmatter, '---', '', ...body, ''].join('\n'));
}
const mergedCache = path.join(root, 'merge-cache');
const planFile = path.join(root, 'segment-plan.json');

/** `npm run build -- --plan 3` against the merged site: its manifest and the merge's record, in the merge's cache. */
async function planBuild(): Promise<{ run: BuildResult; planned: SegmentReusePlan }> {
  const run = await buildSite(
    'segments-plan',
    content,
    { ...env, BAYEGAN_CACHE_DIR: mergedCache, BAYEGAN_PLAN_FILE: planFile },
    ['--plan', String(COUNT)],
  );
  const planned = run.status === 0 ? (JSON.parse(readFileSync(planFile, 'utf8')) as SegmentReusePlan) : undefined;
  if (!planned) throw new Error(`the plan failed:\n${run.output}`);
  return { run, planned };
}

/** How many archive pages a build rendered, from what it printed. */
const renderedPages = (build: BuildResult) =>
  Number(/\[bayegan:incremental\] Rendered (?:all )?(\d+)/.exec(build.output)?.[1] ?? NaN);

let whole: BuildResult;
/** The plan of the workflow's first run, before any merge. */
let firstPlan: Awaited<ReturnType<typeof planBuild>>;
let segments: BuildResult[];
let merge: ScriptRun;

beforeAll(async () => {
  // Every build of this file starts cold, however often it is run: a whole build left by an
  // earlier run would be incremental and render nothing to compare with.
  for (const dir of [
    root,
    ...['segments-whole', 'segments-plan', 'segments-scratch'].map((name) => path.join(tmpRoot, name)),
  ]) {
    rmSync(dir, { recursive: true, force: true });
  }
  cpSync(fixtureArchive.content as string, content, { recursive: true });
  for (const article of MDX_ARTICLES) {
    writeArticle(
      article.file,
      [
        `id: ${article.id}`,
        `title: 'گزارش شمارهٔ ${article.id}'`,
        "lead: 'گزارشی با جعبهٔ خبر.'",
        `date: ${article.date}`,
        `category: ${article.category}`,
        `authors: ['${article.author}']`,
      ],
      [`<FactBox title="در یک نگاه">گزارش شمارهٔ ${article.id} در یک نگاه.</FactBox>`],
    );
  }
  for (const article of LAST_DAYS) {
    writeArticle(
      article.file,
      [
        `id: ${article.id}`,
        `title: 'خبر شمارهٔ ${article.id}'`,
        "lead: 'خبری از دو روز گذشته.'",
        `date: ${article.date}`,
        'category: economy',
        "authors: ['newsroom']",
      ],
      [`متن خبر شمارهٔ ${article.id}.`],
    );
  }
  const pictured = path.join(content, 'articles', PICTURED.file);
  mkdirSync(path.join(path.dirname(pictured), 'images'), { recursive: true });
  for (const picture of ['bazaar-entrance.jpg', 'carpets.jpg']) {
    cpSync(path.join(content, 'articles/1399/images', picture), path.join(path.dirname(pictured), 'images', picture));
  }
  writeArticle(
    PICTURED.file,
    [
      `id: ${PICTURED.id}`,
      "title: 'بازار در تصویر'",
      "lead: 'گزارشی تصویری از بازار.'",
      'date: 1400/08/20 12:00',
      'category: economy',
      "authors: ['newsroom']",
      'image: ./images/carpets.jpg',
      "imageAlt: 'فرش‌ها'",
      // Its headline is on the corrections page, which every segment renders: held in full by all.
      'corrections:',
      '  - date: 1400/08/21 09:00',
      "    text: 'نام بازار در نسخهٔ نخست نادرست آمده بود.'",
    ],
    ['ورودی بازار در صبح:', '', '![ورودی بازار](./images/bazaar-entrance.jpg)'],
  );
  mkdirSync(path.join(content, 'articles/1398/images'), { recursive: true });
  cpSync(
    path.join(content, 'articles/1399/images/bazaar-entrance.jpg'),
    path.join(content, 'articles/1398/images/bazaar-entrance.jpg'),
  );
  writeArticle(
    PICTURED_OLD.file,
    [
      `id: ${PICTURED_OLD.id}`,
      "title: 'بازار قدیم'",
      "lead: 'نگاهی به بازار در سال‌های دور.'",
      'date: 1398/04/10 10:00',
      'category: economy',
      "authors: ['newsroom']",
      'image: ./images/bazaar-entrance.jpg',
      "imageAlt: 'ورودی بازار'",
    ],
    ['بازار در آن سال‌ها شلوغ بود.'],
  );
  whole = await buildSite('segments-whole', content, env);
  if (whole.status !== 0) throw new Error(`whole build failed:\n${whole.output}`);
  firstPlan = await planBuild();
  segments = [];
  for (let index = 1; index <= COUNT; index++) {
    const build = await buildSite('segments', content, segmentEnv(index), ['--segment', `${index}/${COUNT}`]);
    if (build.status !== 0) throw new Error(`segment ${index} failed:\n${build.output}`);
    segments.push(build);
  }
  const dirs = Array.from({ length: COUNT }, (_, at) => segmentDir(COUNT - at)); // any order
  merge = await runScript('merge.ts', dirs, { BAYEGAN_OUT_DIR: mergedDir, BAYEGAN_CACHE_DIR: mergedCache });
  if (merge.status !== 0) throw new Error(`merge failed:\n${merge.stdout}${merge.stderr}`);
});

describe('a site built in segments and merged', () => {
  it('is byte for byte the site one build writes', () => {
    const expected = siteFiles(whole.outDir);
    atLeast(50, [...expected.keys()], 'files of the whole build');
    expect(differences(expected, siteFiles(mergedDir))).toEqual([]);
    expect(merge.stdout).toMatch(/Merged 3 segments/);
    // Some segment left out of its bundle the MDX articles only others render, and still the site is the same.
    expect(segments.some((build) => /MDX articles only other segments render are not bundled/.test(build.output))).toBe(
      true,
    );
    expect(readFileSync(path.join(mergedDir, 'news/42/bourse/index.html'), 'utf8')).toContain(
      'گزارش شمارهٔ 42 در یک نگاه.',
    );
    // Markdown bodies too: the segments that do not show a body left it unrendered at content sync.
    const unrendered = segments.map((build) =>
      Number(/bodies this build shows were rendered; (\d+) others are left unrendered/.exec(build.output)?.[1]),
    );
    expect(unrendered.every((count) => count >= 1)).toBe(true);
    const pictured = readFileSync(path.join(mergedDir, PICTURED.page), 'utf8');
    expect(pictured).toContain('ورودی بازار در صبح');
    expect(pictured).toMatch(
      /<img[^>]+alt="ورودی بازار"[^>]+src="\/_astro\/bazaar-entrance\.[^"]+"|<img[^>]+src="\/_astro\/bazaar-entrance\.[^"]+"[^>]+alt="ورودی بازار"/,
    );
    // The segment whose pages the second thread rendered wrote the pictured story's optimised images.
    const secondThreadOutput = segments[PAGES_ON_SECOND_THREAD - 1]!.output;
    expect(secondThreadOutput).toMatch(/[1-9]\d* pages were rendered by the second thread/);
    // It took the plan this thread made (src/build/page-workers.ts): a page it did not own would fail there.
    expect(secondThreadOutput).not.toMatch(/failed on the second thread/);
    const optimised = readdirSync(path.join(segmentDir(PAGES_ON_SECOND_THREAD), '_astro'));
    expect(optimised.filter((file) => /^bazaar-entrance\.[^.]+\.webp$/.test(file))).not.toEqual([]);
    // Each segment held in full only the articles its pages show, the others packed: the site is the same.
    const heldInFull = segments.map((build) => {
      const [, held, published] = /held (\d+) of (\d+) published articles in full/.exec(build.output) ?? [];
      return Number(held) / Number(published);
    });
    expect(heldInFull.every((share) => share > 0 && share <= 1)).toBe(true);
    expect(heldInFull.some((share) => share < 1)).toBe(true);
    // The pages read the archive as content sync did, and took its reckoning rather than make it again.
    for (const build of segments) expect(build.output).toContain('its share as content sync reckoned it');
    // Each but the segment of the site's pages (whose sitemaps name every article) released the
    // packed articles' files and paths, and still the site is the same.
    const released = segments.map((build) => build.output.includes('their files and paths released'));
    expect(released.filter((done) => !done)).toHaveLength(1);
    const siteSegment = released.indexOf(false) + 1;
    const siteStamp = readFileSync(path.join(segmentDir(siteSegment), SEGMENT_STAMP), 'utf8');
    expect((JSON.parse(siteStamp) as { units: string[] }).units).toContain(SITE_UNIT);
    // Content sync packed them already, from the same reckoning: its data store holds the same share in full.
    for (const [at, build] of segments.entries()) {
      const [, keptAtSync, packedAtSync] =
        /(\d+) articles are kept in full \(\d+ read again\), (\d+) packed/.exec(build.output) ?? [];
      expect(Number(keptAtSync)).toBe(Number(/held (\d+) of/.exec(build.output)?.[1]));
      expect(Number(packedAtSync)).toBeGreaterThan(0);
      // Beside the store, which Astro writes as one string: it holds the share in full only.
      const cache = path.join(root, `cache-${at + 1}`);
      expect(readFileSync(path.join(cache, 'data-store.json'), 'utf8')).not.toContain(LEFT_OUT_FIELD);
      const packed = packedEntries('read from the file', renderedBodiesDir(cache, 'articles'));
      expect(packed?.count ?? 0).toBe(Number(packedAtSync));
    }
    // A segment that owns no search shard has nothing to index, and so nothing to leave until later.
    const shardsIndexed = (output: string) => {
      const found = /Indexed \d+ articles for search in [\d.]+ s: (\d+) shard\(s\) \((\d+) of them in place/.exec(
        output,
      );
      return found ? Number(found[1]) - Number(found[2]) : 0;
    };
    const afterAstro = segments.map((build) => /\(after Astro had exited\)/.test(build.output));
    expect(afterAstro).toEqual(
      segments.map((build, at) => indexesAfterAstro(at + 1) && shardsIndexed(build.output) > 0),
    );
    expect(afterAstro).toContain(true);
  });

  it('keeps in full only the comments of the articles whose pages a segment renders, the others packed', () => {
    // The fixture's three comments are article 7's: one segment renders its page.
    const renders = segments.map((_, at) => existsSync(path.join(segmentDir(at + 1), 'news', '7')));
    expect(renders.filter(Boolean)).toHaveLength(1);
    for (const [at, build] of segments.entries()) {
      const [, kept, packed] =
        /comments: (\d+) kept in full \(of the articles this segment's pages show\), (\d+) packed\./.exec(
          build.output,
        ) ?? [];
      expect([Number(kept), Number(packed)], build.output).toEqual(renders[at] ? [3, 0] : [0, 3]);
    }
  });

  it('rendered each page in one segment only: together the pages one build renders', () => {
    const counts = segments.map(renderedPages);
    // The site unit (home, search page, site feeds…) has no page list: its segment may render none.
    expect(counts.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(renderedPages(whole));
    expect(renderedPages(whole)).toBeGreaterThan(20);
  });

  it('gives every file but the shared _astro/ ones to exactly one segment, stamped', () => {
    const held = new Map<string, number>();
    for (let index = 1; index <= COUNT; index++) {
      const stamp = JSON.parse(readFileSync(path.join(segmentDir(index), SEGMENT_STAMP), 'utf8')) as {
        index: number;
        count: number;
        now: string;
      };
      expect(stamp).toMatchObject({ index, count: COUNT, now: fixtureArchive.env.BAYEGAN_NOW });
      for (const file of siteFiles(segmentDir(index)).keys()) {
        if (file.startsWith(`${SEGMENT_FOLDER}/`) || file.startsWith('_astro/')) continue;
        expect(held.get(file), file).toBeUndefined();
        held.set(file, index);
      }
    }
    expect(new Set(held.values()).size).toBe(COUNT);
    expect(existsSync(path.join(mergedDir, SEGMENT_FOLDER))).toBe(false);
    // The lists' settled pages are spread with their stories: the front pages are the home page's.
    const listOwners = (pattern: RegExp) =>
      new Set([...held].filter(([file]) => pattern.test(file)).map(([, index]) => index));
    expect(listOwners(/^(category|tag|author|archive)\/[^/]+\/\d+\/index\.html$/).size).toBeGreaterThan(1);
    expect(listOwners(/^(category|tag|author)\/[^/]+\/index\.html$|^index\.html$/).size).toBe(1);
  });

  it('joins the segments’ manifests into the one the whole build recorded', () => {
    const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PageManifest;
    const merged = read(path.join(mergedCache, MANIFEST_FILE));
    const expected = read(path.join(tmpRoot, 'segments-whole', 'cache', MANIFEST_FILE));
    expect(merged.buildDigest).toBe(expected.buildDigest);
    expect(merged.pages).toEqual(expected.pages);
    expect(merged.derived).toEqual(expected.derived);
    expect(merged.files).toEqual(expected.files);
    // Each segment's manifest in the order of its keys, whatever order its pages were rendered and
    // indexed in: the same segment output from every build of it.
    for (const index of [1, 2, 3]) {
      const { pages, derived } = read(path.join(segmentDir(index), SEGMENT_MANIFEST));
      for (const record of [pages, ...Object.values(derived ?? {})]) {
        expect(Object.keys(record)).toEqual(Object.keys(record).sort());
      }
    }
  });

  it('builds a segment without the home page again incrementally: nothing rendered, the same files', async () => {
    const index = [1, 2, 3].find((at) => !existsSync(path.join(segmentDir(at), 'index.html')))!;
    const before = siteFiles(segmentDir(index));
    const again = await buildSite('segments', content, segmentEnv(index), [`--segment=${index}/${COUNT}`]);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/Rendered 0 changed archive pages; carried \d+ unchanged pages/);
    // No file is read again, those of the articles it keeps packed beside its store included.
    expect(again.output).toMatch(/articles: 0 of \d+ files changed since the last build/);
    expect(again.output).toMatch(/\d+ articles are kept in full \(0 read again\), [1-9]\d* packed/);
    // The site files; the manifest the segment carries records the same pages in another order.
    const site = (files: Map<string, Buffer>) =>
      new Map([...files].filter(([file]) => !file.startsWith(`${SEGMENT_FOLDER}/manifest`)));
    expect(differences(site(before), site(siteFiles(segmentDir(index))))).toEqual([]);
  });

  it('refuses a segment build with no "now", and a merge of a folder that is no segment', async () => {
    const other = path.join(root, 'other-now');
    const build = await buildSite('segments', content, { ...segmentEnv(1), BAYEGAN_NOW: '' }, [
      '--segment',
      `1/${COUNT}`,
    ]);
    expect(build.status).toBe(1);
    expect(build.output).toMatch(/--segment needs BAYEGAN_NOW/);
    const refused = await runScript('merge.ts', [segmentDir(1), segmentDir(2), segmentDir(3), other], {
      BAYEGAN_OUT_DIR: path.join(root, 'refused'),
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${other}: not a segment output`);
    expect(existsSync(path.join(root, 'refused'))).toBe(false);
  });
});

describe('a new story builds only the segments it touches (npm run build -- --plan 3)', () => {
  /** Plans against the merged site, as every run of the workflow after the first. */
  async function plan(): Promise<{ run: BuildResult; planned: SegmentReusePlan }> {
    const made = await planBuild();
    // It keeps in full only what the pages every build renders show, and the articles naming a
    // picture; it fingerprints the others' pages from their packed entries (the next plan below
    // finds nothing changed, so those fingerprints are a whole build's).
    expect(made.run.output).toMatch(/articles are kept in full \(\d+ read again\), [1-9]\d* packed/);
    expect(made.run.output).toMatch(/[1-9]\d* pages fingerprinted/);
    return made;
  }
  /** The segment that holds the home page (the site unit), which every build renders. */
  const siteSegment = () => [1, 2, 3].find((at) => existsSync(path.join(segmentDir(at), 'index.html')))!;

  it('builds every segment the first time, with no merge to compare with, but reads the content for its index', () => {
    const { run, planned } = firstPlan;
    expect(planned.build).toEqual([1, 2, 3]);
    expect(Object.values(planned.reasons)).toEqual([NO_MERGED_SITE, NO_MERGED_SITE, NO_MERGED_SITE]);
    expect(run.output).toContain('No page fingerprinted: no merged site to compare with');
    // Its index, which a segment without a cache of its own starts from (below), and its content
    // cache, from which the next plan reads only the files that changed (below).
    expect(run.output).toMatch(/articles are kept in full \(\d+ read again\), [1-9]\d* packed/);
  });

  it('after a story, builds the segments it touches; merged with the others as they are, the site is a whole build’s', async () => {
    // A story by a new reporter in a new section, with a new tag: no list it is in has a page
    // that settles with it (one that does moves to its stories' year shard, src/lib/segments.ts),
    // so it changes pages of the site unit and of the newest shards (its own, its neighbour's).
    writeFileSync(path.join(content, 'categories/sport.yml'), "name: 'ورزشی'\ndescription: 'خبرهای ورزشی.'\n");
    writeFileSync(path.join(content, 'authors/mina-ahmadi.yml'), "name: 'مینا احمدی'\n");
    writeFileSync(
      path.join(content, 'articles/1403/new-story.md'),
      [
        '---',
        'id: 40',
        "title: 'تیم ملی به جام رسید'",
        "lead: 'تیم ملی پس از پیروزی دیروز به جام رسید.'",
        'date: 1404/01/10 09:00',
        'category: sport',
        "tags: ['فوتبال']",
        "authors: ['mina-ahmadi']",
        '---',
        '',
        'تیم ملی امروز به جام رسید.',
        '',
      ].join('\n'),
    );
    const { run: planRun, planned } = await plan();
    // The first plan left its content cache: this one read the story's file and no other article's.
    expect(planRun.output).toMatch(/articles: 1 of \d+ files changed since the last build/);
    // The pictured story is packed in the plan too: its picture is taken as its file, which content
    // sync names as the pages get it resolved (the next plan below finds its pages unchanged).
    const packedByPlan =
      packedEntries('articles', renderedBodiesDir(path.join(mergedCache, PLAN_CACHE_FOLDER), 'articles'))?.rows() ?? [];
    const pictured = packedByPlan.find((entry) => entry.id === PICTURED_OLD.file.replace(/\.md$/, ''));
    expect(pictured, packedByPlan.map((entry) => entry.id).join(', ')).toBeDefined();
    expect(contentDigest(pictured)).toMatch(/./);
    const reused = Object.keys(planned.reuse).map(Number);
    expect(reused.length, JSON.stringify(planned.reasons)).toBeGreaterThan(0);
    expect(planned.build).toContain(siteSegment());
    const stampsBefore = new Map(
      reused.map((index) => [index, readFileSync(path.join(segmentDir(index), SEGMENT_STAMP), 'utf8')]),
    );
    // Every segment is run as the CI workflow runs it: the plan decides which build.
    // The site's segment, always built, runs as on a runner whose cache was lost: with no build
    // cache of its own, from the plan's index, reading only the files the plan did not pack and
    // those it shows in full. The merged site below is still a whole build's.
    const cold = siteSegment();
    const coldEnv = {
      BAYEGAN_CACHE_DIR: path.join(root, 'cache-from-plan-index'),
      [PLAN_INDEX_ENV]: path.join(mergedCache, PLAN_CACHE_FOLDER),
    };
    for (let index = 1; index <= COUNT; index++) {
      const run = await buildSite('segments', content, { ...segmentEnv(index), ...(index === cold ? coldEnv : {}) }, [
        '--segment',
        `${index}/${COUNT}`,
        '--reuse',
        planFile,
      ]);
      expect(run.status, run.output).toBe(0);
      if (index === cold) {
        const [, packed] =
          /articles: no index of its own; starting from the plan's \((\d+) packed entries/.exec(run.output) ?? [];
        const [, read, files] = /articles: (\d+) of (\d+) files changed since the last build/.exec(run.output) ?? [];
        // Every file the plan packed is taken from its index, not read: only those it kept in full are.
        expect(Number(packed), run.output).toBeGreaterThan(0);
        expect(Number(files), run.output).toBeGreaterThan(Number(packed));
        expect(Number(read) + Number(packed)).toBe(Number(files));
        // The comments, sections and reporters are the plan's store entries of them: no file read.
        for (const collection of ['comments', 'categories', 'authors']) {
          const [, given] =
            new RegExp(`${collection}: no store of its own; starting from the plan's \\((\\d+) entries`).exec(
              run.output,
            ) ?? [];
          expect(Number(given), `${collection}\n${run.output}`).toBeGreaterThan(0);
          expect(run.output).toContain(`${collection}: 0 of ${given} files changed since the last build.`);
        }
        // The plan's index keeps each packed entry's whole digest, which only the plan fingerprints
        // pages with; the segment's own file of packed entries keeps none.
        const fingerprints = (cache: string) => {
          const table = packedEntries('read from the file', renderedBodiesDir(cache, 'articles'))!;
          return Array.from({ length: table.count }, (_, row) => table.fingerprints.at(row));
        };
        expect(fingerprints(path.join(mergedCache, PLAN_CACHE_FOLDER))).toContainEqual(expect.any(String));
        expect(new Set(fingerprints(coldEnv.BAYEGAN_CACHE_DIR))).toEqual(new Set([undefined]));
      }
      if (reused.includes(index)) {
        expect(run.output).toMatch(/nothing it owns changed since the last merge; its output in .* is reused as it is/);
        expect(run.output).not.toMatch(/Syncing content/);
      } else {
        expect(run.output).toContain(`Segment ${index}/${COUNT}: the plan builds it`);
        expect(run.output).toMatch(/Site written to/);
      }
    }
    const dirs = [1, 2, 3].map(segmentDir);
    // The reused outputs are of the content before the story: a merge without the plan refuses them.
    const refused = await runScript('merge.ts', dirs, { BAYEGAN_OUT_DIR: mergedDir, BAYEGAN_CACHE_DIR: mergedCache });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/built from another content/);
    const merged = await runScript('merge.ts', ['--plan', planFile, ...dirs], {
      BAYEGAN_OUT_DIR: mergedDir,
      BAYEGAN_CACHE_DIR: mergedCache,
    });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`${reused.length} of them as the merge before had them`);
    for (const [index, stamp] of stampsBefore) {
      expect(readFileSync(path.join(segmentDir(index), SEGMENT_STAMP), 'utf8'), `segment ${index}`).toBe(stamp);
    }
    const scratch = await buildSite('segments-scratch', content, env);
    expect(scratch.status, scratch.output).toBe(0);
    const site = siteFiles(mergedDir);
    expect([...site.keys()].filter((file) => file.startsWith('news/40/'))).toHaveLength(1);
    expect(differences(siteFiles(scratch.outDir), site)).toEqual([]);
    // The next plan compares with this merge: nothing changed since, and only the site's own
    // segment (the home page and the other pages every build renders) is built.
    const { planned: next } = await plan();
    expect(next.build).toEqual([siteSegment()]);
    expect(Object.keys(next.reuse)).toHaveLength(COUNT - 1);
  });
});
