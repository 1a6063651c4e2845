/**
 * The build's UTF-8 check rides on the loader's reading of each file: a file whose text shows no
 * sign of other bytes goes to Astro's reader untouched; one that is not UTF-8 is set aside (not
 * parsed, not checked by the schema) and named, with its likely encoding, once every file was read.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryType } from '../../src/lib/content/entry-types';
import { refusingFilesNotUtf8 } from '../../src/lib/content/utf8-files';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'bayegan-utf8-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const article = '---\ntitle: خبر\n---\n\nمتن خبر\n';

/** Writes `bytes` as `name` and reads it back as Astro's glob loader does: as UTF-8 text. */
function read(name: string, bytes: Uint8Array) {
  const file = path.join(root, name);
  writeFileSync(file, bytes);
  return { file, fileUrl: pathToFileURL(file), contents: readFileSync(file, 'utf-8') };
}

function checked() {
  const parsedByReader: string[] = [];
  const parsedBySchema: string[] = [];
  const markdown: EntryType = {
    getEntryInfo: ({ fileUrl }) => {
      parsedByReader.push(path.basename(fileUrl.pathname));
      return { data: { title: 'خبر' }, body: 'متن خبر' };
    },
  };
  const parseData = (async (props: { filePath?: string; data: Record<string, unknown> }) => {
    parsedBySchema.push(path.basename(props.filePath!));
    return props.data;
  }) as LoaderContext['parseData'];
  const check = refusingFilesNotUtf8({ entryTypes: new Map([['.md', markdown]]), parseData });
  const reader = check.context.entryTypes.get('.md')!;
  /** What the loader does with one file: read it, then hand its data to the schema. */
  const load = async (name: string, bytes: Uint8Array) => {
    const { file, fileUrl, contents } = read(name, bytes);
    const { data } = await reader.getEntryInfo({ fileUrl, contents });
    return check.context.parseData({ id: name, data, filePath: file });
  };
  return { load, refuse: check.refuse, parsedByReader, parsedBySchema };
}

describe('refusingFilesNotUtf8', () => {
  it('hands UTF-8 files to the reader and the schema, one with a written U+FFFD too', async () => {
    const { load, refuse, parsedByReader, parsedBySchema } = checked();
    await load('a.md', Buffer.from(article));
    await load('b.md', Buffer.from(`${article}نویسه‌ی جایگزین: \uFFFD\n`));
    expect(parsedByReader).toEqual(['a.md', 'b.md']);
    expect(parsedBySchema).toEqual(['a.md', 'b.md']);
    expect(() => refuse()).not.toThrow();
  });

  it('sets aside files in UTF-16 and Windows-1256, and names each with its encoding once all are read', async () => {
    const { load, refuse, parsedByReader, parsedBySchema } = checked();
    await load('z.md', Buffer.from(article, 'utf16le'));
    await load('ok.md', Buffer.from(article));
    await load('y.md', new Uint8Array(readFileSync('tests/fixtures/encodings/article.windows-1256.md')));
    expect(parsedByReader).toEqual(['ok.md']);
    expect(parsedBySchema).toEqual(['ok.md']);
    expect(refuse).toThrow(
      new RegExp(
        `y\\.md: is not UTF-8 text but most likely Windows-1256[^\\n]*\\n.*z\\.md: is not UTF-8 text but most likely UTF-16 little-endian`,
      ),
    );
  });
});
