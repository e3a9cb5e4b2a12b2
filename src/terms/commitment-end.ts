import { instantArg, optionsArg, recurringPeriodArg, type TermsOptions } from './arguments';
import { boundary, makeGrid, output } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * When a commitment that starts at `start` ends: one commitment term later, by the anchor rule of
 * `addPeriods`. Later terms of the same subscription end at `addPeriods(start, commitment, n)`,
 * or at `nextRenewal(start, commitment, previousEnd)`; never add a term to a previous end,
 * which drifts after a clamped month end.
 *
 * @throws RangeError naming the argument: a bad `start`, an unknown or one-time commitment, an
 * unknown time zone, or an end after 9999.
 *
 * @example
 * ```ts
 * import { commitmentEnd } from 'subscription-machines/terms';
 *
 * commitmentEnd('2026-03-31T00:00:00Z', '1m'); // '2026-04-30T00:00:00Z'
 * commitmentEnd('2024-02-29T10:00:00Z', '3y'); // '2027-02-28T10:00:00Z'
 * commitmentEnd('2026-01-01T00:00:00+01:00', '1y', { timeZone: 'Europe/Berlin' });
 * // '2026-12-31T23:00:00Z', which is midnight of 2027-01-01 in Berlin
 * ```
 */
export function commitmentEnd(
  start: string,
  commitment: Period | PeriodCode,
  options?: TermsOptions,
): string {
  const fn = 'commitmentEnd';
  const anchor = instantArg(fn, 'start', start);
  const months = recurringPeriodArg(fn, commitment);
  const grid = makeGrid(anchor, months, optionsArg(fn, options));
  return output(boundary(grid, 1), fn, 'start', start);
}
