/**
 * The grid of period boundaries of one anchor: boundary `n` is the anchor plus `n` periods, always
 * counted from the anchor itself, so a clamped day (Jan 31 → Feb 28) never feeds the next step.
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addMonths, differenceInCalendarMonths } from 'date-fns';
import { formatInstant } from '../core/time';
import { invalid } from './errors';
import { fromWall, toWall } from './zone';

// Beyond this many months from an anchor no boundary can be written as a four-digit year, and
// Date arithmetic would lose precision, so such boundaries are NaN.
const MAX_SHIFT_MONTHS = 1_200_000;

// The instants formatInstant writes as four-digit years, so every output parses back as input.
const MIN_EPOCH = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const MAX_EPOCH = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

/** An anchor and a recurring period, with the anchor's wall clock computed once. */
export interface Grid {
  readonly start: number;
  readonly wall: number;
  readonly months: number;
  readonly zone: string | null;
}

/** The grid of `months`-long periods anchored at `start`, in `zone` or (when `null`) in UTC. */
export function makeGrid(start: number, months: number, zone: string | null): Grid {
  return { start, wall: zone === null ? start : toWall(start, zone), months, zone };
}

/**
 * Calendar months added to a wall-clock time by date-fns, the day clamped to the target month's
 * length. A UTCDate's getters and setters are UTC ones, so the process's zone never counts; the
 * mini class because the full one builds `Intl` formatters on import and we only read the time.
 */
function addMonthsToWall(wall: number, months: number): number {
  return addMonths(new UTCDateMini(wall), months).getTime();
}

/** Boundary `n` of the grid as epoch milliseconds, or `NaN` when it is absurdly far away. */
export function boundary(grid: Grid, n: number): number {
  // Boundary 0 is the anchor itself, even when its wall time is ambiguous in its zone.
  if (n === 0) return grid.start;
  const shift = n * grid.months;
  if (!(Math.abs(shift) <= MAX_SHIFT_MONTHS)) return Number.NaN;
  const wall = addMonthsToWall(grid.wall, shift);
  return grid.zone === null ? wall : fromWall(wall, grid.zone);
}

/**
 * The index `n` with `boundary(n) ≤ at < boundary(n + 1)`: estimated from the calendar months
 * between the anchor and `at`, then corrected by single steps (at most two).
 */
export function indexAt(grid: Grid, at: number): number {
  const here = new UTCDateMini(grid.zone === null ? at : toWall(at, grid.zone));
  const months = differenceInCalendarMonths(here, new UTCDateMini(grid.wall));
  let n = Math.floor(months / grid.months);
  while (boundary(grid, n) > at) n -= 1;
  while (boundary(grid, n + 1) <= at) n += 1;
  return n;
}

/**
 * Returns the boundary unchanged, or throws the `RangeError` naming the argument that led there
 * when it falls outside the years 0000–9999 (or is `NaN`).
 */
export function inRange(epoch: number, fn: string, name: string, value: unknown): number {
  if (!(epoch >= MIN_EPOCH && epoch <= MAX_EPOCH)) {
    throw invalid(fn, name, value, 'leads to a date outside the years 0000–9999');
  }
  return epoch;
}

/** A boundary checked by {@link inRange} and formatted as canonical UTC. */
export function output(epoch: number, fn: string, name: string, value: unknown): string {
  return formatInstant(inRange(epoch, fn, name, value));
}
