/** Bad commands for a SoftwareOne Marketplace subscription (Active) and order (Draft). */
import type { BadCommand, BadInput } from './types';
import { json } from './types';

const T0 = '2026-01-31T00:00:00Z';
const T1 = '2026-02-01T00:00:00Z';

export const subscriptionEdgeInput = {
  id: 'SUB-2119-4550-8674-5962',
  agreementId: 'AGR-2119-4550-8674-0001',
  productId: 'PRD-1111-2222',
  at: T0,
  by: { role: 'vendor' },
  terms: { period: '1m', commitment: '1y' },
  createdBy: 'vendor',
  lines: [{ id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 }],
};

export const orderEdgeInput = {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Purchase',
  agreementId: 'AGR-1234-5678-9012-3456',
  at: T0,
  by: { role: 'client' },
  lines: [{ id: 'ALI-0001', item: { id: 'ITM-0001' }, quantity: 10 }],
  parameters: { ordering: [{ externalId: 'domain', value: 'contoso.com' }] },
};

const terminate = {
  type: 'subscription.terminate',
  at: T1,
  by: { role: 'vendor' },
  reason: 'churn',
};
const subscriptionCases: [string, unknown, BadCommand['code']][] = [
  ['null body', null, 'INVALID_COMMAND'],
  ['an unknown key', { ...terminate, colour: 'red' }, 'INVALID_COMMAND'],
  [
    '__proto__ in by',
    json(
      `{"type":"subscription.terminate","at":"${T1}","by":{"role":"vendor","__proto__":{}},"reason":"x"}`,
    ),
    'INVALID_COMMAND',
  ],
  ['a Connect role', { ...terminate, by: { role: 'buyer' } }, 'INVALID_COMMAND'],
  ['reason is a number', { ...terminate, reason: 5 }, 'INVALID_COMMAND'],
  ['a stale expectedVersion', { ...terminate, expectedVersion: 3 }, 'STALE_VERSION'],
  ['out of order', { ...terminate, at: '2026-01-01T00:00:00Z' }, 'OUT_OF_ORDER'],
  [
    'an order completed that was never placed',
    {
      type: 'order.completed',
      at: T1,
      by: { role: 'system' },
      orderId: 'ORD-2119-4550-8674-0009',
      orderType: 'Change',
    },
    'INVALID_STATE',
  ],
];

const complete = { type: 'order.complete', at: T1, by: { role: 'vendor' }, templateId: 'TPL-done' };
const orderCases: [string, unknown, BadCommand['code']][] = [
  ['an array', [complete], 'INVALID_COMMAND'],
  ['an unknown type', { ...complete, type: 'order.teleport' }, 'INVALID_COMMAND'],
  [
    'constructor at the top',
    json(`{"type":"order.quote","at":"${T1}","by":{"role":"client"},"constructor":{}}`),
    'INVALID_COMMAND',
  ],
  [
    '__proto__ in a parameter',
    json(
      `{"type":"order.process","at":"${T1}","by":{"role":"client"},"parameters":{"ordering":[{"externalId":"domain","value":"x","__proto__":{}}]}}`,
    ),
    'INVALID_COMMAND',
  ],
  ['complete a draft', complete, 'INVALID_STATE'],
  ['the vendor quotes', { type: 'order.quote', at: T1, by: { role: 'vendor' } }, 'FORBIDDEN_ROLE'],
  ['templateId is empty', { ...complete, templateId: '' }, 'INVALID_COMMAND'],
];

export const marketplaceCommands: BadCommand[] = [
  ...subscriptionCases.map(([name, command, code]) => ({
    machine: 'marketplace-subscription' as const,
    name,
    input: subscriptionEdgeInput,
    command,
    code,
  })),
  ...orderCases.map(([name, command, code]) => ({
    machine: 'marketplace-order' as const,
    name,
    input: orderEdgeInput,
    command,
    code,
  })),
];

export const marketplaceInputs: BadInput[] = [
  {
    machine: 'marketplace-subscription',
    name: 'an id of another platform',
    input: { ...subscriptionEdgeInput, id: 'AS-1' },
  },
  {
    machine: 'marketplace-subscription',
    name: 'no terms',
    input: { ...subscriptionEdgeInput, terms: undefined },
  },
  {
    machine: 'marketplace-order',
    name: 'an unknown order type',
    input: { ...orderEdgeInput, orderType: 'Gift' },
  },
  { machine: 'marketplace-order', name: 'null', input: null },
];
