/**
 * The commands of a subscription (SoftwareOne Marketplace): payloads, roles and probes, and the
 * input that creates one. Order commands are the platform relaying what happened to an order, so
 * only `system` sends them.
 */
import { created } from '../core/bookkeeping';
import {
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  string,
} from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { compareInstants } from '../core/time';
import { commitmentOf } from './commitment';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { subscriptionLinesSchema } from './lines';
import { relayPayload, unusedOrderId } from './open-order';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES, tickSpec } from './platform';
import type {
  MarketplaceSubscriptionContext,
  MarketplaceSubscriptionInput,
} from './subscription.types';

/** Payload fields of each subscription command (beside the envelope). */
export const subscriptionPayloads = {
  'order.placed': relayPayload,
  // What the order changed: lines (absolute quantities) for a Change, autoRenew for a Configuration.
  'order.completed': {
    ...relayPayload,
    lines: optional(subscriptionLinesSchema),
    autoRenew: optional(boolean),
  },
  'order.failed': relayPayload,
  // A blank reason is REASON_REQUIRED (a rule), so only its type is checked here.
  'subscription.terminate': { reason: optional(string) },
} as const;

type Ctx = MarketplaceSubscriptionContext;

/** Probes of the relayed order commands: a fresh order of each type, or the open one. */
const fresh = (c: Ctx) => unusedOrderId([...c.orders.map((o) => o.id), c.openOrder?.id]);
const openOrFresh = (c: Ctx) => ({
  orderId: c.openOrder?.id ?? fresh(c),
  orderType: c.openOrder?.orderType ?? 'Change',
});

export const subscriptionCommandSpecs = {
  'order.placed': {
    payload: subscriptionPayloads['order.placed'],
    roles: ['system'],
    probes: (c: Ctx) =>
      (['Change', 'Configuration', 'Termination'] as const).map((orderType) => ({
        orderId: fresh(c),
        orderType,
      })),
  },
  'order.completed': {
    payload: subscriptionPayloads['order.completed'],
    roles: ['system'],
    // A Configuration probe flips autoRenew, so graph paths reach both renewal and expiry.
    probes: (c: Ctx) => [
      c.openOrder?.orderType === 'Configuration'
        ? { ...openOrFresh(c), autoRenew: !c.autoRenew }
        : openOrFresh(c),
    ],
  },
  'order.failed': {
    payload: subscriptionPayloads['order.failed'],
    roles: ['system'],
    probes: (c: Ctx) => [openOrFresh(c)],
  },
  'subscription.terminate': {
    payload: subscriptionPayloads['subscription.terminate'],
    roles: ['vendor'],
    probes: () => [{ reason: 'probe' }],
  },
  'clock.tick': tickSpec,
} satisfies Record<string, CommandSpec<Ctx>>;

export const termsSchema = object({
  period: literal('1m', '1y', 'one-time'),
  commitment: literal('1m', '1y', '3y'),
});
export const externalIdsSchema = object({
  client: optional(string),
  vendor: optional(string),
  operations: optional(string),
});

const inputSchema = object({
  id: subscriptionIdSchema,
  agreementId: agreementIdSchema,
  productId: nonEmptyString,
  name: optional(string),
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
  terms: termsSchema,
  startDate: optional(instant),
  commitmentDate: optional(instant),
  autoRenew: optional(boolean),
  lines: subscriptionLinesSchema,
  parameters: optional(parametersSchema),
  externalIds: optional(externalIdsSchema),
  createdBy: literal('order', 'vendor'),
  orderId: optional(orderIdSchema),
});

/** Facts across fields that the field schemas cannot see. */
function crossFieldError(input: MarketplaceSubscriptionInput): string | null {
  const { startDate, commitmentDate } = input;
  if (commitmentDate !== undefined && startDate === undefined)
    return 'input.commitmentDate: needs input.startDate';
  if (commitmentDate !== undefined && startDate !== undefined) {
    if (compareInstants(commitmentDate, startDate) <= 0)
      return `input.commitmentDate: ${commitmentDate} must be after input.startDate ${startDate}`;
  }
  if (input.orderId !== undefined && input.createdBy !== 'order')
    return "input.orderId: only a subscription with createdBy 'order' has a Purchase order";
  return null;
}

/** The context of a new subscription. Throws a `TypeError` naming the bad input field. */
export function subscriptionContext(
  input: MarketplaceSubscriptionInput,
): MarketplaceSubscriptionContext {
  const error = inputSchema(input, 'input') ?? crossFieldError(input);
  if (error) throw new TypeError(`marketplaceSubscriptionMachine ${error}`);
  const byOrder = input.createdBy === 'order';
  const startDate = input.startDate ?? (byOrder ? undefined : input.at);
  return {
    id: input.id,
    agreementId: input.agreementId,
    productId: input.productId,
    ...(input.name === undefined ? {} : { name: input.name }),
    terms: { period: input.terms.period, commitment: input.terms.commitment },
    ...(startDate === undefined
      ? {}
      : { startDate, ...commitmentOf(startDate, input.terms.commitment, input.commitmentDate) }),
    autoRenew: input.autoRenew ?? true,
    lines: input.lines,
    parameters: input.parameters ?? [],
    ...(input.externalIds === undefined ? {} : { externalIds: input.externalIds }),
    openOrder: byOrder
      ? { ...(input.orderId === undefined ? {} : { id: input.orderId }), orderType: 'Purchase' }
      : null,
    orders: [],
    ...created(input),
  };
}
