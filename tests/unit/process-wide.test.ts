import { describe, expect, it } from 'vitest';
import { processWideMap, processWideValue } from '../../src/lib/process-wide';

describe('process-wide values', () => {
  it('gives every caller of one name the same value, on a global symbol another module graph finds', () => {
    const name = `bayegan.test.${Math.random()}`;
    const first = processWideValue<{ pages: number }>(name);
    expect(first.get()).toBeUndefined();
    const value = { pages: 3 };
    expect(first.set(value)).toBe(value);
    // A second handle, as a module of another graph would make it, sees the same object.
    expect(processWideValue<{ pages: number }>(name).get()).toBe(value);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(name)]).toBe(value);
    expect(processWideValue(`${name}.other`).get()).toBeUndefined();
  });

  it('makes one Map per name, the first time it is asked for', () => {
    const name = `bayegan.test.${Math.random()}`;
    const map = processWideMap<string, number>(name);
    map.set('articles', 7);
    expect(processWideMap<string, number>(name)).toBe(map);
    expect(processWideMap<string, number>(name).get('articles')).toBe(7);
    expect(processWideMap(`${name}.other`)).not.toBe(map);
  });
});
