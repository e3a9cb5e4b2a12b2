/**
 * The rules of a fulfillment request (DOMAIN.md §1.2–1.3), as pure functions, and the named guards
 * built from them. The chart's guards, `explain`, `can` and `availableCommands` all run these.
 *
 * Within a guard, rules run in SPEC.md's step-7 order: capability, open request, reason,
 * parameters, dates.
 */

import { type Refusal, type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import type { AnyCommand, GuardSpec } from '../core/spec';
import { parseInstant } from '../core/time';
import type { Capabilities } from './capabilities';
import {
  applyUpdates,
  missingRequired,
  type UpdateMode,
  withErrors,
  wrongPhase,
} from './parameters';
import type {
  FulfillmentRequestContext,
  Parameter,
  ParameterUpdate,
  RequestType,
} from './request.types';

type Ctx = FulfillmentRequestContext;
type RequestRule = Rule<Ctx, AnyCommand>;

interface WithRequestId {
  readonly requestId: string;
}
const payload = <T>(command: AnyCommand) => command as unknown as AnyCommand & T;

/** Suspend and resume need Administrative Hold; renew and transfer need their switches. */
export function requestTypeEnabled(capabilities: Capabilities, type: RequestType): Refusal | null {
  const needs: Partial<Record<RequestType, keyof Capabilities>> = {
    suspend: 'administrativeHold',
    resume: 'administrativeHold',
    renew: 'renew',
    transfer: 'transfer',
  };
  const capability = needs[type];
  if (capability === undefined || capabilities[capability] === true) return null;
  return refuse('CAPABILITY_DISABLED', `${type} requests need the ${capability} capability`, {
    capability,
  });
}

/** Whether a new request of `type` starts as a draft (§1.2 row 2; §1.3 draft validations). */
export function draftAllowed(capabilities: Capabilities, type: RequestType): boolean {
  return type === 'purchase'
    ? capabilities.draftValidation
    : type === 'change' && capabilities.changeDraftValidation;
}

/** Whether a request waits in tiers_setup (§1.2 row 5; §1.3 Reseller Authorization Level). */
export const needsTierConfig = (context: Ctx): boolean =>
  context.tierConfigRequired && context.capabilities.resellerAuthorizationLevel > 0;

/** The command is for this request (`UNKNOWN_REQUEST` otherwise). */
export const isThisRequest: RequestRule = (context, command) => {
  const { requestId } = payload<WithRequestId>(command);
  return requestId === context.id
    ? null
    : refuse('UNKNOWN_REQUEST', `${requestId} is not this request (${context.id})`, {
        requestId: context.id,
      });
};

/** A fail, revoke or tier configuration failure needs a non-blank reason. */
export const reasonGiven: RequestRule = reasonRequired();

/** Parameter updates may only touch parameters of the phase the command writes. */
function updatesIn(phase: Parameter['phase']): RequestRule {
  return (context, command) => {
    const wrong = wrongPhase(
      context.params,
      payload<{ params?: ParameterUpdate[] }>(command).params,
      phase,
    );
    const other = phase === 'ordering' ? 'fulfillment' : 'ordering';
    return wrong.length === 0
      ? null
      : refuse(
          'INVALID_COMMAND',
          `${command.type} writes ${phase} parameters; ${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} ${other}`,
          {
            parameters: wrong,
          },
        );
  };
}
const orderingUpdates = updatesIn('ordering');
const fulfillmentUpdates = updatesIn('fulfillment');

/** Parameters as they would be after the command's updates. */
const after = (context: Ctx, command: AnyCommand, mode: UpdateMode) =>
  applyUpdates(context.params, payload<{ params?: ParameterUpdate[] }>(command).params, mode);

/** A draft is provisioned only with every required ordering value and no error left (§1.2 row 3). */
const orderingReady: RequestRule = (context) => {
  const blocking = [
    ...new Set([
      ...missingRequired(context.params, 'ordering'),
      ...withErrors(context.params, 'ordering'),
    ]),
  ];
  return blocking.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `ordering parameters need valid values first: ${blocking.join(', ')}`,
        {
          parameters: blocking,
        },
      );
};

/** An inquire must show the buyer at least one ordering parameter error (§1.2 "Inquire in practice"). */
const hasErrorsToShow: RequestRule = (context, command) =>
  withErrors(after(context, command, 'validate'), 'ordering').length > 0
    ? null
    : refuse(
        'NO_PARAMETER_ERRORS',
        'an inquire needs at least one ordering parameter with a valueError',
      );

/** Approval needs every required fulfillment parameter filled (Processor SDK template). */
const fulfillmentReady: RequestRule = (context, command) => {
  const missing = missingRequired(after(context, command, 'fulfil'), 'fulfillment');
  return missing.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `required fulfillment parameters have no value: ${missing.join(', ')}`,
        {
          parameters: missing,
        },
      );
};

const inquiringValidationOn: RequestRule = (context) =>
  context.capabilities.inquiringValidation
    ? null
    : refuse(
        'CAPABILITY_DISABLED',
        'validating an inquiring request needs the inquiringValidation capability',
        {
          capability: 'inquiringValidation',
        },
      );

const schedulingOn: RequestRule = (context) => {
  const { requestType: type, capabilities } = context;
  if (!(type in capabilities.scheduling))
    return refuse('INVALID_STATE', `${type} requests cannot be scheduled`);
  return capabilities.scheduling[type as keyof Capabilities['scheduling']]
    ? null
    : refuse(
        'CAPABILITY_DISABLED',
        `scheduling ${type} requests needs the scheduling.${type} capability`,
        {
          capability: `scheduling.${type}`,
        },
      );
};

const plannedInFuture: RequestRule = (_, command) => {
  const { plannedDate } = payload<{ plannedDate: string }>(command);
  return (parseInstant(plannedDate) ?? 0) > (parseInstant(command.at) ?? 0)
    ? null
    : refuse('INVALID_DATE', `plannedDate ${plannedDate} must be after ${command.at}`);
};

const tierConfigOn: RequestRule = (context) =>
  context.capabilities.resellerAuthorizationLevel > 0
    ? null
    : refuse('CAPABILITY_DISABLED', 'tier configuration needs a Reseller Authorization Level', {
        capability: 'resellerAuthorizationLevel',
      });

/** The planned date is reached (§1.2 row 14). */
const plannedDateReached = (context: Ctx, command: AnyCommand): boolean =>
  context.plannedDate !== undefined &&
  (parseInstant(command.at) ?? 0) >= (parseInstant(context.plannedDate) ?? 0);

/** The named guards of the request chart. */
export const requestGuards = {
  autoApprovesTransfer: {
    when: (c) => c.requestType === 'transfer' && c.capabilities.transferAutoApprove,
  },
  startsAsDraft: { when: (c) => c.draft && draftAllowed(c.capabilities, c.requestType) },
  needsTierConfig: { when: needsTierConfig },
  canSubmit: { rules: [isThisRequest, orderingReady] },
  submitsToTiersSetup: { when: needsTierConfig, rules: [isThisRequest, orderingReady] },
  canValidate: { rules: [isThisRequest, orderingUpdates] },
  canValidateInquiry: { rules: [inquiringValidationOn, isThisRequest, orderingUpdates] },
  canDelete: { rules: [isThisRequest] },
  canRequireTierConfig: { rules: [tierConfigOn, isThisRequest] },
  canApproveTierConfig: { rules: [isThisRequest] },
  canFailTierConfig: { rules: [isThisRequest, reasonGiven] },
  canInquire: { rules: [isThisRequest, orderingUpdates, hasErrorsToShow] },
  canAnswer: { rules: [isThisRequest, orderingUpdates] },
  canPend: { rules: [isThisRequest] },
  canApprove: { rules: [isThisRequest, fulfillmentUpdates, fulfillmentReady] },
  canFail: { rules: [isThisRequest, reasonGiven] },
  canSchedule: { rules: [schedulingOn, isThisRequest, plannedInFuture] },
  canRevoke: { rules: [isThisRequest, reasonGiven] },
  canConfirmRevocation: { rules: [isThisRequest] },
  isDue: { when: plannedDateReached },
} satisfies Record<string, GuardSpec<Ctx, AnyCommand>>;
