/**
 * What the Opencell subscription emits beside its status changes: applied amendments, renewals and
 * their notice, and the end of the subscription with what it charges.
 */
import type { AnyCommand, EmittedBase, Subject } from '../core/spec';
import { renewals } from './renewal';
import type { OpencellSubscriptionContext } from './subscription.types';
import type { TerminationReason } from './termination';

/** Emitted once per amendment that an accepted command applied, in the order they applied. */
export interface AmendmentApplied {
  readonly type: 'amendment.applied';
  readonly amendmentId: string;
  readonly effectiveDate: string;
  readonly at: string;
  readonly subscriptionId: string;
}

/** Emitted when a tick renewed the subscription: `terms` terms were added to its end of term. */
export interface SubscriptionRenewed {
  readonly type: 'subscription.renewed';
  readonly subscriptionId: string;
  readonly previousSubscribedTillDate: string;
  readonly subscribedTillDate: string;
  readonly terms: number;
  readonly at: string;
}

/** Opencell's `endOfTerm` notice, `daysNotifyRenewal` days before an auto-renewing term ends. */
export interface EndOfTermNotice {
  readonly type: 'notification';
  readonly template: 'endOfTerm';
  readonly subscriptionId: string;
  readonly subscribedTillDate: string;
  readonly at: string;
}

/**
 * What a resiliation charges, by its reason's flags (opencell-core
 * `ServiceInstanceService.terminateServiceWithPastDate`). A cancellation charges nothing
 * (`SubscriptionService.subscriptionCancellation`).
 */
export interface TerminationCharges {
  /** `applyTerminationCharges`: each terminated product's termination charges, on the date. */
  readonly terminationCharges: boolean;
  /** `reimburseOneshots`: the products' one-shot subscription charges are refunded. */
  readonly reimburseOneshots: boolean;
  /** `applyReimbursment`: recurring charges charged beyond the date are refunded. */
  readonly reimburseRecurring: boolean;
  /** `applyAgreement`: recurring charges run to `endAgreementDate` when that is later. */
  readonly chargeToEndOfAgreement: boolean;
  /** `overrideProrata`: whether the last period of each recurring charge is prorated. */
  readonly prorata: 'NO_OVERRIDE' | 'PRORATA' | 'NO_PRORATA';
}

/** Emitted when the subscription ends: CANCELED or RESILIATED, on a date, for a reason. */
export interface SubscriptionEnded {
  readonly type: 'subscription.ended';
  readonly subscriptionId: string;
  readonly status: 'CANCELED' | 'RESILIATED';
  readonly terminationDate: string;
  readonly reason: TerminationReason;
  readonly note?: string;
  /** The products the end terminated. */
  readonly products: readonly string[];
  /** What the resiliation charges; absent for a cancellation. */
  readonly charges?: TerminationCharges;
  readonly at: string;
}

type Ctx = OpencellSubscriptionContext;

/** What a resiliation charges, by its reason's flags; a cancellation charges nothing. */
export function chargesOf(reason: TerminationReason): TerminationCharges {
  return {
    terminationCharges: reason.applyTerminationCharges === true,
    reimburseOneshots: reason.reimburseOneshots === true,
    reimburseRecurring: reason.applyReimbursment === true,
    chargeToEndOfAgreement: reason.applyAgreement === true,
    prorata: reason.overrideProrata ?? 'NO_OVERRIDE',
  };
}

const ENDED = new Set(['CANCELED', 'RESILIATED']);
const LIVE = new Set(['CREATED', 'ACTIVE']);

/** The audit `event` of an accepted command, where the command's name does not say it all. */
function auditEvent(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const b = before.context;
  const a = after.context;
  const into = (status: string) => after.status === status && before.status !== status;
  switch (command.type) {
    case 'clock.tick':
      if (into('RESILIATED')) return 'resiliated';
      if (into('SUSPENDED')) return 'suspended';
      if (a.subscribedTillDate !== b.subscribedTillDate) return 'renewed';
      if (a.renewalNotifiedDate !== undefined && b.renewalNotifiedDate === undefined)
        return 'renewal-notified';
      return a.pendingAmendments.length < b.pendingAmendments.length
        ? 'amendment-applied'
        : undefined;
    case 'subscription.terminate':
      return into('RESILIATED') ? 'resiliated' : 'termination-scheduled';
    case 'subscription.reactivate':
      return b.scheduledTermination ? 'termination-canceled' : undefined;
    case 'amendment.submit': {
      const queued = a.pendingAmendments.length > b.pendingAmendments.length;
      return queued ? 'amendment-scheduled' : 'amendment-applied';
    }
    default:
      return undefined;
  }
}

/** The events beside the status change: renewal, its notice, and the end of the subscription. */
function emittedBy(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const b = before.context;
  const a = after.context;
  const out: (SubscriptionRenewed | EndOfTermNotice | SubscriptionEnded)[] = [];
  const subscriptionId = a.code;
  const { at } = command;
  if (
    command.type === 'clock.tick' &&
    LIVE.has(after.status) &&
    b.subscribedTillDate !== undefined &&
    a.subscribedTillDate !== undefined &&
    a.subscribedTillDate !== b.subscribedTillDate
  ) {
    const { count } = renewals(b.subscribedTillDate, b.renewalRule, at);
    out.push({
      type: 'subscription.renewed',
      subscriptionId,
      previousSubscribedTillDate: b.subscribedTillDate,
      subscribedTillDate: a.subscribedTillDate,
      terms: count,
      at,
    });
  }
  if (a.renewalNotifiedDate === at && b.renewalNotifiedDate !== at && a.subscribedTillDate)
    out.push({
      type: 'notification',
      template: 'endOfTerm',
      subscriptionId,
      subscribedTillDate: a.subscribedTillDate,
      at,
    });
  if (
    ENDED.has(after.status) &&
    !ENDED.has(before.status) &&
    a.terminationDate &&
    a.terminationReason
  ) {
    const status = after.status as SubscriptionEnded['status'];
    const products = a.products
      .filter((p) => p.status === 'TERMINATED' && p.terminationReason !== undefined)
      .filter((p) => b.products.some((q) => q.code === p.code && q.status !== 'TERMINATED'))
      .map((p) => p.code);
    out.push({
      type: 'subscription.ended',
      subscriptionId,
      status,
      terminationDate: a.terminationDate,
      reason: a.terminationReason,
      ...(a.terminationNote === undefined ? {} : { note: a.terminationNote }),
      products,
      ...(status === 'RESILIATED' ? { charges: chargesOf(a.terminationReason) } : {}),
      at,
    });
  }
  return out;
}

/** The spec's `changes`: the events to emit, and the audit entry's `event`. */
export function opencellChanges(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const emitted: EmittedBase[] = emittedBy(before, after, command);
  const event = auditEvent(before, after, command);
  return event === undefined ? { emitted } : { emitted, audit: { event } };
}
