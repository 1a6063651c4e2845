/**
 * A fingerprint of any value a page is rendered from (Node-only: node:crypto). Objects are digested
 * once and remembered, so an article shared by many listing pages is hashed once per build, however
 * many pages show it.
 */
import { hash as oneShotHash } from 'node:crypto';

const remembered = new WeakMap<object, string>();
const inProgress = new WeakSet<object>();

// The one-shot form: half the time of createHash().update().digest() for the short texts of a
// page's props, hashed about a million times in a build of 100,000 articles.
const hash = (text: string) => oneShotHash('sha1', text, 'base64url');

/** A digest of `value`'s content: equal values give equal digests, whatever object holds them. */
export function contentDigest(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${hash(value)}`;
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
  if (value === null) return 'n';
  const object = value as object;
  const known = remembered.get(object);
  if (known) return known;
  // A cycle cannot change the content of what holds it; it adds nothing.
  if (inProgress.has(object)) return 'c';
  inProgress.add(object);
  let text: string;
  if (object instanceof Date) text = `D${object.toISOString()}`;
  else if (object instanceof URL) text = `U${object.href}`;
  else if (Array.isArray(object)) text = `[${object.map(contentDigest).join(',')}]`;
  else if (object instanceof Map)
    text = `M[${[...object].map(([key, item]) => `${contentDigest(key)}:${contentDigest(item)}`).join(',')}]`;
  else if (object instanceof Set) text = `S[${[...object].map(contentDigest).join(',')}]`;
  else
    text = `{${Object.entries(object)
      .map(([key, item]) => `${JSON.stringify(key)}:${contentDigest(item)}`)
      .join(',')}}`;
  inProgress.delete(object);
  const digest = hash(text);
  remembered.set(object, digest);
  return digest;
}
