import { countArg, instantArg, optionsArg, periodArg, type TermsOptions } from './arguments';
import { invalid } from './errors';
import { boundary, makeGrid, output } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * The moment `count` periods after `start`, counted from `start` itself: the month arithmetic
 * clamps the day to the target month's length, and the next result starts again from `start`,
 * so a billing day of the 31st comes back after February (Jan 31 → Feb 28 → Mar 31).
 *
 * - `count` is a safe integer; a negative count goes backwards from `start`, and 0 returns it.
 * - Without `options.timeZone` the calendar is UTC, whatever the process's zone. With one, the
 *   anchor's local wall-clock time is kept across daylight saving; a local time that does not
 *   exist moves forward by the gap, and one that happens twice takes the earlier instant.
 * - A `one-time` period does not recur: only `count` 0 is defined for it.
 * - The result is canonical UTC (`2026-02-28T00:00:00Z`), whatever offset `start` was written in.
 *
 * @throws RangeError naming the argument: a `start` that is not an ISO-8601 timestamp with a zone,
 * an unknown period, a `count` that is not a safe integer (or not 0 for a one-time period), an
 * unknown time zone, or a result outside the years 0000–9999.
 *
 * @example
 * ```ts
 * import { addPeriods } from 'subscription-machines/terms';
 *
 * addPeriods('2026-01-31T00:00:00Z', '1m', 1); // '2026-02-28T00:00:00Z'
 * addPeriods('2026-01-31T00:00:00Z', '1m', 2); // '2026-03-31T00:00:00Z'
 * addPeriods('2024-02-29T00:00:00Z', 'yearly', 4); // '2028-02-29T00:00:00Z'
 * addPeriods('2026-01-15T09:00:00Z', { unit: 'month', count: 3 }, -1); // '2025-10-15T09:00:00Z'
 * // 09:00 in New York stays 09:00 when daylight saving starts in March:
 * addPeriods('2026-02-08T14:00:00Z', '1m', 1, { timeZone: 'America/New_York' });
 * // '2026-03-08T13:00:00Z'
 * ```
 */
export function addPeriods(
  start: string,
  period: Period | PeriodCode,
  count: number,
  options?: TermsOptions,
): string {
  const fn = 'addPeriods';
  const anchor = instantArg(fn, 'start', start);
  const months = periodArg(fn, period);
  const n = countArg(fn, count);
  const zone = optionsArg(fn, options);
  if (months === null) {
    if (n !== 0) throw invalid(fn, 'period', period, 'does not recur, so count must be 0');
    return output(anchor, fn, 'start', start);
  }
  return output(boundary(makeGrid(anchor, months, zone), n), fn, 'count', count);
}
