/**
 * A lock file that holds the id of the process that took it: `npm run build` takes one per output
 * folder (one build of a site at a time) and one for the project's bundling (src/build/bundling-lock.ts),
 * the tests take one per shared build. A lock whose process died is taken
 * over; one that names no process yet (taken a moment ago) is waited for, unless it stays empty.
 */
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** A lock that names no process for this long was left by a process that died while taking it. */
const EMPTY_LOCK_MS = 10_000;

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

/** The lock file's text, or undefined when there is none. */
function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Removes the lock file when it still holds `stale` (the text read from it, naming a process that
 * died), and only then. Two builds waiting on one dead holder both find it dead: removing the file
 * outright let the slower one remove the lock the faster one had just taken, and both went on (two
 * content syncs side by side in `.astro/`, one build bundling the other's pictures). So the file is
 * moved aside first, which one process alone can do to it, and put back when it turns out to be a
 * live process's lock.
 */
export function removeStaleLock(file: string, stale: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // released or removed meanwhile
  }
  if (readLock(aside) !== stale) {
    try {
      linkSync(aside, file);
    } catch {
      // Taken again meanwhile: that process holds it now.
    }
  }
  rmSync(aside, { force: true });
}

/** What holds the lock: a live process, nobody any more, or nobody yet (its id not written yet). */
function holderOf(file: string, now: number): { pid: number; text: string; alive: boolean } | 'free' | 'being-taken' {
  let text: string;
  let modified: number;
  try {
    text = readFileSync(file, 'utf8').trim();
    modified = statSync(file).mtimeMs;
  } catch {
    return 'free'; // released between the two calls
  }
  if (text === '') return now - modified > EMPTY_LOCK_MS ? { pid: NaN, text, alive: false } : 'being-taken';
  const pid = Number(text);
  return { pid, text, alive: isRunning(pid) };
}

export interface FileLockOptions {
  /** How often to look again while another process holds the lock. */
  pollMs?: number;
  /** Called once, when the lock is found held by another live process. */
  onWait?: (holder: number) => void;
}

/**
 * Takes the lock file, waiting while another live process holds it; returns its release. Releasing
 * twice, or after the lock was taken over, leaves the file alone: a release on the way out (an
 * `exit` handler) must not remove the lock another build took since.
 */
export async function takeFileLock(file: string, { pollMs = 200, onWait }: FileLockOptions = {}): Promise<() => void> {
  let announced = false;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (readLock(file) === String(process.pid)) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(file, Date.now());
    if (holder === 'free') continue;
    if (holder !== 'being-taken' && !holder.alive) {
      removeStaleLock(file, holder.text);
      continue;
    }
    if (holder !== 'being-taken' && !announced) {
      onWait?.(holder.pid);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
