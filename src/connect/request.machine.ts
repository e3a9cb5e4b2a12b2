/**
 * CloudBlue Connect's fulfillment request, as its status workflow draws it (connect-workflows,
 * `subscriptions-fulfillment-request/`: one page per status `s-*` and transition `t-*`; the
 * descriptions name them, and docs/connect.md has the table).
 */
import { assign, emit, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import { applyUpdates } from './parameters';
import {
  type RequestCommandType,
  requestCommands,
  requestContext,
  trustedRequestContext,
} from './request.commands';
import {
  REQUEST_SCHEMA,
  requestContextSchema,
  requestInvariants,
  requestOutput,
} from './request.persist';
import { requestGuards } from './request.rules';
import {
  CONNECT_ROLES,
  FINAL_REQUEST_STATUSES,
  type FinalRequestStatus,
  type FulfillmentRequestCommand,
  type FulfillmentRequestContext,
  type FulfillmentRequestEmitted,
  type FulfillmentRequestInput,
  type FulfillmentRequestOutput,
  type Notification,
  type NotificationTemplate,
  REQUEST_STATUSES,
  type RequestCommandOf,
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

/** What the step needs to know about the request beside its chart. */
const requestSpec: MachineSpec<FulfillmentRequestContext> = {
  schema: REQUEST_SCHEMA,
  schemaVersion: 1,
  statuses: REQUEST_STATUSES,
  finalStatuses: FINAL_REQUEST_STATUSES,
  roles: CONNECT_ROLES,
  commands: requestCommands,
  guards: requestGuards,
  context: requestContextSchema,
  invariants: requestInvariants,
  subjectIds: (c) => ({ subscriptionId: c.subscriptionId, requestId: c.id }),
  output: ({ status, context }) => requestOutput(context, status as FinalRequestStatus),
  trustedContext: trustedRequestContext,
};

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: FulfillmentRequestContext;
    events: FulfillmentRequestCommand;
    input: FulfillmentRequestInput;
    output: FulfillmentRequestOutput;
    emitted: FulfillmentRequestEmitted;
  },
  guards: guardImplementations<Ctx, FulfillmentRequestCommand>(requestGuards),
  actions: {
    applyValidation: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'request.validate'>(event).params, 'validate'),
    }),
    applyEdit: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'request.update'>(event).params, 'edit'),
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
      const { params, templateId, activationTile, effectiveDate } = as<'request.approve'>(event);
      return {
        params: applyUpdates(context.params, params, 'fulfil'),
        ...(templateId ? { templateId } : {}),
        ...(activationTile ? { activationTile } : {}),
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
  description:
    'A CloudBlue Connect fulfillment request: a purchase, change, suspend, resume, cancel, adjustment, renew or transfer of a subscription (connect-workflows: subscriptions-fulfillment-request/object).',
  context: ({ input }) => requestContext(input),
  // The final status's own output (below) becomes the machine's output.
  output: ({ event }) => (event as unknown as { output: FulfillmentRequestOutput }).output,
  initial: 'start',
  states: {
    start: {
      description:
        'Transient: routes a new request to its first status (connect-workflows t-1-new-pending, t-2-new-draft, t-5-pending-tiers-setup; transfer_autoapprove). Never a resting status.',
      always: [
        { guard: 'autoApprovesTransfer', target: 'approved' },
        { guard: 'startsAsDraft', target: 'draft' },
        { guard: 'needsTierConfig', target: 'tiers_setup' },
        { target: 'pending' },
      ],
    },
    draft: {
      description:
        'Draft: created for validation before provisioning, with dynamic validation on for its type (purchase, change, renew, transfer); the buyer edits, the vendor validates, then the buyer submits to tiers setup, inquiring when a required value is missing, or pending (connect-workflows s-a-draft, t-2-new-draft; connect-eaas-core asset_*_request_validation).',
      on: {
        'request.submit': [
          { guard: 'submitsToTiersSetup', target: 'tiers_setup' },
          { guard: 'submitsIncomplete', target: 'inquiring' },
          { guard: 'canSubmit', target: 'pending' },
        ],
        'request.update': { guard: 'canUpdate', actions: 'applyEdit' },
        'request.validate': { guard: 'canValidate', actions: 'applyValidation' },
        'request.delete': { guard: 'canDelete', target: 'deleted' },
      },
    },
    tiers_setup: {
      description:
        'Tiers setup: waits for the tier configuration request; its approval sends the Tier Configuration Approved template and moves it to pending, or to inquiring while ordering data is missing or wrong (connect-workflows s-c-tiers-setup).',
      on: {
        'tierConfig.approve': [
          {
            guard: 'approvesTierConfigIncomplete',
            target: 'inquiring',
            actions: 'notifyTierConfigApproved',
          },
          {
            guard: 'canApproveTierConfig',
            target: 'pending',
            actions: 'notifyTierConfigApproved',
          },
        ],
        'tierConfig.fail': {
          guard: 'canFailTierConfig',
          target: 'failed',
          actions: 'recordReason',
        },
      },
    },
    pending: {
      description:
        'Pending: waiting for the vendor to approve, fail, inquire or schedule it; the vendor may write parameter values and errors first (PUT /requests/{id}); entering it sends the Pending template (connect-workflows s-b-pending).',
      entry: 'notifyPending',
      on: {
        'request.validate': { guard: 'canValidatePending', actions: 'applyValidation' },
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
        'Inquiring: the buyer is asked for the parameter data that carries errors, and it returns to pending once all required parameter data is presented; the vendor may still approve or fail it, as the SDKs’ state tables allow (connect-workflows s-d-inquiring; connect-python-sdk connect/models/asset_request.py). Entering it sends the Inquiring template.',
      entry: 'notifyInquiring',
      on: {
        'request.answer': [
          { guard: 'answersAll', target: 'pending', actions: 'applyAnswer' },
          { guard: 'canAnswer', actions: 'applyAnswer' },
        ],
        'request.pend': { guard: 'canPend', target: 'pending' },
        'request.update': { guard: 'canUpdateInquiry', actions: 'applyEdit' },
        'request.validate': { guard: 'canValidateInquiry', actions: 'applyValidation' },
        'request.approve': { guard: 'canApprove', target: 'approved', actions: 'applyApproval' },
        'request.fail': { guard: 'canFail', target: 'failed', actions: 'recordReason' },
      },
    },
    scheduled: {
      description:
        'Scheduled: a delayed activation; back to pending at its planned date, or revoked by the distributor or reseller (connect-workflows s-g-scheduled).',
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
        'Revoking: the distributor or reseller revoked it; waits for the vendor to confirm (connect-workflows s-h-revoking).',
      on: {
        'request.confirmRevocation': { guard: 'canConfirmRevocation', target: 'revoked' },
      },
    },
    approved: {
      type: 'final',
      description:
        'Approved (final): the vendor completed the request (pending or inquiring), and the subscription changed accordingly (connect-workflows s-e-approved; connect-python-sdk connect/models/asset_request.py).',
      output: ({ context }) => requestOutput(context, 'approved'),
    },
    failed: {
      type: 'final',
      description:
        'Failed (final): the vendor rejected it (pending or inquiring), or its tier configuration failed (connect-workflows s-f-failed; connect-python-sdk connect/models/asset_request.py).',
      output: ({ context }) => requestOutput(context, 'failed'),
    },
    revoked: {
      type: 'final',
      description:
        'Revoked (final): the vendor confirmed the revocation (connect-workflows s-i-revoked).',
      output: ({ context }) => requestOutput(context, 'revoked'),
    },
    deleted: {
      type: 'final',
      description: 'Deleted (final): the draft was removed (connect-workflows t-4-draft-deleted).',
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
export const fulfillmentRequestMachine = /*#__PURE__*/ commandMachine(base, requestSpec);

/** The machine type of {@link fulfillmentRequestMachine}. */
export type FulfillmentRequestMachine = typeof fulfillmentRequestMachine;

/** A snapshot of {@link fulfillmentRequestMachine}. */
export type FulfillmentRequestSnapshot = SnapshotOf<FulfillmentRequestMachine>;
