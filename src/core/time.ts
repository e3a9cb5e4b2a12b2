/**
 * ISO-8601 instants, parsed strictly and formatted canonically.
 *
 * Every timestamp the library accepts goes through {@link parseInstant}, so "what counts as a valid
 * `at`" is decided in exactly one place. Nothing here reads the wall clock.
 */

// Date and time with a mandatory zone designator: `2026-01-31T09:30:00Z`, `…T09:30:00.250+01:00`.
// Seconds and fractions are optional (ISO 8601 allows `T09:30Z`); the `T` and the zone are not.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const MS_PER_MINUTE = 60_000;

/** Days in a month of the proleptic Gregorian calendar; `month` is 1-based. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses an ISO-8601 timestamp with a zone designator (`Z` or `±HH:MM`) into epoch milliseconds.
 * Returns `null` for anything else: a missing zone, an impossible date such as February 30, an hour
 * of 24, a leap second, or a value that is not a string.
 */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const epoch = parse(value);
  // A command's `at` is read several times per command (schema, order check, rules): remember it.
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(value, epoch);
  return epoch;
}

const PARSED_LIMIT = 4096;
const parsed = new Map<string, number | null>();

function parse(value: string): number | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, fs, zone] = m as unknown as [string, ...string[]];
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = fs === undefined ? 0 : Math.floor(Number(`0.${fs}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = 0;
  if (zone !== 'Z') {
    const oh = Number(zone?.slice(1, 3));
    const om = Number(zone?.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offset = (zone?.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const epoch = date.getTime() - offset * MS_PER_MINUTE;
  return Number.isFinite(epoch) ? epoch : null;
}

/** True when `value` is a timestamp {@link parseInstant} accepts. */
export function isInstant(value: unknown): value is string {
  return parseInstant(value) !== null;
}

/**
 * Formats epoch milliseconds as a canonical UTC timestamp: `2026-02-28T00:00:00Z`, with milliseconds
 * only when they are not zero (`2026-02-28T00:00:00.250Z`).
 */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Compares two valid timestamps by the instant they denote (not by their text). */
export function compareInstants(a: string, b: string): number {
  return (parseInstant(a) ?? Number.NaN) - (parseInstant(b) ?? Number.NaN);
}

/** The instant one day after `at`, canonical: probes use it for dates that must lie in the future. */
export function dayAfter(at: string): string {
  return formatInstant((parseInstant(at) ?? 0) + 86_400_000);
}
