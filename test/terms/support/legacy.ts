/**
 * The terms arithmetic as it was before date-fns did the calendar work, frozen as an oracle for the
 * differential property test: hand-written month arithmetic on wall-clock times, and wall-clock
 * conversion through `@date-fns/tz`'s `tzOffset` as it is (with its sign bug for offsets between
 * −1 h and 0, which the new code works around). Do not fix or tidy it: its value is that it is old.
 */
import { tzOffset } from '@date-fns/tz';

const MS_PER_DAY = 86_400_000;
const MAX_SHIFT_MONTHS = 1_200_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function offsetAt(zone: string, epoch: number): number {
  const minutes = tzOffset(zone, new Date(epoch));
  if (Number.isNaN(minutes)) throw new RangeError(`time zone ${zone} has no offset at ${epoch}`);
  return Math.round(minutes * 60) * 1000;
}

function toWall(epoch: number, zone: string): number {
  return epoch + offsetAt(zone, epoch);
}

function fromWall(wall: number, zone: string): number {
  const before = offsetAt(zone, wall - MS_PER_DAY);
  const after = offsetAt(zone, wall + MS_PER_DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyFits = offsetAt(zone, early) === before;
  const lateFits = offsetAt(zone, late) === after;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (lateFits) return late;
  return early;
}

function addMonthsToWall(wall: number, months: number): number {
  const date = new Date(wall);
  const timeOfDay = ((wall % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month + 1));
  const result = new Date(0);
  result.setUTCFullYear(year, month, day);
  return result.getTime() + timeOfDay;
}

/**
 * Boundary `n` of the grid of `months`-long periods anchored at `start` (epoch milliseconds), in
 * `zone` or (when `null`) in UTC, as epoch milliseconds; `NaN` when absurdly far away.
 */
export function legacyBoundary(start: number, months: number, n: number, zone: string | null) {
  if (n === 0) return start;
  const shift = n * months;
  if (!(Math.abs(shift) <= MAX_SHIFT_MONTHS)) return Number.NaN;
  const wall = addMonthsToWall(zone === null ? start : toWall(start, zone), shift);
  return zone === null ? wall : fromWall(wall, zone);
}
