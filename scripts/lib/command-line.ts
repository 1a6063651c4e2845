/** What the command lines of the scripts share: the mistake that shows the usage, the `--now` option. */

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
