/**
 * For tests that loop over what a build or a script produced: a loop over an empty list asserts
 * nothing and passes, so the list is checked first.
 */
import { expect } from 'vitest';

/** `list`, after checking that it holds at least `min` items (`what` names them in the failure). */
export function atLeast<List extends readonly unknown[]>(min: number, list: List, what: string): List {
  expect(list.length, `${what}: expected at least ${min}`).toBeGreaterThanOrEqual(min);
  return list;
}
