import { describe, expect, it } from 'vitest';
import { secs } from '../../scripts/bench.ts';

describe('how the benchmark prints a duration', () => {
  it('prints seconds under a minute and minutes from one on', () => {
    expect(secs(0)).toBe('0.0 s');
    expect(secs(6.04)).toBe('6.0 s');
    expect(secs(59.94)).toBe('59.9 s');
    expect(secs(63.8)).toBe('1:03.8');
    expect(secs(1267.6)).toBe('21:07.6');
  });

  it('rounds before it splits minutes from seconds: never 60 seconds in a minute', () => {
    expect(secs(59.96)).toBe('1:00.0');
    expect(secs(119.96)).toBe('2:00.0');
    expect(secs(179.99)).toBe('3:00.0');
  });
});
