/**
 * The commands of a subscription (SoftwareOne Marketplace): payloads, roles and probes.
 * Order commands are the platform relaying what happened to an order, so only `system` sends them.
 */
import { boolean, optional, string } from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { subscriptionLinesSchema } from './lines';
import { relayPayload, unusedOrderId } from './open-order';
import { tickSpec } from './platform';
import type { MarketplaceSubscriptionContext } from './subscription.types';

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
