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
import { guards } from '../core/spec';
import { parseInstant } from '../core/time';
import { type Capabilities, draftValidationOf, inquiringValidationOf } from './capabilities';
import {
  answersAll,
  fulfillmentReady,
  hasErrorsToShow,
  isThisRequest,
  noOrderingErrors,
  orderingBlocked,
  orderingIncomplete,
  reasonGiven,
  updatesIn,
} from './parameter.rules';
import type {
  FulfillmentRequestCommand,
  FulfillmentRequestContext,
  RequestType,
} from './request.types';

type Ctx = FulfillmentRequestContext;
type Command = FulfillmentRequestCommand;
/** A rule over the commands that carry `fields`. */
type RequestRule<Fields = unknown> = Rule<
  Ctx,
  { readonly type: string; readonly at: string } & Fields
>;

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

/**
 * Whether a new request of `type` may start as a draft: purchase, change, renew and transfer have
 * draft validation (connect-workflows t-2-new-draft; connect-eaas-core `asset_*_request_validation`).
 */
export function draftAllowed(capabilities: Capabilities, type: RequestType): boolean {
  return draftValidationOf(capabilities, type);
}

/** Whether a request waits in tiers_setup (connect-workflows t-5-pending-tiers-setup; Reseller Authorization Level). */
export const needsTierConfig = (context: Ctx): boolean =>
  context.tierConfigRequired && context.capabilities.resellerAuthorizationLevel > 0;

const orderingUpdates = updatesIn('ordering');
const fulfillmentUpdates = updatesIn('fulfillment');
// While pending, the vendor's PUT writes any parameter but the product's configuration ones.
const requestUpdates = updatesIn('ordering', 'fulfillment');

/** Dynamic validation of the inquiring form, per request type (Connect's product capabilities). */
const inquiringValidationOn: RequestRule = (context, command) => {
  const { on, capability } = inquiringValidationOf(context.capabilities, context.requestType);
  return on
    ? null
    : refuse(
        'CAPABILITY_DISABLED',
        `${command.type} on an inquiring ${context.requestType} request needs the ${capability} capability`,
        { capability },
      );
};

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
  submitsToTiersSetup: on(['request.submit'], {
    when: needsTierConfig,
    rules: [isThisRequest, noOrderingErrors],
  }),
  // Submitted while a required ordering value is missing: the system inquires (connect-workflows s-a-draft).
  submitsIncomplete: on(['request.submit'], {
    when: orderingIncomplete,
    rules: [isThisRequest, noOrderingErrors],
  }),
  canSubmit: on(['request.submit'], { rules: [isThisRequest, noOrderingErrors] }),
  canUpdate: on(['request.update'], { rules: [isThisRequest, orderingUpdates] }),
  canUpdateInquiry: on(['request.update'], {
    rules: [inquiringValidationOn, isThisRequest, orderingUpdates],
  }),
  canValidate: on(['request.validate'], { rules: [isThisRequest, orderingUpdates] }),
  canValidatePending: on(['request.validate'], { rules: [isThisRequest, requestUpdates] }),
  canValidateInquiry: on(['request.validate'], {
    rules: [inquiringValidationOn, isThisRequest, orderingUpdates],
  }),
  canDelete: on(['request.delete'], { rules: [isThisRequest] }),
  canRequireTierConfig: on(['tierConfig.require'], { rules: [tierConfigOn, isThisRequest] }),
  // Tier configuration done while ordering data is missing or wrong (connect-workflows s-c-tiers-setup).
  approvesTierConfigIncomplete: on(['tierConfig.approve'], {
    when: orderingBlocked,
    rules: [isThisRequest],
  }),
  canApproveTierConfig: on(['tierConfig.approve'], { rules: [isThisRequest] }),
  canFailTierConfig: on(['tierConfig.fail'], { rules: [isThisRequest, reasonGiven] }),
  canInquire: on(['request.inquire'], {
    rules: [isThisRequest, orderingUpdates, hasErrorsToShow],
  }),
  // Back to pending "once all required parameter data is presented" (connect-workflows s-d-inquiring).
  answersAll: on(['request.answer'], {
    when: answersAll,
    rules: [isThisRequest, orderingUpdates],
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
