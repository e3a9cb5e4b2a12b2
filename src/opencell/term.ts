/**
 * The end of term, as Opencell's status job handles it on each run (opencell-admin
 * `SubscriptionStatusJobBean.updateSubscriptionStatus`), for an ACTIVE or CREATED subscription:
 * it renews (each term added to the previous end), or it suspends or terminates on the date; and
 * `daysNotifyRenewal` days before an auto-renewing term ends it fires the `endOfTerm` notice once.
 * A scheduled termination replaces the term, as `terminateSubscriptionWithFutureDate` does.
 */
import type { AmendedStatus, Applied } from './amendments';
import { atOrBefore } from './dates';
import { applyDueAmendments, end, suspend } from './lifecycle';
import { noticeDate, renewals } from './renewal';
import type { OpencellSubscriptionContext } from './subscription.types';
import { dayOver } from './termination';

type Ctx = OpencellSubscriptionContext;

/** What the end of term does at `at`, when it is due. */
export type EndOfTerm = 'renew' | 'suspend' | 'terminate';

/**
 * The end of term due at `at`: a renewal while the end is before `at`; a suspension once it is
 * reached; a termination once the end of its day has passed (terminations are by day).
 */
export function endOfTermDue(c: Ctx, at: string): EndOfTerm | undefined {
  const till = c.subscribedTillDate;
  if (till === undefined || c.scheduledTermination !== undefined) return undefined;
  const rule = c.renewalRule;
  if (rule.autoRenew) return renewals(till, rule, at).count > 0 ? 'renew' : undefined;
  if (rule.endOfTermAction === 'SUSPEND') return atOrBefore(till, at) ? 'suspend' : undefined;
  if (rule.endOfTermAction === 'TERMINATE') return dayOver(till, at) ? 'terminate' : undefined;
  return undefined;
}

/** The `endOfTerm` notice is due at `at`: from its date until the end of term, once per term. */
export function noticeDue(c: Ctx, at: string): boolean {
  if (c.scheduledTermination !== undefined || c.renewalNotifiedDate !== undefined) return false;
  const till = c.subscribedTillDate;
  const from = noticeDate(till, c.renewalRule);
  return from !== undefined && till !== undefined && atOrBefore(from, at) && !atOrBefore(till, at);
}

/**
 * Renewal at `at`: one term added to the previous end while it is before `at`; the notice is due
 * again, and `endAgreementDate` follows when the rule extends it.
 */
export function renew(c: Ctx, at: string): Ctx {
  if (c.subscribedTillDate === undefined) return c;
  const { end: till, count } = renewals(c.subscribedTillDate, c.renewalRule, at);
  if (count === 0) return c;
  return {
    ...c,
    subscribedTillDate: till,
    renewed: true,
    renewalNotifiedDate: undefined,
    ...(c.renewalRule.extendAgreementPeriodToSubscribedTillDate ? { endAgreementDate: till } : {}),
  };
}

/** The notice fired at `at`, when it is due. */
export const notice = (c: Ctx, at: string): Ctx =>
  noticeDue(c, at) ? { ...c, renewalNotifiedDate: at } : c;

/**
 * SUSPEND at the end of term: the amendments up to it, the suspension on it, then the amendments
 * due since, which add SUSPENDED products.
 */
export function suspendAtEndOfTerm(c: Ctx, at: string, status: AmendedStatus): Applied<Ctx> {
  const till = c.subscribedTillDate ?? at;
  const before = applyDueAmendments(c, at, status, till);
  const after = applyDueAmendments(suspend(before.state, till, undefined), at, 'SUSPENDED');
  return { state: after.state, applied: [...before.applied, ...after.applied] };
}

/** TERMINATE at the end of term: the amendments up to it, then RESILIATED on it, for its reason. */
export function terminateAtEndOfTerm(c: Ctx, at: string, status: AmendedStatus): Applied<Ctx> {
  const till = c.subscribedTillDate ?? at;
  const reason = c.renewalRule.terminationReason ?? { code: 'END_OF_TERM' };
  const caughtUp = applyDueAmendments(c, at, status, till);
  return { ...caughtUp, state: end(caughtUp.state, till, reason, undefined, at) };
}
