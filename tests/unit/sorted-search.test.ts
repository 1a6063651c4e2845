import { describe, expect, it } from 'vitest';
import { joinedIndexed, positionInSorted } from '../../src/lib/sorted-search';

describe('joinedIndexed', () => {
  it('reads the first list then the second by place, neither copied', () => {
    const second = new Uint32Array([7, 8]);
    const joined = joinedIndexed<number>(
      ['a', 'b'].map((letter) => letter.charCodeAt(0)),
      second,
    );
    expect(joined.length).toBe(4);
    expect(Array.from({ length: 4 }, (_, place) => joined.at(place))).toEqual([97, 98, 7, 8]);
    second[0] = 9;
    expect(joined.at(2)).toBe(9);
    expect(joined.at(4)).toBeUndefined();
  });
});

describe('positionInSorted', () => {
  const byNumber = (a: number, b: number) => a - b;

  it('finds each element of a sorted list, and nothing where the list holds none equal', () => {
    const list = [2, 3, 5, 8, 13, 21];
    list.forEach((value, at) => expect(positionInSorted(list, value, byNumber)).toBe(at));
    for (const missing of [0, 4, 9, 22]) expect(positionInSorted(list, missing, byNumber)).toBeUndefined();
    expect(positionInSorted([], 1, byNumber)).toBeUndefined();
  });

  it('gives the first of the elements that compare equal, in the order of the comparison', () => {
    // Newest first, as the archive's lists are: the date breaks no tie here, the place does.
    const newestFirst = (a: { date: number }, b: { date: number }) => b.date - a.date;
    const list = [{ date: 9 }, { date: 7 }, { date: 7 }, { date: 3 }];
    expect(positionInSorted(list, { date: 7 }, newestFirst)).toBe(1);
    expect(positionInSorted(list, { date: 8 }, newestFirst)).toBeUndefined();
  });
});
