/**
 * CloudBlue Connect's fulfillment request, as drawn in reference/connect-fulfillment-request-statuses.png
 * (DOMAIN.md §1.2). Row numbers in the descriptions are the diagram's.
 */
import { assign, emit, setup } from 'xstate';
import { commandMachine, guardImplementations } from '../core/machine';
import { applyUpdates } from './parameters';
import type { RequestCommandType } from './request.commands';
import { requestGuards } from './request.rules';
import { requestContext, requestOutput, requestSpec } from './request.spec';
import type {
  FulfillmentRequestCommand,
  FulfillmentRequestContext,
  FulfillmentRequestEmitted,
  FulfillmentRequestInput,
  FulfillmentRequestOutput,
  Notification,
  NotificationTemplate,
  RequestCommandOf,
} from './request.types';

type Ctx = FulfillmentRequestContext;
const as = <T extends RequestCommandType>(event: unknown) => event as RequestCommandOf<T>;

/** A Connect template notification about this request, at the time of the command that sent it. */
function notice(
  template: NotificationTemplate,
  context: Ctx,
  event: { type: string },
): Notification {
  // On creation the event is XState's init event, so the time is the creation's.
  const at = 'at' in event && typeof event.at === 'string' ? event.at : context.updatedAt;
  return {
    type: 'notification',
    template,
    at,
    subscriptionId: context.subscriptionId,
    requestId: context.id,
  };
}

const base = setup({
  types: {} as {
    context: FulfillmentRequestContext;
    events: FulfillmentRequestCommand;
    input: FulfillmentRequestInput;
    output: FulfillmentRequestOutput;
    emitted: FulfillmentRequestEmitted;
  },
  guards: guardImplementations<Ctx, FulfillmentRequestCommand>(requestGuards as never),
  actions: {
    applyValidation: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'request.validate'>(event).params, 'validate'),
    }),
    applyInquiry: assign(({ context, event }) => {
      const { params, templateId } = as<'request.inquire'>(event);
      return {
        params: applyUpdates(context.params, params, 'validate'),
        ...(templateId ? { templateId } : {}),
      };
    }),
    applyAnswer: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'request.answer'>(event).params, 'answer'),
    }),
    applyApproval: assign(({ context, event }) => {
      const { params, templateId, effectiveDate } = as<'request.approve'>(event);
      return {
        params: applyUpdates(context.params, params, 'fulfil'),
        templateId,
        ...(effectiveDate ? { effectiveDate } : {}),
      };
    }),
    recordReason: assign({ reason: ({ event }) => as<'request.fail'>(event).reason }),
    recordPlannedDate: assign({
      plannedDate: ({ event }) => as<'request.schedule'>(event).plannedDate,
    }),
    notifyPending: emit(({ context, event }) => notice('pending', context, event)),
    notifyInquiring: emit(({ context, event }) => notice('inquiring', context, event)),
    notifyTierConfigApproved: emit(({ context, event }) =>
      notice('tier-config-approved', context, event),
    ),
    notifyRevoking: emit(({ context, event }) => notice('revoking', context, event)),
  },
}).createMachine({
  id: 'fulfillmentRequest',
  description: 'A CloudBlue Connect fulfillment request (DOMAIN.md §1.2).',
  context: ({ input }) => requestContext(input),
  // The final status's own output (below) becomes the machine's output.
  output: ({ event }) => (event as unknown as { output: FulfillmentRequestOutput }).output,
  initial: 'start',
  states: {
    start: {
      description:
        'Transient: routes a new request to its first status (rows 1, 2 and 5; transfer auto-approval). Never a resting status.',
      always: [
        { guard: 'autoApprovesTransfer', target: 'approved' },
        { guard: 'startsAsDraft', target: 'draft' },
        { guard: 'needsTierConfig', target: 'tiers_setup' },
        { target: 'pending' },
      ],
    },
    draft: {
      description:
        'Row 2: the buyer created a draft, validated before provisioning (Dynamic Validation of the Draft Requests).',
      on: {
        'request.submit': [
          { guard: 'submitsToTiersSetup', target: 'tiers_setup' },
          { guard: 'canSubmit', target: 'pending' },
        ],
        'request.validate': { guard: 'canValidate', actions: 'applyValidation' },
        'request.delete': { guard: 'canDelete', target: 'deleted' },
      },
    },
    tiers_setup: {
      description:
        'Rows 5–7: waits for the tier configuration request; its approval sends the Tier Configuration Approved template.',
      on: {
        'tierConfig.approve': {
          guard: 'canApproveTierConfig',
          target: 'pending',
          actions: 'notifyTierConfigApproved',
        },
        'tierConfig.fail': {
          guard: 'canFailTierConfig',
          target: 'failed',
          actions: 'recordReason',
        },
      },
    },
    pending: {
      description: 'Row 1: waiting for the vendor; entering it sends the Pending template.',
      entry: 'notifyPending',
      on: {
        'request.inquire': { guard: 'canInquire', target: 'inquiring', actions: 'applyInquiry' },
        'request.approve': { guard: 'canApprove', target: 'approved', actions: 'applyApproval' },
        'request.fail': { guard: 'canFail', target: 'failed', actions: 'recordReason' },
        'request.schedule': {
          guard: 'canSchedule',
          target: 'scheduled',
          actions: 'recordPlannedDate',
        },
        'tierConfig.require': { guard: 'canRequireTierConfig', target: 'tiers_setup' },
      },
    },
    inquiring: {
      description:
        'Rows 8–10: the buyer is asked to fix the parameters that carry errors; entering it sends the Inquiring template.',
      entry: 'notifyInquiring',
      on: {
        'request.answer': { guard: 'canAnswer', target: 'pending', actions: 'applyAnswer' },
        'request.pend': { guard: 'canPend', target: 'pending' },
        'request.validate': { guard: 'canValidateInquiry', actions: 'applyValidation' },
      },
    },
    scheduled: {
      description:
        'Rows 13–15: a delayed activation; returns to pending at its planned date, or is revoked.',
      on: {
        'clock.tick': { guard: 'isDue', target: 'pending' },
        'request.revoke': {
          guard: 'canRevoke',
          target: 'revoking',
          actions: ['recordReason', 'notifyRevoking'],
        },
      },
    },
    revoking: {
      description:
        'Rows 15–16: the distributor or reseller revoked it; waits for the vendor to confirm.',
      on: {
        'request.confirmRevocation': { guard: 'canConfirmRevocation', target: 'revoked' },
      },
    },
    approved: {
      type: 'final',
      description: 'Row 11 (final): the vendor completed the request.',
      output: ({ context }) => requestOutput(context, 'approved'),
    },
    failed: {
      type: 'final',
      description:
        'Rows 6 and 12 (final): the vendor, or the tier configuration, failed it irreversibly.',
      output: ({ context }) => requestOutput(context, 'failed'),
    },
    revoked: {
      type: 'final',
      description: 'Row 16 (final): the vendor confirmed the revocation.',
      output: ({ context }) => requestOutput(context, 'revoked'),
    },
    deleted: {
      type: 'final',
      description: 'Row 4 (final): the draft was garbage-collected.',
      output: ({ context }) => requestOutput(context, 'deleted'),
    },
  },
});

/**
 * One CloudBlue Connect fulfillment request, usable on its own or as a subscription's open request.
 *
 * @example
 * const { snapshot } = initial(fulfillmentRequestMachine, {
 *   id: 'PR-3071-1051-2166-001', subscriptionId: 'AS-3071-1051-2166', requestType: 'purchase',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 * });
 * statusOf(snapshot); // 'pending'
 */
export const fulfillmentRequestMachine = commandMachine(base, requestSpec as never);

/** The machine type of {@link fulfillmentRequestMachine}. */
export type FulfillmentRequestMachine = typeof fulfillmentRequestMachine;
