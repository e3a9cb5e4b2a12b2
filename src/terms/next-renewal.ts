import { instantArg, optionsArg, recurringPeriodArg, type TermsOptions } from './arguments';
import { boundary, indexAt, makeGrid, output } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * The first renewal strictly after `after`: the earliest `addPeriods(start, period, n)` with
 * `n ≥ 1` that is later than `after`. `start` itself is not a renewal, so for any `after` before
 * the first renewal (even before `start`) the answer is `addPeriods(start, period, 1)`.
 *
 * Passing the current renewal date as `after` gives the one after it, counted from `start`, so
 * renewing again and again never drifts.
 *
 * @throws RangeError naming the argument: a bad `start` or `after`, an unknown or one-time period,
 * an unknown time zone, or a renewal after 9999.
 *
 * @example
 * ```ts
 * import { nextRenewal } from 'subscription-machines/terms';
 *
 * nextRenewal('2026-01-31T00:00:00Z', '1m', '2026-02-28T00:00:00Z'); // '2026-03-31T00:00:00Z'
 * nextRenewal('2026-01-31T00:00:00Z', '1y', '2026-01-31T00:00:00Z'); // '2027-01-31T00:00:00Z'
 * nextRenewal('2026-01-31T00:00:00Z', '1y', '2020-01-01T00:00:00Z'); // '2027-01-31T00:00:00Z'
 * ```
 */
export function nextRenewal(
  start: string,
  period: Period | PeriodCode,
  after: string,
  options?: TermsOptions,
): string {
  const fn = 'nextRenewal';
  const anchor = instantArg(fn, 'start', start);
  const months = recurringPeriodArg(fn, period);
  const moment = instantArg(fn, 'after', after);
  const grid = makeGrid(anchor, months, optionsArg(fn, options));
  const next = Math.max(indexAt(grid, moment) + 1, 1);
  return output(boundary(grid, next), fn, 'after', after);
}
