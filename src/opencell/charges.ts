/**
 * Charges as data, never as billing (the Opencell docs: "Suspend without charge"): which
 * intervals a product could be charged for, from the dates the machine records.
 */
import { parseInstant } from '../core/time';
import { atOrBefore, latest } from './dates';
import type { Interval, Product } from './subscription.types';

/**
 * The intervals up to `until` during which `product` was active, so that a charge could apply:
 * from `activatedAt` to `terminatedAt` (or `until`), without its suspended intervals. Each is
 * `{ from, to }`, `from` inclusive and `to` exclusive; empty ones are left out.
 *
 * @throws RangeError when `until` is not an ISO-8601 timestamp with a zone designator.
 *
 * @example
 * ```ts
 * import { chargeableIntervals } from 'subscription-machines/opencell';
 *
 * // activated Jan 1, suspended Feb 1 – Mar 1, still active
 * chargeableIntervals(product, '2026-04-01T00:00:00Z');
 * // [{ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
 * //  { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }]
 * ```
 */
export function chargeableIntervals(
  product: Product,
  until: string,
): { readonly from: string; readonly to: string }[] {
  if (parseInstant(until) === null) {
    throw new RangeError(
      `chargeableIntervals: until ${JSON.stringify(until)} is not an ISO-8601 timestamp with a zone designator`,
    );
  }
  if (product.activatedAt === undefined) return [];
  const end =
    product.terminatedAt !== undefined && atOrBefore(product.terminatedAt, until)
      ? product.terminatedAt
      : until;
  const out: { from: string; to: string }[] = [];
  let from = product.activatedAt;
  const gaps: readonly Interval[] = product.suspendedIntervals ?? [];
  for (const gap of gaps) {
    const to = gap.to ?? end;
    if (!atOrBefore(gap.from, end)) break;
    if (!atOrBefore(gap.from, from)) out.push({ from, to: gap.from });
    from = latest(from, to);
  }
  if (!atOrBefore(end, from)) out.push({ from, to: end });
  return out;
}
