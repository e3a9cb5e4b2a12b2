/**
 * How a subscription is persisted: its context's schema and the facts a restored subscription must
 * satisfy.
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
import type { Invariant, Subject } from '../core/spec';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { subscriptionLinesSchema } from './lines';
import { openOrderSchema } from './open-order';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES, ORDER_TYPES } from './platform';
import { externalIdsSchema, termsSchema } from './subscription.commands';
import { type MarketplaceSubscriptionContext, SUBSCRIPTION_STATUSES } from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;

export const subscriptionContextSchema = object({
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

/** Facts of a restored subscription, checked in order. */
export const subscriptionInvariants: readonly Invariant<Ctx>[] = [openOrderFits];

/** Cross-field facts of a subscription in a given status, checked when it is restored. */
function openOrderFits({ status, context: c }: Subject<Ctx>): string | null {
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
