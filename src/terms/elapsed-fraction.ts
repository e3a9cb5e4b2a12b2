import { instantArg, optionsArg, recurringPeriodArg, type TermsOptions } from './arguments';
import { boundary, indexAt, inRange, makeGrid } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * How much of the period containing `at` has elapsed, in `[0, 1)`: the milliseconds from the
 * period's `from` to `at`, divided by the milliseconds of that actual period. February counts
 * as 28 or 29 days and a month with a daylight-saving change as its real length, so the fraction
 * is what proration by time used needs. The unused share is `1 - elapsedFraction(...)`.
 *
 * The period is the one `periodContaining` returns, before `start` too.
 *
 * @throws RangeError naming the argument, as `periodContaining` does.
 *
 * @example
 * ```ts
 * import { elapsedFraction } from 'subscription-machines/terms';
 *
 * elapsedFraction('2026-01-01T00:00:00Z', '1m', '2026-02-15T00:00:00Z'); // 0.5 (14 of 28 days)
 * elapsedFraction('2026-01-01T00:00:00Z', '1y', '2026-01-01T00:00:00Z'); // 0
 * ```
 */
export function elapsedFraction(
  start: string,
  period: Period | PeriodCode,
  at: string,
  options?: TermsOptions,
): number {
  const fn = 'elapsedFraction';
  const anchor = instantArg(fn, 'start', start);
  const months = recurringPeriodArg(fn, period);
  const moment = instantArg(fn, 'at', at);
  const grid = makeGrid(anchor, months, optionsArg(fn, options));
  const index = indexAt(grid, moment);
  // The same range check as periodContaining, so both refuse the same inputs.
  const from = inRange(boundary(grid, index), fn, 'at', at);
  const to = inRange(boundary(grid, index + 1), fn, 'at', at);
  return (moment - from) / (to - from);
}
