import { describe, expect, it } from 'vitest';
import { buildGcFlags, supportedNodeFlags } from '../../scripts/astro-cli.ts';

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
