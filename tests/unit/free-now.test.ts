import { describe, expect, it } from 'vitest';
import { freeNow } from '../../src/lib/free-now';
import { withRoom } from '../../src/lib/content/typed-columns';

describe('freeNow', () => {
  it('frees a buffer or typed array that holds its memory alone and whole', () => {
    const read = Buffer.alloc(1 << 20, 7);
    const numbers = new Float64Array(1000).fill(1.5);
    freeNow(read);
    freeNow(numbers);
    expect(read.buffer.detached).toBe(true);
    expect(read.length).toBe(0);
    expect(numbers.buffer.detached).toBe(true);
    expect(numbers.length).toBe(0);
  });

  it("leaves alone a slice of Node's pool, a view of part of a buffer, shared memory and an empty buffer", () => {
    const pooled = Buffer.from('بایگان');
    const whole = new Uint8Array(4096).fill(3);
    const part = whole.subarray(10, 20);
    const shared = new Uint32Array(new SharedArrayBuffer(64)).fill(9);
    const empty = new Uint8Array(0);
    for (const array of [pooled, part, shared, empty]) freeNow(array);
    expect(pooled.toString()).toBe('بایگان');
    expect(part.length).toBe(10);
    expect(whole[4095]).toBe(3);
    expect(shared[15]).toBe(9);
    expect(empty.buffer.detached).toBe(false);
  });

  it('lets a grown array go as soon as its items are in the larger one', () => {
    const full = Uint32Array.from({ length: 1024 }, (_, at) => at);
    const grown = withRoom(full, 1025);
    expect(full.buffer.detached).toBe(true);
    expect(grown.length).toBe(2048);
    expect(grown[1023]).toBe(1023);
    // With room to spare, the array is kept as it is.
    expect(withRoom(grown, 1500)).toBe(grown);
    expect(grown.buffer.detached).toBe(false);
  });
});
