/**
 * A page file's bytes as text (its encoding found) and whether it is HTML or a text dump.
 * Part of `npm run import:legacy` (see scripts/lib/legacy-import.ts).
 */
import { declaredEncoding, decodeAs, detectEncoding } from '../../../src/lib/content/encoding.ts';

/**
 * Text from a page's bytes (src/lib/content/encoding.ts tells the encodings apart): by its
 * byte-order mark; UTF-8 when the bytes are valid UTF-8; UTF-16 by its NUL bytes; else the encoding
 * the page declares (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding?>`),
 * unless the declaration is plainly wrong: UTF-8 or UTF-16 that the bytes are not, or a Latin one
 * (`iso-8859-1`, `windows-1252`, the old default) when the bytes read as Persian in Windows-1256;
 * else Windows-1256, the usual encoding of old Persian sites.
 * @returns undefined for a
 * binary file; `declared`: the encoding the page declares, when that was wrong
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string; declared?: string } | undefined {
  const detected = detectEncoding(bytes);
  if (detected === 'utf-8' || detected === 'utf-16le' || detected === 'utf-16be') {
    return { text: decodeAs(bytes, detected).replace(/^\uFEFF/, ''), encoding: detected };
  }
  if (bytes.includes(0)) return undefined;
  const declared = declaredEncoding(bytes);
  const wrong =
    declared === undefined ||
    declared === 'utf-8' ||
    declared.startsWith('utf-16') ||
    (declared === 'windows-1252' && detected === 'windows-1256');
  const encoding = wrong ? 'windows-1256' : declared;
  return { text: new TextDecoder(encoding).decode(bytes), encoding, ...(wrong && declared ? { declared } : {}) };
}

/** Whether a file is read as HTML: by its extension, else by its first tag. */
export function kindOf(fileName: string, text: string): 'html' | 'text' {
  if (/\.x?html?$/i.test(fileName)) return 'html';
  if (/\.txt$/i.test(fileName)) return 'text';
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i.test(text) ? 'html' : 'text';
}
