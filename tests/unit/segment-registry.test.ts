import { afterEach, describe, expect, it } from 'vitest';
import { recordSyncedSegmentRun, takeSyncedSegmentRun, type SyncedSegmentRun } from '../../src/lib/segment-registry';
import { planSegments } from '../../src/lib/segments';

const plan = planSegments(
  { articles: [{ id: 1, path: '/news/1/a/', date: new Date('2026-12-01T08:00:00Z') }] },
  { shardArticles: 60, recentArticles: 30, latestArticles: 10 },
  2,
);
const run: SyncedSegmentRun = { plan, inFull: new Set([1]), inputDigest: 'digest-of-the-synced-archive' };

describe("content sync's reckoning, taken by the pages", () => {
  afterEach(() => void takeSyncedSegmentRun(''));

  it('is taken once, when the archive the pages read gives the same digest', () => {
    recordSyncedSegmentRun(run);
    expect(takeSyncedSegmentRun(run.inputDigest)).toBe(run);
    expect(takeSyncedSegmentRun(run.inputDigest)).toBeUndefined();
  });

  it('is refused, and forgotten, when the pages read the archive otherwise: they reckon it again', () => {
    recordSyncedSegmentRun(run);
    expect(takeSyncedSegmentRun('another-digest')).toBeUndefined();
    expect(takeSyncedSegmentRun(run.inputDigest)).toBeUndefined();
  });

  it('is none when no content sync reckoned it', () => {
    expect(takeSyncedSegmentRun(run.inputDigest)).toBeUndefined();
  });
});
