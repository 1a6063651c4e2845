/**
 * Which encoding a file's bytes are in. Pure: bytes in, answers out. Content files must be UTF-8,
 * because Astro decodes every file as UTF-8: a file saved by an old Windows program in Windows-1256,
 * or by an editor in UTF-16, would otherwise be built into garbled letters without a word (issue 17).
 * The build (./utf8-files.ts) and `npm run check:content` refuse such a file with
 * {@link notUtf8Problem}; `check:content --fix --write` and `npm run import:legacy` convert it.
 *
 * The guess, in this order: a byte-order mark; NUL bytes, which UTF-8 text never holds but UTF-16
 * holds for every ASCII character (the odd bytes in little-endian, the even ones in big-endian);
 * valid UTF-8; and, for bytes that are not, Windows-1256 when they read in it as Persian/Arabic words.
 */
import { FA_LETTER } from '#lib/persian/script.ts';
import type { ContentProblem } from './problems.ts';

/** The encodings told apart, by their WHATWG (TextDecoder) names. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** What a file is when it is not UTF-8 text: an encoding it can be converted from, or none recognised. */
export type NotUtf8 = Exclude<TextEncoding, 'utf-8'> | 'unrecognised';

/** The encodings as messages call them. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1256': 'Windows-1256',
};

/** Where a reporter meets each encoding, for the message that names it. */
const ENCODING_ORIGINS: Record<NotUtf8, string> = {
  'utf-16le': 'what old Windows programs call «Unicode»',
  'utf-16be': 'UTF-16 with its byte pairs the other way round',
  'windows-1256': 'the Arabic-script encoding of old Windows programs',
  unrecognised: '',
};

// One decoder each: decode() without `stream` keeps no state between calls.
const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Invalid bytes read as U+FFFD; a byte-order mark kept, as Node's `readFileSync(file, 'utf8')` keeps it. */
const LOSSY_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const WINDOWS_1256 = new TextDecoder('windows-1256');

/** A run of two or more Persian/Arabic letters (a ZWNJ may join them): a word, not a stray letter. */
const ARABIC_SCRIPT_WORD = new RegExp(`${FA_LETTER}(?:\\u200c?${FA_LETTER})+`, 'gu');
/** How much of a file the UTF-16 guess looks at: enough ASCII for the NULs to tell. */
const UTF16_SAMPLE = 8192;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    FATAL_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a byte-order mark, by the side its NUL bytes (ASCII characters' high bytes) are on. */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const encoding = odd > 2 * even ? 'utf-16le' : even > 2 * odd ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  return looksLikeText(new TextDecoder(encoding).decode(sample)) ? encoding : undefined;
}

/**
 * Text, not a binary file read as text: next to no control characters (tab, line ends and form
 * feed are text) and undecodable bytes (U+FFFD).
 */
function looksLikeText(text: string): boolean {
  let notText = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0xfffd) notText++;
  }
  return notText <= text.length / 100;
}

/**
 * Whether bytes that are not UTF-8 are Windows-1256 Persian: read in it, at least half of their
 * non-ASCII characters are in Persian/Arabic words. Other text is not: Latin letters read as single
 * Arabic ones (ä is ل), UTF-8 Persian with a damaged byte as a letter and a symbol in turn (ا reads ط§).
 */
function readsAsWindows1256(bytes: Uint8Array): boolean {
  const text = WINDOWS_1256.decode(bytes);
  const nonAscii = text.match(/[^\0-\x7f]/g)?.length ?? 0;
  let inWords = 0;
  for (const [word] of text.matchAll(ARABIC_SCRIPT_WORD)) inWords += word.length;
  return nonAscii > 0 && inWords * 2 >= nonAscii;
}

/** The encoding a file's bytes are most likely in, or `unrecognised` (not text, or another encoding). */
export function detectEncoding(bytes: Uint8Array): TextEncoding | 'unrecognised' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.includes(0)) return utf16ByNuls(bytes) ?? 'unrecognised';
  if (isUtf8(bytes)) return 'utf-8';
  return readsAsWindows1256(bytes) ? 'windows-1256' : 'unrecognised';
}

/**
 * The text of bytes in `encoding`. A UTF-16 byte-order mark is dropped; a UTF-8 one is kept, as
 * Node's `readFileSync(file, 'utf8')` keeps it and the frontmatter readers expect.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  return encoding === 'utf-8' ? LOSSY_UTF8.decode(bytes) : new TextDecoder(encoding).decode(bytes);
}

/**
 * A file's text and what it was read as: as written when it is UTF-8; converted from the encoding
 * it most likely is in otherwise (to be written back as UTF-8 without a byte-order mark, line ends as
 * they are); a lossy UTF-8 reading, not to be used, when the encoding is `unrecognised`.
 */
export function readText(bytes: Uint8Array): { text: string; encoding: TextEncoding | 'unrecognised' } {
  const encoding = detectEncoding(bytes);
  return { text: decodeAs(bytes, encoding === 'unrecognised' ? 'utf-8' : encoding), encoding };
}

/**
 * The encoding an HTML or XML page declares near its start — `<meta charset="…">`,
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">` or `<?xml … encoding="…"?>` —
 * by its WHATWG name (`cp1256` is `windows-1256`, `iso-8859-1` is `windows-1252`); undefined when
 * none is declared or the label is not an encoding.
 */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  // Old pages put long scripts and comments before their meta tags: more than the 1,024 bytes browsers read.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const label =
    /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** A path for a command line: in double quotes (which every shell reads) when it has spaces or symbols. */
const commandLinePath = (file: string) => (/^[\p{L}\p{M}\p{N}\u200c._/\\:@+=,-]+$/u.test(file) ? file : `"${file}"`);

/** The command that converts a content file to UTF-8, on every system a newsroom has (Windows too). */
export function convertCommand(file: string): string {
  return `npm run check:content -- --fix --write ${commandLinePath(file)}`;
}

/** What is wrong with a content file that is not UTF-8 text, and the fix; `file` as the reader types it. */
export function notUtf8Problem(file: string, encoding: NotUtf8): ContentProblem {
  if (encoding === 'unrecognised') {
    return {
      file,
      field: 'file',
      message:
        'is not UTF-8 text, and not in an encoding this tool recognises (or not text at all): open it in a text editor and save it as UTF-8.',
    };
  }
  return {
    file,
    field: 'file',
    message: `is not UTF-8 text but most likely ${ENCODING_NAMES[encoding]} (${ENCODING_ORIGINS[encoding]}), which the build would read as garbled letters`,
    fix: `convert it to UTF-8 with: ${convertCommand(file)}`,
  };
}
