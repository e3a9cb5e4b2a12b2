/**
 * What each status move does to the subscription's data (opencell-core SubscriptionService), as
 * pure functions of the context. The chart's actions call these; nothing else changes products,
 * access points or dates.
 */
import { type AmendedStatus, applyDue, closePending, newProducts } from './amendments';
import { atOrBefore, latest } from './dates';
import { activateAll, reactivateAll, suspendAll, terminateAll } from './products';
import type { OpencellSubscriptionContext, Suspension } from './subscription.types';

type Ctx = OpencellSubscriptionContext;

const enabled = (c: Ctx, on: boolean) => c.accessPoints.map((a) => ({ ...a, enabled: on }));

/** Ends the running suspension at `at` (never before it began). */
function closeSuspension(suspensions: readonly Suspension[], at: string): readonly Suspension[] {
  return suspensions.map((s) => (s.to === undefined ? { ...s, to: latest(s.from, at) } : s));
}

/** CREATED → ACTIVE: the products ordered so far become active now. */
export function activate(c: Ctx, at: string): Ctx {
  return { ...c, products: activateAll(c.products, at) };
}

/** ACTIVE → SUSPENDED: active products are suspended and access points disabled (opencell-core). */
export function suspend(c: Ctx, at: string, reason: string | undefined): Ctx {
  const suspension = reason?.trim() ? { from: at, reason } : { from: at };
  return {
    ...c,
    products: suspendAll(c.products, at),
    accessPoints: enabled(c, false),
    suspensions: [...c.suspensions, suspension],
  };
}

/**
 * A future-dated termination: auto-renew turns off until it applies or is cancelled
 * (opencell-core).
 */
export function scheduleTermination(c: Ctx, terminationDate: string, reason: string): Ctx {
  // A replaced schedule keeps the auto-renew of before the first one, to restore it later.
  const autoRenew = c.scheduledTermination?.autoRenew ?? c.autoRenew;
  return { ...c, autoRenew: false, scheduledTermination: { terminationDate, reason, autoRenew } };
}

/** Drops a scheduled termination and restores auto-renew, as Opencell's cancelSubscriptionTermination. */
export function cancelScheduledTermination(c: Ctx): Ctx {
  const scheduled = c.scheduledTermination;
  if (scheduled === undefined) return c;
  return { ...c, autoRenew: scheduled.autoRenew, scheduledTermination: undefined };
}

/**
 * → ACTIVE from SUSPENDED, CANCELED or RESILIATED: suspended products and access points are
 * active again, and a scheduled termination is cancelled. Terminated products stay terminated,
 * as in Opencell's subscriptionReactivation.
 */
export function reactivate(c: Ctx, at: string): Ctx {
  return {
    ...cancelScheduledTermination(c),
    products: reactivateAll(c.products, at),
    accessPoints: enabled(c, true),
    suspensions: closeSuspension(c.suspensions, at),
    terminationDate: undefined,
    terminationReason: undefined,
  };
}

/**
 * → CANCELED or RESILIATED on `date`: every product not yet terminated ends, every access point
 * ends on that date, and pending amendments are discarded (recorded as such at `at`).
 */
export function end(c: Ctx, date: string, reason: string, at: string): Ctx {
  return {
    ...closePending(c, 'discarded', at),
    products: terminateAll(c.products, date),
    accessPoints: c.accessPoints.map((a) => ({ ...a, endDate: date, enabled: false })),
    suspensions: closeSuspension(c.suspensions, date),
    scheduledTermination: undefined,
    terminationDate: date,
    terminationReason: reason,
  };
}

/** The scheduled termination, when it is due at `at`. */
export function dueTermination(c: Ctx, at: string) {
  const scheduled = c.scheduledTermination;
  return scheduled && atOrBefore(scheduled.terminationDate, at) ? scheduled : undefined;
}

/**
 * `clock.tick` at `at`: the pending amendments due by then apply in date order; when a termination
 * is due, only those dated at or before it (the termination discards the rest).
 */
export function applyDueAmendments(c: Ctx, at: string, status: AmendedStatus): Ctx {
  const cutoff = dueTermination(c, at)?.terminationDate ?? at;
  return applyDue(c, cutoff, at, newProducts(status, c.suspensions));
}

/** `clock.tick` at `at` with a termination due: RESILIATED on its date. */
export function applyDueTermination(c: Ctx, at: string): Ctx {
  const due = dueTermination(c, at);
  return due ? end(c, due.terminationDate, due.reason, at) : c;
}

/** The subscription moves to another consumer; the transfer is kept with the subscription. */
export function transferOwner(c: Ctx, consumerId: string, at: string): Ctx {
  const transfer = { at, fromConsumerId: c.consumerId, toConsumerId: consumerId };
  return { ...c, consumerId, ownerTransfers: [...c.ownerTransfers, transfer] };
}
