/**
 * The subscription's spec for the command runner: persisted context validation, invariants, and
 * what a command changed beyond the status (the audit's order id, renewals and expiry).
 */
import { bookkeepingShape } from '../core/bookkeeping';
import {
  array,
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  string,
} from '../core/schema';
import type { AnyCommand, EmittedBase, MachineSpec, Subject } from '../core/spec';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { subscriptionLinesSchema } from './lines';
import { openOrderSchema, orderAudit } from './open-order';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES, ORDER_TYPES } from './platform';
import { subscriptionCommandSpecs } from './subscription.commands';
import { externalIdsSchema, termsSchema } from './subscription.input';
import { subscriptionGuards } from './subscription.rules';
import {
  FINAL_SUBSCRIPTION_STATUSES,
  type MarketplaceSubscriptionContext,
  SUBSCRIPTION_STATUSES,
  type SubscriptionRenewed,
} from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;

const contextSchema = object({
  id: subscriptionIdSchema,
  agreementId: agreementIdSchema,
  productId: nonEmptyString,
  name: optional(string),
  terms: termsSchema,
  startDate: optional(instant),
  commitmentDate: optional(instant),
  renewalAnchor: optional(instant),
  terminationDate: optional(instant),
  terminationReason: optional(nonEmptyString),
  autoRenew: boolean,
  lines: subscriptionLinesSchema,
  parameters: parametersSchema,
  externalIds: optional(externalIdsSchema),
  openOrder: openOrderSchema,
  orders: array(
    object({
      id: orderIdSchema,
      orderType: literal(...ORDER_TYPES),
      status: literal('Completed', 'Failed'),
    }),
  ),
  ...bookkeepingShape(SUBSCRIPTION_STATUSES, MARKETPLACE_ROLES),
});

/** The open order each status has: which order types, or none. */
const OPEN_ORDER_TYPES: Readonly<Record<string, readonly string[]>> = {
  Draft: ['Purchase'],
  Updating: ['Change', 'Configuration'],
  Terminating: ['Termination'],
};

/** Cross-field facts of a subscription in a given status, checked when it is restored. */
function subscriptionInvariants({ status, context: c }: Subject<Ctx>): string | null {
  const types = OPEN_ORDER_TYPES[status];
  if (types === undefined ? c.openOrder !== null : !types.includes(c.openOrder?.orderType ?? ''))
    return `context.openOrder: a ${status} subscription needs ${types ? `a ${types.join(' or ')} order` : 'null'}`;
  if (status !== 'Draft' && c.openOrder !== null && c.openOrder.id === undefined)
    return 'context.openOrder.id: only a Draft subscription may lack its order id';
  const dated = status !== 'Draft' && status !== 'Deleted';
  if (dated && (c.startDate === undefined || c.commitmentDate === undefined))
    return `context: a ${status} subscription needs startDate and commitmentDate`;
  if ((c.commitmentDate === undefined) !== (c.renewalAnchor === undefined))
    return 'context.renewalAnchor: goes with commitmentDate';
  if (status === 'Terminated' && c.terminationDate === undefined)
    return 'context.terminationDate: a Terminated subscription needs one';
  return null;
}

/** The audit's order id for relayed orders; `renewed` and `expired` for what a tick caused. */
function subscriptionChanges(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const requestId = orderAudit(command);
  const previous = before.context.commitmentDate;
  const next = after.context.commitmentDate;
  if (
    command.type === 'clock.tick' &&
    previous !== undefined &&
    next !== undefined &&
    previous !== next
  ) {
    const renewed: SubscriptionRenewed = {
      type: 'subscription.renewed',
      subscriptionId: after.context.id,
      previousCommitmentDate: previous,
      commitmentDate: next,
      at: command.at,
    };
    return { emitted: [renewed] as EmittedBase[], audit: { ...requestId, event: 'renewed' } };
  }
  if (after.status === 'Expired') return { audit: { ...requestId, event: 'expired' } };
  return { audit: requestId };
}

export const subscriptionSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.subscription',
  schemaVersion: 1,
  statuses: SUBSCRIPTION_STATUSES,
  finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: subscriptionCommandSpecs,
  guards: subscriptionGuards,
  context: contextSchema,
  invariants: [subscriptionInvariants],
  subjectIds: (c) => ({
    subscriptionId: c.id,
    ...(c.openOrder?.id === undefined ? {} : { requestId: c.openOrder.id }),
  }),
  changes: subscriptionChanges,
};
