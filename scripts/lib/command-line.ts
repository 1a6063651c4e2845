/**
 * What the command lines of the scripts share: where they read and write (a test gives its own), the
 * mistake that shows the usage, the `--now` option, counted nouns in their summaries.
 */

/** A mistake in the command line: shown with the usage hint, exit 1. */
export class UsageError extends Error {}

/** Reads `--now`: an ISO 8601 date-time with an offset (or Z). */
export function parseNow(text: string): Date {
  const date = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text) ||
    Number.isNaN(date.getTime())
  ) {
    throw new UsageError(`--now "${text}" is not an ISO date-time with an offset, e.g. 2026-11-29T12:00:00+03:30.`);
  }
  return date;
}

/** Where a script's `main` reads its environment and writes its lines; a test passes its own. */
export interface ScriptIo {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** The given `ScriptIo`, with the process's own environment, folder and console where none is given. */
export function scriptIo(io: ScriptIo) {
  return {
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
    out: io.out ?? ((line: string) => console.log(line)),
    err: io.err ?? ((line: string) => console.error(line)),
  };
}

/** `1 file`, `3 files`: the count with its noun, for the scripts' English summaries. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
