/**
 * How much memory a build may hold at once, all its processes and threads together: 6 GB (issue
 * 16), or three quarters of the machine's memory if that is less. The search step (Pagefind
 * processes beside Node) and page generation (a second rendering thread beside the first) size
 * themselves by it.
 */
export const BUILD_MEMORY_LIMIT = 6 * 1024 ** 3;

export function buildMemoryCeiling(machineBytes: number): number {
  return Math.min(BUILD_MEMORY_LIMIT, machineBytes * 0.75);
}
