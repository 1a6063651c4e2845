/**
 * In what order, and how many at a time, the search shards are indexed. Pagefind indexes on one
 * core per process, so on a 2-core machine two processes index in about half the time of one
 * (10,000 articles: 14.5 s instead of 28.5 s, measured); but each process holds its shard in
 * memory (about 0.4 GB per 1,000 articles), so shards run side by side only while the articles in
 * flight stay within a budget. The largest shards start first, so that the small ones fill the
 * gaps beside them instead of leaving a big one to run alone at the end.
 */
import { buildMemoryCeiling } from '#lib/build-memory.ts';

export interface WeightedJob {
  /** What the job costs while it runs (here: the articles of a shard). */
  weight: number;
}

export interface ScheduleLimits {
  /** The most jobs running at once (the machine's cores). */
  width: number;
  /** The most weight running at once; a job heavier than this runs alone. */
  budget: number;
}

/**
 * Runs `run` over `jobs`, heaviest first, at most `width` at a time and within `budget`; resolves
 * when all are done, rejects with the first failure after the running jobs have settled.
 */
export async function runWithinBudget<J extends WeightedJob>(
  jobs: readonly J[],
  { width, budget }: ScheduleLimits,
  run: (job: J, slot: number) => Promise<void>,
): Promise<void> {
  const waiting = [...jobs].sort((a, b) => b.weight - a.weight);
  const freeSlots = Array.from({ length: Math.max(1, width) }, (_, slot) => slot);
  const running = new Set<Promise<void>>();
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  while (waiting.length > 0 || running.size > 0) {
    // Start every waiting job that fits, heaviest first; an oversized job starts only when alone.
    for (let at = 0; !failure && at < waiting.length && freeSlots.length > 0;) {
      const job = waiting[at]!;
      if (running.size > 0 && inFlight + job.weight > budget) {
        at++;
        continue;
      }
      waiting.splice(at, 1);
      const slot = freeSlots.shift()!;
      inFlight += job.weight;
      const task: Promise<void> = run(job, slot)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          inFlight -= job.weight;
          freeSlots.push(slot);
          running.delete(task);
        });
      running.add(task);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  if (failure) throw failure.error;
}

/**
 * What a Pagefind process holds at its peak per article of its shard: 2.01 GB for 5,000 with the
 * allocator settings of src/build/search-shard.ts (1.88 GB with jemalloc's defaults), measured.
 */
export const PAGEFIND_BYTES_PER_ARTICLE = 0.41 * 1024 ** 2;

/**
 * How many articles may be indexed at once: two full shards, or one and the small newest ones, as
 * long as Pagefind's processes fit beside what Node already holds (`usedBytes`) within 6 GB, or
 * three quarters of the machine's memory (`machineBytes`) if that is less. A small archive indexes
 * its two largest shards side by side; a large one, whose pages Node still holds after page
 * generation (about 3.5 GB at 100,000 articles), one year shard at a time, unless it waits until
 * Astro has exited (`indexesWiderAfterAstro`).
 */
export function articlesInFlight(
  tiers: { shardArticles: number; recentArticles: number },
  usedBytes: number,
  machineBytes: number,
): number {
  const fits = Math.floor((buildMemoryCeiling(machineBytes) - usedBytes) / PAGEFIND_BYTES_PER_ARTICLE);
  return Math.max(0, Math.min(2 * tiers.shardArticles + tiers.recentArticles, fits));
}

/**
 * What `npm run build`'s own process holds while it indexes shards after Astro has exited (about
 * 0.1 GB, measured; rounded up): Astro's process, with the whole archive's index and pages, is gone.
 */
export const AFTER_ASTRO_BYTES = 0.25 * 1024 ** 3;

/**
 * Whether the shards to index (their weights) would be indexed more side by side after Astro has
 * exited than now: when the two heaviest do not fit in the budget beside Astro's process but do, or
 * more of them does, without it. One shard gains nothing (Pagefind indexes on one core).
 */
export function indexesWiderAfterAstro(weights: readonly number[], budgetNow: number, budgetAfter: number): boolean {
  if (weights.length < 2) return false;
  const [first, second] = [...weights].sort((a, b) => b - a);
  return budgetNow < Math.min(first! + second!, budgetAfter);
}
