/**
 * The rules of a fulfillment request, as pure functions, and the named guards built from them.
 * The chart's guards, `explain`, `can` and `availableCommands` all run these. Sources: the
 * connect-workflows pages of the fulfillment request (`subscriptions-fulfillment-request/`), and
 * Connect's processor template for the parameter checks.
 *
 * Within a guard, rules run in the fixed order of step 7: capability, open request, reason,
 * parameters, dates.
 */

import { type Refusal, type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import { guards } from '../core/spec';
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
  FulfillmentRequestCommand,
  FulfillmentRequestContext,
  Parameter,
  ParameterUpdate,
  RequestType,
} from './request.types';

type Ctx = FulfillmentRequestContext;
type Command = FulfillmentRequestCommand;
/** A rule over the commands that carry `fields`. */
type RequestRule<Fields = unknown> = Rule<
  Ctx,
  { readonly type: string; readonly at: string } & Fields
>;
type WithParams = { readonly params?: readonly ParameterUpdate[] };

const NEEDS: ReadonlyMap<RequestType, keyof Capabilities> = new Map([
  ['suspend', 'administrativeHold'],
  ['resume', 'administrativeHold'],
  ['renew', 'renew'],
  ['transfer', 'transfer'],
]);

/** Suspend and resume need Administrative Hold; renew and transfer need their switches. */
export function requestTypeEnabled(capabilities: Capabilities, type: RequestType): Refusal | null {
  const capability = NEEDS.get(type);
  if (capability === undefined || capabilities[capability] === true) return null;
  return refuse('CAPABILITY_DISABLED', `${type} requests need the ${capability} capability`, {
    capability,
  });
}

/** Whether a new request of `type` starts as a draft (connect-workflows t-2-new-draft; the draft validation capabilities). */
export function draftAllowed(capabilities: Capabilities, type: RequestType): boolean {
  return type === 'purchase'
    ? capabilities.draftValidation
    : type === 'change' && capabilities.changeDraftValidation;
}

/** Whether a request waits in tiers_setup (connect-workflows t-5-pending-tiers-setup; Reseller Authorization Level). */
export const needsTierConfig = (context: Ctx): boolean =>
  context.tierConfigRequired && context.capabilities.resellerAuthorizationLevel > 0;

/** The command is for this request (`UNKNOWN_REQUEST` otherwise). */
export const isThisRequest: RequestRule<{ readonly requestId: string }> = (context, command) => {
  const { requestId } = command;
  return requestId === context.id
    ? null
    : refuse('UNKNOWN_REQUEST', `${requestId} is not this request (${context.id})`, {
        requestId: context.id,
      });
};

/** A fail, revoke or tier configuration failure needs a non-blank reason. */
export const reasonGiven: RequestRule = reasonRequired();

/** Parameter updates may only touch parameters of the phase the command writes. */
function updatesIn(phase: Parameter['phase']): RequestRule<WithParams> {
  return (context, command) => {
    const wrong = wrongPhase(context.params, command.params, phase);
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
const after = (context: Ctx, command: WithParams, mode: UpdateMode) =>
  applyUpdates(context.params, command.params, mode);

/** A draft is provisioned only with every required ordering value and no error left (connect-workflows t-3-draft-pending). */
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

/** An inquire must show the buyer at least one ordering parameter error (connect-workflows t-9-pending-inquiring). */
const hasErrorsToShow: RequestRule<WithParams> = (context, command) =>
  withErrors(after(context, command, 'validate'), 'ordering').length > 0
    ? null
    : refuse(
        'NO_PARAMETER_ERRORS',
        'an inquire needs at least one ordering parameter with a valueError',
      );

/** Approval needs every required fulfillment parameter filled (Processor SDK template). */
const fulfillmentReady: RequestRule<WithParams> = (context, command) => {
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
  if (!Object.hasOwn(capabilities.scheduling, type))
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

const plannedInFuture: RequestRule<{ readonly plannedDate: string }> = (_, command) => {
  const { plannedDate } = command;
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

/** The planned date is reached (connect-workflows t-14-scheduled-pending). */
const plannedDateReached = (context: Ctx, command: { readonly at: string }): boolean =>
  context.plannedDate !== undefined &&
  (parseInstant(command.at) ?? 0) >= (parseInstant(context.plannedDate) ?? 0);

const { on, routing } = guards<Ctx, Command>();

/** The named guards of the request chart. */
export const requestGuards = {
  autoApprovesTransfer: routing(
    (c) => c.requestType === 'transfer' && c.capabilities.transferAutoApprove,
  ),
  startsAsDraft: routing((c) => c.draft && draftAllowed(c.capabilities, c.requestType)),
  needsTierConfig: routing(needsTierConfig),
  canSubmit: on(['request.submit'], { rules: [isThisRequest, orderingReady] }),
  submitsToTiersSetup: on(['request.submit'], {
    when: needsTierConfig,
    rules: [isThisRequest, orderingReady],
  }),
  canValidate: on(['request.validate'], { rules: [isThisRequest, orderingUpdates] }),
  canValidateInquiry: on(['request.validate'], {
    rules: [inquiringValidationOn, isThisRequest, orderingUpdates],
  }),
  canDelete: on(['request.delete'], { rules: [isThisRequest] }),
  canRequireTierConfig: on(['tierConfig.require'], { rules: [tierConfigOn, isThisRequest] }),
  canApproveTierConfig: on(['tierConfig.approve'], { rules: [isThisRequest] }),
  canFailTierConfig: on(['tierConfig.fail'], { rules: [isThisRequest, reasonGiven] }),
  canInquire: on(['request.inquire'], {
    rules: [isThisRequest, orderingUpdates, hasErrorsToShow],
  }),
  canAnswer: on(['request.answer'], { rules: [isThisRequest, orderingUpdates] }),
  canPend: on(['request.pend'], { rules: [isThisRequest] }),
  canApprove: on(['request.approve'], {
    rules: [isThisRequest, fulfillmentUpdates, fulfillmentReady],
  }),
  canFail: on(['request.fail'], { rules: [isThisRequest, reasonGiven] }),
  canSchedule: on(['request.schedule'], {
    rules: [schedulingOn, isThisRequest, plannedInFuture],
  }),
  canRevoke: on(['request.revoke'], { rules: [isThisRequest, reasonGiven] }),
  canConfirmRevocation: on(['request.confirmRevocation'], { rules: [isThisRequest] }),
  isDue: on(['clock.tick'], { when: plannedDateReached }),
};
