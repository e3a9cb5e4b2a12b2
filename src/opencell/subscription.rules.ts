/**
 * The rules of the Opencell subscription (Opencell docs, Subscriptions; opencell-core
 * SubscriptionService, SubscriptionApi and SubscriptionStatusJobBean), as pure functions, and the
 * named guards built from them. The chart's guards, `explain`, `can` and `availableCommands` all
 * run these. Within a guard, the command's own rules run in this order: request ids, reason,
 * payload, dates.
 */

import { type Rule, refuse } from '../core/rejection';
import { guards } from '../core/spec';
import { type AmendmentDraft, amendmentIdUsed, draftProblem, queueProblem } from './amendments';
import { atOrBefore } from './dates';
import { dueTermination } from './lifecycle';
import type {
  OpencellCommand,
  OpencellCommandOf,
  OpencellSubscriptionContext,
} from './subscription.types';
import { endOfTermDue, noticeDue } from './term';
import { codeOf, dayEndsBefore, dayOver } from './termination';
import { latestVersion, versionProducts } from './versions';

type Ctx = OpencellSubscriptionContext;
type Type = OpencellCommand['type'];
type OpencellRule<T extends Type> = Rule<Ctx, OpencellCommandOf<T>>;
type Amending = OpencellCommandOf<'amendment.submit' | 'product.add' | 'product.deactivate'>;

/**
 * The amendment a command asks for. Direct product actions are immediate amendments dated `at` (the
 * Opencell docs' use cases "New product" and "Remove Product"), so one rule and one update serve
 * all three.
 */
export function amendmentOf(command: Amending): AmendmentDraft {
  switch (command.type) {
    case 'product.add':
      return { effectiveDate: command.at, changes: [{ op: 'add', product: command.product }] };
    case 'product.deactivate':
      return {
        effectiveDate: command.at,
        changes: [{ op: 'remove', productCode: command.productCode }],
      };
    default:
      return {
        amendmentId: command.amendmentId,
        effectiveDate: command.effectiveDate,
        changes: command.changes,
      };
  }
}

/** The amendment an offer change with products asks for, configuring the new version. */
export function offerAmendmentOf(c: Ctx, command: OpencellCommandOf<'offer.change'>) {
  if (command.products === undefined) return undefined;
  const next = (latestVersion(c.versions)?.version ?? 0) + 1;
  return versionProducts(c, next, command.effectiveDate, command.products);
}

/**
 * A cancellation or termination needs a reason (opencell-core `SubscriptionApi`: "terminationReason"
 * is a missing parameter when blank).
 */
const reasonGiven: OpencellRule<'subscription.cancel' | 'subscription.terminate'> = (
  _,
  command,
) => {
  const code = codeOf(command.reason);
  return typeof code === 'string' && code.trim() !== ''
    ? null
    : refuse('REASON_REQUIRED', `${command.type} needs a reason`);
};

/** A date in the past may not precede the last recorded change: history is not rewritten. */
function notBeforeLastChange(field: string, date: string, c: Ctx) {
  return atOrBefore(c.updatedAt, date)
    ? null
    : refuse(
        'INVALID_DATE',
        `${field} ${date} is before the subscription's last change at ${c.updatedAt}`,
        { updatedAt: c.updatedAt },
      );
}

/**
 * Opencell refuses a termination date before the subscription date, comparing by day
 * (`SubscriptionService.terminateSubscription`: "Termination date can not be before the
 * subscription date").
 */
function notBeforeSubscription(field: string, date: string, c: Ctx) {
  return dayEndsBefore(date, c.subscriptionDate)
    ? refuse(
        'INVALID_DATE',
        `${field} ${date} is before the subscription date ${c.subscriptionDate}`,
        { subscriptionDate: c.subscriptionDate },
      )
    : null;
}

/** A termination whose day is over at `at` resiliates now; a later one is scheduled. */
const terminatesNow = (_: Ctx, command: OpencellCommandOf<'subscription.terminate'>) =>
  dayOver(command.terminationDate, command.at);

const terminationAfterSubscription: OpencellRule<'subscription.terminate'> = (c, command) =>
  notBeforeSubscription('terminationDate', command.terminationDate, c);

const terminationNotBackdated: OpencellRule<'subscription.terminate'> = (c, command) =>
  notBeforeLastChange('terminationDate', command.terminationDate, c);

/** A dated cancellation (seed: "canceled on a specific date") follows the same date rules. */
const cancelationDated: OpencellRule<'subscription.cancel'> = (c, command) => {
  const date = command.cancelationDate;
  if (date === undefined) return null;
  return (
    notBeforeSubscription('cancelationDate', date, c) ??
    (atOrBefore(date, command.at) ? notBeforeLastChange('cancelationDate', date, c) : null)
  );
};

/** An amendment id is used once (DUPLICATE_REQUEST: "that request id was used before"). */
function idNew(c: Ctx, draft: AmendmentDraft | undefined) {
  const id = draft?.amendmentId;
  return id === undefined || !amendmentIdUsed(c, id)
    ? null
    : refuse('DUPLICATE_REQUEST', `amendment ${id} was submitted before`, { amendmentId: id });
}

/** The payload field a direct product action's only change comes from. */
const PAYLOAD_FIELD: ReadonlyMap<string, string> = new Map([
  ['product.add', 'product.code'],
  ['product.deactivate', 'productCode'],
  ['offer.change', 'products'],
]);

/** Every change, and every pending one after it, must still apply in its turn. */
function fits(c: Ctx, draft: AmendmentDraft | undefined, type: Type) {
  if (draft === undefined) return null;
  const problem = draftProblem(c, draft);
  if (problem === null) return null;
  if (problem.amendmentId !== draft.amendmentId) {
    const message = `${type} would leave pending amendment ${problem.amendmentId} unable to apply: ${problem.message}`;
    return refuse('INVALID_COMMAND', message, { amendmentId: problem.amendmentId });
  }
  const field = PAYLOAD_FIELD.get(type) ?? `changes[${problem.change}]`;
  return refuse('INVALID_COMMAND', `${type}: ${field}: ${problem.message}`, { field });
}

const amendmentIdNew: Rule<Ctx, Amending> = (c, command) => idNew(c, amendmentOf(command));
const amendmentFits: Rule<Ctx, Amending> = (c, command) =>
  fits(c, amendmentOf(command), command.type);
const amendmentNotBackdated: Rule<Ctx, Amending> = (c, command) =>
  notBeforeLastChange('effectiveDate', amendmentOf(command).effectiveDate, c);

/** `amendment.cancel` names a pending amendment (UNKNOWN_REQUEST otherwise). */
const amendmentPending: OpencellRule<'amendment.cancel'> = (c, { amendmentId }) =>
  c.pendingAmendments.some((p) => p.amendmentId === amendmentId)
    ? null
    : refuse('UNKNOWN_REQUEST', `${amendmentId} is not a pending amendment`, {
        pending: c.pendingAmendments.map((p) => p.amendmentId),
      });

/** Withdrawing an amendment must leave every later one able to apply. */
const queueFitsWithout: OpencellRule<'amendment.cancel'> = (c, { amendmentId }) => {
  const rest = c.pendingAmendments.filter((p) => p.amendmentId !== amendmentId);
  const problem = queueProblem(c.products, rest);
  return problem === null
    ? null
    : refuse(
        'INVALID_COMMAND',
        `cancelling ${amendmentId} would break pending amendment ${problem.amendmentId}: ${problem.message}`,
        { amendmentId: problem.amendmentId },
      );
};

/**
 * A new version starts after the latest one did (Opencell docs, "Change offer": one valid version
 * at any date; `patchSubscription` refuses "A version already exists for effectiveDate").
 */
const offerChangeDated: OpencellRule<'offer.change'> = (c, { effectiveDate }) => {
  const last = latestVersion(c.versions);
  return last === undefined || !atOrBefore(effectiveDate, last.validFrom)
    ? null
    : refuse(
        'INVALID_DATE',
        `effectiveDate ${effectiveDate} must be after version ${last.version}'s validFrom ${last.validFrom}`,
      );
};

const offerProductsIdNew: OpencellRule<'offer.change'> = (c, command) =>
  idNew(c, offerAmendmentOf(c, command));
const offerProductsFit: OpencellRule<'offer.change'> = (c, command) =>
  fits(c, offerAmendmentOf(c, command), command.type);
/** Products configured for the new version start on its date, which may not rewrite history. */
const offerProductsNotBackdated: OpencellRule<'offer.change'> = (c, command) =>
  command.products === undefined
    ? null
    : notBeforeLastChange('effectiveDate', command.effectiveDate, c);

/** An owner transfer goes to another consumer. */
const anotherConsumer: OpencellRule<'owner.transfer'> = (c, { consumerId }) =>
  consumerId !== c.consumerId
    ? null
    : refuse('INVALID_COMMAND', `the subscription already belongs to ${consumerId}`, {
        field: 'consumerId',
      });

/**
 * In ACTIVE (or CREATED), reactivation only cancels a scheduled termination (Opencell's
 * `cancelSubscriptionTermination`).
 */
const terminationScheduled: OpencellRule<'subscription.reactivate'> = (c, command) =>
  c.scheduledTermination
    ? null
    : refuse(
        'INVALID_STATE',
        `${command.type} is not allowed here unless a termination is scheduled`,
      );

const amendmentRules = [amendmentIdNew, amendmentFits, amendmentNotBackdated];

const { on } = guards<Ctx, OpencellCommand>();

/** The named guards of the chart. */
export const subscriptionGuards = {
  canCancel: on(['subscription.cancel'], { rules: [reasonGiven, cancelationDated] }),
  canTerminateNow: on(['subscription.terminate'], {
    when: terminatesNow,
    rules: [reasonGiven, terminationAfterSubscription, terminationNotBackdated],
  }),
  canScheduleTermination: on(['subscription.terminate'], {
    when: (c, command) => !terminatesNow(c, command),
    rules: [reasonGiven, terminationAfterSubscription],
  }),
  canCancelTermination: on(['subscription.reactivate'], { rules: [terminationScheduled] }),
  canChangeOffer: on(['offer.change'], {
    rules: [offerProductsIdNew, offerProductsFit, offerProductsNotBackdated, offerChangeDated],
  }),
  canAmend: on(['amendment.submit', 'product.add', 'product.deactivate'], {
    rules: amendmentRules,
  }),
  canCancelAmendment: on(['amendment.cancel'], { rules: [amendmentPending, queueFitsWithout] }),
  canTransferOwner: on(['owner.transfer'], { rules: [anotherConsumer] }),
  terminationDue: on(['clock.tick'], {
    when: (c, { at }) => dueTermination(c, at) !== undefined,
  }),
  termTerminates: on(['clock.tick'], { when: (c, { at }) => endOfTermDue(c, at) === 'terminate' }),
  termSuspends: on(['clock.tick'], { when: (c, { at }) => endOfTermDue(c, at) === 'suspend' }),
  termRenews: on(['clock.tick'], { when: (c, { at }) => endOfTermDue(c, at) === 'renew' }),
  renewalNoticeDue: on(['clock.tick'], { when: (c, { at }) => noticeDue(c, at) }),
  amendmentsDue: on(['clock.tick'], {
    when: (c, { at }) => {
      const first = c.pendingAmendments[0];
      return first !== undefined && atOrBefore(first.effectiveDate, at);
    },
  }),
};
