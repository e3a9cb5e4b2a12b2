/**
 * What each status move does to the subscription's data (opencell-core SubscriptionService), as
 * pure functions of the context. The chart's actions call these; nothing else changes products,
 * access points or dates.
 */
import {
  type AmendedStatus,
  type Applied,
  applyDue,
  closePending,
  newProducts,
} from './amendments';
import { latest } from './dates';
import { activateAll, reactivateAll, suspendAll, terminateAll } from './products';
import type { OpencellSubscriptionContext, Suspension } from './subscription.types';
import { dayOver, type TerminationReason } from './termination';
import { appendKept, withLast } from './window';

type Ctx = OpencellSubscriptionContext;

const enabled = (c: Ctx, on: boolean) => c.accessPoints.map((a) => ({ ...a, enabled: on }));

/** Ends the running suspension, the last one, at `at` (never before it began). */
function closeSuspension(suspensions: readonly Suspension[], at: string): readonly Suspension[] {
  const last = suspensions[suspensions.length - 1];
  return last === undefined || last.to !== undefined
    ? suspensions
    : withLast(suspensions, (s) => ({ ...s, to: latest(s.from, at) }));
}

/** CREATED → ACTIVE: the products ordered so far become active now. */
export function activate(c: Ctx, at: string): Ctx {
  return { ...c, products: activateAll(c.products, at) };
}

/**
 * → SUSPENDED on `date`: active products are suspended and access points disabled (opencell-core
 * `subscriptionSuspension`); the suspensions keep a window.
 */
export function suspend(c: Ctx, date: string, reason: string | undefined): Ctx {
  const suspension = reason?.trim() ? { from: date, reason } : { from: date };
  return {
    ...c,
    products: suspendAll(c.products, date),
    accessPoints: enabled(c, false),
    suspensions: appendKept(c.suspensions, suspension),
  };
}

/**
 * A future-dated termination: the term now ends on its date, without renewal
 * (`terminateSubscriptionWithFutureDate`). A new one replaces it.
 */
export function scheduleTermination(
  c: Ctx,
  terminationDate: string,
  reason: TerminationReason,
  note: string | undefined,
): Ctx {
  return {
    ...c,
    scheduledTermination: { terminationDate, reason, ...(note === undefined ? {} : { note }) },
  };
}

/** Drops a scheduled termination: the renewal rule applies again (`cancelSubscriptionTermination`). */
export function cancelScheduledTermination(c: Ctx): Ctx {
  return c.scheduledTermination === undefined ? c : { ...c, scheduledTermination: undefined };
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
    terminationNote: undefined,
  };
}

/**
 * → CANCELED or RESILIATED on `date`: every product not yet terminated ends, for `reason`, every
 * access point ends on that date, and pending amendments are discarded (recorded as such at `at`).
 */
export function end(
  c: Ctx,
  date: string,
  reason: TerminationReason,
  note: string | undefined,
  at: string,
): Ctx {
  return {
    ...closePending(c, 'discarded', at),
    products: terminateAll(c.products, date, reason),
    accessPoints: c.accessPoints.map((a) => ({ ...a, endDate: date, enabled: false })),
    suspensions: closeSuspension(c.suspensions, date),
    scheduledTermination: undefined,
    terminationDate: date,
    terminationReason: reason,
    terminationNote: note,
  };
}

/** The scheduled termination, once the end of its day has passed at `at`. */
export function dueTermination(c: Ctx, at: string) {
  const scheduled = c.scheduledTermination;
  return scheduled && dayOver(scheduled.terminationDate, at) ? scheduled : undefined;
}

/**
 * `clock.tick` at `at`: the pending amendments due by `cutoff` (by default `at`) apply in date
 * order, with products added in `status`'s product status.
 */
export function applyDueAmendments(
  c: Ctx,
  at: string,
  status: AmendedStatus,
  cutoff: string = at,
): Applied<Ctx> {
  return applyDue(c, cutoff, at, newProducts(status, c.suspensions));
}

/** `clock.tick` at `at` with a termination due: amendments up to its date, then RESILIATED on it. */
export function applyDueTermination(c: Ctx, at: string, status: AmendedStatus): Applied<Ctx> {
  const due = dueTermination(c, at);
  if (due === undefined) return { state: c, applied: [] };
  const caughtUp = applyDueAmendments(c, at, status, due.terminationDate);
  return { ...caughtUp, state: end(caughtUp.state, due.terminationDate, due.reason, due.note, at) };
}

/** The subscription moves to another consumer; the transfers keep a window. */
export function transferOwner(c: Ctx, consumerId: string, at: string): Ctx {
  const transfer = { at, fromConsumerId: c.consumerId, toConsumerId: consumerId };
  return { ...c, consumerId, ownerTransfers: appendKept(c.ownerTransfers, transfer) };
}
