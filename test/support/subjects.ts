/**
 * One or more inputs for every machine the package exports, chosen so that together they reach
 * every status: the tamper test, the persistence property and the differential test walk from them.
 */
import {
  fulfillmentRequestMachine,
  subscriptionMachine,
  tierConfigRequestMachine,
} from 'subscription-machines';
import {
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from 'subscription-machines/marketplace';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import type { AnyStateMachine } from 'xstate';
import { ALL_ON, requestInput, subscriptionInput, tierConfigInput } from './connect';

export interface Subject {
  /** The export's name, as in `test/support/machines.ts`. */
  readonly name: string;
  readonly machine: AnyStateMachine;
  readonly inputs: readonly unknown[];
}

export const SUBJECTS: readonly Subject[] = [
  {
    name: 'subscriptionMachine',
    machine: subscriptionMachine,
    inputs: [subscriptionInput({ capabilities: ALL_ON, draft: true })],
  },
  {
    name: 'fulfillmentRequestMachine',
    machine: fulfillmentRequestMachine,
    inputs: [
      requestInput({ capabilities: ALL_ON, draft: true }),
      requestInput({ capabilities: ALL_ON }),
    ],
  },
  {
    name: 'tierConfigRequestMachine',
    machine: tierConfigRequestMachine,
    inputs: [
      tierConfigInput({ draft: true, waitsForTier2: true }),
      tierConfigInput({ requestType: 'update', draft: true }),
    ],
  },
  {
    name: 'marketplaceOrderMachine',
    machine: marketplaceOrderMachine,
    inputs: [
      {
        id: 'ORD-1234-5678-9012-3456',
        orderType: 'Purchase',
        agreementId: 'AGR-1234-5678-9012-3456',
        at: '2026-01-05T09:00:00Z',
        by: { role: 'client' },
        lines: [{ id: 'ALI-0001', item: { id: 'ITM-0001' }, quantity: 10 }],
        parameters: {
          ordering: [{ externalId: 'domain', value: 'contoso.com' }],
          fulfillment: [{ externalId: 'tenantId' }],
        },
      },
    ],
  },
  {
    name: 'marketplaceSubscriptionMachine',
    machine: marketplaceSubscriptionMachine,
    inputs: [
      {
        id: 'SUB-2119-4550-8674-5962',
        agreementId: 'AGR-2119-4550-8674-0001',
        productId: 'PRD-1111-2222',
        at: '2026-01-31T00:00:00Z',
        by: { role: 'system' },
        terms: { period: '1m', commitment: '1y' },
        createdBy: 'order',
        orderId: 'ORD-2119-4550-8674-0001',
        lines: [
          { id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 },
        ],
      },
    ],
  },
  {
    name: 'marketplaceAgreementMachine',
    machine: marketplaceAgreementMachine,
    inputs: [
      {
        id: 'AGR-2119-4550-8674-0001',
        orderId: 'ORD-2119-4550-8674-0001',
        at: '2026-01-31T00:00:00Z',
        by: { role: 'system' },
      },
    ],
  },
  {
    name: 'opencellSubscriptionMachine',
    machine: opencellSubscriptionMachine,
    inputs: [
      {
        code: 'SUB-42',
        offerCode: 'OF_BASIC',
        consumerId: 'CUST-1',
        at: '2026-01-05T09:00:00Z',
        by: { role: 'operator' },
        products: [{ code: 'PR_DATA', quantity: 1 }],
        accessPoints: [{ code: 'AP-1' }],
      },
      {
        code: 'SUB-43',
        offerCode: 'OF_BASIC',
        consumerId: 'CUST-1',
        at: '2026-01-31T09:00:00Z',
        by: { role: 'operator' },
        products: [{ code: 'PR_DATA', quantity: 1, attributes: { speed: '1G' } }],
        renewalRule: {
          initialyActiveFor: 1,
          autoRenew: true,
          renewFor: 1,
          daysNotifyRenewal: 3,
          extendAgreementPeriodToSubscribedTillDate: true,
        },
      },
    ],
  },
];
