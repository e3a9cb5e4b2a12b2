/**
 * How a tier configuration request is persisted: its context's schema, the facts a restored request
 * must satisfy, and its output in a final status.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { boolean, instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { Invariant } from '../core/spec';
import { checkCapabilities } from './capabilities';
import { parametersSchema } from './parameters';
import { CONNECT_ROLES } from './request.types';
import { tierDraftAllowed } from './tier-config.rules';
import {
  type FinalTierConfigRequestStatus,
  TIER_CONFIG_REQUEST_STATUSES,
  TIER_CONFIG_REQUEST_TYPES,
  type TierConfigRequestContext,
  type TierConfigRequestOutput,
} from './tier-config.types';

type Ctx = TierConfigRequestContext;

export const TIER_CONFIG_SCHEMA = 'subscription-machines/connect.tier-config-request';

export const tierConfigContextSchema = object({
  id: nonEmptyString,
  requestType: literal(...TIER_CONFIG_REQUEST_TYPES),
  configuration: object({
    id: optional(nonEmptyString),
    tierLevel: literal(1, 2),
    accountId: nonEmptyString,
    productId: nonEmptyString,
  }),
  capabilities: checkCapabilities,
  draft: boolean,
  waitsForTier2: boolean,
  params: parametersSchema,
  createdAt: instant,
  templateId: optional(nonEmptyString),
  reason: optional(nonEmptyString),
  ...bookkeepingShape(TIER_CONFIG_REQUEST_STATUSES, CONNECT_ROLES),
});

/** What a request in a final status gives: and what the requests waiting on it do now. */
export function tierConfigOutput(
  context: Ctx,
  status: FinalTierConfigRequestStatus,
): TierConfigRequestOutput {
  return {
    id: context.id,
    requestType: context.requestType,
    status,
    configuration: context.configuration,
    params: context.params,
    ...(context.templateId === undefined ? {} : { templateId: context.templateId }),
    ...(context.reason === undefined ? {} : { reason: context.reason }),
    waiting:
      status === 'approved'
        ? { type: 'tierConfig.approve' }
        : status === 'failed'
          ? { type: 'tierConfig.fail', reason: context.reason ?? 'tier configuration failed' }
          : null,
  };
}

/** Facts of a restored request, each naming the field it checks. */
export const tierConfigInvariants: readonly Invariant<Ctx>[] = [
  ({ context }) =>
    context.audit[0]?.version === 1 && context.audit[0].at !== context.createdAt
      ? "context.createdAt: is not the creation's time"
      : null,
  ({ status, context }) =>
    status === 'failed' && context.reason === undefined
      ? 'context.reason: a failed request needs one'
      : null,
  ({ status, context }) =>
    status === 'draft' &&
    !(context.draft && tierDraftAllowed(context.capabilities, context.requestType))
      ? 'context.draft: only a draft asked for, with draft validation on for its type, is a draft'
      : null,
  ({ status, context }) =>
    status === 'tiers_setup' && !context.waitsForTier2
      ? 'context.waitsForTier2: only a tier-1 request waiting for its tier-2 request is in tiers_setup'
      : null,
  ({ context }) =>
    context.waitsForTier2 && context.configuration.tierLevel !== 1
      ? 'context.waitsForTier2: only a tier-1 request waits for its tier-2 request'
      : null,
];
