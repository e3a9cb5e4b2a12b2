/**
 * How an order is persisted: its context's schema and the facts a restored order must satisfy.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { literal, nonEmptyString, object, optional } from '../core/schema';
import type { Invariant } from '../core/spec';
import { agreementIdSchema, orderIdSchema } from './ids';
import { orderLinesSchema } from './lines';
import { type MarketplaceOrderContext, ORDER_AUDIT_EVENTS, ORDER_STATUSES } from './order.types';
import { parametersSchema } from './parameters';
import { externalIdsSchema, MARKETPLACE_ROLES, messageSchema, ORDER_TYPES } from './platform';
import { stampsAgree, stampsSchema } from './stamps';

export const orderContextSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  lines: orderLinesSchema,
  parameters: parametersSchema,
  externalIds: optional(externalIdsSchema),
  templateId: optional(nonEmptyString),
  error: optional(messageSchema),
  statusNotes: optional(messageSchema),
  stamps: stampsSchema(ORDER_AUDIT_EVENTS),
  ...bookkeepingShape(ORDER_STATUSES, MARKETPLACE_ROLES),
});

/** Facts of a restored order, each naming the field it checks. */
export const orderInvariants: readonly Invariant<MarketplaceOrderContext>[] = [
  ({ status, context }) =>
    status === 'Completed' && context.templateId === undefined
      ? 'context.templateId: a Completed order needs one'
      : null,
  ({ status, context }) =>
    (status === 'Failed') !== (context.statusNotes !== undefined)
      ? 'context.statusNotes: a Failed order has them, and only a Failed one'
      : null,
  ({ status, context }) =>
    context.statusNotes !== undefined && context.statusNotes.message.trim() === ''
      ? `context.statusNotes.message: a ${status} order's notes say why`
      : null,
  stampsAgree,
];
