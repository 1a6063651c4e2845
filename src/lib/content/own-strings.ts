/**
 * Parsed frontmatter with strings of its own. The YAML parser returns a plain scalar (`authors:
 * [ali-farahmand]`) as a slice of the frontmatter's text, and V8 keeps the whole text of a slice's
 * source alive for as long as the slice lives: the content store kept every article's frontmatter
 * text through its reporters' ids, tags and slugs. A heap snapshot of a segment build of 30,000
 * articles found 19 MB of such texts in 217 MB of heap once its pages were built (issue 23).
 */

/** V8 slices a string (`SlicedString::kMinLength`) only from this length on; shorter ones are copies. */
const SLICED_MIN_LENGTH = 13;

/**
 * Strings up to this long are shared between the files of one load: a section's id, a reporter's,
 * a tag, written again on thousands of articles. Titles and leads are longer, and met once.
 */
const SHARED_MAX_LENGTH = 32;

/** A copy of `text` that shares nothing with the string it was cut from. */
export const ownString = (text: string): string =>
  text.length < SLICED_MIN_LENGTH ? text : (JSON.parse(JSON.stringify(text)) as string);

/**
 * `value` with every string copied out of the text it was parsed from, and each short string that
 * `shared` has met already replaced by that one: plain objects and arrays are copied, other objects
 * (a YAML timestamp's `Date`) are kept as they are. `value` is not changed.
 */
export function withOwnStrings<T>(value: T, shared: Map<string, string> = new Map()): T {
  if (typeof value === 'string') {
    if (value.length > SHARED_MAX_LENGTH) return ownString(value) as T;
    const known = shared.get(value);
    if (known !== undefined) return known as T;
    const own = ownString(value);
    shared.set(own, own);
    return own as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => withOwnStrings(item, shared)) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withOwnStrings(item, shared);
  return copy as T;
}
