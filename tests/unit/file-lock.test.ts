import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleLock, takeFileLock } from '../../src/build/file-lock.ts';

/** Every test's lock lives in one scratch folder, removed at the end. */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bayegan-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let locks = 0;
const lockFile = () => path.join(scratch, `build-${++locks}.lock`);
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const settled = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe('takeFileLock: one holder at a time, a dead holder taken over', () => {
  it('writes its process id and removes the file on release', async () => {
    const file = lockFile();
    const release = await takeFileLock(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('waits while a live process holds it, says so once, and takes it when released', async () => {
    const file = lockFile();
    const release = await takeFileLock(file);
    const waits: number[] = [];
    const second = takeFileLock(file, { pollMs: 10, onWait: (holder) => waits.push(holder) });
    expect(await settled(second, 100)).toBe(false);
    expect(waits).toEqual([process.pid]);
    release();
    expect(await settled(second, 1000)).toBe(true);
    (await second)();
  });

  it('takes over a lock left by a process that died', async () => {
    const file = lockFile();
    writeFileSync(file, String(deadPid()));
    expect(await settled(takeFileLock(file, { pollMs: 10 }), 500)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
  });

  it("removes a dead holder's lock only while it is still that one: not the lock another waiter took since", () => {
    const dead = String(deadPid());
    const file = lockFile();
    writeFileSync(file, dead);
    removeStaleLock(file, dead);
    expect(existsSync(file)).toBe(false);
    // Two builds found the same dead holder; the other one removed its lock and took its own first.
    const taken = lockFile();
    const other = process.pid; // a live process
    writeFileSync(taken, String(other));
    removeStaleLock(taken, dead);
    expect(readFileSync(taken, 'utf8')).toBe(String(other));
    // Nothing is left aside, and a lock already gone is no error.
    removeStaleLock(lockFile(), dead);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.stale'))).toEqual([]);
  });

  it('waits for a lock taken a moment ago whose id is not written yet', async () => {
    const file = lockFile();
    writeFileSync(file, '');
    const taking = takeFileLock(file, { pollMs: 10 });
    expect(await settled(taking, 100)).toBe(false);
    writeFileSync(file, String(process.pid));
    expect(await settled(taking, 100)).toBe(false);
    rmSync(file);
    expect(await settled(taking, 1000)).toBe(true);
  });

  it('takes over a lock that stayed empty: its taker died before writing its id', async () => {
    const file = lockFile();
    writeFileSync(file, '');
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(file, longAgo, longAgo);
    expect(await settled(takeFileLock(file, { pollMs: 10 }), 500)).toBe(true);
  });
});

describe('takeFileLock: a release frees only its own lock', () => {
  it('does nothing the second time, when another holder took the lock since', async () => {
    const file = lockFile();
    const release = await takeFileLock(file);
    release();
    const second = await takeFileLock(file);
    release();
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    second();
    expect(existsSync(file)).toBe(false);
  });

  it('leaves a lock that another process took over', async () => {
    const file = lockFile();
    const release = await takeFileLock(file);
    writeFileSync(file, '424242');
    release();
    expect(readFileSync(file, 'utf8')).toBe('424242');
  });
});
