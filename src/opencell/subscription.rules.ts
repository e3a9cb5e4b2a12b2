/**
 * The rules of the Opencell subscription (Opencell docs, Subscriptions; opencell-core
 * SubscriptionService), as pure functions, and the named guards built from them. The chart's
 * guards, `explain`, `can` and `availableCommands` all run these. Within a guard, the command's own
 * rules run in this order: request ids, reason, payload, dates.
 */

import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import { type AnyCommand, guards } from '../core/spec';
import { type AmendmentDraft, amendmentIdUsed, draftProblem, queueProblem } from './amendments';
import { atOrBefore } from './dates';
import { dueTermination } from './lifecycle';
import type {
  OpencellCommand,
  OpencellSubscriptionContext,
  ProductChange,
  ProductOrder,
} from './subscription.types';
import { latestVersion } from './versions';

type Ctx = OpencellSubscriptionContext;
type OpencellRule = Rule<Ctx, AnyCommand>;

const payload = <T>(command: AnyCommand) => command as unknown as AnyCommand & T;

/**
 * The amendment a command asks for. Direct product actions are immediate amendments dated `at` (the
 * Opencell docs' use cases "New product" and "Remove Product"), so one rule and one update serve
 * all three.
 */
export function amendmentOf(command: {
  readonly type: string;
  readonly at: string;
}): AmendmentDraft {
  const c = payload<{
    amendmentId?: string;
    effectiveDate?: string;
    changes?: readonly ProductChange[];
    product?: ProductOrder;
    productCode?: string;
  }>(command as AnyCommand);
  if (command.type === 'product.add' && c.product)
    return { effectiveDate: c.at, changes: [{ op: 'add', product: c.product }] };
  if (command.type === 'product.deactivate' && c.productCode)
    return { effectiveDate: c.at, changes: [{ op: 'remove', productCode: c.productCode }] };
  return {
    ...(c.amendmentId === undefined ? {} : { amendmentId: c.amendmentId }),
    effectiveDate: c.effectiveDate ?? c.at,
    changes: c.changes ?? [],
  };
}

/**
 * A cancellation or termination needs a non-blank reason (opencell-core: a termination takes a
 * `SubscriptionTerminationReason`).
 */
export const reasonGiven: OpencellRule = reasonRequired();

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

const terminatesNow = (_: Ctx, command: AnyCommand) =>
  atOrBefore(payload<{ terminationDate: string }>(command).terminationDate, command.at);

const terminationNotBackdated: OpencellRule = (c, command) =>
  notBeforeLastChange(
    'terminationDate',
    payload<{ terminationDate: string }>(command).terminationDate,
    c,
  );

/** An amendment id is used once (DUPLICATE_REQUEST: "that request id was used before"). */
const amendmentIdNew: OpencellRule = (c, command) => {
  const { amendmentId } = amendmentOf(command);
  return amendmentId === undefined || !amendmentIdUsed(c, amendmentId)
    ? null
    : refuse('DUPLICATE_REQUEST', `amendment ${amendmentId} was submitted before`, { amendmentId });
};

/** The payload field a direct product action's only change comes from. */
const PAYLOAD_FIELD: ReadonlyMap<string, string> = new Map([
  ['product.add', 'product.code'],
  ['product.deactivate', 'productCode'],
]);

/** Every change, and every pending one after it, must still apply in its turn. */
const amendmentFits: OpencellRule = (c, command) => {
  const draft = amendmentOf(command);
  const problem = draftProblem(c, draft);
  if (problem === null) return null;
  if (problem.amendmentId !== draft.amendmentId) {
    const message = `${command.type} would leave pending amendment ${problem.amendmentId} unable to apply: ${problem.message}`;
    return refuse('INVALID_COMMAND', message, { amendmentId: problem.amendmentId });
  }
  const field = PAYLOAD_FIELD.get(command.type) ?? `changes[${problem.change}]`;
  return refuse('INVALID_COMMAND', `${command.type}: ${field}: ${problem.message}`, { field });
};

const amendmentNotBackdated: OpencellRule = (c, command) =>
  notBeforeLastChange('effectiveDate', amendmentOf(command).effectiveDate, c);

/** `amendment.cancel` names a pending amendment (UNKNOWN_REQUEST otherwise). */
const amendmentPending: OpencellRule = (c, command) => {
  const { amendmentId } = payload<{ amendmentId: string }>(command);
  return c.pendingAmendments.some((p) => p.amendmentId === amendmentId)
    ? null
    : refuse('UNKNOWN_REQUEST', `${amendmentId} is not a pending amendment`, {
        pending: c.pendingAmendments.map((p) => p.amendmentId),
      });
};

/** Withdrawing an amendment must leave every later one able to apply. */
const queueFitsWithout: OpencellRule = (c, command) => {
  const { amendmentId } = payload<{ amendmentId: string }>(command);
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
 * at any date).
 */
const offerChangeDated: OpencellRule = (c, command) => {
  const { effectiveDate } = payload<{ effectiveDate: string }>(command);
  const last = latestVersion(c.versions);
  return last === undefined || !atOrBefore(effectiveDate, last.validFrom)
    ? null
    : refuse(
        'INVALID_DATE',
        `effectiveDate ${effectiveDate} must be after version ${last.version}'s validFrom ${last.validFrom}`,
      );
};

/** An owner transfer goes to another consumer. */
const anotherConsumer: OpencellRule = (c, command) => {
  const { consumerId } = payload<{ consumerId: string }>(command);
  return consumerId !== c.consumerId
    ? null
    : refuse('INVALID_COMMAND', `the subscription already belongs to ${consumerId}`, {
        field: 'consumerId',
      });
};

/**
 * In ACTIVE, reactivation only cancels a scheduled termination (Opencell's "cancel termination").
 */
const terminationScheduled: OpencellRule = (c, command) =>
  c.scheduledTermination
    ? null
    : refuse(
        'INVALID_STATE',
        `${command.type} is not allowed in ACTIVE unless a termination is scheduled`,
      );

const amendmentRules = [amendmentIdNew, amendmentFits, amendmentNotBackdated];

const { on } = guards<Ctx, OpencellCommand>();

/** The named guards of the chart. */
export const subscriptionGuards = {
  canCancel: on(['subscription.cancel'], { rules: [reasonGiven] }),
  canTerminateNow: on(['subscription.terminate'], {
    when: terminatesNow,
    rules: [reasonGiven, terminationNotBackdated],
  }),
  canScheduleTermination: on(['subscription.terminate'], {
    when: (c, command) => !terminatesNow(c, command),
    rules: [reasonGiven],
  }),
  canCancelTermination: on(['subscription.reactivate'], { rules: [terminationScheduled] }),
  canChangeOffer: on(['offer.change'], { rules: [offerChangeDated] }),
  canAmend: on(['amendment.submit', 'product.add', 'product.deactivate'], {
    rules: amendmentRules,
  }),
  canCancelAmendment: on(['amendment.cancel'], { rules: [amendmentPending, queueFitsWithout] }),
  canTransferOwner: on(['owner.transfer'], { rules: [anotherConsumer] }),
  terminationDue: on(['clock.tick'], {
    when: (c, command) => dueTermination(c, command.at) !== undefined,
  }),
  amendmentsDue: on(['clock.tick'], {
    when: (c, command) => {
      const first = c.pendingAmendments[0];
      return first !== undefined && atOrBefore(first.effectiveDate, command.at);
    },
  }),
};
