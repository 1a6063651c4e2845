/**
 * When a comment was sent: the export's date read as an instant, written in Tehran's offset.
 * Part of `npm run import:comments` (see scripts/lib/comment-import.ts).
 */
import { toTehranIsoString } from '../../../src/lib/dates/tehran.ts';

/** Instants before this are taken for a mistake (a date read as seconds, or a yyyymmdd number). */
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * When a comment was sent, as ISO 8601 in Tehran's offset at that instant. Accepts ISO 8601 with
 * an offset or `Z`, and epoch seconds or milliseconds (numbers or digits); a date and time
 * without an offset is refused (it would be read in some machine's zone), unless the export
 * defines it as UTC (`zonelessIsUtc`).
 */
export function parseSubmittedAt(
  value: unknown,
  options: { zonelessIsUtc?: boolean } = {},
): { iso: string } | { error: string } {
  const example = 'write ISO 8601 with an offset, e.g. 2024-11-23T14:30:00+03:30 or 2024-11-23T11:00:00Z';
  let ms: number | undefined;
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
    const epoch = Number(value);
    if (!Number.isFinite(epoch) || epoch <= 0) return { error: `is not a date: ${example}, or epoch seconds` };
    // Below 1e11 it can only be seconds (1e11 ms is 1973; 1e11 s is the year 5138).
    ms = Math.abs(epoch) < 1e11 ? epoch * 1000 : epoch;
  } else if (typeof value === 'string') {
    const match = ISO_DATE_TIME.exec(value.trim());
    if (!match) return { error: `is not a date I can read: ${example}, or epoch seconds` };
    const [, y, mo, d, h, mi, s, fraction, zulu, sign, offH, offM] = match;
    if (!zulu && !sign && !options.zonelessIsUtc) {
      return {
        error: `has no time-zone offset, so the instant is unknown: ${example} (Tehran is +03:30, +04:30 in summers before 2023)`,
      };
    }
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map((group) => Number(group ?? '0'));
    const wall = Date.UTC(year ?? NaN, (month ?? NaN) - 1, day, hour, minute, second);
    const check = new Date(wall);
    const readBack = [
      check.getUTCFullYear(),
      check.getUTCMonth() + 1,
      check.getUTCDate(),
      check.getUTCHours(),
      check.getUTCMinutes(),
      check.getUTCSeconds(),
    ];
    if (readBack.join() !== [year, month, day, hour, minute, second].join()) {
      return { error: `is not a real date and time: ${example}` };
    }
    const offsetMinutes = sign ? (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM)) : 0;
    if (Math.abs(offsetMinutes) > 18 * 60 || Number(offM) > 59) {
      return { error: `has an offset that does not exist: ${example}` };
    }
    ms = wall - offsetMinutes * 60000 + Number(`0.${fraction ?? '0'}`) * 1000;
  } else {
    return { error: `is not a date: ${example}, or epoch seconds` };
  }
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return { error: `is out of range: ${example}` };
  if (ms < EARLIEST_INSTANT) {
    return { error: `is before the year 2000, which cannot be right: ${example}, or epoch seconds or milliseconds` };
  }
  return { iso: toTehranIsoString(new Date(ms)) };
}
