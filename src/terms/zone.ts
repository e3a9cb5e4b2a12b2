/**
 * Wall-clock time in an IANA time zone, and back, from the zone's offsets ({@link offsetAt}). This
 * stays by hand: date-fns's `TZDate` writes wall times through the host's local `Date`, so its
 * answers in a repeated or skipped hour depend on the process's zone (see docs/terms.md).
 *
 * A "wall" value is the local date and time written as if it were UTC epoch milliseconds: the
 * wall of `2026-03-08T03:30:00-04:00` in America/New_York is `Date.UTC(2026, 2, 8, 3, 30)`.
 */
import { offsetAt } from './offset';

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
  // No offset change within a day either side: the usual case, and the same answer as below.
  if (before === after) return wall - before;
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
