import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/lib/bounded-memo';

describe('boundedMemo', () => {
  it('computes once per argument, null and undefined answers included', () => {
    const calls: string[] = [];
    const answer = boundedMemo((key: string) => {
      calls.push(key);
      return key === 'none' ? null : key === 'nothing' ? undefined : key.length;
    });
    expect([answer('کتاب'), answer('none'), answer('nothing')]).toEqual([4, null, undefined]);
    expect([answer('کتاب'), answer('none'), answer('nothing')]).toEqual([4, null, undefined]);
    expect(calls).toEqual(['کتاب', 'none', 'nothing']);
  });

  it('forgets everything once it holds its limit, and computes again', () => {
    const calls: number[] = [];
    const double = boundedMemo((n: number) => {
      calls.push(n);
      return n * 2;
    }, 2);
    expect([double(1), double(2), double(1)]).toEqual([2, 4, 2]);
    expect(double(3)).toBe(6); // holds 2: forgets 1 and 2, keeps 3
    expect(double(1)).toBe(2);
    expect(calls).toEqual([1, 2, 3, 1]);
  });
});
