/**
 * A SoftwareOne Marketplace agreement, as the agreement state diagram of the Marketplace Platform
 * docs (softwareone-platform/docs, commerce API) draws it: one order at a time. The descriptions
 * quote the diagram's arrows.
 */
import { assign, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import { agreementCommandSpecs, agreementContext } from './agreement.commands';
import { agreementContextSchema, agreementInvariants } from './agreement.persist';
import { agreementGuards } from './agreement.rules';
import {
  AGREEMENT_STATUSES,
  FINAL_AGREEMENT_STATUSES,
  type MarketplaceAgreementCommand,
  type MarketplaceAgreementCommandOf,
  type MarketplaceAgreementContext,
  type MarketplaceAgreementEmitted,
  type MarketplaceAgreementInput,
} from './agreement.types';
import { orderAudit } from './open-order';
import { MARKETPLACE_ROLES } from './platform';

type Ctx = MarketplaceAgreementContext;
// The one cast of the chart's actions: each action runs on its own command types only.
const as = <T extends MarketplaceAgreementCommand['type']>(event: unknown) =>
  event as MarketplaceAgreementCommandOf<T>;

// While an order is open, another one is REQUEST_IN_PROGRESS.
const oneOrderAtATime = { guard: 'noOrderInProgress' } as const;

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: MarketplaceAgreementCommand;
    input: MarketplaceAgreementInput;
    emitted: MarketplaceAgreementEmitted;
  },
  guards: guardImplementations<Ctx, MarketplaceAgreementCommand>(agreementGuards),
  actions: {
    openOrder: assign(({ event }) => {
      const { orderId, orderType } = as<'order.placed'>(event);
      return { openOrder: { id: orderId, orderType } };
    }),
    closeOrder: assign({ openOrder: null }),
  },
}).createMachine({
  id: 'marketplaceAgreement',
  description:
    'A SoftwareOne Marketplace agreement, as the agreement state diagram of the Marketplace Platform docs (softwareone-platform/docs, commerce API) draws it.',
  context: ({ input }) => agreementContext(input),
  initial: 'start',
  states: {
    start: {
      description:
        'Marketplace docs, agreement state diagram: Transient (the diagram\'s New): "Agreement created" by a draft Purchase order → Draft, or by a placed one → Provisioning. Never a resting status.',
      always: [{ guard: 'startsAsDraft', target: 'Draft' }, { target: 'Provisioning' }],
    },
    Draft: {
      description:
        'Marketplace docs, agreement state diagram: Its Purchase order is a draft: "Purchase Order placed"; "Draft order deleted".',
      on: {
        'order.placed': { guard: 'placesPurchase', target: 'Provisioning' },
        'order.deleted': { guard: 'deletesPurchase', target: 'Deleted', actions: 'closeOrder' },
      },
    },
    Provisioning: {
      description:
        'Marketplace docs, agreement state diagram: Its Purchase order is processed: "Agreement succeeded"; "Agreement failed".',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': { guard: 'completesOpenOrder', target: 'Active', actions: 'closeOrder' },
        'order.failed': { guard: 'failsOpenOrder', target: 'Failed', actions: 'closeOrder' },
      },
    },
    Active: {
      description:
        'Marketplace docs, agreement state diagram: "Order placed against agreement" → Updating; "Final subscription is terminated or expires or is terminated by vendor without order" → Terminated.',
      on: {
        'order.placed': { guard: 'placesOrder', target: 'Updating', actions: 'openOrder' },
        'agreement.terminate': { guard: 'canTerminate', target: 'Terminated' },
      },
    },
    Updating: {
      description:
        'Marketplace docs, agreement state diagram: An order is processed: "Order completed or failed" → Active.',
      on: {
        'order.placed': oneOrderAtATime,
        'order.completed': { guard: 'completesOpenOrder', target: 'Active', actions: 'closeOrder' },
        'order.failed': { guard: 'failsOpenOrder', target: 'Active', actions: 'closeOrder' },
      },
    },
    Failed: {
      type: 'final',
      description:
        'Marketplace docs, agreement state diagram: "Agreement failed" (final): its Purchase order failed.',
    },
    Terminated: {
      type: 'final',
      description:
        'Marketplace docs, agreement state diagram: Final: its last subscription was terminated or expired.',
    },
    Deleted: {
      type: 'final',
      description: 'Marketplace docs, agreement state diagram: "Draft order deleted" (final).',
    },
  },
});

const agreementSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/marketplace.agreement',
  schemaVersion: 1,
  statuses: AGREEMENT_STATUSES,
  finalStatuses: FINAL_AGREEMENT_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: agreementCommandSpecs,
  guards: agreementGuards,
  context: agreementContextSchema,
  invariants: agreementInvariants,
  subjectIds: (c) => (c.openOrder?.id === undefined ? {} : { requestId: c.openOrder.id }),
  changes: (_before, _after, command) => ({ audit: orderAudit(command) }),
};

/**
 * A SoftwareOne Marketplace agreement: `Draft, Provisioning, Failed, Active, Updating, Terminated,
 * Deleted`, moved by the orders the platform relays, one at a time.
 *
 * @example
 * ```ts
 * import { execute, start } from 'subscription-machines';
 * import { marketplaceAgreementMachine } from 'subscription-machines/marketplace';
 *
 * const agreement = start(marketplaceAgreementMachine, {
 *   id: 'AGR-2119-4550-8674-0001', orderId: 'ORD-2119-4550-8674-0001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'system' },
 * });
 * agreement.value; // 'Provisioning'
 * const busy = execute(marketplaceAgreementMachine, agreement, {
 *   type: 'order.placed', orderId: 'ORD-2119-4550-8674-0002', orderType: 'Change',
 *   at: '2026-01-05T09:05:00Z', by: { role: 'system' },
 * });
 * busy.ok || busy.rejection.code; // 'REQUEST_IN_PROGRESS'
 * ```
 */
export const marketplaceAgreementMachine = /*#__PURE__*/ commandMachine(base, agreementSpec);

/** The machine type of {@link marketplaceAgreementMachine}. */
export type MarketplaceAgreementMachine = typeof marketplaceAgreementMachine;

/** A snapshot of {@link marketplaceAgreementMachine}. */
export type MarketplaceAgreementSnapshot = SnapshotOf<MarketplaceAgreementMachine>;
