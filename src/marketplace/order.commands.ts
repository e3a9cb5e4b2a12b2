/**
 * The commands of an order (SoftwareOne Marketplace): payloads, roles, probes, and the input.
 */
import { created } from '../core/bookkeeping';
import { instant, literal, nonEmptyString, object, optional, string } from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { agreementIdSchema, orderIdSchema } from './ids';
import { orderLinesSchema } from './lines';
import type { MarketplaceOrderContext, MarketplaceOrderInput } from './order.types';
import {
  parametersSchema,
  queriesSchema,
  validationsSchema,
  valuesSchema,
  withErrors,
} from './parameters';
import { MARKETPLACE_ROLES, type MarketplaceRole, ORDER_TYPES } from './platform';

/** Payload fields of each order command (beside the envelope). */
export const orderPayloads = {
  // The validation's verdict, when it has one: values and errors of the parameters it checked.
  'order.validate': { parameters: optional(validationsSchema) },
  'order.quote': {},
  'order.place': {},
  'order.query': { parameters: queriesSchema, templateId: optional(nonEmptyString) },
  'order.process': { parameters: optional(valuesSchema) },
  'order.complete': { templateId: nonEmptyString },
  // A blank reason is REASON_REQUIRED (a rule), so only its type is checked here.
  'order.fail': { statusNotes: optional(string) },
  'order.delete': {},
} as const;

export type OrderCommandType = keyof typeof orderPayloads;

/** Who may send each order command (docs/marketplace.md has the table). */
export const orderRoles: Readonly<Record<OrderCommandType, readonly MarketplaceRole[]>> = {
  'order.validate': ['system', 'operations'],
  'order.quote': ['client', 'operations'],
  'order.place': ['client', 'operations'],
  'order.query': ['vendor', 'operations'],
  'order.process': ['client', 'operations'],
  'order.complete': ['vendor'],
  'order.fail': ['vendor', 'operations'],
  'order.delete': ['client', 'operations'],
};

/** A well-formed payload of each command that can succeed where the command is allowed. */
function probeOf(type: OrderCommandType, context: MarketplaceOrderContext) {
  const first = context.parameters[0]?.id ?? 'PAR-probe';
  switch (type) {
    case 'order.query':
      return { parameters: [{ id: first, error: { id: 'probe', message: 'probe' } }] };
    case 'order.process':
      return { parameters: withErrors(context.parameters).map((id) => ({ id, value: 'probe' })) };
    case 'order.complete':
      return { templateId: 'probe' };
    case 'order.fail':
      return { statusNotes: 'probe' };
    default:
      return {};
  }
}

function specOf(type: OrderCommandType): CommandSpec<MarketplaceOrderContext> {
  return {
    payload: orderPayloads[type],
    roles: orderRoles[type],
    probes: (context) => [probeOf(type, context)],
  };
}

/** The command specs of the order. */
export const orderCommandSpecs = {
  ...(Object.fromEntries(
    (Object.keys(orderPayloads) as OrderCommandType[]).map((type) => [type, specOf(type)]),
  ) as Record<OrderCommandType, CommandSpec<MarketplaceOrderContext>>),
};

const inputSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
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
