/**
 * Opencell's subscription lifecycle: the statuses and use cases of the Opencell docs' Subscriptions
 * page, and opencell-core's SubscriptionService.
 * Each status is Opencell's own `SubscriptionStatusEnum` value.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import {
  type AmendedStatus,
  type Applied,
  closePending,
  newProducts,
  submitAmendment,
} from './amendments';
import { opencellChanges } from './events';
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
import { amendmentOf, offerAmendmentOf, subscriptionGuards } from './subscription.rules';
import {
  OPENCELL_ROLES,
  OPENCELL_STATUSES,
  type OpencellCommand,
  type OpencellCommandOf,
  type OpencellSubscriptionContext,
  type OpencellSubscriptionEmitted,
  type OpencellSubscriptionInput,
} from './subscription.types';
import { notice, renew, suspendAtEndOfTerm, terminateAtEndOfTerm } from './term';
import { reasonOf } from './termination';
import { changeOffer } from './versions';

type Ctx = OpencellSubscriptionContext;
type InStatus = { readonly status: AmendedStatus };
// The one cast of the chart's actions: each action runs on its own command types only.
const as = <T extends OpencellCommandType>(event: unknown) => event as OpencellCommandOf<T>;

const opencellSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/opencell.subscription',
  schemaVersion: 2,
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
  changes: opencellChanges,
  // A scheduled termination is one tick from RESILIATED, so graph walks tell it apart.
  graphKey: ({ status, context }) =>
    context.scheduledTermination === undefined ? status : `${status}/termination-scheduled`,
};

/** An action that applies amendments: the new context, and one `amendment.applied` each. */
const applying = <Params extends InStatus | undefined = InStatus>(
  run: (context: Ctx, event: OpencellCommand, params: Params) => Applied<Ctx>,
) =>
  enqueueActions<
    Ctx,
    OpencellCommand,
    Params,
    OpencellCommand,
    never,
    never,
    never,
    never,
    OpencellSubscriptionEmitted
  >(({ context, event, enqueue }, params) => {
    const { state, applied } = run(context, event, params);
    enqueue.assign(state);
    for (const a of applied)
      enqueue.emit({
        type: 'amendment.applied',
        amendmentId: a.amendmentId,
        effectiveDate: a.effectiveDate,
        at: event.at,
        subscriptionId: context.code,
      });
  });

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: OpencellCommand;
    input: OpencellSubscriptionInput;
    emitted: OpencellSubscriptionEmitted;
  },
  guards: guardImplementations<Ctx, OpencellCommand>(subscriptionGuards),
  actions: {
    activate: assign(({ context, event }) => activate(context, event.at)),
    suspend: assign(({ context, event }) =>
      suspend(context, event.at, as<'subscription.suspend'>(event).reason),
    ),
    reactivate: assign(({ context, event }) => reactivate(context, event.at)),
    cancelScheduledTermination: assign(({ context }) => cancelScheduledTermination(context)),
    cancel: assign(({ context, event }) => {
      const { reason, note, cancelationDate, at } = as<'subscription.cancel'>(event);
      return end(context, cancelationDate ?? at, reasonOf(reason), note, at);
    }),
    resiliate: assign(({ context, event }) => {
      const { terminationDate, reason, note, at } = as<'subscription.terminate'>(event);
      return end(context, terminationDate, reasonOf(reason), note, at);
    }),
    scheduleTermination: assign(({ context, event }) => {
      const { terminationDate, reason, note } = as<'subscription.terminate'>(event);
      return scheduleTermination(context, terminationDate, reasonOf(reason), note);
    }),
    // A new version; its products, when given, as an amendment on its date.
    changeOffer: applying<undefined>((context, event) => {
      const command = as<'offer.change'>(event);
      const draft = offerAmendmentOf(context, command);
      const versions = changeOffer(context.versions, command.offerCode, command.effectiveDate);
      const next = { ...context, versions };
      return draft === undefined
        ? { state: next, applied: [] }
        : submitAmendment(next, draft, command.at, newProducts('ACTIVE', context.suspensions));
    }),
    amend: applying<InStatus>((context, event, { status }) =>
      submitAmendment(
        context,
        amendmentOf(as<'amendment.submit' | 'product.add' | 'product.deactivate'>(event)),
        event.at,
        newProducts(status, context.suspensions),
      ),
    ),
    cancelAmendment: assign(({ context, event }) => {
      const { amendmentId } = as<'amendment.cancel'>(event);
      return closePending(context, 'canceled', event.at, (p) => p.amendmentId === amendmentId);
    }),
    transferOwner: assign(({ context, event }) =>
      transferOwner(context, as<'owner.transfer'>(event).consumerId, event.at),
    ),
    applyDueAmendments: applying<InStatus>((context, event, { status }) =>
      applyDueAmendments(context, event.at, status),
    ),
    applyDueTermination: applying<InStatus>((context, event, { status }) =>
      applyDueTermination(context, event.at, status),
    ),
    suspendAtEndOfTerm: applying<InStatus>((context, event, { status }) =>
      suspendAtEndOfTerm(context, event.at, status),
    ),
    terminateAtEndOfTerm: applying<InStatus>((context, event, { status }) =>
      terminateAtEndOfTerm(context, event.at, status),
    ),
    renew: assign(({ context, event }) => renew(context, event.at)),
    noticeRenewal: assign(({ context, event }) => notice(context, event.at)),
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

/**
 * `clock.tick` in ACTIVE or CREATED, as Opencell's status job runs: a due termination, or the end
 * of term (terminate, suspend or renew, with its notice), then the amendments due by then.
 */
const ticking = (status: 'ACTIVE' | 'CREATED') => {
  const params = { status };
  return [
    {
      guard: 'terminationDue',
      target: 'RESILIATED',
      actions: { type: 'applyDueTermination', params },
    },
    {
      guard: 'termTerminates',
      target: 'RESILIATED',
      actions: { type: 'terminateAtEndOfTerm', params },
    },
    {
      guard: 'termSuspends',
      target: 'SUSPENDED',
      actions: { type: 'suspendAtEndOfTerm', params },
    },
    {
      guard: 'termRenews',
      actions: [{ type: 'applyDueAmendments', params }, 'renew', 'noticeRenewal'],
    },
    {
      guard: 'renewalNoticeDue',
      actions: [{ type: 'applyDueAmendments', params }, 'noticeRenewal'],
    },
    { guard: 'amendmentsDue', actions: { type: 'applyDueAmendments', params } },
  ] as const;
};

// A termination whose day is over resiliates now; a later one is scheduled (by day, as Opencell).
const terminating = [
  { guard: 'canTerminateNow', target: 'RESILIATED', actions: 'resiliate' },
  { guard: 'canScheduleTermination', actions: 'scheduleTermination' },
] as const;

const chart = /*#__PURE__*/ base.createMachine({
  id: 'opencellSubscription',
  description:
    "An Opencell subscription: the statuses of opencell-core's SubscriptionStatusEnum, the actions of its SubscriptionService, and the use cases of the Opencell docs' Subscriptions page.",
  context: ({ input }) => opencellContext(input),
  initial: 'CREATED',
  states: {
    CREATED: {
      description:
        'Opencell docs, Subscriptions, "Created": instantiated, not yet active. Products wait INACTIVE; amendments may already be submitted. It may be terminated (opencell-core SubscriptionService.terminateSubscription), and its term ends as an ACTIVE one does (SubscriptionStatusJobBean).',
      on: {
        'subscription.activate': { target: 'ACTIVE', actions: 'activate' },
        // Only cancels a scheduled termination here (Opencell's "cancel termination").
        'subscription.reactivate': {
          guard: 'canCancelTermination',
          actions: 'cancelScheduledTermination',
        },
        'subscription.cancel': { guard: 'canCancel', target: 'CANCELED', actions: 'cancel' },
        'subscription.terminate': terminating,
        ...amending('CREATED'),
        'clock.tick': ticking('CREATED'),
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
        'Opencell docs, Subscriptions, "Suspend a Subscription"; opencell-core SubscriptionService.subscriptionSuspension: products suspended, access points disabled, no charge. Only reactivation and termination; pending amendments still apply on schedule, but a scheduled termination and the end of term wait, as SubscriptionStatusJobBean handles ACTIVE and CREATED subscriptions only.',
      on: {
        'subscription.reactivate': { target: 'ACTIVE', actions: 'reactivate' },
        'subscription.terminate': terminating,
        'clock.tick': {
          guard: 'amendmentsDue',
          actions: { type: 'applyDueAmendments', params: { status: 'SUSPENDED' } },
        },
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
export const opencellSubscriptionMachine = /*#__PURE__*/ commandMachine(chart, opencellSpec);

/** The machine type of {@link opencellSubscriptionMachine}. */
export type OpencellSubscriptionMachine = typeof opencellSubscriptionMachine;

/** A snapshot of {@link opencellSubscriptionMachine}. */
export type OpencellSubscriptionSnapshot = SnapshotOf<OpencellSubscriptionMachine>;
