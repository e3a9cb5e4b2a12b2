/**
 * An oracle for the terms arithmetic that shares no code with it or with date-fns: wall-clock
 * fields and offsets come straight from `Intl.DateTimeFormat` (not `tzOffset`), months are added by
 * integer arithmetic, and a wall time becomes an instant by the steps of Temporal's `'compatible'`
 * disambiguation as the Temporal proposal writes them (GetPossibleEpochNanoseconds, then
 * DisambiguatePossibleEpochNanoseconds).
 */

const MS_PER_DAY = 86_400_000;

/** Local date and time fields; `month` is 1-based. */
interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, zone: string, options: object) {
  let format = cache.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options });
    cache.set(zone, format);
  }
  return format;
}

// `1/31/2026 AD, 09:00:00`: formatToParts would say the same, three times slower.
const FIELDS = /^(\d+)\/(\d+)\/(\d+) (AD|BC), (\d\d):(\d\d):(\d\d)$/;

/** The wall-clock fields `Intl` shows for the instant `epoch` in `zone`. */
function fieldsAt(epoch: number, zone: string): Fields {
  const format = cached(fieldFormats, zone, {
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const text = format.format(epoch);
  const m = FIELDS.exec(text);
  if (m === null) throw new Error(`no date in ${JSON.stringify(text)}`);
  const [month, day, year, hour, minute, second] = [1, 2, 3, 5, 6, 7].map((i) => Number(m[i]));
  return {
    // Proleptic Gregorian with eras: 1 BC is year 0.
    year: m[4] === 'BC' ? 1 - (year as number) : (year as number),
    month: month as number,
    day: day as number,
    hour: hour as number,
    minute: minute as number,
    second: second as number,
    // Offsets are whole seconds, so the milliseconds are those of the instant.
    ms: ((epoch % 1000) + 1000) % 1000,
  };
}

/** The fields written as if they were UTC: comparable, and a difference of two is a duration. */
function asUtc(f: Fields): number {
  const date = new Date(0);
  date.setUTCFullYear(f.year, f.month - 1, f.day);
  date.setUTCHours(f.hour, f.minute, f.second, f.ms);
  return date.getTime();
}

/** The zone's offset at `epoch` in milliseconds, parsed from `GMT-00:25:21`, `GMT+05:30`, `GMT`. */
export function offsetAt(epoch: number, zone: string): number {
  const text = cached(offsetFormats, zone, { timeZoneName: 'longOffset' }).format(epoch);
  const m = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (m === null) throw new Error(`no offset in ${JSON.stringify(text)}`);
  const [, sign, h = '0', min = '0', s = '0'] = m;
  return (sign === '-' ? -1 : 1) * ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000;
}

/** Every instant at which `zone` shows `local`: none in a gap, two in an overlap. */
function possibleInstants(local: number, zone: string): number[] {
  // The offsets a day either side, as Temporal implementations look them up.
  const offsets = new Set([-MS_PER_DAY, MS_PER_DAY].map((d) => offsetAt(local + d, zone)));
  const found = [...offsets]
    .filter((offset) => offsetAt(local - offset, zone) === offset)
    .map((offset) => local - offset);
  return found.sort((a, b) => a - b);
}

/** How a wall time became an instant: `found` is 1, or 0 in a gap, or 2 in an overlap. */
export interface Resolved {
  instant: number;
  found: number;
}

/**
 * The instant at which `zone` shows `local` (wall fields written as if UTC), by Temporal's
 * `'compatible'`: the earlier of two, or in a gap, moved forward by the gap.
 */
export function instantOf(local: number, zone: string): Resolved {
  const possible = possibleInstants(local, zone);
  const first = possible[0];
  if (first !== undefined) return { instant: first, found: possible.length };
  const gap = offsetAt(local + MS_PER_DAY, zone) - offsetAt(local - MS_PER_DAY, zone);
  const later = possibleInstants(local + gap, zone);
  const last = later[later.length - 1];
  if (last === undefined) throw new Error(`no instant for ${local} in ${zone}`);
  return { instant: last, found: 0 };
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
}

/**
 * Boundary `n` of the grid of `months`-long periods anchored at `start`, in `zone` or (when
 * `null`) in UTC, as epoch milliseconds, and how its wall time resolved.
 */
export function intlBoundary(start: number, months: number, n: number, zone: string | null) {
  if (n === 0) return { instant: start, found: 1 };
  const f = fieldsAt(start, zone ?? 'UTC');
  const total = f.year * 12 + (f.month - 1) + n * months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const local = asUtc({ ...f, year, month, day: Math.min(f.day, daysIn(year, month)) });
  return zone === null ? { instant: local, found: 1 } : instantOf(local, zone);
}

/**
 * The instants in `[from, to)` at which the zone's offset changes, to the second: found by
 * sampling every `days` days and bisecting, so two changes closer than that may be missed.
 */
export function transitions(zone: string, from: number, to: number, days = 7): number[] {
  const step = days * MS_PER_DAY;
  const found: number[] = [];
  let before = offsetAt(from, zone);
  for (let t = from; t < to; t += step) {
    const after = offsetAt(t + step, zone);
    if (after === before) continue;
    let low = t;
    let high = t + step;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(mid, zone) === before) low = mid;
      else high = mid;
    }
    found.push(high);
    before = after;
  }
  return found;
}
