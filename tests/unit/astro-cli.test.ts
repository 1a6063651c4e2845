import { describe, expect, it } from 'vitest';
import { buildGcFlags, nativeAllocatorEnv, supportedNodeFlags } from '../../scripts/astro-cli.ts';

describe('Node flags for the Astro build', () => {
  it('keeps the flags this Node knows and drops the ones it would refuse to start on', () => {
    expect(supportedNodeFlags(['--heap-growing-percent=100', '--no-such-flag-in-any-node'])).toEqual([
      '--heap-growing-percent=100',
    ]);
  });

  // The build still runs on a Node without them, only slower: this says when the pinned Node lost one.
  it('the pinned Node accepts every garbage-collector flag of the build', () => {
    for (const segmented of [false, true]) {
      expect(supportedNodeFlags(buildGcFlags(segmented))).toEqual(buildGcFlags(segmented));
    }
  });
});

describe('Native allocators’ settings for the Astro build', () => {
  it('are given to the builds of a large archive only, each unless the environment names it', () => {
    expect(nativeAllocatorEnv(false, {})).toEqual({});
    expect(nativeAllocatorEnv(true, {})).toEqual({
      MALLOC_MMAP_THRESHOLD_: '131072',
      MIMALLOC_PURGE_DELAY: '0',
      MIMALLOC_ARENA_EAGER_COMMIT: '0',
    });
    expect(nativeAllocatorEnv(true, { MALLOC_MMAP_THRESHOLD_: '4194304', MIMALLOC_ARENA_EAGER_COMMIT: '1' })).toEqual({
      MIMALLOC_PURGE_DELAY: '0',
    });
  });
});
