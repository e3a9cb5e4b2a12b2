/**
 * Subscription versions (the Opencell docs' use case "Change offer"; opencell-core
 * `SubscriptionApi.patchSubscription`): an offer change adds a version from its date and ends the
 * previous one there, so exactly one version is valid at any instant from the subscription's start
 * on. The versions keep a window; the new version's products may be configured with it.
 */
import { parseInstant } from '../core/time';
import { type AmendmentDraft, type AmendmentState, applyChanges } from './amendments';
import { atOrBefore } from './dates';
import type { ProductChange, ProductOrder, SubscriptionVersion } from './subscription.types';
import { appendKept } from './window';

/** The version that takes effect last: the one whose `validFrom` a new version must follow. */
export function latestVersion(
  versions: readonly SubscriptionVersion[],
): SubscriptionVersion | undefined {
  return versions[versions.length - 1];
}

/** The versions after an offer change to `offerCode` from `effectiveDate`. */
export function changeOffer(
  versions: readonly SubscriptionVersion[],
  offerCode: string,
  effectiveDate: string,
): readonly SubscriptionVersion[] {
  const last = latestVersion(versions);
  const closed = versions.map((v) => (v === last ? { ...v, validTo: effectiveDate } : v));
  return appendKept(closed, {
    version: (last?.version ?? 0) + 1,
    offerCode,
    validFrom: effectiveDate,
  });
}

/**
 * The amendment that gives a new version its products, as `patchSubscription` instantiates and
 * activates them on the new version from its date: every product on the subscription by then
 * (after the pending amendments due by then) ends on `effectiveDate`, and `products` start on it.
 * Its id is `offer.change:v<n>`; `undefined` when it would change nothing.
 */
export function versionProducts(
  state: AmendmentState,
  version: number,
  effectiveDate: string,
  products: readonly ProductOrder[],
): AmendmentDraft | undefined {
  const due = state.pendingAmendments.filter((p) => atOrBefore(p.effectiveDate, effectiveDate));
  const then = due.reduce(
    (out, p) => applyChanges(out, p.changes, p.effectiveDate, { status: 'ACTIVE' }),
    state.products,
  );
  const changes: ProductChange[] = [
    ...then
      .filter((p) => p.status !== 'TERMINATED')
      .map((p): ProductChange => ({ op: 'remove', productCode: p.code })),
    ...products.map((product): ProductChange => ({ op: 'add', product })),
  ];
  return changes.length === 0
    ? undefined
    : { amendmentId: `offer.change:v${version}`, effectiveDate, changes };
}

/**
 * The version valid at `at`: `validFrom ≤ at < validTo`. `undefined` before the first version.
 *
 * @throws RangeError when `at` is not an ISO-8601 timestamp with a zone designator.
 *
 * @example
 * ```ts
 * import { versionAt } from 'subscription-machines/opencell';
 *
 * // after offer.change { offerCode: 'OF_PRO', effectiveDate: '2026-03-01T00:00:00Z' }
 * versionAt(snapshot, '2026-02-28T23:59:59Z')?.offerCode; // 'OF_BASIC' (version 1)
 * versionAt(snapshot, '2026-03-01T00:00:00Z')?.offerCode; // 'OF_PRO' (version 2)
 * ```
 */
export function versionAt(
  snapshot: { readonly context: { readonly versions: readonly SubscriptionVersion[] } },
  at: string,
): SubscriptionVersion | undefined {
  if (parseInstant(at) === null) {
    throw new RangeError(
      `versionAt: at ${JSON.stringify(at)} is not an ISO-8601 timestamp with a zone designator`,
    );
  }
  return snapshot.context.versions.find(
    (v) => atOrBefore(v.validFrom, at) && (v.validTo === undefined || !atOrBefore(v.validTo, at)),
  );
}
