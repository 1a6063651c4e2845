/**
 * src/lib/content/encoding.ts: telling UTF-8 from Windows-1256 and UTF-16, on bytes written by
 * other programs (tests/fixtures/encodings/ was written with Python's cp1256 codec) and by Node.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  convertCommand,
  declaredEncoding,
  detectEncoding,
  notUtf8Problem,
  readText,
} from '../../src/lib/content/encoding';

const fixtures = path.join(import.meta.dirname, '../fixtures/encodings');
const windows1256 = readFileSync(path.join(fixtures, 'article.windows-1256.md'));
/** What the Windows-1256 fixture says, in UTF-8. */
const expected = readFileSync(path.join(fixtures, 'article.utf-8.md'), 'utf8');

const article = "---\r\ntitle: 'کتاب‌ها در راه‌اند'\r\nid: 7\r\n---\r\n\r\nمتن خبر با نیم‌فاصله و «گیومه».\r\n";
const BOM = { utf8: [0xef, 0xbb, 0xbf], le: [0xff, 0xfe], be: [0xfe, 0xff] };
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const withBom = (bom: number[], bytes: Uint8Array) => Buffer.concat([Buffer.from(bom), bytes]);

describe('detectEncoding and readText', () => {
  it('reads UTF-8 as written: a byte-order mark and CRLF line ends stay', () => {
    expect(readText(Buffer.from(article))).toEqual({ text: article, encoding: 'utf-8' });
    expect(readText(withBom(BOM.utf8, Buffer.from(article)))).toEqual({ text: `\ufeff${article}`, encoding: 'utf-8' });
    expect(readText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('recognises Windows-1256 Persian and converts it, line ends as they were', () => {
    expect(readText(windows1256)).toEqual({ text: expected, encoding: 'windows-1256' });
    expect(expected).toContain('\r\n');
    expect(expected).toContain('کتابخانه مرکزي شهر امروز');
  });

  it('recognises UTF-16 in both byte orders, with a byte-order mark or by its NUL bytes; the mark is dropped', () => {
    const le = Buffer.from(article, 'utf16le');
    expect(readText(withBom(BOM.le, le))).toEqual({ text: article, encoding: 'utf-16le' });
    expect(readText(le)).toEqual({ text: article, encoding: 'utf-16le' });
    expect(readText(withBom(BOM.be, utf16be(article)))).toEqual({ text: article, encoding: 'utf-16be' });
    expect(readText(utf16be(article))).toEqual({ text: article, encoding: 'utf-16be' });
    // Plain ASCII in UTF-16 is valid UTF-8 byte for byte, but not text.
    expect(detectEncoding(Buffer.from('id: 7\n', 'utf16le'))).toBe('utf-16le');
  });

  it('does not take damaged UTF-8, Latin text or a binary file for Windows-1256', () => {
    const damaged = Buffer.from(article);
    damaged[damaged.indexOf(Buffer.from('متن'))] = 0xff;
    expect(detectEncoding(damaged)).toBe('unrecognised');
    // Read in Windows-1256, ä and ß are the Arabic letters ل and ك: but single ones among Latin letters, not words.
    expect(detectEncoding(Buffer.from('Das Mädchen läuft über die Straße.', 'latin1'))).toBe('unrecognised');
    expect(detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]))).toBe(
      'unrecognised',
    );
    // Bytes with NULs on one side that are not text: control characters throughout.
    expect(detectEncoding(new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0, 0x41, 0]))).toBe('unrecognised');
    expect(readText(damaged).encoding).toBe('unrecognised');
  });
});

describe('declaredEncoding', () => {
  const head = (html: string) => Buffer.from(html, 'latin1');
  it('reads <meta charset>, <meta http-equiv> and the XML declaration, by the names TextDecoder uses', () => {
    expect(declaredEncoding(head('<html><head><meta charset="windows-1256"><title>'))).toBe('windows-1256');
    expect(declaredEncoding(head("<META CHARSET='CP1256'>"))).toBe('windows-1256');
    expect(declaredEncoding(head('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256" />'))).toBe(
      'windows-1256',
    );
    expect(declaredEncoding(head('<?xml version="1.0" encoding="windows-1256"?>\n<html>'))).toBe('windows-1256');
    expect(declaredEncoding(head('<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">'))).toBe(
      'windows-1252',
    );
    expect(declaredEncoding(head('<meta charset="utf-8">'))).toBe('utf-8');
  });

  it('is undefined when nothing is declared or the label is no encoding', () => {
    expect(declaredEncoding(head('<html><head><title>خبر</title>'))).toBeUndefined();
    expect(declaredEncoding(head('<meta charset="persian-windows">'))).toBeUndefined();
    expect(declaredEncoding(head('<p>charset=windows-1256 is what the old site used</p>'))).toBeUndefined();
  });
});

describe('notUtf8Problem', () => {
  it('names the likely encoding, and as the fix the command that converts the file', () => {
    expect(notUtf8Problem('content/articles/1403/library.md', 'windows-1256')).toEqual({
      file: 'content/articles/1403/library.md',
      field: 'file',
      message: expect.stringMatching(
        /^is not UTF-8 text but most likely Windows-1256 \(.*\), which the build would read as garbled letters$/,
      ),
      fix: 'convert it to UTF-8 with: npm run check:content -- --fix --write content/articles/1403/library.md',
    });
    expect(notUtf8Problem('a.md', 'utf-16le').message).toContain('most likely UTF-16 little-endian');
    const unrecognised = notUtf8Problem('a.md', 'unrecognised');
    expect(unrecognised.message).toMatch(/save it as UTF-8\.$/);
    expect(JSON.stringify(unrecognised)).not.toContain('npm run');
  });

  it('quotes a path the shell would split, and leaves Persian and Windows paths as they are', () => {
    expect(convertCommand('content/articles/1403/کتاب‌خانه.md')).toBe(
      'npm run check:content -- --fix --write content/articles/1403/کتاب‌خانه.md',
    );
    expect(convertCommand('content\\articles\\a.md')).toBe(
      'npm run check:content -- --fix --write content\\articles\\a.md',
    );
    expect(convertCommand('content/articles/new story (2).md')).toBe(
      'npm run check:content -- --fix --write "content/articles/new story (2).md"',
    );
  });
});
