/**
 * A SoftwareOne Marketplace subscription, as the subscription state diagram of the Marketplace
 * Platform docs (softwareone-platform/docs, commerce API) draws it. Its status is a by-product of
 * orders, which the platform relays; the descriptions quote the diagram's arrows.
 */
import { assign, setup } from 'xstate';
import { commandMachine, guardImplementations } from '../core/machine';
import type { AnyCommand, EmittedBase, MachineSpec, Subject } from '../core/spec';
import { commitmentOf, renewedCommitmentDate } from './commitment';
import { setQuantities } from './lines';
import { orderAudit, type Relayed } from './open-order';
import { MARKETPLACE_ROLES } from './platform';
import { subscriptionCommandSpecs, subscriptionContext } from './subscription.commands';
import { subscriptionContextSchema, subscriptionInvariants } from './subscription.persist';
import { subscriptionGuards } from './subscription.rules';
import {
  FINAL_SUBSCRIPTION_STATUSES,
  type MarketplaceSubscriptionCommand,
  type MarketplaceSubscriptionContext,
  type MarketplaceSubscriptionEmitted,
  type MarketplaceSubscriptionInput,
  SUBSCRIPTION_STATUSES,
  type SubscriptionCommandOf,
  type SubscriptionRenewed,
} from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;
const completed = (event: unknown) => event as SubscriptionCommandOf<'order.completed'>;

// In every status with an open order, another order is REQUEST_IN_PROGRESS (one at a time).
const oneOrderAtATime = { guard: 'noOrderInProgress' } as const;

const base = setup({
  types: {} as {
    context: Ctx;
    events: MarketplaceSubscriptionCommand;
    input: MarketplaceSubscriptionInput;
    emitted: MarketplaceSubscriptionEmitted;
  },
  guards: guardImplementations<Ctx, MarketplaceSubscriptionCommand>(subscriptionGuards as never),
  actions: {
    openOrder: assign({
      openOrder: ({ event }) => {
        const { orderId, orderType } = event as unknown as Relayed;
        return { id: orderId, orderType };
      },
    }),
    closeOrder: assign({
      openOrder: null,
      orders: ({ context, event }) => {
        const { orderId, orderType } = event as unknown as Relayed;
        const status = event.type === 'order.completed' ? 'Completed' : 'Failed';
        return [...context.orders, { id: orderId, orderType, status }];
      },
    }),
    // A Change sets the lines' absolute quantities; a Configuration switches auto-renewal.
    applyOrder: assign(({ context, event }) => {
      const { lines, autoRenew } = completed(event);
      return {
        ...(lines === undefined ? {} : { lines: setQuantities(context.lines, lines) }),
        ...(autoRenew === undefined ? {} : { autoRenew }),
      };
    }),
    // The Purchase order's completion starts the subscription, and its first commitment.
    activate: assign(({ context, event }) => {
      if (context.commitmentDate !== undefined) return {};
      const startDate = context.startDate ?? (event as { at: string }).at;
      return { startDate, ...commitmentOf(startDate, context.terms.commitment) };
    }),
    recordTermination: assign(({ event }) => {
      // The vendor's termination carries a reason; a Termination order's completion does not.
      const { at, reason } = event as { at: string; reason?: string };
      return {
        terminationDate: at,
        ...(reason === undefined ? {} : { terminationReason: reason }),
      };
    }),
    renew: assign({
      commitmentDate: ({ context, event }) =>
        renewedCommitmentDate(
          context.renewalAnchor ?? '',
          context.terms.commitment,
          (event as { at: string }).at,
        ),
    }),
  },
}).createMachine({
  id: 'marketplaceSubscription',
  description:
    'A SoftwareOne Marketplace subscription, as the subscription state diagram of the Marketplace Platform docs (softwareone-platform/docs, commerce API) draws it.',
  context: ({ input }) => subscriptionContext(input),
  initial: 'start',
  states: {
    start: {
      description:
        'Marketplace docs, subscription state diagram: Transient (the diagram\'s New): "Subscription created during order fulfilment" → Draft, or "Vendor creates without order" → Active. Never a resting status.',
      always: [{ guard: 'awaitsPurchase', target: 'Draft' }, { target: 'Active' }],
    },
    Draft: {
      description:
        'Marketplace docs, subscription state diagram: Created during the Purchase order\'s fulfilment: "Order completed" → Active, "Order failed" → Deleted.',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': {
          guard: 'completesOpenOrder',
          target: 'Active',
          actions: ['activate', 'closeOrder'],
        },
        'order.failed': { guard: 'failsOpenOrder', target: 'Deleted', actions: 'closeOrder' },
      },
    },
    Active: {
      description:
        'Marketplace docs, subscription state diagram: In use. "Change, configuration or terminate order placed" → Updating or Terminating; "Vendor terminates without order"; at commitmentDate it renews, or "Subscription not renewed" → Expired.',
      on: {
        'order.placed': [
          { guard: 'placesTermination', target: 'Terminating', actions: 'openOrder' },
          { guard: 'placesUpdate', target: 'Updating', actions: 'openOrder' },
        ],
        'subscription.terminate': {
          guard: 'canTerminate',
          target: 'Terminated',
          actions: 'recordTermination',
        },
        'clock.tick': [
          { guard: 'renewalDue', actions: 'renew' },
          { guard: 'expiryDue', target: 'Expired' },
        ],
      },
    },
    Updating: {
      description:
        'Marketplace docs, subscription state diagram: A Change or Configuration order is open: "completed/failed" → Active. The commitment still renews at its date (ours).',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': {
          guard: 'completesOpenOrder',
          target: 'Active',
          actions: ['applyOrder', 'closeOrder'],
        },
        'order.failed': { guard: 'failsOpenOrder', target: 'Active', actions: 'closeOrder' },
        'clock.tick': { guard: 'renewalDue', actions: 'renew' },
      },
    },
    Terminating: {
      description:
        'Marketplace docs, subscription state diagram: A Termination order is open: "Termination order completed" → Terminated, "Termination order failed" → Active.',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': {
          guard: 'completesOpenOrder',
          target: 'Terminated',
          actions: ['closeOrder', 'recordTermination'],
        },
        'order.failed': { guard: 'failsOpenOrder', target: 'Active', actions: 'closeOrder' },
      },
    },
    Terminated: {
      type: 'final',
      description:
        'Marketplace docs, subscription state diagram: "Termination order completed" or "Vendor terminates without order" (final); terminationDate is set.',
    },
    Expired: {
      type: 'final',
      description:
        'Marketplace docs, subscription state diagram: "Subscription not renewed" (final): auto-renew was off at commitmentDate.',
    },
    Deleted: {
      type: 'final',
      description:
        'Marketplace docs, subscription state diagram: Draft "Order failed" (final): the Purchase order that created it failed.',
    },
  },
});

/** The audit's order id for relayed orders; `renewed` and `expired` for what a tick caused. */
function subscriptionChanges(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const requestId = orderAudit(command);
  const previous = before.context.commitmentDate;
  const next = after.context.commitmentDate;
  if (
    command.type === 'clock.tick' &&
    previous !== undefined &&
    next !== undefined &&
    previous !== next
  ) {
    const renewed: SubscriptionRenewed = {
      type: 'subscription.renewed',
      subscriptionId: after.context.id,
      previousCommitmentDate: previous,
      commitmentDate: next,
      at: command.at,
    };
    return { emitted: [renewed] as EmittedBase[], audit: { ...requestId, event: 'renewed' } };
  }
  if (after.status === 'Expired') return { audit: { ...requestId, event: 'expired' } };
  return { audit: requestId };
}

const subscriptionSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.subscription',
  schemaVersion: 1,
  statuses: SUBSCRIPTION_STATUSES,
  finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: subscriptionCommandSpecs,
  guards: subscriptionGuards,
  context: subscriptionContextSchema,
  invariants: subscriptionInvariants,
  subjectIds: (c) => ({
    subscriptionId: c.id,
    ...(c.openOrder?.id === undefined ? {} : { requestId: c.openOrder.id }),
  }),
  changes: subscriptionChanges,
};

/**
 * A SoftwareOne Marketplace subscription: `Draft, Active, Updating, Terminating, Terminated,
 * Expired, Deleted`, moved by relayed orders, the vendor's termination and `clock.tick`.
 *
 * @example
 * ```ts
 * import { execute, start } from 'subscription-machines';
 * import { marketplaceSubscriptionMachine } from 'subscription-machines/marketplace';
 *
 * const sub = start(marketplaceSubscriptionMachine, {
 *   id: 'SUB-2119-4550-8674-5962', agreementId: 'AGR-2119-4550-8674-0001',
 *   productId: 'PRD-1111-2222', at: '2026-01-31T00:00:00Z', by: { role: 'vendor' },
 *   terms: { period: '1m', commitment: '1m' }, createdBy: 'vendor', lines: [],
 * });
 * sub.context.commitmentDate; // '2026-02-28T00:00:00Z'
 * const tick = execute(marketplaceSubscriptionMachine, sub, {
 *   type: 'clock.tick', at: '2026-02-28T00:00:00Z', by: { role: 'system' },
 * });
 * tick.ok && tick.snapshot.context.commitmentDate; // '2026-03-31T00:00:00Z' (renewed)
 * ```
 */
export const marketplaceSubscriptionMachine = commandMachine(base, subscriptionSpec as never);

/** The machine type of {@link marketplaceSubscriptionMachine}. */
export type MarketplaceSubscriptionMachine = typeof marketplaceSubscriptionMachine;
