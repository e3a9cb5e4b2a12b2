import {
  type CommandOf,
  type EmittedOf,
  execute,
  type RejectionOf,
  type RoleOf,
  type SnapshotOf,
  type StatusOf,
  start,
  statusOf,
} from 'subscription-machines';
import {
  type AGREEMENT_REJECTION_CODES,
  type AgreementStatus,
  type ChangedLine,
  fromMarketplaceOrder,
  fromMarketplaceSubscription,
  type MarketplaceAgreementCommandOf,
  type MarketplaceAgreementPayload,
  type MarketplaceAgreementRejection,
  type MarketplaceAgreementSnapshot,
  type MarketplaceOrderCommandOf,
  type MarketplaceOrderJson,
  type MarketplaceOrderPayload,
  type MarketplaceOrderRejection,
  type MarketplaceOrderRejectionCode,
  type MarketplaceOrderSnapshot,
  type MarketplaceRole,
  type MarketplaceSubscriptionCommandOf,
  type MarketplaceSubscriptionInput,
  type MarketplaceSubscriptionJson,
  type MarketplaceSubscriptionPayload,
  type MarketplaceSubscriptionRejection,
  type MarketplaceSubscriptionSnapshot,
  type Message,
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
  type ORDER_REJECTION_CODES,
  type OrderStatus,
  type OrderType,
  type Parameters,
  type SUBSCRIPTION_REJECTION_CODES,
  type SubscriptionRenewed,
  type SubscriptionStatus,
  toMarketplaceOrder,
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

test('every machine has readable type names: snapshot, rejection, command by type, payload', () => {
  expectTypeOf<MarketplaceOrderSnapshot>().toEqualTypeOf<SnapshotOf<typeof marketplaceOrderMachine>>();
  expectTypeOf<MarketplaceSubscriptionSnapshot>().toEqualTypeOf<
    SnapshotOf<typeof marketplaceSubscriptionMachine>
  >();
  expectTypeOf<MarketplaceAgreementSnapshot>().toEqualTypeOf<
    SnapshotOf<typeof marketplaceAgreementMachine>
  >();
  expectTypeOf<MarketplaceOrderRejection>().toEqualTypeOf<
    RejectionOf<typeof marketplaceOrderMachine>
  >();
  expectTypeOf<MarketplaceSubscriptionRejection>().toEqualTypeOf<
    RejectionOf<typeof marketplaceSubscriptionMachine>
  >();
  expectTypeOf<MarketplaceAgreementRejection>().toEqualTypeOf<
    RejectionOf<typeof marketplaceAgreementMachine>
  >();
  expectTypeOf<MarketplaceOrderCommandOf<'order.fail'>['statusNotes']>().toEqualTypeOf<
    Message | string
  >();
  expectTypeOf<MarketplaceOrderPayload<'order.query'>>().toEqualTypeOf<
    Omit<MarketplaceOrderCommandOf<'order.query'>, 'type' | 'at' | 'by' | 'commandId' | 'expectedVersion'>
  >();
  expectTypeOf<MarketplaceSubscriptionCommandOf<'subscription.terminate'>['reason']>().toEqualTypeOf<string>();
  expectTypeOf<MarketplaceAgreementCommandOf<'agreement.terminate'>['type']>().toEqualTypeOf<'agreement.terminate'>();
  expectTypeOf<MarketplaceSubscriptionPayload<'order.completed'>['lines']>().toEqualTypeOf<
    readonly ChangedLine[] | undefined
  >();
  expectTypeOf<MarketplaceAgreementPayload<'order.placed'>['orderType']>().toEqualTypeOf<OrderType>();
});

test("each machine's rejection names only the codes it can give", () => {
  expectTypeOf<MarketplaceOrderRejection['code']>().toEqualTypeOf<
    (typeof ORDER_REJECTION_CODES)[number]
  >();
  expectTypeOf<'REQUEST_IN_PROGRESS'>().not.toExtend<MarketplaceOrderRejection['code']>();
  expectTypeOf<MarketplaceSubscriptionRejection['code']>().toEqualTypeOf<
    (typeof SUBSCRIPTION_REJECTION_CODES)[number]
  >();
  expectTypeOf<'NO_PARAMETER_ERRORS'>().not.toExtend<MarketplaceSubscriptionRejection['code']>();
  expectTypeOf<MarketplaceAgreementRejection['code']>().toEqualTypeOf<
    (typeof AGREEMENT_REJECTION_CODES)[number]
  >();
  expectTypeOf<'REASON_REQUIRED'>().not.toExtend<MarketplaceAgreementRejection['code']>();
  const result = execute(marketplaceOrderMachine, order, {
    type: 'order.place',
    at,
    by: { role: 'client' },
  });
  if (!result.ok) expectTypeOf(result.rejection.code).toEqualTypeOf<MarketplaceOrderRejectionCode>();
});

test('a required reason is required in the command types (blank is REASON_REQUIRED at run time)', () => {
  execute(marketplaceOrderMachine, order, {
    type: 'order.fail',
    statusNotes: { id: 'ERR-1', message: 'No stock' },
    at,
    by: { role: 'vendor' },
  });
  execute(marketplaceOrderMachine, order, {
    type: 'order.fail',
    statusNotes: 'No stock',
    at,
    by: { role: 'vendor' },
  });
  // @ts-expect-error: order.fail needs statusNotes
  execute(marketplaceOrderMachine, order, { type: 'order.fail', at, by: { role: 'vendor' } });
  // @ts-expect-error: subscription.terminate needs a reason
  execute(marketplaceSubscriptionMachine, subscription, {
    type: 'subscription.terminate',
    at,
    by: { role: 'vendor' },
  });
  execute(marketplaceOrderMachine, order, {
    type: 'order.query',
    // @ts-expect-error: parameters are grouped, ordering[] and fulfillment[]
    parameters: [{ id: 'PAR-1', error: { id: 'E', message: 'm' } }],
    at,
    by: { role: 'vendor' },
  });
});

test('the order adapters are typed', () => {
  expectTypeOf(toMarketplaceOrder(order)).toEqualTypeOf<MarketplaceOrderJson>();
  expectTypeOf(fromMarketplaceOrder).returns.toEqualTypeOf<MarketplaceOrderSnapshot>();
  expectTypeOf<MarketplaceOrderJson['parameters']>().toEqualTypeOf<Parameters>();
});
