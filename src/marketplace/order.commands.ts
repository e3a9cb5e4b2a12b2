/**
 * The commands of an order (SoftwareOne Marketplace): payloads, roles, probes, the input, and the
 * pure data updates the chart's actions make. The payloads follow the platform's order calls and
 * the mpt-extension-sdk's `OrderService` (`query`, `complete` with a template, `fail` with
 * `statusNotes`).
 */
import { created } from '../core/bookkeeping';
import { instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { agreementIdSchema, orderIdSchema } from './ids';
import { orderLinesSchema } from './lines';
import type {
  MarketplaceOrderContext,
  MarketplaceOrderInput,
  MarketplaceOrderPayload,
} from './order.types';
import {
  answersSchema,
  applyQueries,
  applyValidations,
  applyValues,
  fulfillmentValuesSchema,
  parametersInputSchema,
  parametersOf,
  queriesSchema,
  validationsSchema,
  withErrors,
} from './parameters';
import {
  externalIdsSchema,
  MARKETPLACE_ROLES,
  type MarketplaceRole,
  messageOf,
  messageOrText,
  messageSchema,
  ORDER_TYPES,
} from './platform';

/** Payload fields of each order command (beside the envelope). */
export const orderPayloads = {
  // The validation's verdict, when it has one: parameter values and errors, and the order's error.
  'order.validate': { parameters: optional(validationsSchema), error: optional(messageSchema) },
  'order.quote': {},
  'order.place': {},
  'order.query': { parameters: queriesSchema, templateId: optional(nonEmptyString) },
  'order.process': { parameters: optional(answersSchema) },
  'order.complete': { templateId: nonEmptyString, parameters: optional(fulfillmentValuesSchema) },
  // A missing or blank note is REASON_REQUIRED (a rule), so only its shape is checked here.
  'order.fail': { statusNotes: optional(messageOrText) },
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
  const first = context.parameters.ordering[0]?.externalId ?? 'probe';
  switch (type) {
    case 'order.query':
      return {
        parameters: { ordering: [{ externalId: first, error: { id: 'probe', message: 'probe' } }] },
      };
    case 'order.process':
      return {
        parameters: {
          ordering: withErrors(context.parameters.ordering).map((externalId) => ({
            externalId,
            value: 'probe',
          })),
        },
      };
    case 'order.complete':
      return { templateId: 'probe' };
    case 'order.fail':
      return { statusNotes: { message: 'probe' } };
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
export const orderCommandSpecs = Object.fromEntries(
  (Object.keys(orderPayloads) as OrderCommandType[]).map((type) => [type, specOf(type)]),
) as Record<OrderCommandType, CommandSpec<MarketplaceOrderContext>>;

const inputSchema = object({
  id: orderIdSchema,
  orderType: literal(...ORDER_TYPES),
  agreementId: agreementIdSchema,
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
  lines: optional(orderLinesSchema),
  parameters: optional(parametersInputSchema),
  externalIds: optional(externalIdsSchema),
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
    parameters: parametersOf(input.parameters),
    ...(input.externalIds === undefined ? {} : { externalIds: input.externalIds }),
    stamps: { created: { at: input.at, by: input.by } },
    ...created(input),
  };
}

type Ctx = MarketplaceOrderContext;

/** A validation's verdict: parameter values and errors, and exactly the order-level error given. */
export function validated(
  c: Ctx,
  { parameters, error }: MarketplaceOrderPayload<'order.validate'>,
) {
  return {
    parameters: {
      ordering: applyValidations(c.parameters.ordering, parameters?.ordering),
      fulfillment: applyValidations(c.parameters.fulfillment, parameters?.fulfillment),
    },
    error,
  };
}

/** The vendor's query: errors on ordering parameters, and its template. */
export function queried(
  c: Ctx,
  { parameters, templateId }: MarketplaceOrderPayload<'order.query'>,
) {
  return {
    parameters: {
      ...c.parameters,
      ordering: applyQueries(c.parameters.ordering, parameters.ordering),
    },
    ...(templateId === undefined ? {} : { templateId }),
  };
}

/** The client's answers: each answered parameter loses its error, and so does the order. */
export function answered(c: Ctx, { parameters }: MarketplaceOrderPayload<'order.process'>) {
  return {
    parameters: {
      ...c.parameters,
      ordering: applyValues(c.parameters.ordering, parameters?.ordering),
    },
    error: undefined,
  };
}

/** The completion: its template, and the vendor's fulfillment values. */
export function completed(
  c: Ctx,
  { templateId, parameters }: MarketplaceOrderPayload<'order.complete'>,
) {
  return {
    templateId,
    parameters: {
      ...c.parameters,
      fulfillment: applyValues(c.parameters.fulfillment, parameters?.fulfillment),
    },
  };
}

/** The failure's notes, as the platform's message object (a plain string is its text). */
export const failed = ({ statusNotes }: MarketplaceOrderPayload<'order.fail'>) => ({
  statusNotes: messageOf(statusNotes),
});
