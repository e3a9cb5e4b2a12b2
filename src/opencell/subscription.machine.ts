/**
 * Opencell's subscription lifecycle: the statuses and use cases of the Opencell docs' Subscriptions
 * page, and opencell-core's SubscriptionService.
 * Each status is Opencell's own `SubscriptionStatusEnum` value.
 */
import { assign, setup } from 'xstate';
import { commandMachine, guardImplementations } from '../core/machine';
import type { AnyCommand, MachineSpec, Subject } from '../core/spec';
import { type AmendedStatus, closePending, newProducts, submitAmendment } from './amendments';
import {
  activate,
  applyDueAmendments,
  applyDueTermination,
  cancelScheduledTermination,
  end,
  reactivate,
  scheduleTermination,
  suspend,
  transferOwner,
} from './lifecycle';
import {
  type OpencellCommandType,
  opencellCommands,
  opencellContext,
} from './subscription.commands';
import { opencellContextSchema, opencellInvariants } from './subscription.persist';
import { amendmentOf, subscriptionGuards } from './subscription.rules';
import {
  type AmendmentApplied,
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellCommand,
  type OpencellCommandOf,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionEmitted,
  type OpencellSubscriptionInput,
} from './subscription.types';
import { changeOffer } from './versions';

type Ctx = OpencellSubscriptionContext;
type InStatus = { readonly status: AmendedStatus };
const as = <T extends OpencellCommandType>(event: unknown) => event as OpencellCommandOf<T>;

const base = setup({
  types: {} as {
    context: OpencellSubscriptionContext;
    events: OpencellCommand;
    input: OpencellSubscriptionInput;
    emitted: OpencellSubscriptionEmitted;
  },
  guards: guardImplementations<Ctx, OpencellCommand>(subscriptionGuards as never),
  actions: {
    activate: assign(({ context, event }) => activate(context, event.at)),
    suspend: assign(({ context, event }) =>
      suspend(context, event.at, as<'subscription.suspend'>(event).reason),
    ),
    reactivate: assign(({ context, event }) => reactivate(context, event.at)),
    cancelScheduledTermination: assign(({ context }) => cancelScheduledTermination(context)),
    cancel: assign(({ context, event }) =>
      end(context, event.at, as<'subscription.cancel'>(event).reason ?? '', event.at),
    ),
    resiliate: assign(({ context, event }) => {
      const { terminationDate, reason = '' } = as<'subscription.terminate'>(event);
      return end(context, terminationDate, reason, event.at);
    }),
    scheduleTermination: assign(({ context, event }) => {
      const { terminationDate, reason = '' } = as<'subscription.terminate'>(event);
      return scheduleTermination(context, terminationDate, reason);
    }),
    changeOffer: assign(({ context, event }) => {
      const { offerCode, effectiveDate } = as<'offer.change'>(event);
      return { versions: changeOffer(context.versions, offerCode, effectiveDate) };
    }),
    amend: assign(({ context, event }, params: InStatus) =>
      submitAmendment(
        context,
        amendmentOf(event),
        event.at,
        newProducts(params.status, context.suspensions),
      ),
    ),
    cancelAmendment: assign(({ context, event }) => {
      const { amendmentId } = as<'amendment.cancel'>(event);
      return closePending(context, 'canceled', event.at, (p) => p.amendmentId === amendmentId);
    }),
    transferOwner: assign(({ context, event }) =>
      transferOwner(context, as<'owner.transfer'>(event).consumerId, event.at),
    ),
    applyDueAmendments: assign(({ context, event }, params: InStatus) =>
      applyDueAmendments(context, event.at, params.status),
    ),
    applyDueTermination: assign(({ context, event }) => applyDueTermination(context, event.at)),
  },
});

/** Amendments and direct product actions, with products added in `status`'s product status. */
const amending = (status: AmendedStatus) =>
  ({
    'amendment.submit': { guard: 'canAmend', actions: { type: 'amend', params: { status } } },
    'amendment.cancel': { guard: 'canCancelAmendment', actions: 'cancelAmendment' },
    'product.add': { guard: 'canAmend', actions: { type: 'amend', params: { status } } },
    'product.deactivate': { guard: 'canAmend', actions: { type: 'amend', params: { status } } },
  }) as const;

/** `clock.tick`: due amendments in date order, then a due termination (→ RESILIATED). */
const ticking = (status: 'ACTIVE' | 'SUSPENDED') =>
  [
    {
      guard: 'terminationDue',
      target: 'RESILIATED',
      actions: [{ type: 'applyDueAmendments', params: { status } }, 'applyDueTermination'],
    },
    { guard: 'amendmentsDue', actions: { type: 'applyDueAmendments', params: { status } } },
  ] as const;

const terminating = [
  { guard: 'canTerminateNow', target: 'RESILIATED', actions: 'resiliate' },
  { guard: 'canScheduleTermination', actions: 'scheduleTermination' },
] as const;

const chart = base.createMachine({
  id: 'opencellSubscription',
  description:
    "An Opencell subscription: the statuses of opencell-core's SubscriptionStatusEnum, the actions of its SubscriptionService, and the use cases of the Opencell docs' Subscriptions page.",
  context: ({ input }) => opencellContext(input),
  initial: 'CREATED',
  states: {
    CREATED: {
      description:
        'Opencell docs, Subscriptions, "Created": instantiated, not yet active. Products wait INACTIVE; amendments may already be submitted.',
      on: {
        'subscription.activate': { target: 'ACTIVE', actions: 'activate' },
        'subscription.cancel': { guard: 'canCancel', target: 'CANCELED', actions: 'cancel' },
        ...amending('CREATED'),
        'clock.tick': {
          guard: 'amendmentsDue',
          actions: { type: 'applyDueAmendments', params: { status: 'CREATED' } },
        },
      },
    },
    ACTIVE: {
      description:
        'Opencell docs, Subscriptions, "Active": active products, ready to be consumed and billed. Offer changes, amendments and owner transfers happen here.',
      on: {
        'subscription.suspend': { target: 'SUSPENDED', actions: 'suspend' },
        // Only cancels a scheduled termination here (Opencell's "cancel termination").
        'subscription.reactivate': {
          guard: 'canCancelTermination',
          actions: 'cancelScheduledTermination',
        },
        'subscription.cancel': { guard: 'canCancel', target: 'CANCELED', actions: 'cancel' },
        'subscription.terminate': terminating,
        'offer.change': { guard: 'canChangeOffer', actions: 'changeOffer' },
        ...amending('ACTIVE'),
        'owner.transfer': { guard: 'canTransferOwner', actions: 'transferOwner' },
        'clock.tick': ticking('ACTIVE'),
      },
    },
    SUSPENDED: {
      description:
        'Opencell docs, Subscriptions, "Suspend a Subscription"; opencell-core SubscriptionService.subscriptionSuspension: products suspended, access points disabled, no charge. Only reactivation and termination; pending amendments still apply on schedule.',
      on: {
        'subscription.reactivate': { target: 'ACTIVE', actions: 'reactivate' },
        'subscription.terminate': terminating,
        'clock.tick': ticking('SUSPENDED'),
      },
    },
    CANCELED: {
      description:
        'Opencell docs, Subscriptions, "Canceled": created, then canceled for a reason; products and access points ended. Reactivation is possible (opencell-core SubscriptionService.subscriptionReactivation).',
      on: { 'subscription.reactivate': { target: 'ACTIVE', actions: 'reactivate' } },
    },
    RESILIATED: {
      description:
        'Opencell docs, Subscriptions, "Resiliated (Terminated)": ACTIVE and SUSPENDED products terminated, access points ended on the termination date. Reactivation is possible (opencell-core SubscriptionService.subscriptionReactivation).',
      on: { 'subscription.reactivate': { target: 'ACTIVE', actions: 'reactivate' } },
    },
  },
});

/** The audit `event` of an accepted command, where the command's name does not say it all. */
function auditEvent(
  before: Subject<Ctx>,
  after: Subject<Ctx>,
  command: AnyCommand,
  applied: number,
): string | undefined {
  const resiliated = after.status === 'RESILIATED' && before.status !== 'RESILIATED';
  switch (command.type) {
    case 'clock.tick':
      return resiliated ? 'resiliated' : applied > 0 ? 'amendment-applied' : undefined;
    case 'subscription.terminate':
      return resiliated ? 'resiliated' : 'termination-scheduled';
    case 'subscription.reactivate':
      return before.context.scheduledTermination ? 'termination-canceled' : undefined;
    case 'amendment.submit': {
      const id = (command as { amendmentId?: unknown }).amendmentId;
      const queued = after.context.pendingAmendments.some((p) => p.amendmentId === id);
      return queued ? 'amendment-scheduled' : 'amendment-applied';
    }
    default:
      return undefined;
  }
}

/** `amendment.applied` for each amendment the command applied, and the audit event. */
function changes(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const emitted = after.context.amendments
    .slice(before.context.amendments.length)
    .filter((a) => a.outcome === 'applied')
    .map(
      (a): AmendmentApplied => ({
        type: 'amendment.applied',
        amendmentId: a.amendmentId,
        effectiveDate: a.effectiveDate,
        at: command.at,
        subscriptionId: after.context.code,
      }),
    );
  const event = auditEvent(before, after, command, emitted.length);
  return event === undefined ? { emitted } : { emitted, audit: { event } };
}

const opencellSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/opencell.subscription',
  schemaVersion: 1,
  statuses: OPENCELL_STATUSES,
  // CANCELED and RESILIATED can be reactivated (opencell-core
  // SubscriptionService.subscriptionReactivation), so no status is final.
  finalStatuses: [],
  roles: OPENCELL_ROLES,
  commands: opencellCommands,
  guards: subscriptionGuards,
  context: opencellContextSchema,
  invariants: opencellInvariants,
  subjectIds: (c) => ({ subscriptionId: c.code }),
  changes,
};

/**
 * An Opencell subscription: statuses `CREATED, ACTIVE, SUSPENDED, CANCELED, RESILIATED`, versions,
 * amendments (immediate or future-dated), resiliation and owner transfer.
 *
 * @example
 * ```ts
 * import { execute, start, statusOf } from 'subscription-machines';
 * import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
 *
 * const operator = { role: 'operator' } as const;
 * let s = start(opencellSubscriptionMachine, {
 *   code: 'SUB-42', offerCode: 'OF_BASIC', consumerId: 'CUST-1', at: '2026-01-05T09:00:00Z',
 *   by: operator, products: [{ code: 'PR_DATA', quantity: 1 }],
 * });
 * const r = execute(opencellSubscriptionMachine, s, {
 *   type: 'subscription.activate', at: '2026-01-05T10:00:00Z', by: operator,
 * });
 * if (r.ok) s = r.snapshot;
 * statusOf(s); // 'ACTIVE'
 * ```
 */
export const opencellSubscriptionMachine = commandMachine(chart, opencellSpec as never);

/** The machine type of {@link opencellSubscriptionMachine}. */
export type OpencellSubscriptionMachine = typeof opencellSubscriptionMachine;
