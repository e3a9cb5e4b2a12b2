/**
 * CloudBlue Connect's subscription (the API's asset), as its status workflow draws it
 * (connect-workflows, `subscriptions/`: one page per status `s-*` and transition `t-*`; the
 * descriptions name them, and docs/connect.md has the table).
 *
 * Its status changes only when its open request ends, so each status change is a transition on the
 * request command that ends it: `active → suspended` on `request.approve [approvesSuspend]`. The
 * step hands every request command to the open request first (its own step, once), then runs this
 * chart on the subscription with the request's result written back. The open request is plain data
 * in the context, and a child actor the inspector shows.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { compiledOf } from '../core/compiled';
import { commandMachine, guardImplementations } from '../core/machine';
import { refuse } from '../core/rejection';
import type { AnyCommand, Delegation, MachineSpec, Subject } from '../core/spec';
import { requestPolicies } from './request.commands';
import { fulfillmentRequestMachine } from './request.machine';
import {
  CONNECT_ROLES,
  type FulfillmentRequestContext,
  type Notification,
  type RequestStatus,
} from './request.types';
import {
  applyApproved,
  closeRequest,
  createInput,
  openRequest,
  purchaseInput,
  subscriptionCommands,
  subscriptionContext,
} from './subscription.commands';
import {
  REQUEST_ACTOR,
  subscriptionChildren,
  subscriptionContextSchema,
  subscriptionInvariants,
  subscriptionOutput,
  subscriptionPersisted,
} from './subscription.persist';
import { subscriptionGuards } from './subscription.rules';
import {
  type CreateRequestCommand,
  FINAL_SUBSCRIPTION_STATUSES,
  type RequestChanged,
  SUBSCRIPTION_STATUSES,
  type SubscriptionCommand,
  type SubscriptionContext,
  type SubscriptionEmitted,
  type SubscriptionInput,
  type SubscriptionOutput,
  type SubscriptionStatus,
} from './subscription.types';

type Ctx = SubscriptionContext;

/** What the open request's end does: an approval applies it; any end closes it. */
const END_ACTIONS = {
  approved: ['applyRequest', 'closeRequest'],
  failed: ['closeRequest'],
  revoked: ['closeRequest'],
  deleted: ['closeRequest'],
} as const;

/**
 * The root-level handler of every request command, built from the request's own command table and
 * chart: its policy guard, and what the request's end (if the command always ends it) does here.
 */
function requestHandlers() {
  const { chart } = compiledOf(fulfillmentRequestMachine);
  const out: Record<string, { guard?: string; actions: readonly string[] }> = {};
  for (const type of Object.keys(requestPolicies) as (keyof typeof requestPolicies)[]) {
    const ends = new Set<string>();
    let moves = false;
    for (const [, state] of chart.states) {
      for (const c of state.on.get(type) ?? []) {
        if (c.target !== undefined && chart.states.get(c.target)?.final) ends.add(c.target);
        else moves = true;
      }
    }
    const end = !moves && ends.size === 1 ? ([...ends][0] as keyof typeof END_ACTIONS) : undefined;
    out[type] = { guard: requestPolicies[type], actions: end ? END_ACTIONS[end] : [] };
  }
  return { ...out, 'clock.tick': { actions: [] } };
}

const at = (event: { readonly at?: unknown }, context: Ctx) =>
  typeof event.at === 'string' ? event.at : context.updatedAt;

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: SubscriptionCommand;
    input: SubscriptionInput;
    output: SubscriptionOutput;
    emitted: SubscriptionEmitted;
  },
  actors: { [REQUEST_ACTOR]: fulfillmentRequestMachine },
  guards: guardImplementations<Ctx, SubscriptionCommand>(subscriptionGuards),
  actions: {
    // Opening a request: its data in the context, its notifications emitted, its child spawned.
    openPurchase: enqueueActions(({ context, event, enqueue }) => {
      // XState's init event carries the input; an existing subscription opens no purchase.
      const { input } = event as unknown as { input: SubscriptionInput };
      if (input.status !== undefined) return;
      const request = purchaseInput(input, context);
      const opened = openRequest(request, null);
      enqueue.assign({ pendingRequest: opened.pendingRequest, request: opened.request });
      for (const notification of opened.notifications) enqueue.emit(notification);
      enqueue.spawnChild(REQUEST_ACTOR, { id: request.id, input: request });
    }),
    openRequest: enqueueActions(
      ({ context, event, enqueue }, params: { openedIn: SubscriptionStatus }) => {
        const request = createInput(context, event as CreateRequestCommand);
        const opened = openRequest(request, params.openedIn);
        enqueue.assign({ pendingRequest: opened.pendingRequest, request: opened.request });
        for (const notification of opened.notifications) enqueue.emit(notification);
        enqueue.spawnChild(REQUEST_ACTOR, { id: request.id, input: request });
      },
    ),
    applyRequest: assign(({ context }) => applyApproved(context)),
    closeRequest: enqueueActions(({ context, event, enqueue }) => {
      const id = context.pendingRequest?.id;
      enqueue.assign(closeRequest(context, at(event, context)));
      if (id !== undefined) enqueue.stopChild(id);
    }),
    notifyActivation: emit(
      ({ context, event }): Notification => ({
        type: 'notification',
        template: 'approved',
        at: at(event, context),
        subscriptionId: context.id,
        ...(context.pendingRequest ? { requestId: context.pendingRequest.id } : {}),
      }),
    ),
  },
}).createMachine({
  id: 'subscription',
  description:
    'A CloudBlue Connect subscription (asset), changed only through its fulfillment requests (connect-workflows: subscriptions/object).',
  context: ({ input }) => subscriptionContext(input),
  output: ({ event }) => (event as unknown as { output: SubscriptionOutput }).output,
  initial: 'start',
  // Every request command goes to the open request first; these hold in every status.
  on: requestHandlers(),
  states: {
    start: {
      description:
        'Transient: the subscription is born with its purchase request, as a draft or processing (connect-workflows t-1-new-subscription, t-10-draft); an existing Connect subscription is taken over as active or suspended (connect-workflows s-b-active, s-e-suspended). Never a resting status.',
      entry: 'openPurchase',
      always: [
        { guard: 'isExistingActive', target: 'active' },
        { guard: 'isExistingSuspended', target: 'suspended' },
        { guard: 'startsAsDraft', target: 'draft' },
        { target: 'processing' },
      ],
    },
    draft: {
      description:
        'Draft: not complete and not submitted to the vendor; validated before provisioning (connect-workflows s-f-draft).',
      on: {
        'request.submit': { target: 'processing' },
        'request.delete': { target: 'deleted', actions: 'closeRequest' },
      },
    },
    processing: {
      description:
        'Processing: the purchase request is open and the vendor is processing the subscription; it cannot be suspended or deleted (connect-workflows s-a-processing).',
      on: {
        'request.approve': {
          target: 'active',
          actions: ['applyRequest', 'notifyActivation', 'closeRequest'],
        },
        'request.fail': { target: 'terminated', actions: 'closeRequest' },
        'tierConfig.fail': { target: 'terminated', actions: 'closeRequest' },
        'request.confirmRevocation': { target: 'terminated', actions: 'closeRequest' },
      },
    },
    active: {
      description:
        'Active: the vendor approved the purchase and provided the product; change, suspend, cancel, adjustment, renew and transfer requests can be created (connect-workflows s-b-active).',
      on: {
        'request.create': [
          {
            guard: 'opensCancel',
            target: 'terminating',
            actions: { type: 'openRequest', params: { openedIn: 'active' } },
          },
          {
            guard: 'opensAutoApprovedTransfer',
            actions: [
              { type: 'openRequest', params: { openedIn: 'active' } },
              'applyRequest',
              'closeRequest',
            ],
          },
          {
            guard: 'opensActiveRequest',
            actions: { type: 'openRequest', params: { openedIn: 'active' } },
          },
        ],
        'request.approve': {
          guard: 'approvesSuspend',
          target: 'suspended',
          actions: ['applyRequest', 'closeRequest'],
        },
      },
    },
    suspended: {
      description:
        'Suspended: a suspend request was approved (Administrative Hold); resume, cancel and adjustment requests can be created (connect-workflows s-e-suspended; cancelling from suspended is this library’s choice).',
      on: {
        'request.create': [
          {
            guard: 'opensCancel',
            target: 'terminating',
            actions: { type: 'openRequest', params: { openedIn: 'suspended' } },
          },
          {
            guard: 'opensSuspendedRequest',
            actions: { type: 'openRequest', params: { openedIn: 'suspended' } },
          },
        ],
        'request.approve': {
          guard: 'approvesResume',
          target: 'active',
          actions: ['applyRequest', 'closeRequest'],
        },
      },
    },
    terminating: {
      description:
        'Terminating: a cancel request is open; approved, the subscription terminates; failed or revoked, it returns where it was (connect-workflows s-c-terminating).',
      on: {
        'request.approve': { target: 'terminated', actions: ['applyRequest', 'closeRequest'] },
        'request.fail': [
          { guard: 'endsCancelFromSuspended', target: 'suspended', actions: 'closeRequest' },
          { target: 'active', actions: 'closeRequest' },
        ],
        'tierConfig.fail': [
          { guard: 'endsCancelFromSuspended', target: 'suspended', actions: 'closeRequest' },
          { target: 'active', actions: 'closeRequest' },
        ],
        'request.confirmRevocation': [
          { guard: 'endsCancelFromSuspended', target: 'suspended', actions: 'closeRequest' },
          { target: 'active', actions: 'closeRequest' },
        ],
      },
    },
    terminated: {
      type: 'final',
      description:
        'Terminated (final): the purchase failed, or a cancel was approved; no further actions are available (connect-workflows s-d-teminated).',
      output: ({ context }) => subscriptionOutput({ status: 'terminated', context }),
    },
    deleted: {
      type: 'final',
      description:
        'Deleted (final): the draft was removed with its request (connect-workflows t-11-draft-removal).',
      output: ({ context }) => subscriptionOutput({ status: 'deleted', context }),
    },
  },
});

/** The open request a command addresses: the request commands and `clock.tick` go to it. */
const delegate: Delegation<Ctx> = {
  machine: fulfillmentRequestMachine,
  src: REQUEST_ACTOR,
  commands: new Set([...Object.keys(requestPolicies), 'clock.tick']),
  open: (context, command) => {
    const pending = context.pendingRequest;
    const request = context.request;
    const requestId =
      command.type === 'clock.tick' ? pending?.id : (command as { requestId?: string }).requestId;
    if (pending === null || request === null) {
      return command.type === 'clock.tick'
        ? null
        : {
            refusal: refuse(
              'UNKNOWN_REQUEST',
              `${requestId} is not open: the subscription has no open request`,
            ),
          };
    }
    if (requestId !== pending.id) {
      return {
        refusal: refuse('UNKNOWN_REQUEST', `${requestId} is not the open request (${pending.id})`, {
          requestId: pending.id,
        }),
      };
    }
    return { id: pending.id, subject: { status: pending.status, context: request as never } };
  },
  refusal: (context, { code, message, details }) => {
    const pending = context.pendingRequest;
    return refuse(code, `request ${pending?.id} (${pending?.status}): ${message}`, {
      ...details,
      requestId: pending?.id,
      requestStatus: pending?.status,
    });
  },
  advance: (context, child) => {
    const pending = context.pendingRequest;
    if (pending === null) return context;
    return {
      ...context,
      request: child.context as unknown as FulfillmentRequestContext,
      pendingRequest: { ...pending, status: child.status as RequestStatus },
    };
  },
  relay: (event) => event.type === 'notification',
};

/** `request.changed` for each request the command moved: opened (from `null`), advanced or closed. */
function changes(before: Subject<Ctx>, after: Subject<Ctx>, command: AnyCommand) {
  const statusIn = ({ context }: Subject<Ctx>, id: string): RequestStatus | null =>
    context.pendingRequest?.id === id
      ? context.pendingRequest.status
      : (context.requests.find((r) => r.id === id)?.status ?? null);
  const touched = new Map<string, RequestChanged['requestType']>();
  const closed = after.context.requests.at(-1);
  for (const r of [before.context.pendingRequest, after.context.pendingRequest])
    if (r) touched.set(r.id, r.requestType);
  if (closed && closed !== before.context.requests.at(-1))
    touched.set(closed.id, closed.requestType);
  const emitted: RequestChanged[] = [];
  for (const [requestId, requestType] of touched) {
    const from = statusIn(before, requestId);
    const to = statusIn(after, requestId);
    if (to !== null && from !== to)
      emitted.push({ type: 'request.changed', requestId, requestType, from, to, at: command.at });
  }
  return { emitted };
}

const subscriptionSpec: MachineSpec<Ctx> = {
  schema: 'subscription-machines/connect.subscription',
  schemaVersion: 1,
  statuses: SUBSCRIPTION_STATUSES,
  finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
  roles: CONNECT_ROLES,
  commands: subscriptionCommands,
  guards: subscriptionGuards,
  context: subscriptionContextSchema,
  invariants: subscriptionInvariants,
  subjectIds: (c) => ({ subscriptionId: c.id }),
  changes,
  output: subscriptionOutput,
  // A status is reached through the request open in it: `active` with a pending suspend request
  // is one step from `suspended`, `active` with a pending change is not.
  graphKey: ({ status, context: { pendingRequest: open } }) =>
    open ? `${status}/${open.requestType}/${open.status}` : status,
  children: subscriptionChildren,
  delegate,
  persisted: subscriptionPersisted,
};

/**
 * A CloudBlue Connect subscription with its open request as a child actor.
 *
 * @example
 * const { snapshot, emitted } = initial(subscriptionMachine, {
 *   id: 'AS-3071-1051-2166', purchaseRequestId: 'PR-3071-1051-2166-001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' }, items: [{ id: 'SKU-1', quantity: 10 }],
 * });
 * statusOf(snapshot); // 'processing'
 */
export const subscriptionMachine = /*#__PURE__*/ commandMachine(base, subscriptionSpec);

/** The machine type of {@link subscriptionMachine}. */
export type SubscriptionMachine = typeof subscriptionMachine;

/** A snapshot of {@link subscriptionMachine}, as `start`, `execute` and `restore` give it. */
export type SubscriptionSnapshot = SnapshotOf<SubscriptionMachine>;
