/**
 * A SoftwareOne Marketplace subscription, as the subscription state diagram of the Marketplace
 * Platform docs (softwareone-platform/docs, commerce API) draws it. Its status is a by-product of
 * orders, which the platform relays; the descriptions quote the diagram's arrows.
 */
import { assign, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { AnyCommand, EmittedBase, MachineSpec, Subject } from '../core/spec';
import { orderAudit } from './open-order';
import { MARKETPLACE_ROLES } from './platform';
import { type StampParams, stamp, stamped } from './stamps';
import {
  activated,
  applied,
  closed,
  ended,
  opened,
  renewed,
  subscriptionCommandSpecs,
  subscriptionContext,
} from './subscription.commands';
import { subscriptionContextSchema, subscriptionInvariants } from './subscription.persist';
import { subscriptionGuards } from './subscription.rules';
import {
  FINAL_SUBSCRIPTION_STATUSES,
  type MarketplaceSubscriptionCommand,
  type MarketplaceSubscriptionCommandOf,
  type MarketplaceSubscriptionContext,
  type MarketplaceSubscriptionEmitted,
  type MarketplaceSubscriptionInput,
  SUBSCRIPTION_STATUSES,
  type SubscriptionRenewed,
} from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;
type Type = MarketplaceSubscriptionCommand['type'];
// The one cast of the chart's actions: each action runs on its own command types only.
const as = <T extends Type>(event: unknown) => event as MarketplaceSubscriptionCommandOf<T>;

// In every status with an open order, another order is REQUEST_IN_PROGRESS (one at a time).
const oneOrderAtATime = { guard: 'noOrderInProgress' } as const;

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
    const renewal: SubscriptionRenewed = {
      type: 'subscription.renewed',
      subscriptionId: after.context.id,
      previousCommitmentDate: previous,
      commitmentDate: next,
      at: command.at,
    };
    return { emitted: [renewal] as EmittedBase[], audit: { ...requestId, event: 'renewed' } };
  }
  if (after.status === 'Expired') return { audit: { ...requestId, event: 'expired' } };
  return { audit: requestId };
}

const subscriptionSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.subscription',
  schemaVersion: 2,
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

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: MarketplaceSubscriptionCommand;
    input: MarketplaceSubscriptionInput;
    emitted: MarketplaceSubscriptionEmitted;
  },
  guards: guardImplementations<Ctx, MarketplaceSubscriptionCommand>(subscriptionGuards),
  actions: {
    openOrder: assign(({ event }) => opened(as<'order.placed'>(event))),
    closeOrder: assign(({ context, event }) =>
      closed(
        context,
        as<'order.failed'>(event),
        event.type === 'order.completed' ? 'Completed' : 'Failed',
      ),
    ),
    applyOrder: assign(({ context, event }) => applied(context, as<'order.completed'>(event))),
    activate: assign(({ context, event }) => activated(context, event.at)),
    // The vendor's termination carries a reason; a Termination order's completion does not.
    recordTermination: assign(({ context, event }) =>
      ended(context, event.at, event.type === 'subscription.terminate' ? event.reason : undefined),
    ),
    // A failed Termination order leaves no end date set ahead.
    dropTerminationDate: assign({ terminationDate: undefined }),
    forgetOrder: assign({ openOrder: null }),
    renew: assign(({ context, event }) => renewed(context, event.at)),
    // The API object's audit: the latest { at, by } of each event this transition stands for.
    stamp: assign(({ context, event }, { events }: StampParams) => ({
      stamps: stamped(context.stamps, event, events),
    })),
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
        'Marketplace docs, subscription state diagram: Created during the Purchase order\'s fulfilment: "Order completed" → Active, "Order failed" → Deleted; or deleted by the vendor (Marketplace docs, subscription states: Deleted).',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': {
          guard: 'completesOpenOrder',
          target: 'Active',
          actions: ['activate', 'closeOrder', stamp('activated')],
        },
        'order.failed': {
          guard: 'failsOpenOrder',
          target: 'Deleted',
          actions: ['closeOrder', stamp('failed')],
        },
        'subscription.delete': {
          guard: 'canDelete',
          target: 'Deleted',
          actions: ['forgetOrder', stamp()],
        },
      },
    },
    Active: {
      description:
        'Marketplace docs, subscription state diagram: In use. "Change, configuration or terminate order placed" → Updating or Terminating; "Vendor terminates without order"; at commitmentDate it renews, or "Subscription not renewed" → Expired.',
      on: {
        'order.placed': [
          {
            guard: 'placesTermination',
            target: 'Terminating',
            actions: ['openOrder', stamp('terminating')],
          },
          { guard: 'placesUpdate', target: 'Updating', actions: ['openOrder', stamp('updating')] },
        ],
        'subscription.terminate': {
          guard: 'canTerminate',
          target: 'Terminated',
          actions: ['recordTermination', stamp('terminated')],
        },
        'clock.tick': [
          { guard: 'renewalDue', actions: ['renew', stamp('renewed')] },
          { guard: 'expiryDue', target: 'Expired', actions: stamp('expired') },
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
          actions: ['applyOrder', 'closeOrder', stamp()],
        },
        'order.failed': {
          guard: 'failsOpenOrder',
          target: 'Active',
          actions: ['closeOrder', stamp('failed')],
        },
        'clock.tick': { guard: 'renewalDue', actions: ['renew', stamp('renewed')] },
      },
    },
    Terminating: {
      description:
        'Marketplace docs, subscription state diagram: A Termination order is open, its terminationDate possibly set ahead (subscription object: "the date by which the subscription must be terminated"): "Termination order completed" → Terminated, "Termination order failed" → Active.',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': {
          guard: 'completesOpenOrder',
          target: 'Terminated',
          actions: ['closeOrder', 'recordTermination', stamp('terminated')],
        },
        'order.failed': {
          guard: 'failsOpenOrder',
          target: 'Active',
          actions: ['closeOrder', 'dropTerminationDate', stamp('failed')],
        },
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
        'Marketplace docs, subscription state diagram: Draft "Order failed" (final): the Purchase order that created it failed; or, per the subscription states page, "the draft subscription has been deleted by the vendor".',
    },
  },
});

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
export const marketplaceSubscriptionMachine = /*#__PURE__*/ commandMachine(base, subscriptionSpec);

/** The machine type of {@link marketplaceSubscriptionMachine}. */
export type MarketplaceSubscriptionMachine = typeof marketplaceSubscriptionMachine;

/** A snapshot of {@link marketplaceSubscriptionMachine}. */
export type MarketplaceSubscriptionSnapshot = SnapshotOf<MarketplaceSubscriptionMachine>;
