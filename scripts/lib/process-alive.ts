/** Whether a process runs: the build lock and the tests' shared-build locks take over a lock only from a dead one. */

/** Whether a process with this id runs (one that died leaves its lock behind). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
