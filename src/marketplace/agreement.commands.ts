/**
 * The commands of an agreement: the platform (`system`) relays its orders and the end of its last
 * subscription.
 */
import type { CommandSpec } from '../core/spec';
import type { MarketplaceAgreementContext } from './agreement.types';
import { relayPayload, unusedOrderId } from './open-order';

/** Payload fields of each agreement command (beside the envelope). */
export const agreementPayloads = {
  'order.placed': relayPayload,
  'order.completed': relayPayload,
  'order.failed': relayPayload,
  'order.deleted': relayPayload,
  // "Final subscription is terminated or expires or is terminated by vendor without order".
  'agreement.terminate': {},
} as const;

type Ctx = MarketplaceAgreementContext;

/** The open order, or a fresh Purchase order when none is open. */
const openOrFresh = (c: Ctx) => [
  c.openOrder?.id === undefined
    ? { orderId: unusedOrderId([]), orderType: 'Purchase' }
    : { orderId: c.openOrder.id, orderType: c.openOrder.orderType },
];
const relay = (probes: (c: Ctx) => Record<string, unknown>[]): CommandSpec<Ctx> => ({
  payload: relayPayload,
  roles: ['system'],
  probes,
});

export const agreementCommandSpecs = {
  'order.placed': relay(openOrFresh),
  'order.completed': relay(openOrFresh),
  'order.failed': relay(openOrFresh),
  'order.deleted': relay(openOrFresh),
  'agreement.terminate': { payload: {}, roles: ['system'] },
} satisfies Record<string, CommandSpec<Ctx>>;
