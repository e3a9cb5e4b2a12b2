/**
 * The commands of an order (SoftwareOne Marketplace): payloads, roles and probes.
 */
import { nonEmptyString, optional, string } from '../core/schema';
import type { CommandSpec } from '../core/spec';
import type { MarketplaceOrderContext } from './order.types';
import { queriesSchema, validationsSchema, valuesSchema, withErrors } from './parameters';
import type { MarketplaceRole } from './platform';

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
