/**
 * A fingerprint of any value a page is rendered from (Node-only: node:crypto). Objects are encoded
 * once and remembered, so an article shared by many listing pages is encoded once per build, however
 * many pages show it.
 */
import { hash as oneShotHash } from 'node:crypto';

/**
 * Objects whose encoding is at most this long are written into the encoding of what holds them;
 * longer ones are replaced there by their hash. Hashing every string and object on its own cost a
 * hash call for each of the 20 to 30 values of an article, about three million calls a build at
 * 100,000 articles; encoded inline, an article is hashed about once (fingerprinting the benchmark
 * store's 100,000 articles and pages: 3.0–3.5 s instead of 3.9–4.2 s, measured alone).
 */
const INLINE_LIMIT = 256;

/**
 * Encodings shorter than this are not remembered: a date, a reference to a section, a short list
 * of tags. Such an object usually belongs to one article's entry, whose own encoding is remembered,
 * so it is met once a build; remembering it cost a WeakMap entry for each of hundreds of thousands
 * of objects (a segment of 30,000 articles: heap after page generation 246 → 216 MB without them,
 * and encoding 100,000 entries took 2.9–3.0 s instead of 3.35 s).
 */
const REMEMBERED_MIN_LENGTH = 64;

const remembered = new WeakMap<object, string>();
/** Objects fingerprinted as another value (`fingerprintAs`). */
const standIns = new WeakMap<object, (object: object) => unknown>();
/**
 * An object that has, or inherits, a method under this key is fingerprinted as the method returns
 * (or stops the build as it throws): a kind of value fingerprinted alike, given once on a prototype
 * rather than by `fingerprintAs` for each object (a WeakMap entry each, 42 bytes an article of a
 * segment's build thread at 100,000 articles). The method is called each time the object is
 * encoded, and nothing of it is remembered: it must be cheap, reading what the object keeps (an
 * `Encoding` of it, or `listEncoding` of a few values). Most such objects are made when asked and
 * live for one page (the articles a build does not hold, src/lib/article-table.ts), and
 * remembering each encoding, by the object, cost two WeakMap entries an article made: the plan of
 * 100,000 articles took 16–17 s to fingerprint its pages instead of 11.
 */
export const FINGERPRINTED_AS: unique symbol = Symbol.for('bayegan.fingerprintedAs');
/** What a stand-in or a kind's method made: an `Encoding` as it is, any other value encoded. */
const encodeMade = (made: unknown): string => (made instanceof Encoding ? made.text : encode(made));

/** The objects being encoded, outermost first: a value met again inside itself is a cycle. */
const open: object[] = [];

/**
 * Whether the object being encoded holds, at any depth, an object encoded by its kind's method
 * (`FINGERPRINTED_AS`), whose encoding is never remembered. Such objects are made when asked and
 * live for one page (an article of a segment build's packed rows), so whatever holds one was made
 * for that page too (its props, its list of related stories): remembering it is never of use, and
 * cost a WeakMap entry or two a page, every page of the site in a plan: at a million articles
 * about 9 s of its 115 s of fingerprints (a CPU profile), besides the collections that clear them
 * (6 December 2026).
 */
let holdsMadeWhenAsked = false;

// The one-shot form: half the time of createHash().update().digest().
const hash = (text: string) => oneShotHash('sha1', text, 'base64url');

/**
 * An unambiguous text of `value`: a string is its JSON (quoted), a number `n5`, an object its
 * members' encodings in braces, or `#` and a hash of that text when it is long. Equal values give
 * equal texts; different values, different texts (or hashes of different texts). Loops rather than
 * `map`: an archive of 100,000 articles encodes about a million objects a build.
 */
function encode(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${(typeof value)[0]}${String(value)}`;
    case 'undefined':
      return 'u';
    case 'function':
    case 'symbol':
      return 'f';
  }
  if (value === null) return 'z';
  const object = value as object;
  const known = remembered.get(object);
  if (known !== undefined) return known;
  // A stand-in registered for the object comes before its kind's, and is remembered.
  const standIn = standIns.get(object);
  if (standIn !== undefined) {
    const encoded = encodeMade(standIn(object));
    remembered.set(object, encoded);
    return encoded;
  }
  const ofKind = (object as { [FINGERPRINTED_AS]?: (object: object) => unknown })[FINGERPRINTED_AS];
  if (typeof ofKind === 'function') {
    holdsMadeWhenAsked = true;
    return encodeMade(ofKind(object));
  }
  // A cycle cannot change the content of what holds it; it adds nothing.
  if (open.includes(object)) return 'c';
  open.push(object);
  const heldBefore = holdsMadeWhenAsked;
  holdsMadeWhenAsked = false;
  let text: string;
  let holds: boolean;
  try {
    text = encodeObject(object);
  } finally {
    open.pop();
    holds = holdsMadeWhenAsked;
    holdsMadeWhenAsked = heldBefore || holds;
  }
  const encoded = text.length > INLINE_LIMIT ? `#${hash(text)}` : text;
  if (text.length >= REMEMBERED_MIN_LENGTH && !holds) remembered.set(object, encoded);
  return encoded;
}

/**
 * `start`, the encodings of `items` separated by commas, `end`, as one flat string. An encoding is
 * remembered as long as its object lives, and one built by `+=` is a rope in V8 that keeps every
 * piece it was made of (`"id":`, each value, each comma). A segment build of 30,000 articles held
 * 1.5 million such pieces once its pages were built, most of them in the encodings of the articles'
 * entries (a heap snapshot); flat, its heap there fell from 291 to 246 MB. `join` copies the pieces
 * into one string, as fast as `+=` (measured on 100,000 entries).
 */
function encodeList<T>(start: string, items: Iterable<T>, encodeItem: (item: T) => string, end: string): string {
  const parts = [start];
  let first = true;
  for (const item of items) {
    if (!first) parts.push(',');
    parts.push(encodeItem(item));
    first = false;
  }
  parts.push(end);
  return parts.join('');
}

function encodeObject(object: object): string {
  if (Array.isArray(object)) return encodeList('[', object as unknown[], encode, ']');
  if (object instanceof Date) return `D${object.toISOString()}`;
  if (object instanceof URL) return `U${JSON.stringify(object.href)}`;
  if (object instanceof Map) return encodeList('M[', object, ([key, item]) => `${encode(key)}:${encode(item)}`, ']');
  if (object instanceof Set) return encodeList('S[', object, encode, ']');
  const record = object as Record<string, unknown>;
  return encodeList('{', Object.keys(record), (key) => `${JSON.stringify(key)}:${encode(record[key])}`, '}');
}

/**
 * A text that stands for a value inside whatever holds it, returned by a stand-in
 * (`fingerprintAs`): a build that no longer holds the value, only this text, fingerprints what
 * holds it as a build holding the value would. The plan of a segmented build keeps an article's
 * entry only packed, with the digest its sync made of the whole entry, which the pages make of it
 * too (src/lib/content/entry-fingerprint.ts).
 */
export class Encoding {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/**
 * `value` as `#` and the hash of its text, even when the text is short enough to be written inline
 * (an article's entry, whose data is hashed, is about 230 characters): what is kept of a million
 * packed entries is 28 characters each.
 */
export function digestEncoding(value: unknown): Encoding {
  const text = encode(value);
  // An inline text never starts with `#`: hashing it again names nothing else.
  return new Encoding(text.startsWith('#') ? text : `#${hash(text)}`);
}

/**
 * The encoding of the list `values`, as an array of them is encoded, but not remembered: for a
 * kind's own method (`FINGERPRINTED_AS`), whose objects are encoded again and again.
 */
export function listEncoding(values: readonly unknown[]): Encoding {
  return new Encoding(encodeList('[', values, encode, ']'));
}

/** A digest of `value`'s content: equal values give equal digests, whatever object holds them. */
export function contentDigest(value: unknown): string {
  return hash(encode(value));
}

/**
 * From now on `object` is fingerprinted as `standIn(object)` is: for a value of which a page's
 * fingerprint must leave something out (a content entry's rendered body, which a segment build
 * leaves unrendered when it does not show it). Remembered as long as `object` lives; call it before
 * any value that holds `object` is fingerprinted, since those remember their own encodings. The
 * stand-in is made when the object is first fingerprinted: most entries of a segment build never
 * are, and a stand-in kept for each took 2 MB of a 30,000-article build's heap.
 */
export function fingerprintAs<T extends object>(object: T, standIn: (object: T) => unknown): void {
  standIns.set(object, standIn as (object: object) => unknown);
  remembered.delete(object);
}
