/**
 * Wall-clock time in an IANA time zone, and back, through `@date-fns/tz`'s `tzOffset` (which reads
 * the runtime's `Intl` data and never the process's own zone).
 *
 * A "wall" value is the local date and time written as if it were UTC epoch milliseconds: the
 * wall of `2026-03-08T03:30:00-04:00` in America/New_York is `Date.UTC(2026, 2, 8, 3, 30)`.
 */
import { tzOffset } from '@date-fns/tz';

const MS_PER_DAY = 86_400_000;

// Intl lookups are slow enough to matter in a property test; a name once accepted stays accepted.
const knownZones = new Set<string>();

/** True when the runtime's `Intl.DateTimeFormat` accepts `zone` as a time zone. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string') return false;
  if (knownZones.has(zone)) return true;
  try {
    // Constructing the format is the check: an unknown zone throws a RangeError here.
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions();
    if (!resolved.timeZone) return false;
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

/** The zone's UTC offset at `epoch`, in milliseconds (positive east of Greenwich). */
function offsetAt(zone: string, epoch: number): number {
  // tzOffset gives minutes, with historical second offsets (LMT) as fractions of a minute.
  const minutes = tzOffset(zone, new Date(epoch));
  if (Number.isNaN(minutes)) throw new RangeError(`time zone ${zone} has no offset at ${epoch}`);
  return Math.round(minutes * 60) * 1000;
}

/** The wall-clock time of the instant `epoch` in `zone`. */
export function toWall(epoch: number, zone: string): number {
  return epoch + offsetAt(zone, epoch);
}

/**
 * The instant at which `zone` shows the wall-clock time `wall`, by the rule Temporal calls
 * `'compatible'`:
 * - a wall time that happens twice (the fall-back overlap) is the earlier of the two instants;
 * - a wall time that never happens (the spring-forward gap) moves forward by the gap's length,
 *   so 02:30 on a day that jumps from 02:00 to 03:00 becomes 03:30.
 *
 * It assumes at most one offset change within a day of `wall`, as in every current IANA zone.
 */
export function fromWall(wall: number, zone: string): number {
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(zone, early) === before;
  const lateFits = offsetAt(zone, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (lateFits) return late;
  // Either the offset before the change fits, or wall is in the gap: reading it with the offset
  // before the change lands the gap's length later, as 'compatible' asks.
  return early;
}
