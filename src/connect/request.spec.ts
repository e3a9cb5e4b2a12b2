/**
 * The fulfillment request's spec for the command runner: commands, guards, input and persisted
 * context validation.
 */
import { bookkeepingShape, created } from '../core/bookkeeping';
import { tickSpec } from '../core/command';
import {
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  type Schema,
} from '../core/schema';
import type { MachineSpec } from '../core/spec';
import { type CapabilitiesInput, checkCapabilities, defineCapabilities } from './capabilities';
import { itemsSchema, parametersSchema } from './parameters';
import { requestCommandSpecs } from './request.commands';
import { requestGuards, requestTypeEnabled } from './request.rules';
import {
  CONNECT_ROLES,
  FINAL_REQUEST_STATUSES,
  type FinalRequestStatus,
  type FulfillmentRequestContext,
  type FulfillmentRequestInput,
  type FulfillmentRequestOutput,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from './request.types';

const capabilitiesSchema: Schema<unknown> = checkCapabilities;

const inputSchema = object({
  id: nonEmptyString,
  subscriptionId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  at: instant,
  by: object({ role: literal(...CONNECT_ROLES), id: optional(nonEmptyString) }),
  capabilities: optional((value: unknown, path: string) =>
    typeof value === 'object' && value !== null ? null : `${path}: expected an object`,
  ),
  draft: optional(boolean),
  tierConfigRequired: optional(boolean),
  items: optional(itemsSchema),
  params: optional(parametersSchema),
});

/**
 * The context of a new request. Throws a `TypeError` naming the bad input field, or the capability
 * a request type needs.
 */
export function requestContext(input: FulfillmentRequestInput): FulfillmentRequestContext {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`fulfillmentRequestMachine ${error}`);
  const capabilities = defineCapabilities(input.capabilities as CapabilitiesInput | undefined);
  const disabled = requestTypeEnabled(capabilities, input.requestType);
  if (disabled)
    throw new TypeError(`fulfillmentRequestMachine input.requestType: ${disabled.message}`);
  return {
    id: input.id,
    subscriptionId: input.subscriptionId,
    requestType: input.requestType,
    capabilities,
    draft: input.draft === true,
    tierConfigRequired: input.tierConfigRequired === true,
    items: input.items ?? [],
    params: input.params ?? [],
    ...created(input),
  };
}

/** What a request in a final status gives its parent. */
export function requestOutput(
  context: FulfillmentRequestContext,
  status: FinalRequestStatus,
): FulfillmentRequestOutput {
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
  };
}

export const requestContextSchema = object({
  id: nonEmptyString,
  subscriptionId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  capabilities: capabilitiesSchema,
  draft: boolean,
  tierConfigRequired: boolean,
  items: itemsSchema,
  params: parametersSchema,
  plannedDate: optional(instant),
  effectiveDate: optional(instant),
  templateId: optional(nonEmptyString),
  reason: optional(nonEmptyString),
  ...bookkeepingShape(REQUEST_STATUSES, CONNECT_ROLES),
});

/** Cross-field facts of a request in a given status, checked when it is restored. */
export function requestInvariants(
  status: string,
  context: FulfillmentRequestContext,
): string | null {
  if (status === 'scheduled' && context.plannedDate === undefined)
    return 'context.plannedDate: a scheduled request needs one';
  if (
    (status === 'failed' || status === 'revoking' || status === 'revoked') &&
    context.reason === undefined
  ) {
    return `context.reason: a ${status} request needs one`;
  }
  const last = context.audit[context.audit.length - 1];
  if (last === undefined || last.to !== status)
    return `context.audit: the last entry must lead to ${status}`;
  return null;
}

export const requestSpec: MachineSpec<FulfillmentRequestContext> = {
  schema: 'subscription-machines/connect.fulfillment-request',
  schemaVersion: 1,
  statuses: REQUEST_STATUSES,
  finalStatuses: FINAL_REQUEST_STATUSES,
  roles: CONNECT_ROLES,
  commands: {
    ...requestCommandSpecs<FulfillmentRequestContext>((c) => c.id),
    'clock.tick': tickSpec,
  },
  guards: requestGuards,
  context: requestContextSchema,
  invariants: ({ status, context }) => requestInvariants(status, context),
  subjectIds: (c) => ({ subscriptionId: c.subscriptionId, requestId: c.id }),
  output: ({ status, context }) => requestOutput(context, status as FinalRequestStatus),
};
