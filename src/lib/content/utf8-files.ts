/**
 * The build refuses content files that are not UTF-8 text (Node-only: reads files). Astro's loader
 * decodes every file as UTF-8, so a file in Windows-1256 or UTF-16 would be built into garbled
 * letters without a word (issue 17).
 *
 * The check rides on the loader's own reading of each file: bytes that are not UTF-8 decode to
 * U+FFFD, and UTF-16 holds NUL bytes (U+0000) for every ASCII character, so a text without either
 * is UTF-8 as read, and only a file whose text has one is read again, as bytes, to name its likely
 * encoding (./encoding.ts). Such a file is neither parsed nor checked by the schema (its letters
 * are garbled); once the loader has read every file, the build stops naming each of them. Reading
 * every file a second time beforehand took about 12 s of a cold content sync at 100,000 articles.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { displayPath } from './content-dir.ts';
import { detectEncoding, notUtf8Problem } from './encoding.ts';
import { contentProblemsError, type ContentProblem } from './problems.ts';
import { mapEntryTypes, type EntryType } from './entry-types.ts';

/** A character that UTF-8 text read as UTF-8 never holds unless it was written so: U+FFFD or U+0000. */
const NOT_UTF8_SIGN = /[\uFFFD\0]/;

/** The part of a glob loader's context the check wraps. */
type CheckedContext = Pick<LoaderContext, 'parseData'> & { entryTypes: Map<string, EntryType> };

/**
 * `context` with each file the glob loader reads checked: a file that is not UTF-8 text is set aside
 * (no frontmatter read, no schema check), and `refuse` throws the build's content error naming every
 * such file, with its likely encoding and the command that converts it. Call `refuse` once the loader
 * has read every file.
 */
export function refusingFilesNotUtf8<C extends CheckedContext>(context: C): { context: C; refuse: () => void } {
  const problems = new Map<string, ContentProblem>();
  const entryTypes = mapEntryTypes(context.entryTypes, (type) => ({
    ...type,
    getEntryInfo: (params) => {
      if (NOT_UTF8_SIGN.test(params.contents)) {
        const filePath = fileURLToPath(params.fileUrl);
        const encoding = detectEncoding(readFileSync(filePath));
        if (encoding !== 'utf-8') {
          problems.set(filePath, notUtf8Problem(displayPath(filePath), encoding));
          return { data: {}, body: '' };
        }
      }
      return type.getEntryInfo(params);
    },
  }));
  const parseData: LoaderContext['parseData'] = async (props) =>
    props.filePath !== undefined && problems.has(props.filePath) ? props.data : context.parseData(props);
  return {
    context: { ...context, entryTypes, parseData },
    refuse: () => {
      if (problems.size === 0) return;
      throw contentProblemsError([...problems.values()].sort((a, b) => (a.file < b.file ? -1 : 1)));
    },
  };
}
