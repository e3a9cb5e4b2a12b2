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
import type { Invariant } from '../core/spec';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { subscriptionLinesSchema } from './lines';
import { openOrderSchema } from './open-order';
import { parametersSchema } from './parameters';
import { externalIdsSchema, MARKETPLACE_ROLES, ORDER_TYPES } from './platform';
import { stampsAgree, stampsSchema } from './stamps';
import { termsSchema } from './subscription.commands';
import {
  CLOSED_ORDERS_WINDOW,
  type MarketplaceSubscriptionContext,
  SUBSCRIPTION_AUDIT_EVENTS,
  SUBSCRIPTION_STATUSES,
} from './subscription.types';

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
    { maxLength: CLOSED_ORDERS_WINDOW },
  ),
  stamps: stampsSchema(SUBSCRIPTION_AUDIT_EVENTS),
  ...bookkeepingShape(SUBSCRIPTION_STATUSES, MARKETPLACE_ROLES),
});

/** The open order each status has: which order types, or none. */
const OPEN_ORDER_TYPES: Readonly<Record<string, readonly string[]>> = {
  Draft: ['Purchase'],
  Updating: ['Change', 'Configuration'],
  Terminating: ['Termination'],
};

/** The open order fits the status: its type, and its id once past Draft. */
const openOrderFits: Invariant<Ctx> = ({ status, context: c }) => {
  const types = OPEN_ORDER_TYPES[status];
  if (types === undefined ? c.openOrder !== null : !types.includes(c.openOrder?.orderType ?? ''))
    return `context.openOrder: a ${status} subscription needs ${types ? `a ${types.join(' or ')} order` : 'null'}`;
  if (status !== 'Draft' && c.openOrder !== null && c.openOrder.id === undefined)
    return 'context.openOrder.id: only a Draft subscription may lack its order id';
  return null;
};

/** Dates: an Active subscription's commitment, and a termination date only at the end. */
const datesFit: Invariant<Ctx> = ({ status, context: c }) => {
  const dated = status !== 'Draft' && status !== 'Deleted';
  if (dated && (c.startDate === undefined || c.commitmentDate === undefined))
    return `context: a ${status} subscription needs startDate and commitmentDate`;
  if ((c.commitmentDate === undefined) !== (c.renewalAnchor === undefined))
    return 'context.renewalAnchor: goes with commitmentDate';
  if (status === 'Terminated' && c.terminationDate === undefined)
    return 'context.terminationDate: a Terminated subscription needs one';
  if (c.terminationDate !== undefined && status !== 'Terminating' && status !== 'Terminated')
    return `context.terminationDate: only a Terminating or Terminated subscription has one, not a ${status} one`;
  if (c.terminationReason !== undefined && status !== 'Terminated')
    return `context.terminationReason: only a Terminated subscription has one, not a ${status} one`;
  return null;
};

/** The closed orders of the window: each id once, and not the open order's. */
const closedOrdersFit: Invariant<Ctx> = ({ context: c }) => {
  const seen = new Set<string>();
  for (const [i, order] of c.orders.entries()) {
    if (seen.has(order.id) || order.id === c.openOrder?.id)
      return `context.orders[${i}].id: order ${order.id} is closed twice, or still open`;
    seen.add(order.id);
  }
  return null;
};

/** Facts of a restored subscription, checked in order. */
export const subscriptionInvariants: readonly Invariant<Ctx>[] = [
  openOrderFits,
  datesFit,
  closedOrdersFit,
  stampsAgree,
];
