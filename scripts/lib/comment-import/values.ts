/**
 * Small questions about the untyped values an export holds, and how messages show them.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown) {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isTextLike(value: unknown): value is string | number | bigint {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

export function describe(value: unknown) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${String(value)})`;
}

/** A value for a message: text in quotes, shortened. */
export function quote(value: unknown) {
  if (!isTextLike(value)) return describe(value);
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

export function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
