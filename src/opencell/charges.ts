/**
 * Charges as data, never as billing (the Opencell docs: "Suspend without charge"): which
 * intervals a product could be charged for, from the dates the machine records, and what its
 * termination reason changes there (opencell-admin `ServiceInstanceService.getChargeToDateOnTermination`
 * for `applyAgreement`, opencell-model `OverrideProrataEnum` for `overrideProrata`).
 */

import { parseInstant } from '../core/time';
import type { PeriodCode } from '../terms/period';
import { periodContaining } from '../terms/period-containing';
import { atOrBefore, latest } from './dates';
import type { Interval, Product } from './subscription.types';

/** What the charge looks like, for the flags of a product's termination reason. */
export interface ChargeOptions {
  /**
   * The recurring charge's period. With it, a termination that is not prorated (`NO_PRORATA`, or
   * `NO_OVERRIDE` with `prorata: false`) is charged to the end of the period it falls in.
   */
  readonly period?: PeriodCode;
  /** Where the charge's periods are counted from; by default the product's `activatedAt`. */
  readonly anchor?: string;
  /** The charge's own prorata setting, which `overrideProrata: 'NO_OVERRIDE'` keeps. Default true. */
  readonly prorata?: boolean;
  /** The subscription's end of agreement, to which `applyAgreement` charges a termination. */
  readonly endAgreementDate?: string;
}

/**
 * Where the charge ends: the termination, moved to the end of agreement when the reason applies
 * it (and it is later), or to the end of the period when the last period is not prorated.
 */
function chargedTo(product: Product, end: string, options: ChargeOptions): string {
  const reason = product.terminationReason;
  if (reason === undefined || product.activatedAt === undefined) return end;
  let to = end;
  if (reason.applyAgreement && options.endAgreementDate !== undefined)
    to = latest(to, options.endAgreementDate);
  const prorate =
    reason.overrideProrata === 'PRORATA'
      ? true
      : reason.overrideProrata === 'NO_PRORATA'
        ? false
        : (options.prorata ?? true);
  if (!prorate && options.period !== undefined && options.period !== 'one-time') {
    const anchor = options.anchor ?? product.activatedAt;
    const period = periodContaining(anchor, options.period, to);
    if (period.from !== to) to = period.to;
  }
  return to;
}

/**
 * The intervals up to `until` during which `product` was active, so that a charge could apply:
 * from `activatedAt` (or `knownFrom`, once older suspensions left the window) to `terminatedAt`
 * (or `until`), without its suspended intervals. Each is `{ from, to }`, `from` inclusive and `to`
 * exclusive; empty ones are left out.
 *
 * A product the subscription's end terminated carries its reason, whose flags move the end of the
 * charge: `applyAgreement` to `options.endAgreementDate` when that is later, and a last period that
 * is not prorated (`overrideProrata`) to the end of `options.period`. Neither goes past `until`.
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
 *
 * // resiliated Mar 10 for a reason with overrideProrata: 'NO_PRORATA', monthly charge:
 * chargeableIntervals(product, '2026-12-31T00:00:00Z', { period: '1m' });
 * // [..., { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }]
 * ```
 */
export function chargeableIntervals(
  product: Product,
  until: string,
  options: ChargeOptions = {},
): { readonly from: string; readonly to: string }[] {
  if (parseInstant(until) === null) {
    throw new RangeError(
      `chargeableIntervals: until ${JSON.stringify(until)} is not an ISO-8601 timestamp with a zone designator`,
    );
  }
  if (product.activatedAt === undefined) return [];
  const terminated =
    product.terminatedAt === undefined
      ? undefined
      : chargedTo(product, product.terminatedAt, options);
  const end = terminated !== undefined && atOrBefore(terminated, until) ? terminated : until;
  const out: { from: string; to: string }[] = [];
  let from =
    product.knownFrom === undefined
      ? product.activatedAt
      : latest(product.activatedAt, product.knownFrom);
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
