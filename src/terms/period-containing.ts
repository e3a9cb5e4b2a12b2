import { instantArg, optionsArg, recurringPeriodArg, type TermsOptions } from './arguments';
import { boundary, indexAt, makeGrid, output } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * One period of a grid: `from` (inclusive) to `to` (exclusive), the `index`-th from the anchor.
 *
 * @example
 * ```ts
 * import type { PeriodInterval } from 'subscription-machines/terms';
 *
 * const march: PeriodInterval = {
 *   from: '2026-02-28T00:00:00Z',
 *   to: '2026-03-31T00:00:00Z',
 *   index: 1,
 * };
 * ```
 */
export interface PeriodInterval {
  /** `addPeriods(start, period, index)`: the first instant of the period. */
  readonly from: string;
  /** `addPeriods(start, period, index + 1)`: the first instant after the period. */
  readonly to: string;
  /** 0 for the period that begins at `start`, negative for the periods before it. */
  readonly index: number;
}

/**
 * The period that contains `at`: `from ≤ at < to`, with `from` and `to` equal to
 * `addPeriods(start, period, index)` and `addPeriods(start, period, index + 1)`.
 *
 * - Periods also extend backwards: for `at` before `start` the index is negative.
 * - The index is estimated arithmetically and corrected by a step or two, so `at` may be
 *   centuries away from `start` at no cost.
 * - `options.timeZone`, the output format and the anchor rule are those of `addPeriods`.
 *
 * @throws RangeError naming the argument: a bad `start` or `at`, an unknown or one-time period,
 * an unknown time zone, or a period that ends outside the years 0000–9999.
 *
 * @example
 * ```ts
 * import { periodContaining } from 'subscription-machines/terms';
 *
 * periodContaining('2026-01-31T00:00:00Z', '1m', '2026-03-15T12:00:00Z');
 * // { from: '2026-02-28T00:00:00Z', to: '2026-03-31T00:00:00Z', index: 1 }
 * periodContaining('2026-01-31T00:00:00Z', '1y', '2025-06-01T00:00:00Z');
 * // { from: '2025-01-31T00:00:00Z', to: '2026-01-31T00:00:00Z', index: -1 }
 * ```
 */
export function periodContaining(
  start: string,
  period: Period | PeriodCode,
  at: string,
  options?: TermsOptions,
): PeriodInterval {
  const fn = 'periodContaining';
  const anchor = instantArg(fn, 'start', start);
  const months = recurringPeriodArg(fn, period);
  const moment = instantArg(fn, 'at', at);
  const grid = makeGrid(anchor, months, optionsArg(fn, options));
  const index = indexAt(grid, moment);
  return {
    from: output(boundary(grid, index), fn, 'at', at),
    to: output(boundary(grid, index + 1), fn, 'at', at),
    index,
  };
}
