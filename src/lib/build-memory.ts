/**
 * How much memory a build may hold at once, all its processes and threads together: 6 GB (issue
 * 16), or three quarters of the machine's memory if that is less. The search step (Pagefind
 * processes beside Node) and page generation (a second rendering thread beside the first) size
 * themselves by it. A newsroom whose machine or CI runner has more to give sets
 * `BAYEGAN_BUILD_MEMORY` (in GB): a large archive then indexes two search shards side by side.
 */
export const BUILD_MEMORY_LIMIT = 6 * 1024 ** 3;

/** The variable that sets the limit, in GB (`BAYEGAN_BUILD_MEMORY=10`); unset or empty: 6. */
export const BUILD_MEMORY_ENV = 'BAYEGAN_BUILD_MEMORY';

/** The limit the build runs with, in bytes; throws a message that names the variable and the fix. */
export function buildMemoryLimit(env: NodeJS.ProcessEnv = process.env): number {
  const given = env[BUILD_MEMORY_ENV]?.trim();
  if (!given) return BUILD_MEMORY_LIMIT;
  const gigabytes = /^\d+(\.\d+)?$/.test(given) ? Number(given) : NaN;
  if (!(gigabytes >= 1)) {
    throw new Error(
      `${BUILD_MEMORY_ENV}="${given}" is not a number of gigabytes (at least 1): set, for example, ${BUILD_MEMORY_ENV}=10 to let a build hold up to 10 GB, or leave it unset for ${BUILD_MEMORY_LIMIT / 1024 ** 3} GB.`,
    );
  }
  return gigabytes * 1024 ** 3;
}

export function buildMemoryCeiling(machineBytes: number, limit: number = buildMemoryLimit()): number {
  return Math.min(limit, machineBytes * 0.75);
}

/** Bytes as the build's messages and the benchmark print them: `3.52 GB` (GiB, two decimals). */
export const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
