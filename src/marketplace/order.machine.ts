/**
 * A SoftwareOne Marketplace order, as the order state diagram of the Marketplace Platform docs
 * (softwareone-platform/docs, commerce API) draws it. The descriptions quote the diagram's arrows.
 */
import { assign, setup } from 'xstate';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import { type OrderCommandType, orderCommandSpecs, orderContext } from './order.commands';
import { orderContextSchema, orderInvariants } from './order.persist';
import { orderGuards } from './order.rules';
import {
  FINAL_ORDER_STATUSES,
  type MarketplaceOrderCommand,
  type MarketplaceOrderContext,
  type MarketplaceOrderEmitted,
  type MarketplaceOrderInput,
  ORDER_STATUSES,
  type OrderCommandOf,
} from './order.types';
import { applyQueries, applyValidations, applyValues } from './parameters';
import { MARKETPLACE_ROLES } from './platform';

const as = <T extends OrderCommandType>(event: unknown) => event as OrderCommandOf<T>;

// Placing is the diagram's "Order is placed" junction: Querying when validation left errors.
const place = [
  { guard: 'placesWithErrors', target: 'Querying' },
  { guard: 'canPlace', target: 'Processing' },
] as const;

const base = setup({
  types: {} as {
    context: MarketplaceOrderContext;
    events: MarketplaceOrderCommand;
    input: MarketplaceOrderInput;
    emitted: MarketplaceOrderEmitted;
  },
  guards: guardImplementations<MarketplaceOrderContext, MarketplaceOrderCommand>(
    orderGuards as never,
  ),
  actions: {
    applyValidation: assign({
      parameters: ({ context, event }) =>
        applyValidations(context.parameters, as<'order.validate'>(event).parameters),
    }),
    applyQuery: assign(({ context, event }) => {
      const { parameters, templateId } = as<'order.query'>(event);
      return {
        parameters: applyQueries(context.parameters, parameters),
        ...(templateId === undefined ? {} : { templateId }),
      };
    }),
    applyValues: assign({
      parameters: ({ context, event }) =>
        applyValues(context.parameters, as<'order.process'>(event).parameters),
    }),
    recordTemplate: assign({ templateId: ({ event }) => as<'order.complete'>(event).templateId }),
    recordStatusNotes: assign({ statusNotes: ({ event }) => as<'order.fail'>(event).statusNotes }),
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
        'order.validate': { guard: 'canValidate', target: 'Draft', actions: 'applyValidation' },
        'order.quote': { guard: 'canQuote', target: 'Quoted' },
        'order.place': place,
      },
    },
    Draft: {
      description:
        'Marketplace docs, order state diagram: Saved after validation. "Operations update draft order or Client saves draft order" → Quoted; "Order placed"; "Order deleted".',
      on: {
        'order.quote': { guard: 'canQuote', target: 'Quoted' },
        'order.place': place,
        'order.delete': { guard: 'canDelete', target: 'Deleted' },
      },
    },
    Quoted: {
      description:
        'Marketplace docs, order state diagram: Saved without validation. "Order placed"; "Order deleted".',
      on: {
        'order.place': place,
        'order.delete': { guard: 'canDelete', target: 'Deleted' },
      },
    },
    Processing: {
      description:
        'Marketplace docs, order state diagram: The vendor fulfils it: "Order completed" (with a template), "Order failed" (statusNotes), or "Order moved from processing to querying".',
      on: {
        'order.query': { guard: 'canQuery', target: 'Querying', actions: 'applyQuery' },
        'order.complete': { guard: 'canComplete', target: 'Completed', actions: 'recordTemplate' },
        'order.fail': { guard: 'canFail', target: 'Failed', actions: 'recordStatusNotes' },
      },
    },
    Querying: {
      description:
        'Marketplace docs, order state diagram: The client must fix the parameters that carry errors: "Order returned to processing", or "Order failed".',
      on: {
        'order.process': { guard: 'canProcess', target: 'Processing', actions: 'applyValues' },
        'order.fail': { guard: 'canFail', target: 'Failed', actions: 'recordStatusNotes' },
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

const orderSpec: MachineSpec<MarketplaceOrderContext> = {
  schema: 'subscription-machines/marketplace.order',
  schemaVersion: 1,
  statuses: ORDER_STATUSES,
  finalStatuses: FINAL_ORDER_STATUSES,
  roles: MARKETPLACE_ROLES,
  commands: orderCommandSpecs,
  guards: orderGuards,
  context: orderContextSchema,
  invariants: orderInvariants,
  subjectIds: (c) => ({ requestId: c.id }),
};

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
export const marketplaceOrderMachine = commandMachine(base, orderSpec as never);

/** The machine type of {@link marketplaceOrderMachine}. */
export type MarketplaceOrderMachine = typeof marketplaceOrderMachine;
