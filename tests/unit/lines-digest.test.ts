import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LinesDigest } from '../../src/lib/lines-digest';

/** The digest of `lines`, added one at a time. */
const linesDigest = (lines: Iterable<string>) => {
  const digest = new LinesDigest();
  for (const line of lines) digest.add(line);
  return digest.digest();
};

const joinedDigest = (lines: string[]) => hash('sha256', lines.join('\n'), 'base64url');
const lines = (count: number) => Array.from({ length: count }, (_, n) => `${n} /news/${n}/خبر‌تازه-${n}/ ${n % 7}`);

describe('LinesDigest', () => {
  it('is the digest of the lines joined by newlines, across every boundary of its batches', () => {
    for (const count of [0, 1, 2, 4095, 4096, 4097, 8192, 10_000]) {
      expect(linesDigest(lines(count)), String(count)).toBe(joinedDigest(lines(count)));
    }
    expect(linesDigest([''])).toBe(joinedDigest(['']));
    expect(linesDigest(['', ''])).toBe(joinedDigest(['', '']));
  });

  it('takes the lines one at a time, from a generator', () => {
    function* made() {
      yield* lines(5000);
    }
    expect(linesDigest(made())).toBe(joinedDigest(lines(5000)));
  });

  it('takes several digests in one pass, a line at a time', () => {
    const even = new LinesDigest();
    const all = new LinesDigest();
    for (const [n, line] of lines(9000).entries()) {
      all.add(line);
      if (n % 2 === 0) even.add(line);
    }
    expect(all.digest()).toBe(joinedDigest(lines(9000)));
    expect(even.digest()).toBe(joinedDigest(lines(9000).filter((_, n) => n % 2 === 0)));
    expect(new LinesDigest().digest()).toBe(joinedDigest([]));
  });

  it('tells lines apart by their order and their content', () => {
    const some = lines(5000);
    const swapped = [...some];
    [swapped[4095], swapped[4096]] = [swapped[4096]!, swapped[4095]!];
    expect(linesDigest(swapped)).not.toBe(linesDigest(some));
    expect(linesDigest([...some.slice(0, -1), `${some.at(-1)!} `])).not.toBe(linesDigest(some));
  });
});
