/**
 * The commands of an agreement: the platform (`system`) relays its orders and the end of its last
 * subscription. And the input that creates an agreement.
 */
import { created } from '../core/bookkeeping';
import { boolean, instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { CommandSpec } from '../core/spec';
import type { MarketplaceAgreementContext, MarketplaceAgreementInput } from './agreement.types';
import { agreementIdSchema, orderIdSchema } from './ids';
import { relayPayload, unusedOrderId } from './open-order';
import { MARKETPLACE_ROLES } from './platform';

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

const inputSchema = object({
  id: agreementIdSchema,
  orderId: orderIdSchema,
  draft: optional(boolean),
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
});

/** The context of a new agreement. Throws a `TypeError` naming the bad input field. */
export function agreementContext(input: MarketplaceAgreementInput): Ctx {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`marketplaceAgreementMachine ${error}`);
  return {
    id: input.id,
    draft: input.draft === true,
    openOrder: { id: input.orderId, orderType: 'Purchase' },
    ...created(input),
  };
}
