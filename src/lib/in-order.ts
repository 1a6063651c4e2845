/**
 * Reading ahead: `task` runs over `items` with up to `ahead` of them in flight (the current one
 * included), and the results come out in the items' order. The build steps that read every article
 * page one after the other (short links, a search shard's worker) wait for the disk far less so. A
 * task's failure is thrown when its turn comes, never as an unhandled rejection, even when the
 * caller stops early.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  ahead: number,
  task: (item: T) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const running = new Map<number, Promise<R>>();
  let started = 0;
  for (let at = 0; at < items.length; at++) {
    for (; started < Math.min(items.length, at + Math.max(1, ahead)); started++) {
      const result = task(items[started]!);
      // Reported below at its turn; this only keeps an early failure from being unhandled.
      result.catch(() => {});
      running.set(started, result);
    }
    const result = running.get(at)!;
    running.delete(at);
    yield await result;
  }
}
