/**
 * Parsed frontmatter with strings of its own. The YAML parser returns a plain scalar (`authors:
 * [ali-farahmand]`) as a slice of the frontmatter's text, and V8 keeps the whole text of a slice's
 * source alive for as long as the slice lives: the content store kept every article's frontmatter
 * text through its reporters' ids, tags and slugs. A heap snapshot of a segment build of 30,000
 * articles found 19 MB of such texts in 217 MB of heap once its pages were built (issue 23).
 */

/** V8 slices a string (`SlicedString::kMinLength`) only from this length on; shorter ones are copies. */
const SLICED_MIN_LENGTH = 13;

/** A copy of `text` that shares nothing with the string it was cut from. */
const ownCopy = (text: string): string =>
  text.length < SLICED_MIN_LENGTH ? text : (JSON.parse(JSON.stringify(text)) as string);

/**
 * `value` with every string copied out of the text it was parsed from: plain objects and arrays are
 * copied, other objects (a YAML timestamp's `Date`) are kept as they are. `value` is not changed.
 */
export function withOwnStrings<T>(value: T): T {
  if (typeof value === 'string') return ownCopy(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withOwnStrings(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withOwnStrings(item);
  return copy as T;
}
