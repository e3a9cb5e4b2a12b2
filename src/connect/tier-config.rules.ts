/**
 * The rules of a tier configuration request and its named guards (connect-workflows
 * `tier-config-request/`: one page per status and transition). The parameter rules are the ones a
 * fulfillment request has.
 */
import { type Rule, refuse } from '../core/rejection';
import { guards } from '../core/spec';
import type { Capabilities } from './capabilities';
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
  TierConfigRequestCommand,
  TierConfigRequestContext,
  TierConfigRequestType,
} from './tier-config.types';

type Ctx = TierConfigRequestContext;

/**
 * Whether a new request may start as a draft: Dynamic Validation – Tier Config Request – Draft
 * (`tiers.validation`) for setup requests, `tiers.configs.update.validation` for updates
 * (connect-workflows tier-config-request t-1-new-draft).
 */
export function tierDraftAllowed(capabilities: Capabilities, type: TierConfigRequestType): boolean {
  if (type === 'setup') return capabilities.tierConfigDraftValidation;
  return type === 'update' && capabilities.tierConfigUpdateDraftValidation;
}

/** The inquiring validation switch of a request type. */
function inquiringValidationOf(context: Ctx): { on: boolean; capability: string } {
  return context.requestType === 'update'
    ? {
        on: context.capabilities.tierConfigUpdateInquiringValidation,
        capability: 'tierConfigUpdateInquiringValidation',
      }
    : {
        on: context.capabilities.tierConfigSetupInquiringValidation,
        capability: 'tierConfigSetupInquiringValidation',
      };
}

const inquiringValidationOn: Rule<Ctx, { readonly type: string }> = (context, command) => {
  const { on, capability } = inquiringValidationOf(context);
  return on
    ? null
    : refuse(
        'CAPABILITY_DISABLED',
        `${command.type} on an inquiring ${context.requestType} request needs the ${capability} capability`,
        { capability },
      );
};

const orderingUpdates = updatesIn('ordering');
const fulfillmentUpdates = updatesIn('fulfillment');
// "Params can be modified only in Pending state" (connect-python-sdk connect/models/tier_config_request.py).
const requestUpdates = updatesIn('ordering', 'fulfillment');

const { on, routing } = guards<Ctx, TierConfigRequestCommand>();

/** The named guards of the tier configuration request chart. */
export const tierConfigGuards = {
  startsAsDraft: routing((c) => c.draft && tierDraftAllowed(c.capabilities, c.requestType)),
  waitsForTier2: routing((c) => c.waitsForTier2),
  startsIncomplete: routing(orderingIncomplete),
  submitsToTiersSetup: on(['tcr.submit'], {
    when: (c) => c.waitsForTier2,
    rules: [isThisRequest, noOrderingErrors],
  }),
  submitsIncomplete: on(['tcr.submit'], {
    when: orderingIncomplete,
    rules: [isThisRequest, noOrderingErrors],
  }),
  canSubmit: on(['tcr.submit'], { rules: [isThisRequest, noOrderingErrors] }),
  canValidate: on(['tcr.validate'], { rules: [isThisRequest, orderingUpdates] }),
  canValidatePending: on(['tcr.validate'], { rules: [isThisRequest, requestUpdates] }),
  canValidateInquiry: on(['tcr.validate'], {
    rules: [inquiringValidationOn, isThisRequest, orderingUpdates],
  }),
  canDelete: on(['tcr.delete'], { rules: [isThisRequest] }),
  canInquire: on(['tcr.inquire'], { rules: [isThisRequest, orderingUpdates, hasErrorsToShow] }),
  answersAll: on(['tcr.answer'], { when: answersAll, rules: [isThisRequest, orderingUpdates] }),
  canAnswer: on(['tcr.answer'], { rules: [isThisRequest, orderingUpdates] }),
  canPend: on(['tcr.pend'], { rules: [isThisRequest] }),
  canApprove: on(['tcr.approve'], {
    rules: [isThisRequest, fulfillmentUpdates, fulfillmentReady],
  }),
  canFail: on(['tcr.fail'], { rules: [isThisRequest, reasonGiven] }),
  // The tier-2 request was approved: pending, or inquiring while tier data is missing (t-8, t-7).
  tier2ApprovedIncomplete: on(['tierConfig.approve'], {
    when: orderingBlocked,
    rules: [isThisRequest],
  }),
  canApproveTierConfig: on(['tierConfig.approve'], { rules: [isThisRequest] }),
  canFailTierConfig: on(['tierConfig.fail'], { rules: [isThisRequest, reasonGiven] }),
};
