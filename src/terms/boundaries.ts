import { instantArg, optionsArg, recurringPeriodArg, type TermsOptions } from './arguments';
import { invalid } from './errors';
import { boundary, indexAt, makeGrid, output } from './grid';
import type { Period, PeriodCode } from './period';

/**
 * The most boundaries {@link boundaries} returns; a longer list is refused, not truncated.
 *
 * @example
 * ```ts
 * import { addPeriods, boundaries, MAX_BOUNDARIES } from 'subscription-machines/terms';
 *
 * const start = '2026-01-31T00:00:00Z';
 * const to = addPeriods(start, '1m', MAX_BOUNDARIES);
 * boundaries(start, '1m', start, to).length; // 10000
 * ```
 */
export const MAX_BOUNDARIES = 10_000;

/**
 * The period boundaries `b` with `from ≤ b < to`, in order: every `addPeriods(start, period, n)`
 * in that half-open range, before `start` too. The range is half-open like the periods of
 * `periodContaining`, so consecutive ranges never list a boundary twice.
 *
 * - `from` must not be after `to`; `from` equal to `to` gives `[]`.
 * - At most {@link MAX_BOUNDARIES} (10 000) boundaries: 833 years of monthly periods.
 *
 * @throws RangeError naming the argument: a bad `start`, `from` or `to`, a `to` before `from`,
 * a range with more than 10 000 boundaries, an unknown or one-time period, an unknown time zone.
 *
 * @example
 * ```ts
 * import { boundaries } from 'subscription-machines/terms';
 *
 * boundaries('2026-01-31T00:00:00Z', '1m', '2026-01-31T00:00:00Z', '2026-05-31T00:00:00Z');
 * // ['2026-01-31T00:00:00Z', '2026-02-28T00:00:00Z', '2026-03-31T00:00:00Z',
 * //  '2026-04-30T00:00:00Z']
 * ```
 */
export function boundaries(
  start: string,
  period: Period | PeriodCode,
  from: string,
  to: string,
  options?: TermsOptions,
): string[] {
  const fn = 'boundaries';
  const anchor = instantArg(fn, 'start', start);
  const months = recurringPeriodArg(fn, period);
  const low = instantArg(fn, 'from', from);
  const high = instantArg(fn, 'to', to);
  if (high < low) throw invalid(fn, 'to', to, `is before from ${JSON.stringify(from)}`);
  const grid = makeGrid(anchor, months, optionsArg(fn, options));
  // boundary(i) ≤ low < boundary(i + 1), likewise for j: the list runs from the first boundary
  // at or after `from` to the last one before `to`.
  const i = indexAt(grid, low);
  const j = indexAt(grid, high);
  const first = boundary(grid, i) === low ? i : i + 1;
  const last = boundary(grid, j) === high ? j - 1 : j;
  if (last - first + 1 > MAX_BOUNDARIES) {
    const problem = `spans more than ${MAX_BOUNDARIES} boundaries from ${JSON.stringify(from)}`;
    throw invalid(fn, 'to', to, problem);
  }
  const list: string[] = [];
  for (let n = first; n <= last; n += 1) list.push(output(boundary(grid, n), fn, 'to', to));
  return list;
}
