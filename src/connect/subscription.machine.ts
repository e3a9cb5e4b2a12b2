/**
 * CloudBlue Connect's subscription (the API's asset), as drawn in
 * reference/connect-subscription-statuses.png (DOMAIN.md §1.1; row numbers are the diagram's).
 *
 * Its status changes only when its open request ends. The open request is a child actor (the
 * fulfillment request machine) that the inspector shows, and plain data in the context, advanced
 * by the request machine's own pure API, so the pure API and an actor always agree.
 */
import { assign, emit, enqueueActions, setup } from 'xstate';
import { commandMachine, guardImplementations } from '../core/machine';
import type { AnyCommand } from '../core/spec';
import { fulfillmentRequestMachine } from './request.machine';
import type { FulfillmentRequestInput, Notification } from './request.types';
import {
  advanceRequest,
  applyApproved,
  closeRequest,
  createInput,
  forwarded,
  openRequest,
  purchaseInput,
  REQUEST_ACTOR,
} from './subscription.requests';
import { subscriptionGuards } from './subscription.rules';
import { subscriptionContext, subscriptionOutput, subscriptionSpec } from './subscription.spec';
import type {
  SubscriptionCommand,
  SubscriptionContext,
  SubscriptionEmitted,
  SubscriptionInput,
  SubscriptionOutput,
  SubscriptionStatus,
} from './subscription.types';

type Enqueue = Parameters<Parameters<typeof enqueueActions>[0]>[0]['enqueue'];

/** Request commands go to the open request; each has its own guard, named as on the request. */
const forward = <G extends keyof typeof subscriptionGuards>(guard: G) => ({
  guard,
  actions: ['advanceRequest', 'forwardToRequest'] as ('advanceRequest' | 'forwardToRequest')[],
});

const at = (event: unknown, context: SubscriptionContext) =>
  (event as Partial<AnyCommand>).at ?? context.updatedAt;

const base = setup({
  types: {} as {
    context: SubscriptionContext;
    events: SubscriptionCommand;
    input: SubscriptionInput;
    output: SubscriptionOutput;
    emitted: SubscriptionEmitted;
  },
  actors: { [REQUEST_ACTOR]: fulfillmentRequestMachine },
  guards: guardImplementations<SubscriptionContext, SubscriptionCommand>(
    subscriptionGuards as never,
  ),
  actions: {
    openPurchase: enqueueActions(({ context, event, enqueue }) => {
      // XState's init event carries the input.
      const input = purchaseInput(
        (event as unknown as { input: SubscriptionInput }).input,
        context,
      );
      open(enqueue as never, input, null);
    }),
    openRequest: enqueueActions(
      ({ context, event, enqueue }, params: { openedIn: SubscriptionStatus }) => {
        open(enqueue as never, createInput(context, event as AnyCommand), params.openedIn);
      },
    ),
    advanceRequest: enqueueActions(({ context, event, enqueue }) => {
      const next = advanceRequest(context, event as AnyCommand);
      enqueue.assign({ pendingRequest: next.pendingRequest, request: next.request });
      for (const notification of next.notifications) enqueue.emit(notification);
    }),
    forwardToRequest: enqueueActions(({ context, event, enqueue }) => {
      const id = context.pendingRequest?.id;
      if (id !== undefined) enqueue.sendTo(id, forwarded(event as AnyCommand) as never);
    }),
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
    'A CloudBlue Connect subscription (asset), changed only through its fulfillment requests (DOMAIN.md §1.1).',
  context: ({ input }) => subscriptionContext(input),
  output: ({ event }) => (event as unknown as { output: SubscriptionOutput }).output,
  initial: 'start',
  on: {
    'request.submit': forward('canSubmit'),
    'request.validate': forward('canValidate'),
    'request.inquire': forward('canInquire'),
    'request.answer': forward('canAnswer'),
    'request.pend': forward('canPend'),
    'request.approve': forward('canApprove'),
    'request.fail': forward('canFail'),
    'request.schedule': forward('canSchedule'),
    'request.revoke': forward('canRevoke'),
    'request.confirmRevocation': forward('canConfirmRevocation'),
    'tierConfig.require': forward('canRequireTierConfig'),
    'tierConfig.approve': forward('canApproveTierConfig'),
    'tierConfig.fail': forward('canFailTierConfig'),
    'request.delete': forward('canDelete'),
    'clock.tick': forward('isDue'),
  },
  states: {
    start: {
      description:
        'Transient: the subscription is born with its purchase request (rows 1 and 10). Never a resting status.',
      entry: 'openPurchase',
      always: [{ guard: 'startsAsDraft', target: 'draft' }, { target: 'processing' }],
    },
    draft: {
      description:
        'Row 10: a draft purchase, to be validated before provisioning (Dynamic Validation of the Draft Requests).',
      always: [
        { guard: 'purchaseSubmitted', target: 'processing' },
        { guard: 'purchaseDeleted', target: 'deleted', actions: 'closeRequest' },
      ],
    },
    processing: {
      description:
        'Rows 1 and 12: the purchase request is open; the vendor approves or fails it. Cannot be suspended or deleted.',
      always: [
        {
          guard: 'purchaseApproved',
          target: 'active',
          actions: ['applyRequest', 'notifyActivation', 'closeRequest'],
        },
        { guard: 'requestEnded', target: 'terminated', actions: 'closeRequest' },
      ],
    },
    active: {
      description:
        'Rows 2, 6, 7 and 9: provisioned. Change, suspend, cancel, adjustment, renew and transfer requests can be created.',
      on: {
        'request.create': [
          {
            guard: 'opensCancel',
            target: 'terminating',
            actions: { type: 'openRequest', params: { openedIn: 'active' } },
          },
          {
            guard: 'opensActiveRequest',
            actions: { type: 'openRequest', params: { openedIn: 'active' } },
          },
        ],
      },
      always: [
        {
          guard: 'suspendApproved',
          target: 'suspended',
          actions: ['applyRequest', 'closeRequest'],
        },
        { guard: 'requestApproved', actions: ['applyRequest', 'closeRequest'] },
        { guard: 'requestEnded', actions: 'closeRequest' },
      ],
    },
    suspended: {
      description:
        'Row 8: on hold (Administrative Hold). Resume, cancel (ours) and adjustment requests can be created.',
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
      },
      always: [
        { guard: 'resumeApproved', target: 'active', actions: ['applyRequest', 'closeRequest'] },
        { guard: 'requestApproved', actions: ['applyRequest', 'closeRequest'] },
        { guard: 'requestEnded', actions: 'closeRequest' },
      ],
    },
    terminating: {
      description:
        'Row 4: a cancel request is open. Approved → terminated (row 5); failed or revoked → back where it came from.',
      always: [
        {
          guard: 'cancelApproved',
          target: 'terminated',
          actions: ['applyRequest', 'closeRequest'],
        },
        { guard: 'requestEndedFromSuspended', target: 'suspended', actions: 'closeRequest' },
        { guard: 'requestEnded', target: 'active', actions: 'closeRequest' },
      ],
    },
    terminated: {
      type: 'final',
      description: 'Rows 3 and 5 (final): no further actions are available.',
      output: ({ context }) => subscriptionOutput({ status: 'terminated', context }),
    },
    deleted: {
      type: 'final',
      description: 'Row 11 (final): the draft was deleted with its request.',
      output: ({ context }) => subscriptionOutput({ status: 'deleted', context }),
    },
  },
});

/**
 * Opens a request: its data in the context, its notifications re-emitted, its live child spawned.
 * The purchase (`openedIn: null`) opens in draft or processing, as its own first status says.
 */
function open(
  enqueue: Enqueue,
  input: FulfillmentRequestInput,
  openedIn: SubscriptionStatus | null,
): void {
  const opened = openRequest(input, openedIn);
  enqueue.assign({ pendingRequest: opened.pendingRequest, request: opened.request } as never);
  for (const notification of opened.notifications) enqueue.emit(notification as never);
  enqueue.spawnChild(REQUEST_ACTOR as never, { id: input.id, input } as never);
}

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
export const subscriptionMachine = commandMachine(base, subscriptionSpec as never);

/** The machine type of {@link subscriptionMachine}. */
export type SubscriptionMachine = typeof subscriptionMachine;
