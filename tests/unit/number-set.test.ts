import { describe, expect, it } from 'vitest';
import { numberSet } from '../../src/lib/number-set';

describe('numberSet', () => {
  it('answers as a Set of the same numbers would, in any order, repeats and large numbers included', () => {
    const values = [90210, 7, 3, 7, 1_000_000, 42, 2 ** 40, 0];
    const set = numberSet(values);
    for (const value of [...values, 1, 8, 41, 43, 999_999, 2 ** 40 + 1, -7, 0.5, Number.NaN]) {
      expect(set.has(value)).toBe(new Set(values).has(value));
    }
  });

  it('holds nothing when given nothing', () => {
    expect(numberSet([]).has(0)).toBe(false);
  });

  it('agrees with a Set on a hundred thousand article numbers', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 250_007);
    const set = numberSet(ids);
    const reference = new Set(ids);
    for (let probe = 0; probe < 250_010; probe += 13) expect(set.has(probe)).toBe(reference.has(probe));
  });
});
