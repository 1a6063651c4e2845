// Runs the project's own Astro CLI on the Node that runs this script (the pinned Node 24).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/**
 * Garbage-collector settings for `astro build`, which keep page generation linear in the size of the
 * archive. Astro turns every page into a Response and then a Buffer, and V8 counts those bytes as
 * external memory. By default each 64 MB or so of it starts a full collection whatever the size of
 * the heap, and a full collection marks the whole archive held in memory, so the number of
 * collections grew with the pages and the cost of each with the articles: 73 full collections
 * (64 s) for 100,000 articles against 22 (6 s) for 30,000. Counting external memory in the heap's
 * limit, and letting the heap grow by its live size between collections, makes each collection pay
 * for as much garbage as it marks: 19 (18 s) and 14 (3.5 s). The heap peaks at about twice its live
 * size, 2 GB at 100,000 articles. NODE_OPTIONS refuses V8 flags, so these go on Node's command line.
 *
 * The jobs of a segmented build of a large archive (the plan, and each segment; scripts/build.ts)
 * let the heap grow by half its live size instead: there the runner's memory is the limit, and what
 * each thread holds of the whole archive's index is most of the live heap, paid twice over by a
 * heap twice its size. At a million articles segment 3 of 16 peaked at 3.73 GB instead of 4.88, and
 * 3 of 64 at 2.52–2.79 GB where runs with the live size peaked at 3.04–3.46, for about 4% more time
 * (5 December 2026; docs/operations.md).
 */
export function buildGcFlags(segmented: boolean): string[] {
  return ['--external-memory-accounted-in-global-limit', `--heap-growing-percent=${segmented ? 50 : 100}`];
}

/**
 * Settings of the native memory allocators for the builds of a large archive, whole or in segments,
 * which leave memory resident after the pages no longer need it; each only when the environment
 * does not name it already. Measured at a million articles (segment 3 of 64, 5 December 2026;
 * docs/operations.md), the first two each about a tenth of a GB of the peak; a whole cold build of
 * 100,000 articles peaked at 3.79–3.85 GB with both against 4.17–4.19, in 12:12–12:37 against
 * 12:18–12:46 (two interleaved pairs, the same day):
 * - glibc's `malloc` (Node's own, and its buffers') maps a buffer of 128 KB or more on its own and
 *   gives it back when freed, but each such buffer freed raises that threshold to its size (up to
 *   32 MB), and buffers below it come from its heap, which keeps what they leave resident. The end
 *   of content sync swings through about 0.4 GB of buffers at a million articles, which stayed in
 *   that heap through page generation: 368 MB resident, against 53 to 95 MB with the threshold
 *   fixed at 128 KB (setting it stops it moving).
 * - mimalloc (the allocator of Rolldown, Vite's bundler, and of Astro's compiler) gives freed
 *   memory back only after a delay, checked on its own later calls, which stop once the bundle is
 *   written: its arena held about 350 MB through page generation, about 180 MB when it gives memory
 *   back at once.
 * - mimalloc commits each arena it reserves (1 GB) at once on Linux, and what was freed in it stayed
 *   resident all the same: 170–200 MB through page generation at a million articles, where without
 *   that (`MIMALLOC_ARENA_EAGER_COMMIT=0`) it reserves none and the memory it maps elsewhere grew by
 *   about 100 MB. Segment 3 of 256 peaked at 0.92–0.99 GB against 1.03–1.19, in about the same time
 *   (6 December 2026, interleaved runs).
 */
export function nativeAllocatorEnv(spare: boolean, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (!spare) return {};
  const settings: Record<string, string> = {
    MALLOC_MMAP_THRESHOLD_: String(128 * 1024),
    MIMALLOC_PURGE_DELAY: '0',
    MIMALLOC_ARENA_EAGER_COMMIT: '0',
  };
  return Object.fromEntries(Object.entries(settings).filter(([name]) => env[name] === undefined));
}

/**
 * @param args Astro's own arguments
 * @param env added to this process's environment
 * @param nodeFlags flags for Node itself, before Astro's script (V8 flags that NODE_OPTIONS refuses)
 * @returns the exit status
 */
export function runAstro(args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): number {
  const result = spawnSync(process.execPath, [...nodeFlags, astroBin, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/**
 * The subset of `flags` this Node accepts. V8 flags come and go between releases, and Node refuses
 * to start on one it does not know: a Node that lacks one still builds, only slower.
 */
export function supportedNodeFlags(flags: string[]): string[] {
  const accepts = (some: string[]) =>
    spawnSync(process.execPath, [...some, '-e', ''], { stdio: 'ignore' }).status === 0;
  // Every build asks: one start of Node when all are known, one per flag only when one is not.
  return accepts(flags) ? flags : flags.filter((flag) => accepts([flag]));
}
