/**
 * Inputs and commands shared by the order tests.
 */
import type {
  MarketplaceOrderCommand,
  MarketplaceOrderInput,
  MarketplaceRole,
} from '../../src/marketplace';
import { minutesAfter } from './drive';

export const T0 = '2026-01-05T09:00:00Z';
export const at = (minutes: number) => minutesAfter(T0, minutes);
export const input: MarketplaceOrderInput = {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Purchase',
  agreementId: 'AGR-1234-5678-9012-3456',
  at: T0,
  by: { role: 'client' },
  lines: [{ id: 'ALI-0001', item: { id: 'ITM-0001' }, quantity: 10 }],
  parameters: {
    ordering: [{ externalId: 'domain', id: 'PRM-1234-1234-1234-0001', value: 'contoso.com' }],
    fulfillment: [{ externalId: 'tenantId', constraints: { required: true } }],
  },
};
export const domainTaken = { id: 'ERR-1', message: 'The domain is taken' };
export const withError: MarketplaceOrderInput = {
  ...input,
  parameters: {
    ordering: [{ externalId: 'domain', value: 'contoso.com', error: domainTaken }],
  },
};

/** A command of type `type` from `role` at minute `minute`, with its payload. */
export function cmd<T extends MarketplaceOrderCommand['type']>(
  type: T,
  role: MarketplaceRole,
  minute: number,
  payload: object = {},
): MarketplaceOrderCommand {
  return { type, at: at(minute), by: { role }, ...payload } as MarketplaceOrderCommand;
}

export const validate = cmd('order.validate', 'system', 1);
export const quote = cmd('order.quote', 'client', 2);
export const place = cmd('order.place', 'client', 3);
export const query = cmd('order.query', 'vendor', 4, {
  parameters: { ordering: [{ externalId: 'domain', error: domainTaken }] },
  templateId: 'TPL-query',
});
export const answer = cmd('order.process', 'client', 5, {
  parameters: { ordering: [{ externalId: 'domain', value: 'contoso.net' }] },
});
export const complete = cmd('order.complete', 'vendor', 6, {
  templateId: 'TPL-done',
  parameters: { fulfillment: [{ externalId: 'tenantId', value: 'a1b2-c3d4' }] },
});
export const regionNotes = { id: 'ERR-REGION', message: 'The vendor cannot serve this region' };
export const fail = (role: MarketplaceRole) =>
  cmd('order.fail', role, 6, { statusNotes: regionNotes });
export const remove = cmd('order.delete', 'client', 4);
