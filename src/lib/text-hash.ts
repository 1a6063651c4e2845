/**
 * The 32-bit FNV-1a hash of a text's UTF-16 code units: the same in every thread, machine and
 * version, for what must be stable (a unit's segment, ./segments.ts) or only quick (a file's
 * record, ./content/file-records.ts).
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at++) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
