import { describe, expect, it } from 'vitest';
import { listingPages } from '../../src/lib/listing-pages';
import { pageFile } from '../../src/lib/paths';
import type { PageManifest } from '../../src/lib/incremental/page-plan';
import { mergeRefusals, segmentStamp, type MergeInput } from '../../src/lib/segment-merge';
import {
  describePlan,
  NO_MERGED_SITE,
  REUSE_FORMAT,
  segmentsToBuild,
  stampDigest,
  type MergedSegments,
  type ReuseInputs,
} from '../../src/lib/segment-reuse';
import { ownerOfFile, planSegments, SITE_UNIT, type SegmentPlan } from '../../src/lib/segments';
import { atLeast } from '../helpers/at-least';

const COUNT = 4;
const tiers = { shardArticles: 4, recentArticles: 2, latestArticles: 1 };
/** One article a year, in Jalali years 1395 to 1408: year shards of four years each. */
const articles = Array.from({ length: 14 }, (_, at) => ({
  id: at + 1,
  path: `/news/${at + 1}/s/`,
  date: new Date(Date.UTC(2016 + at, 5, 1, 9)),
}));
/** The economy section holds every article, two a page: its old pages are the year shards'. */
const economy = { path: '/category/economy/', articles: articles.map(({ id }) => id).reverse() };
const lists = { pageSize: 2, paged: [economy] };
const plan: SegmentPlan = planSegments({ articles, lists }, tiers, COUNT);

/** The pages of the dynamic routes: every article, and the lists; fingerprint "1" each. */
const pages = new Map<string, string>([
  ...articles.map(({ id }): [string, string] => [`news/${id}/s/index.html`, '1']),
  ...listingPages(economy.articles, lists.pageSize, economy.path).map(({ url }): [string, string] => [
    pageFile(url),
    '1',
  ]),
  ['tag/نفت/index.html', '1'],
  ['tag/باران/index.html', '1'],
  ['author/sara/index.html', '1'],
  ['archive/1402/index.html', '1'],
]);
/** Rendered by every build: the home page and the site feed (the site unit). */
const everyBuild = ['index.html', 'rss.xml', 'robots.txt'];

const settings = { commit: 'c0ffee', settings: 'code-1', now: '2025-04-01T12:00:00+03:30' };
/** The segment that owns a page: the same function the plan and the merge use. */
const ownerOf = (file: string) => ownerOfFile(plan, file) as number;
const unitsOf = (index: number) => [...plan.owners].filter(([, owner]) => owner === index).map(([unit]) => unit);

/** The last merge: the manifest of the merged site and the record of its four segments. */
function lastMerge(): { manifest: PageManifest; merged: MergedSegments } {
  const manifest: PageManifest = {
    version: 1,
    buildDigest: 'build-1',
    siteStamp: 'site-1',
    pages: Object.fromEntries(pages),
  };
  const merged: MergedSegments = {
    format: REUSE_FORMAT,
    siteStamp: 'site-1',
    segments: Array.from({ length: COUNT }, (_, at) => ({
      stamp: segmentStamp({ index: at + 1, count: COUNT, ...settings }, 'index-1', unitsOf(at + 1)),
      pages: [...pages.keys()].filter((file) => ownerOf(file) === at + 1),
    })),
  };
  return { manifest, merged };
}

const inputs = (changes: Partial<ReuseInputs> = {}): ReuseInputs => ({
  count: COUNT,
  buildDigest: 'build-1',
  plan,
  pages,
  unfingerprinted: everyBuild,
  previous: lastMerge(),
  ...changes,
});

const siteSegment = plan.owners.get(SITE_UNIT)!;

describe('segmentsToBuild', () => {
  it('builds only the site unit’s segment when no page changed: every other output is reused as merged', () => {
    const planned = segmentsToBuild(inputs());
    expect(planned.build).toEqual([siteSegment]);
    expect(planned.reasons[siteSegment]).toBe('index.html is made by every build');
    const { merged } = lastMerge();
    expect(Object.keys(planned.reuse).map(Number)).toEqual([1, 2, 3, 4].filter((index) => index !== siteSegment));
    for (const [index, digest] of Object.entries(planned.reuse)) {
      expect(digest).toBe(stampDigest(merged.segments[Number(index) - 1]!.stamp));
    }
    expect(describePlan(planned)).toMatch(/^Build 1 of 4 segments/);
  });

  it('builds the segment of a changed, a new and a removed page, and no other', () => {
    // A settled page of the section, held by a segment other than the site unit's.
    const [settled] = atLeast(
      1,
      [...plan.listPages.keys()].filter((file) => ownerOf(file) !== siteSegment && pages.has(file)),
      'settled pages outside the site unit’s segment',
    );
    const changed = new Map(pages);
    changed.set(settled!, '2');
    const planned = segmentsToBuild(inputs({ pages: changed }));
    expect(planned.build).toEqual([siteSegment, ownerOf(settled!)].sort());
    expect(planned.reasons[ownerOf(settled!)]).toBe(`${settled} changed`);

    // A page the last merge had, gone now: the segment that held it builds (and removes it).
    const gone = new Map(pages);
    gone.delete('news/2/s/index.html');
    const holder = ownerOf('news/2/s/index.html');
    expect(segmentsToBuild(inputs({ pages: gone })).build).toContain(holder);

    // A page that is new: its owner builds.
    const added = new Map(pages);
    added.set('tag/تازه/index.html', '1');
    expect(segmentsToBuild(inputs({ pages: added })).build).toContain(ownerOf('tag/تازه/index.html'));
  });

  it('builds a segment whose units moved, even when its pages did not change', () => {
    const { manifest, merged } = lastMerge();
    const other = merged.segments.find(({ stamp }) => stamp.index !== siteSegment)!;
    other.stamp = { ...other.stamp, units: [...other.stamp.units, 'tag:moved-here-before'] };
    const planned = segmentsToBuild(inputs({ previous: { manifest, merged } }));
    expect(planned.build).toContain(other.stamp.index);
    expect(planned.reasons[other.stamp.index]).toBe('its units changed (tag:moved-here-before)');
  });

  it('builds both segments of a page that changed hands unchanged', () => {
    const { manifest, merged } = lastMerge();
    const [from, to] = merged.segments.filter(({ stamp }) => stamp.index !== siteSegment);
    const [file] = atLeast(1, from!.pages, `pages of segment ${from!.stamp.index}`);
    // The last merge had the page in another segment than the plan gives it to now.
    from!.pages = from!.pages.filter((held) => held !== file);
    to!.pages = [...to!.pages, file!];
    const planned = segmentsToBuild(inputs({ previous: { manifest, merged } }));
    expect(planned.build).toEqual([siteSegment, from!.stamp.index, to!.stamp.index].sort());
    expect(planned.reasons[to!.stamp.index]).toBe(`${file} moved to segment ${from!.stamp.index}`);
    expect(planned.reasons[from!.stamp.index]).toBe(`${file} moved here from segment ${to!.stamp.index}`);
  });

  it('builds every segment without a record, or when the code, the count or the merged site differ', () => {
    const every = [1, 2, 3, 4];
    expect(segmentsToBuild(inputs({ previous: undefined }))).toMatchObject({
      build: every,
      reuse: {},
      reasons: { 1: NO_MERGED_SITE },
    });
    expect(segmentsToBuild(inputs({ buildDigest: 'build-2' })).build).toEqual(every);
    const { manifest, merged } = lastMerge();
    expect(
      segmentsToBuild(inputs({ previous: { manifest: { ...manifest, siteStamp: 'site-2' }, merged } })).build,
    ).toEqual(every);
    expect(
      segmentsToBuild(inputs({ previous: { manifest, merged: { ...merged, segments: merged.segments.slice(1) } } }))
        .build,
    ).toEqual(every);
  });
});

describe('mergeRefusals with a plan', () => {
  const outputs = (): (MergeInput & { stamp: NonNullable<MergeInput['stamp']> })[] =>
    lastMerge().merged.segments.map(({ stamp }) => ({ dir: `dist-segment-${stamp.index}-of-${COUNT}`, stamp }));

  it('accepts the outputs the plan reuses beside segments built on another commit, "now" and index', () => {
    const planned = segmentsToBuild(inputs());
    const given = outputs().map((input) =>
      planned.build.includes(input.stamp.index)
        ? {
            ...input,
            stamp: { ...input.stamp, commit: 'beef', now: '2025-04-02T08:00:00+03:30', indexDigest: 'index-2' },
          }
        : input,
    );
    expect(mergeRefusals(given, planned)).toEqual([]);
    // Without the plan, the same outputs are refused.
    expect(mergeRefusals(given)).not.toEqual([]);
  });

  it('compares another output of a reused segment as a built one, and refuses a reused one of other code', () => {
    const planned = segmentsToBuild(inputs());
    const reusedIndex = Number(Object.keys(planned.reuse)[0]);
    const given = outputs();
    const at = given.findIndex(({ stamp }) => stamp.index === reusedIndex);
    given[at] = { ...given[at]!, stamp: { ...given[at]!.stamp, commit: 'newer' } };
    const refused = mergeRefusals(given, planned);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(
      new RegExp(`^dist-segment-${reusedIndex}-of-4: built from another commit than .* \\(newer against c0ffee\\)`),
    );
    // Built again for this merge, on the same commit, "now" and index as the others: accepted.
    given[at] = { ...given[at]!, stamp: { ...given[at]!.stamp, commit: 'c0ffee' } };
    expect(mergeRefusals(given, planned)).toEqual([]);
    const otherCode = outputs();
    otherCode[at] = { ...otherCode[at]!, stamp: { ...otherCode[at]!.stamp, settings: 'code-2' } };
    const refusals = mergeRefusals(otherCode, {
      ...planned,
      reuse: { ...planned.reuse, [reusedIndex]: stampDigest(otherCode[at]!.stamp) },
    });
    expect(refusals.join('\n')).toMatch(/built from another code and settings/);
  });
});
