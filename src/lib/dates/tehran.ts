/**
 * Instants in the Asia/Tehran zone. The IANA zone is required (not a fixed +03:30): Tehran kept
 * daylight saving time (+04:30) every summer until 2022. Nothing here reads the machine's zone.
 */

export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

/** A wall-clock reading in the Gregorian calendar; months are 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const tehranFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN_TIME_ZONE,
  calendar: 'gregory',
  numberingSystem: 'latn',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function intlWallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of tehranFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tehran's offset from UTC (ms) through each UTC day, or null on a day the clocks changed. Asking
 * `Intl` is slow (`formatToParts`), and a build reads the dates of 100,000 articles many times: the
 * offset is asked for at the two ends of a day, and when it is the same (every day but two a
 * year, and none since 2022) every instant of that day is read by arithmetic. Clocks never
 * changed twice in one day. Bounded.
 */
const dayOffsets = new Map<number, number | null>();
const DAY_OFFSETS_LIMIT = 100_000;

function steadyOffset(dayStart: number): number | null {
  let offset = dayOffsets.get(dayStart);
  if (offset === undefined) {
    const dayEnd = dayStart + DAY_MS - 1000;
    const atStart = wallTimeAsUtcMs(intlWallTime(new Date(dayStart))) - dayStart;
    const atEnd = wallTimeAsUtcMs(intlWallTime(new Date(dayEnd))) - dayEnd;
    offset = atStart === atEnd ? atStart : null;
    if (dayOffsets.size >= DAY_OFFSETS_LIMIT) dayOffsets.clear();
    dayOffsets.set(dayStart, offset);
  }
  return offset;
}

/** The Gregorian wall-clock time in Tehran at `instant`. */
export function tehranWallTime(instant: Date): WallTime {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  const offset = steadyOffset(Math.floor(time / DAY_MS) * DAY_MS);
  if (offset === null) return intlWallTime(instant);
  const wall = new Date(time + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

function wallTimeAsUtcMs(w: WallTime): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Date.UTC maps years 0–99 to 1900–1999; we never handle such years, but stay exact.
  return w.year < 100 ? new Date(ms).setUTCFullYear(w.year) : ms;
}

/** Tehran's offset from UTC at `instant`, in minutes (210 = +03:30, 270 = +04:30). */
export function tehranOffsetMinutes(instant: Date): number {
  const wall = tehranWallTime(instant);
  const flooredMs = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallTimeAsUtcMs(wall) - flooredMs) / 60000);
}

/**
 * The instant at which Tehran's clocks showed `wall`. Like Temporal's "compatible" rule: a time
 * repeated when clocks went back resolves to the earlier instant, and a time skipped when clocks
 * went forward resolves to the same distance after the jump.
 */
export function fromTehranWallTime(wall: WallTime): Date {
  const asUtc = wallTimeAsUtcMs(wall);
  const day = 24 * 60 * 60 * 1000;
  const offsetBefore = tehranOffsetMinutes(new Date(asUtc - day));
  const offsetAfter = tehranOffsetMinutes(new Date(asUtc + day));
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => asUtc - offset * 60000)
    .filter((ms) => {
      const w = tehranWallTime(new Date(ms));
      return wallTimeAsUtcMs(w) === asUtc;
    })
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? asUtc - offsetBefore * 60000);
}

/** `+03:30` style offset. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with Tehran's offset at that instant, e.g. `2024-11-23T00:30:00+03:30` (ASCII digits). */
export function toTehranIsoString(instant: Date): string {
  const w = tehranWallTime(instant);
  const date = `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
  const time = `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
  return `${date}T${time}${formatUtcOffset(tehranOffsetMinutes(instant))}`;
}

/** `YYYY-MM-DD` of the Tehran calendar day (Gregorian), for `datetime` attributes of whole days. */
export function toTehranIsoDate(instant: Date): string {
  return toTehranIsoString(instant).slice(0, 10);
}
