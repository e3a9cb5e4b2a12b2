/**
 * A SoftwareOne Marketplace order, as the order state diagram of the Marketplace Platform docs
 * (softwareone-platform/docs, commerce API) draws it. The descriptions quote the diagram's arrows.
 */
import { assign, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import {
  answered,
  completed,
  failed,
  type OrderCommandType,
  orderCommandSpecs,
  orderContext,
  queried,
  validated,
} from './order.commands';
import { orderContextSchema, orderInvariants } from './order.persist';
import { orderGuards } from './order.rules';
import {
  FINAL_ORDER_STATUSES,
  type MarketplaceOrderCommand,
  type MarketplaceOrderCommandOf,
  type MarketplaceOrderContext,
  type MarketplaceOrderEmitted,
  type MarketplaceOrderInput,
  ORDER_STATUSES,
} from './order.types';
import { MARKETPLACE_ROLES } from './platform';
import { type StampParams, stamp, stamped } from './stamps';

type Ctx = MarketplaceOrderContext;
// The one cast of the chart's actions: each action runs on its own command types only.
const as = <T extends OrderCommandType>(event: unknown) => event as MarketplaceOrderCommandOf<T>;

const orderSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.order',
  schemaVersion: 2,
  statuses: ORDER_STATUSES,
  finalStatuses: FINAL_ORDER_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: orderCommandSpecs,
  guards: orderGuards,
  context: orderContextSchema,
  invariants: orderInvariants,
  subjectIds: (c) => ({ requestId: c.id }),
};

// Placing is the diagram's "Order is placed" junction: Querying when validation left errors.
const place = [
  { guard: 'placesWithErrors', target: 'Querying', actions: stamp() },
  { guard: 'canPlace', target: 'Processing', actions: stamp() },
] as const;

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: MarketplaceOrderCommand;
    input: MarketplaceOrderInput;
    emitted: MarketplaceOrderEmitted;
  },
  guards: guardImplementations<Ctx, MarketplaceOrderCommand>(orderGuards),
  actions: {
    applyValidation: assign(({ context, event }) =>
      validated(context, as<'order.validate'>(event)),
    ),
    applyQuery: assign(({ context, event }) => queried(context, as<'order.query'>(event))),
    applyAnswers: assign(({ context, event }) => answered(context, as<'order.process'>(event))),
    applyCompletion: assign(({ context, event }) =>
      completed(context, as<'order.complete'>(event)),
    ),
    recordStatusNotes: assign(({ event }) => failed(as<'order.fail'>(event))),
    // The API object's audit: the latest { at, by } of each event this transition stands for.
    stamp: assign(({ context, event }, { events }: StampParams) => ({
      stamps: stamped(context.stamps, event, events),
    })),
  },
}).createMachine({
  id: 'marketplaceOrder',
  description:
    'A SoftwareOne Marketplace order, as the order state diagram of the Marketplace Platform docs (softwareone-platform/docs, commerce API) draws it.',
  context: ({ input }) => orderContext(input),
  initial: 'New',
  states: {
    New: {
      description:
        'Marketplace docs, order state diagram: The order exists, unsaved. "Order validated" → Draft; "save order without validation" → Quoted; "Order placed without validation" → placed.',
      on: {
        'order.validate': {
          guard: 'canValidate',
          target: 'Draft',
          actions: ['applyValidation', stamp()],
        },
        'order.quote': { guard: 'canQuote', target: 'Quoted', actions: stamp() },
        'order.place': place,
      },
    },
    Draft: {
      description:
        'Marketplace docs, order state diagram: Saved after validation. "Operations update draft order or Client saves draft order" → Quoted; "Order placed"; "Order deleted".',
      on: {
        'order.quote': { guard: 'canQuote', target: 'Quoted', actions: stamp() },
        'order.place': place,
        'order.delete': { guard: 'canDelete', target: 'Deleted', actions: stamp() },
      },
    },
    Quoted: {
      description:
        'Marketplace docs, order state diagram: Saved without validation. "Order placed"; "Order deleted".',
      on: {
        'order.place': place,
        'order.delete': { guard: 'canDelete', target: 'Deleted', actions: stamp() },
      },
    },
    Processing: {
      description:
        'Marketplace docs, order state diagram: The vendor fulfils it: "Order completed" (with a template), "Order failed" (statusNotes), or "Order moved from processing to querying".',
      on: {
        'order.query': { guard: 'canQuery', target: 'Querying', actions: ['applyQuery', stamp()] },
        'order.complete': {
          guard: 'canComplete',
          target: 'Completed',
          actions: ['applyCompletion', stamp()],
        },
        'order.fail': {
          guard: 'canFail',
          target: 'Failed',
          actions: ['recordStatusNotes', stamp()],
        },
      },
    },
    Querying: {
      description:
        'Marketplace docs, order state diagram: The client must fix the parameters that carry errors: "Order returned to processing", or "Order failed".',
      on: {
        'order.process': {
          guard: 'canProcess',
          target: 'Processing',
          actions: ['applyAnswers', stamp()],
        },
        'order.fail': {
          guard: 'canFail',
          target: 'Failed',
          actions: ['recordStatusNotes', stamp()],
        },
      },
    },
    Completed: {
      type: 'final',
      description:
        'Marketplace docs, order state diagram: "Order completed" (final): the vendor fulfilled it.',
    },
    Failed: {
      type: 'final',
      description:
        'Marketplace docs, order state diagram: "Order failed" (final): the vendor or operations failed it, with statusNotes.',
    },
    Deleted: {
      type: 'final',
      description:
        'Marketplace docs, order state diagram: "Order deleted" (final): a draft or quote removed.',
    },
  },
});

/**
 * A SoftwareOne Marketplace order: `New, Draft, Quoted, Processing, Querying, Completed, Failed,
 * Deleted`, driven by the client, the vendor, operations and the platform.
 *
 * @example
 * ```ts
 * import { execute, start } from 'subscription-machines';
 * import { marketplaceOrderMachine } from 'subscription-machines/marketplace';
 *
 * const order = start(marketplaceOrderMachine, {
 *   id: 'ORD-1234-5678-9012-3456', orderType: 'Purchase', agreementId: 'AGR-1234-5678-9012-3456',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'client' },
 * });
 * const placed = execute(marketplaceOrderMachine, order, {
 *   type: 'order.place', at: '2026-01-05T09:05:00Z', by: { role: 'client' },
 * });
 * placed.ok && placed.snapshot.value; // 'Processing'
 * ```
 */
export const marketplaceOrderMachine = /*#__PURE__*/ commandMachine(base, orderSpec);

/** The machine type of {@link marketplaceOrderMachine}. */
export type MarketplaceOrderMachine = typeof marketplaceOrderMachine;

/** A snapshot of {@link marketplaceOrderMachine}. */
export type MarketplaceOrderSnapshot = SnapshotOf<MarketplaceOrderMachine>;
