/**
 * How an order is persisted: its context's schema and the facts a restored order must satisfy.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { literal, nonEmptyString, object, optional } from '../core/schema';
import type { Invariant } from '../core/spec';
import { agreementIdSchema, orderIdSchema } from './ids';
import { orderLinesSchema } from './lines';
import { type MarketplaceOrderContext, ORDER_STATUSES } from './order.types';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES, ORDER_TYPES } from './platform';

export const orderContextSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  lines: orderLinesSchema,
  parameters: parametersSchema,
  templateId: optional(nonEmptyString),
  statusNotes: optional(nonEmptyString),
  ...bookkeepingShape(ORDER_STATUSES, MARKETPLACE_ROLES),
});

/** Facts of a restored order, each naming the field it checks. */
export const orderInvariants: readonly Invariant<MarketplaceOrderContext>[] = [
  ({ status, context }) =>
    status === 'Completed' && context.templateId === undefined
      ? 'context.templateId: a Completed order needs one'
      : null,
  ({ status, context }) =>
    status === 'Failed' && context.statusNotes === undefined
      ? 'context.statusNotes: a Failed order needs them'
      : null,
];
