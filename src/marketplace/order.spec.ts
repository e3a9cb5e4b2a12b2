/**
 * The order's spec for the command runner: input, persisted context validation and invariants.
 */
import { bookkeepingShape, created } from '../core/bookkeeping';
import { instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { MachineSpec } from '../core/spec';
import { agreementIdSchema, orderIdSchema } from './ids';
import { orderLinesSchema } from './lines';
import { orderCommandSpecs } from './order.commands';
import { orderGuards } from './order.rules';
import {
  FINAL_ORDER_STATUSES,
  type MarketplaceOrderContext,
  type MarketplaceOrderInput,
  ORDER_STATUSES,
} from './order.types';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES, ORDER_TYPES } from './platform';

const by = object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) });

const inputSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  at: instant,
  by,
  lines: optional(orderLinesSchema),
  parameters: optional(parametersSchema),
});

/** The context of a new order. Throws a `TypeError` naming the bad input field. */
export function orderContext(input: MarketplaceOrderInput): MarketplaceOrderContext {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`marketplaceOrderMachine ${error}`);
  return {
    id: input.id,
    orderType: input.orderType,
    agreementId: input.agreementId,
    lines: input.lines ?? [],
    parameters: input.parameters ?? [],
    ...created(input),
  };
}

const contextSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  lines: orderLinesSchema,
  parameters: parametersSchema,
  templateId: optional(nonEmptyString),
  statusNotes: optional(nonEmptyString),
  ...bookkeepingShape(ORDER_STATUSES, MARKETPLACE_ROLES),
});

/** Cross-field facts of an order in a given status, checked when it is restored. */
function orderInvariants(status: string, context: MarketplaceOrderContext): string | null {
  if (status === 'Completed' && context.templateId === undefined)
    return 'context.templateId: a Completed order needs one';
  if (status === 'Failed' && context.statusNotes === undefined)
    return 'context.statusNotes: a Failed order needs them';
  return null;
}

export const orderSpec: MachineSpec<MarketplaceOrderContext> = {
  schema: 'subscription-machines/marketplace.order',
  schemaVersion: 1,
  statuses: ORDER_STATUSES,
  finalStatuses: FINAL_ORDER_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: orderCommandSpecs,
  guards: orderGuards,
  context: contextSchema,
  invariants: [({ status, context }) => orderInvariants(status, context)],
  subjectIds: (c) => ({ requestId: c.id }),
};
