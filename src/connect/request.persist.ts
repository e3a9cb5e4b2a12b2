/**
 * How a fulfillment request is persisted: its context's schema, the facts a restored request must
 * satisfy, and its output in a final status.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { boolean, instant, literal, nonEmptyString, object, optional } from '../core/schema';
import type { Invariant } from '../core/spec';
import { checkCapabilities } from './capabilities';
import { itemsSchema, parametersSchema } from './parameters';
import { draftAllowed } from './request.rules';
import {
  CONNECT_ROLES,
  type FinalRequestStatus,
  type FulfillmentRequestContext,
  type FulfillmentRequestOutput,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from './request.types';

type Ctx = FulfillmentRequestContext;

export const REQUEST_SCHEMA = 'subscription-machines/connect.fulfillment-request';

export const requestContextSchema = object({
  id: nonEmptyString,
  subscriptionId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  capabilities: checkCapabilities,
  draft: boolean,
  tierConfigRequired: boolean,
  items: itemsSchema,
  params: parametersSchema,
  plannedDate: optional(instant),
  createdAt: instant,
  effectiveDate: optional(instant),
  templateId: optional(nonEmptyString),
  activationTile: optional(nonEmptyString),
  reason: optional(nonEmptyString),
  ...bookkeepingShape(REQUEST_STATUSES, CONNECT_ROLES),
});

/** What a request in a final status gives its parent. */
export function requestOutput(context: Ctx, status: FinalRequestStatus): FulfillmentRequestOutput {
  return {
    id: context.id,
    subscriptionId: context.subscriptionId,
    requestType: context.requestType,
    status,
    items: context.items,
    params: context.params,
    ...(context.reason === undefined ? {} : { reason: context.reason }),
    ...(context.effectiveDate === undefined ? {} : { effectiveDate: context.effectiveDate }),
    ...(context.templateId === undefined ? {} : { templateId: context.templateId }),
    ...(context.activationTile === undefined ? {} : { activationTile: context.activationTile }),
  };
}

const needsReason = new Set(['failed', 'revoking', 'revoked']);

/** Facts of a restored request, each naming the field it checks. */
export const requestInvariants: readonly Invariant<Ctx>[] = [
  ({ context }) =>
    context.audit[0]?.version === 1 && context.audit[0].at !== context.createdAt
      ? "context.createdAt: is not the creation's time"
      : null,

  ({ status, context }) =>
    status === 'scheduled' && context.plannedDate === undefined
      ? 'context.plannedDate: a scheduled request needs one'
      : null,
  ({ status, context }) =>
    needsReason.has(status) && context.reason === undefined
      ? `context.reason: a ${status} request needs one`
      : null,
  ({ status, context }) =>
    status === 'draft' &&
    !(context.draft && draftAllowed(context.capabilities, context.requestType))
      ? 'context.draft: only a draft asked for, with draft validation on for its type, is a draft'
      : null,
  ({ status, context }) =>
    status === 'tiers_setup' && context.capabilities.resellerAuthorizationLevel === 0
      ? 'context.capabilities.resellerAuthorizationLevel: tiers_setup needs tier configuration on'
      : null,
  ({ status, context }) =>
    status === 'scheduled' && !schedulable(context)
      ? `context.capabilities.scheduling: a scheduled ${context.requestType} request needs scheduling.${context.requestType}`
      : null,
];

function schedulable(context: Ctx): boolean {
  const scheduling = context.capabilities.scheduling;
  return Object.hasOwn(scheduling, context.requestType)
    ? scheduling[context.requestType as keyof typeof scheduling]
    : false;
}
