import {
  type CommandOf,
  type EmittedOf,
  execute,
  type RoleOf,
  type StatusOf,
  start,
  statusOf,
} from 'subscription-machines';
import {
  type AgreementStatus,
  fromMarketplaceSubscription,
  type MarketplaceRole,
  type MarketplaceSubscriptionInput,
  type MarketplaceSubscriptionJson,
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
  type OrderStatus,
  type SubscriptionRenewed,
  type SubscriptionStatus,
  toMarketplaceSubscription,
} from 'subscription-machines/marketplace';
import { expectTypeOf, test } from 'vitest';
import { createActor } from 'xstate';

const at = '2026-01-31T00:00:00Z';
const order = start(marketplaceOrderMachine, {
  id: 'ORD-1234-5678-9012-3456',
  orderType: 'Purchase',
  agreementId: 'AGR-1234-5678-9012-3456',
  at,
  by: { role: 'client' },
});
const subscriptionInput: MarketplaceSubscriptionInput = {
  id: 'SUB-2119-4550-8674-5962',
  agreementId: 'AGR-2119-4550-8674-0001',
  productId: 'PRD-1111-2222',
  at,
  by: { role: 'vendor' },
  terms: { period: '1m', commitment: '1y' },
  createdBy: 'vendor',
  lines: [],
};
const subscription = start(marketplaceSubscriptionMachine, subscriptionInput);

test('statuses and roles are the platform own unions; start is not a status', () => {
  expectTypeOf<StatusOf<typeof marketplaceOrderMachine>>().toEqualTypeOf<OrderStatus>();
  expectTypeOf<
    StatusOf<typeof marketplaceSubscriptionMachine>
  >().toEqualTypeOf<SubscriptionStatus>();
  expectTypeOf<StatusOf<typeof marketplaceAgreementMachine>>().toEqualTypeOf<AgreementStatus>();
  expectTypeOf(statusOf(subscription)).toEqualTypeOf<SubscriptionStatus>();
  expectTypeOf<RoleOf<typeof marketplaceOrderMachine>>().toEqualTypeOf<MarketplaceRole>();
  expectTypeOf<RoleOf<typeof marketplaceSubscriptionMachine>>().toEqualTypeOf<MarketplaceRole>();
});

test('execute accepts well-typed commands and rejects the rest at compile time', () => {
  execute(marketplaceOrderMachine, order, { type: 'order.place', at, by: { role: 'client' } });
  execute(marketplaceOrderMachine, order, {
    type: 'order.complete',
    templateId: 'TPL-1',
    at,
    by: { role: 'vendor' },
  });
  // @ts-expect-error: an unknown command type
  execute(marketplaceOrderMachine, order, { type: 'order.approve', at, by: { role: 'vendor' } });
  // @ts-expect-error: order.complete needs templateId
  execute(marketplaceOrderMachine, order, { type: 'order.complete', at, by: { role: 'vendor' } });
  // @ts-expect-error: buyer is Connect's role, not the Marketplace's
  execute(marketplaceOrderMachine, order, { type: 'order.place', at, by: { role: 'buyer' } });
  execute(marketplaceSubscriptionMachine, subscription, {
    type: 'order.placed',
    orderId: 'ORD-1234-5678-9012-3456',
    orderType: 'Change',
    at,
    by: { role: 'system' },
  });
  execute(marketplaceSubscriptionMachine, subscription, {
    type: 'order.placed',
    // @ts-expect-error: not an order type
    orderType: 'Renewal',
    orderId: 'ORD-1234-5678-9012-3456',
    at,
    by: { role: 'system' },
  });
  // @ts-expect-error: order.failed needs orderId
  execute(marketplaceSubscriptionMachine, subscription, {
    type: 'order.failed',
    orderType: 'Change',
    at,
    by: { role: 'system' },
  });
});

test('actor.send is typed the same way', () => {
  const actor = createActor(marketplaceSubscriptionMachine, { input: subscriptionInput });
  actor.send({ type: 'clock.tick', at, by: { role: 'system' } });
  actor.send({ type: 'subscription.terminate', reason: 'fraud', at, by: { role: 'vendor' } });
  // @ts-expect-error: an unknown command type
  actor.send({ type: 'subscription.suspend', at, by: { role: 'vendor' } });
  // @ts-expect-error: an unknown role
  actor.send({ type: 'clock.tick', at, by: { role: 'admin' } });
  // @ts-expect-error: order.completed needs orderType
  actor.send({
    type: 'order.completed',
    orderId: 'ORD-1234-5678-9012-3456',
    at,
    by: { role: 'system' },
  });
  const agreement = createActor(marketplaceAgreementMachine, {
    input: {
      id: 'AGR-2119-4550-8674-0001',
      orderId: 'ORD-1234-5678-9012-3456',
      at,
      by: { role: 'system' },
    },
  });
  // @ts-expect-error: agreement.terminate has no payload
  agreement.send({ type: 'agreement.terminate', reason: 'x', at, by: { role: 'system' } });
  expectTypeOf<CommandOf<typeof marketplaceAgreementMachine>['type']>().toEqualTypeOf<
    | 'order.placed'
    | 'order.completed'
    | 'order.failed'
    | 'order.deleted'
    | 'agreement.terminate'
  >();
});

test('inputs, emitted events and the adapter are typed', () => {
  // @ts-expect-error: createdBy is required
  start(marketplaceSubscriptionMachine, { ...subscriptionInput, createdBy: undefined });
  start(marketplaceSubscriptionMachine, {
    ...subscriptionInput,
    // @ts-expect-error: commitment is 1m, 1y or 3y
    terms: { period: '1m', commitment: '2y' },
  });
  expectTypeOf<SubscriptionRenewed>().toExtend<EmittedOf<typeof marketplaceSubscriptionMachine>>();
  expectTypeOf(
    toMarketplaceSubscription(subscription),
  ).toEqualTypeOf<MarketplaceSubscriptionJson>();
  expectTypeOf(fromMarketplaceSubscription).returns.toEqualTypeOf<MarketplaceSubscriptionInput>();
});
