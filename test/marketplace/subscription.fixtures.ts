/**
 * Inputs and commands shared by the subscription tests.
 */
import type {
  MarketplaceRole,
  MarketplaceSubscriptionCommand,
  MarketplaceSubscriptionInput,
  OrderType,
} from '../../src/marketplace';
import { minutesAfter } from './drive';

export const T0 = '2026-01-31T00:00:00Z';
export const at = (minutes: number) => minutesAfter(T0, minutes);
export const SUB = 'SUB-2119-4550-8674-5962';
export const PURCHASE = 'ORD-2119-4550-8674-0001';
export const CHANGE = 'ORD-2119-4550-8674-0002';
export const OTHER = 'ORD-2119-4550-8674-0003';

/** A subscription the vendor created without an order: Active from the start. */
export const vendorInput: MarketplaceSubscriptionInput = {
  id: SUB,
  agreementId: 'AGR-2119-4550-8674-0001',
  productId: 'PRD-1111-2222',
  name: 'Subscription for Microsoft Office 365 NCE E1',
  at: T0,
  by: { role: 'vendor' },
  terms: { period: '1m', commitment: '1y' },
  createdBy: 'vendor',
  lines: [{ id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 }],
  parameters: {
    fulfillment: [{ externalId: 'tenantId', id: 'PRM-1111-2222-0001', value: 'contoso' }],
  },
  externalIds: { vendor: 'V-42' },
};

/** A subscription created during its Purchase order's fulfilment: Draft. */
export const orderInput: MarketplaceSubscriptionInput = {
  ...vendorInput,
  by: { role: 'system' },
  createdBy: 'order',
  orderId: PURCHASE,
};

/** A command from `role` at minute `minute`, with its payload. */
export function cmd(
  type: MarketplaceSubscriptionCommand['type'],
  role: MarketplaceRole,
  minute: number,
  payload: object = {},
): MarketplaceSubscriptionCommand {
  return { type, at: at(minute), by: { role }, ...payload } as MarketplaceSubscriptionCommand;
}

/** The platform relaying what happened to an order. */
export const relay = (
  what: 'placed' | 'completed' | 'failed',
  orderId: string,
  orderType: OrderType,
  minute: number,
  payload: object = {},
) => cmd(`order.${what}`, 'system', minute, { orderId, orderType, ...payload });

export const tick = (when: string) =>
  ({ type: 'clock.tick', at: when, by: { role: 'system' } }) as const;
