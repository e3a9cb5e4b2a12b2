/**
 * CloudBlue Connect's tier configuration request, as its status workflow draws it
 * (connect-workflows, `tier-config-request/`: one page per status `s-*` and transition `t-*`; the
 * descriptions name them, and docs/connect.md has the table). Its output tells the fulfillment
 * requests waiting in tiers_setup for the same account and product what to do.
 */
import { assign, emit, setup } from 'xstate';
import type { SnapshotOf } from '../core/api';
import { commandMachine, guardImplementations } from '../core/machine';
import type { MachineSpec } from '../core/spec';
import { applyUpdates } from './parameters';
import { CONNECT_ROLES, type Notification, type NotificationTemplate } from './request.types';
import { tierConfigCommands, tierConfigContext } from './tier-config.commands';
import {
  TIER_CONFIG_SCHEMA,
  tierConfigContextSchema,
  tierConfigInvariants,
  tierConfigOutput,
} from './tier-config.persist';
import { tierConfigGuards } from './tier-config.rules';
import {
  FINAL_TIER_CONFIG_REQUEST_STATUSES,
  type FinalTierConfigRequestStatus,
  TIER_CONFIG_REQUEST_STATUSES,
  type TierConfigRequestCommand,
  type TierConfigRequestCommandOf,
  type TierConfigRequestContext,
  type TierConfigRequestEmitted,
  type TierConfigRequestInput,
  type TierConfigRequestOutput,
} from './tier-config.types';

type Ctx = TierConfigRequestContext;
const as = <T extends TierConfigRequestCommand['type']>(event: unknown) =>
  event as TierConfigRequestCommandOf<T>;

function notice(template: NotificationTemplate, context: Ctx, event: object): Notification {
  // On creation the event is XState's init event, so the time is the creation's.
  const at = 'at' in event && typeof event.at === 'string' ? event.at : context.updatedAt;
  return { type: 'notification', template, at, requestId: context.id };
}

const spec: MachineSpec<Ctx> = {
  schema: TIER_CONFIG_SCHEMA,
  schemaVersion: 1,
  statuses: TIER_CONFIG_REQUEST_STATUSES,
  finalStatuses: FINAL_TIER_CONFIG_REQUEST_STATUSES,
  roles: CONNECT_ROLES,
  commands: tierConfigCommands,
  guards: tierConfigGuards,
  context: tierConfigContextSchema,
  invariants: tierConfigInvariants,
  subjectIds: (c) => ({ requestId: c.id }),
  output: ({ status, context }) =>
    tierConfigOutput(context, status as FinalTierConfigRequestStatus),
};

const base = /*#__PURE__*/ setup({
  types: {} as {
    context: Ctx;
    events: TierConfigRequestCommand;
    input: TierConfigRequestInput;
    output: TierConfigRequestOutput;
    emitted: TierConfigRequestEmitted;
  },
  guards: guardImplementations<Ctx, TierConfigRequestCommand>(tierConfigGuards),
  actions: {
    applyValidation: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'tcr.validate'>(event).params, 'validate'),
    }),
    applyInquiry: assign(({ context, event }) => {
      const { params, templateId } = as<'tcr.inquire'>(event);
      return {
        params: applyUpdates(context.params, params, 'validate'),
        ...(templateId ? { templateId } : {}),
      };
    }),
    applyAnswer: assign({
      params: ({ context, event }) =>
        applyUpdates(context.params, as<'tcr.answer'>(event).params, 'answer'),
    }),
    applyApproval: assign(({ context, event }) => {
      const { params, templateId } = as<'tcr.approve'>(event);
      return { params: applyUpdates(context.params, params, 'fulfil'), templateId };
    }),
    recordReason: assign({ reason: ({ event }) => as<'tcr.fail'>(event).reason }),
    notifyInquiring: emit(({ context, event }) => notice('inquiring', context, event)),
    notifyApproved: emit(({ context, event }) => notice('approved', context, event)),
  },
}).createMachine({
  id: 'tierConfigRequest',
  description:
    'A CloudBlue Connect tier configuration request: the setup, update or adjustment of a reseller’s tier configuration for a product, which the fulfillment requests in tiers setup wait for (connect-workflows: tier-config-request/object).',
  context: ({ input }) => tierConfigContext(input),
  output: ({ event }) => (event as unknown as { output: TierConfigRequestOutput }).output,
  initial: 'start',
  states: {
    start: {
      description:
        'Transient: routes a new request to draft with draft validation, to tiers setup while its tier-2 request is open, to inquiring while an ordering tier parameter has no value, else to pending (connect-workflows tier-config-request t-1-new-draft, t-10-new-tiers, t-9-new-inquiring, t-2-new-pending). Never a resting status.',
      always: [
        { guard: 'startsAsDraft', target: 'draft' },
        { guard: 'waitsForTier2', target: 'tiers_setup' },
        { guard: 'startsIncomplete', target: 'inquiring' },
        { target: 'pending' },
      ],
    },
    draft: {
      description:
        'Draft: validated in real time before it is submitted to tiers setup, inquiring or pending; removed when it is not validated (connect-workflows tier-config-request s-a-draft, t-4-draft-pending, t-11-draft-inquiring, t-12-draft-tiers, t-3-draft-deleted).',
      on: {
        'tcr.submit': [
          { guard: 'submitsToTiersSetup', target: 'tiers_setup' },
          { guard: 'submitsIncomplete', target: 'inquiring' },
          { guard: 'canSubmit', target: 'pending' },
        ],
        'tcr.validate': { guard: 'canValidate', actions: 'applyValidation' },
        'tcr.delete': { guard: 'canDelete', target: 'deleted' },
      },
    },
    tiers_setup: {
      description:
        'Tiers setup: a tier-1 request waits until its tier-2 request is approved, then goes to pending, or to inquiring when tier parameter values are needed; it fails with it, or when rejected (connect-workflows tier-config-request s-c-tiers-setup, t-8-tier-pending, t-7-tier-inquiring, t-16-tier-failed).',
      on: {
        'tierConfig.approve': [
          { guard: 'tier2ApprovedIncomplete', target: 'inquiring' },
          { guard: 'canApproveTierConfig', target: 'pending' },
        ],
        'tierConfig.fail': {
          guard: 'canFailTierConfig',
          target: 'failed',
          actions: 'recordReason',
        },
        'tcr.fail': { guard: 'canFail', target: 'failed', actions: 'recordReason' },
      },
    },
    pending: {
      description:
        'Pending: the vendor approves or rejects it, or marks tier parameter data invalid and inquires; the vendor may write parameter values first (connect-workflows tier-config-request s-b-pending, t-14-pend-approved, t-15-pend-failed, t-5-pend-inquiring).',
      on: {
        'tcr.validate': { guard: 'canValidatePending', actions: 'applyValidation' },
        'tcr.inquire': { guard: 'canInquire', target: 'inquiring', actions: 'applyInquiry' },
        'tcr.approve': {
          guard: 'canApprove',
          target: 'approved',
          actions: ['applyApproval', 'notifyApproved'],
        },
        'tcr.fail': { guard: 'canFail', target: 'failed', actions: 'recordReason' },
      },
    },
    inquiring: {
      description:
        'Inquiring: the tiers are sent a form for the tier parameter data; once all required data is submitted it returns to pending; the vendor may also set it to pending, or reject it (connect-workflows tier-config-request s-d-inquiring, t-6-inq-pending, t-13-inq-failed). Entering it sends the inquiring form.',
      entry: 'notifyInquiring',
      on: {
        'tcr.answer': [
          { guard: 'answersAll', target: 'pending', actions: 'applyAnswer' },
          { guard: 'canAnswer', actions: 'applyAnswer' },
        ],
        'tcr.pend': { guard: 'canPend', target: 'pending' },
        'tcr.validate': { guard: 'canValidateInquiry', actions: 'applyValidation' },
        'tcr.fail': { guard: 'canFail', target: 'failed', actions: 'recordReason' },
      },
    },
    approved: {
      type: 'final',
      description:
        'Approved (final): the tier configuration is active, and the fulfillment requests waiting for it go to pending (connect-workflows tier-config-request s-e-approved).',
      output: ({ context }) => tierConfigOutput(context, 'approved'),
    },
    failed: {
      type: 'final',
      description:
        'Failed (final): the vendor or distributor rejected it; the fulfillment requests waiting for it fail too (connect-workflows tier-config-request s-f-failed).',
      output: ({ context }) => tierConfigOutput(context, 'failed'),
    },
    deleted: {
      type: 'final',
      description:
        'Deleted (final): the draft was not validated and was removed (connect-workflows tier-config-request t-3-draft-deleted).',
      output: ({ context }) => tierConfigOutput(context, 'deleted'),
    },
  },
});

/**
 * One CloudBlue Connect tier configuration request.
 *
 * @example
 * const { snapshot } = initial(tierConfigRequestMachine, {
 *   id: 'TCR-276-377-545-001', requestType: 'setup', at: '2026-01-05T09:00:00Z',
 *   by: { role: 'system' },
 *   configuration: { tierLevel: 1, accountId: 'TA-1234-5678-9012', productId: 'PRD-276-377-545' },
 * });
 * statusOf(snapshot); // 'pending'
 */
export const tierConfigRequestMachine = /*#__PURE__*/ commandMachine(base, spec);

/** The machine type of {@link tierConfigRequestMachine}. */
export type TierConfigRequestMachine = typeof tierConfigRequestMachine;

/** A snapshot of {@link tierConfigRequestMachine}. */
export type TierConfigRequestSnapshot = SnapshotOf<TierConfigRequestMachine>;
