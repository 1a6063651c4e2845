import { describe, expect, it } from 'vitest';
import { inOrder } from '#lib/in-order.ts';

const collect = async <R>(results: AsyncIterable<R>) => {
  const out: R[] = [];
  for await (const result of results) out.push(result);
  return out;
};

describe('inOrder: reading ahead, results in order', () => {
  it('gives the results in the items’ order however the tasks finish', async () => {
    const delays = [30, 5, 20, 0, 10];
    const results = await collect(
      inOrder(delays, 3, (ms) => new Promise<number>((resolve) => setTimeout(() => resolve(ms), ms))),
    );
    expect(results).toEqual(delays);
  });

  it('keeps at most `ahead` tasks in flight, the current one included, and starts them ahead', async () => {
    let inFlight = 0;
    let most = 0;
    const startedBeforeFirst: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i);
    let firstDone = false;
    await collect(
      inOrder(items, 4, async (item) => {
        if (!firstDone) startedBeforeFirst.push(item);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        if (item === 0) firstDone = true;
        return item;
      }),
    );
    expect(most).toBe(4);
    expect(startedBeforeFirst).toEqual([0, 1, 2, 3]);
  });

  it('throws a failure at its turn, after the results before it, and leaves no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const seen: number[] = [];
      const run = async () => {
        for await (const item of inOrder([0, 1, 2, 3, 4], 5, async (item) => {
          if (item >= 2) throw new Error(`item ${item}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return item;
        })) {
          seen.push(item);
        }
      };
      await expect(run()).rejects.toThrow('item 2');
      expect(seen).toEqual([0, 1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('gives nothing for no items', async () => {
    expect(await collect(inOrder([], 8, async () => 1))).toEqual([]);
  });
});
