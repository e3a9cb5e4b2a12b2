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
import { commitmentOf, renewedCommitmentDate } from './commitment';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { changedLinesSchema, setQuantities, subscriptionLinesSchema } from './lines';
import { relayPayload, unusedOrderId } from './open-order';
import { parametersInputSchema, parametersOf } from './parameters';
import { externalIdsSchema, MARKETPLACE_ROLES, tickSpec } from './platform';
import {
  CLOSED_ORDERS_WINDOW,
  type ClosedOrder,
  type MarketplaceSubscriptionContext,
  type MarketplaceSubscriptionInput,
  type MarketplaceSubscriptionPayload,
} from './subscription.types';

/** Payload fields of each subscription command (beside the envelope). */
export const subscriptionPayloads = {
  // A Termination order may set ahead the date by which the subscription must end.
  'order.placed': { ...relayPayload, terminationDate: optional(instant) },
  // What the order changed: lines (absolute quantities) for a Change, autoRenew for a Configuration.
  'order.completed': {
    ...relayPayload,
    lines: optional(changedLinesSchema),
    autoRenew: optional(boolean),
  },
  'order.failed': relayPayload,
  // A blank reason is REASON_REQUIRED (a rule), so only its type is checked here.
  'subscription.terminate': { reason: optional(string) },
  'subscription.delete': {},
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
  // A Draft subscription "has been deleted by the vendor" (Marketplace docs, subscription states).
  'subscription.delete': {
    payload: subscriptionPayloads['subscription.delete'],
    roles: ['vendor'],
  },
  'clock.tick': tickSpec,
} satisfies Record<string, CommandSpec<Ctx>>;

export const termsSchema = object({
  period: literal('1m', '1y', 'one-time'),
  commitment: literal('1m', '1y', '3y'),
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
  parameters: optional(parametersInputSchema),
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
    parameters: parametersOf(input.parameters),
    ...(input.externalIds === undefined ? {} : { externalIds: input.externalIds }),
    openOrder: byOrder
      ? { ...(input.orderId === undefined ? {} : { id: input.orderId }), orderType: 'Purchase' }
      : null,
    orders: [],
    stamps: {
      created: { at: input.at, by: input.by },
      ...(byOrder ? {} : { activated: { at: input.at, by: input.by } }),
    },
    ...created(input),
  };
}

/** An order placed against the subscription: it is open; a Termination may date the end ahead. */
export function opened(command: MarketplaceSubscriptionPayload<'order.placed'>) {
  const { orderId, orderType, terminationDate } = command;
  return {
    openOrder: { id: orderId, orderType },
    ...(terminationDate === undefined ? {} : { terminationDate }),
  };
}

/**
 * The open order is over: it joins the closed orders, of which the last
 * {@link CLOSED_ORDERS_WINDOW} are kept.
 */
export function closed(
  c: Ctx,
  { orderId, orderType }: MarketplaceSubscriptionPayload<'order.failed'>,
  status: ClosedOrder['status'],
) {
  const kept =
    c.orders.length >= CLOSED_ORDERS_WINDOW ? c.orders.slice(1 - CLOSED_ORDERS_WINDOW) : c.orders;
  return { openOrder: null, orders: [...kept, { id: orderId, orderType, status }] };
}

/** A Change sets the lines' absolute quantities; a Configuration switches auto-renewal. */
export function applied(
  c: Ctx,
  { lines, autoRenew }: MarketplaceSubscriptionPayload<'order.completed'>,
) {
  return {
    ...(lines === undefined ? {} : { lines: setQuantities(c.lines, lines) }),
    ...(autoRenew === undefined ? {} : { autoRenew }),
  };
}

/** The Purchase order's completion starts the subscription, and its first commitment. */
export function activated(c: Ctx, at: string) {
  if (c.commitmentDate !== undefined) return {};
  const startDate = c.startDate ?? at;
  return { startDate, ...commitmentOf(startDate, c.terms.commitment) };
}

/**
 * The end: the date set ahead by the Termination order, else the day it ends; the vendor's reason
 * when it terminated without an order.
 */
export function ended(c: Ctx, at: string, reason?: string) {
  return {
    terminationDate: c.terminationDate ?? at,
    ...(reason === undefined ? {} : { terminationReason: reason }),
  };
}

/** The next commitment end after a renewal at `at`, on the anchor's grid. */
export const renewed = (c: Ctx, at: string) => ({
  commitmentDate: renewedCommitmentDate(c.renewalAnchor ?? at, c.terms.commitment, at),
});
