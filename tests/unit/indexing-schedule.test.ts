import { describe, expect, it } from 'vitest';
import {
  AFTER_ASTRO_BYTES,
  articlesInFlight,
  indexesWiderAfterAstro,
  PAGEFIND_BYTES_PER_ARTICLE,
  runWithinBudget,
} from '#lib/search/indexing-schedule.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Runs the jobs and records what ran at once, in which order, on which slot. */
async function trace(weights: number[], width: number, budget: number) {
  const jobs = weights.map((weight, id) => ({ id, weight }));
  const started: number[] = [];
  const running = new Set<number>();
  const usedSlots = new Set<number>();
  let mostAtOnce = 0;
  let heaviestAtOnce = 0;
  await runWithinBudget(jobs, { width, budget }, async (job, slot) => {
    expect(usedSlots.has(slot), `slot ${slot} given to two jobs at once`).toBe(false);
    usedSlots.add(slot);
    started.push(job.id);
    running.add(job.id);
    mostAtOnce = Math.max(mostAtOnce, running.size);
    heaviestAtOnce = Math.max(
      heaviestAtOnce,
      [...running].reduce((sum, id) => sum + weights[id]!, 0),
    );
    // Heavier jobs take longer, like shards.
    for (let i = 0; i < Math.ceil(job.weight / 1000); i++) await tick();
    running.delete(job.id);
    usedSlots.delete(slot);
  });
  return { started, mostAtOnce, heaviestAtOnce };
}

describe('runWithinBudget: shards side by side within a memory budget', () => {
  it('runs the 10,000-article layout (8,000 + 1,700 + 76) two at a time, the largest first', async () => {
    const { started, mostAtOnce, heaviestAtOnce } = await trace([76, 1700, 8000], 2, 10_000);
    expect(started).toEqual([2, 1, 0]);
    expect(mostAtOnce).toBe(2);
    expect(heaviestAtOnce).toBeLessThanOrEqual(10_000);
  });

  it('never runs two full year shards at once when the budget holds one and the small tiers', async () => {
    const weights = [8000, 8000, 7900, 8000, 1700, 76];
    const { started, mostAtOnce, heaviestAtOnce } = await trace(weights, 2, 10_000);
    expect(started.toSorted()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(mostAtOnce).toBe(2);
    expect(heaviestAtOnce).toBeLessThanOrEqual(10_000);
  });

  it('runs a job heavier than the budget, alone', async () => {
    const { started, heaviestAtOnce } = await trace([500, 12_000, 300], 2, 10_000);
    expect(started[0]).toBe(1);
    expect(heaviestAtOnce).toBe(12_000);
  });

  it('keeps to one at a time on one core', async () => {
    const { mostAtOnce } = await trace([10, 20, 30, 40], 1, 1_000_000);
    expect(mostAtOnce).toBe(1);
  });

  it('uses every core for small shards', async () => {
    const { mostAtOnce } = await trace([100, 100, 100, 100, 100, 100], 3, 10_000);
    expect(mostAtOnce).toBe(3);
  });

  it('fails with the first error, after the jobs already running have finished', async () => {
    const finished: number[] = [];
    const jobs = [
      { id: 0, weight: 2 },
      { id: 1, weight: 1 },
      { id: 2, weight: 0 },
    ];
    await expect(
      runWithinBudget(jobs, { width: 2, budget: 10 }, async (job) => {
        await tick();
        if (job.id === 0) throw new Error('Pagefind could not index 0');
        await tick();
        finished.push(job.id);
      }),
    ).rejects.toThrow('Pagefind could not index 0');
    // Job 1 was running beside the failing one and finished; job 2 never started.
    expect(finished).toEqual([1]);
  });

  it('does nothing for no jobs', async () => {
    await expect(runWithinBudget([], { width: 2, budget: 1 }, () => Promise.reject(new Error('ran')))).resolves.toBe(
      undefined,
    );
  });
});

describe('articlesInFlight', () => {
  const tiers = { shardArticles: 5000, recentArticles: 2000 };
  const GB = 1024 ** 3;

  it('lets a small archive index its two full shards at once, within the limit', () => {
    const budget = articlesInFlight(tiers, 1.3 * GB, 24 * GB);
    expect(budget).toBeGreaterThanOrEqual(2 * 5000);
    expect(1.3 * GB + budget * PAGEFIND_BYTES_PER_ARTICLE).toBeLessThanOrEqual(6 * GB);
  });

  it('never lets more than two full shards and the newer tier run at once', () => {
    expect(articlesInFlight(tiers, 0.1 * GB, 64 * GB)).toBe(12_000);
  });

  it('keeps a large archive within the limit: one year shard (4,700) and the newest (63) beside it', () => {
    const budget = articlesInFlight(tiers, 3.9 * GB, 24 * GB);
    expect(budget).toBeGreaterThanOrEqual(4700 + 63);
    expect(budget).toBeLessThan(2 * 4700);
    expect(3.9 * GB + budget * PAGEFIND_BYTES_PER_ARTICLE).toBeLessThanOrEqual(6 * GB);
  });

  it('takes three quarters of a smaller machine’s memory as the limit', () => {
    const budget = articlesInFlight(tiers, 1.3 * GB, 4 * GB);
    expect(1.3 * GB + budget * PAGEFIND_BYTES_PER_ARTICLE).toBeLessThanOrEqual(3 * GB);
    expect(budget).toBeGreaterThan(4000);
  });

  it('is never negative when Node alone holds more than the limit (the largest shard then runs alone)', () => {
    expect(articlesInFlight(tiers, 7 * GB, 24 * GB)).toBe(0);
  });
});

describe('indexesWiderAfterAstro: whether the search step waits until Astro has exited', () => {
  const tiers = { shardArticles: 5000, recentArticles: 2000 };
  const GB = 1024 ** 3;
  const after = articlesInFlight(tiers, AFTER_ASTRO_BYTES, 24 * GB);
  /** A cold 100,000-article build: 20 year shards of 4,700-5,000 and the small tiers. */
  const hundredThousand = [...Array.from({ length: 20 }, (_, at) => 4700 + at * 15), 1900, 63];

  it('waits at 100,000 articles, where Astro holds 3.5 GB and only one year shard fits beside it', () => {
    const now = articlesInFlight(tiers, 3.5 * GB, 24 * GB);
    expect(now).toBeLessThan(2 * 4700);
    expect(indexesWiderAfterAstro(hundredThousand, now, after)).toBe(true);
    // Without Astro's process two full year shards fit, within the limit.
    expect(after).toBeGreaterThanOrEqual(2 * 5000);
    expect(AFTER_ASTRO_BYTES + 2 * 5000 * PAGEFIND_BYTES_PER_ARTICLE).toBeLessThanOrEqual(6 * GB);
  });

  it('does not wait at 10,000 articles, where two full shards already fit beside Astro (1.5 GB)', () => {
    const now = articlesInFlight(tiers, 1.5 * GB, 24 * GB);
    expect(indexesWiderAfterAstro([5000, 4775, 1900, 76], now, after)).toBe(false);
  });

  it('does not wait for one shard (a new story re-indexes the newest tier only), nor for none', () => {
    expect(indexesWiderAfterAstro([76], 0, after)).toBe(false);
    expect(indexesWiderAfterAstro([], 0, after)).toBe(false);
  });

  it('does not wait when the machine could not index more side by side without Astro either', () => {
    const small = articlesInFlight(tiers, AFTER_ASTRO_BYTES, 4 * GB);
    expect(indexesWiderAfterAstro([5000, 5000], small, small)).toBe(false);
  });
});
