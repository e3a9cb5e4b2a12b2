/**
 * The commands of a fulfillment request: payloads, roles and probes, and the input that creates
 * one. A subscription accepts the same commands and hands them to its open request, so a new
 * request command is added here (and in the request's chart and rules) only.
 */
import { created } from '../core/bookkeeping';
import { tickSpec } from '../core/command';
import {
  anObject,
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  string,
} from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { dayAfter } from '../core/time';
import { type Capabilities, resolveCapabilities } from './capabilities';
import {
  hasError,
  hasValue,
  itemsSchema,
  parameterEditsSchema,
  parametersSchema,
  parameterUpdatesSchema,
} from './parameters';
import { requestTypeEnabled } from './request.rules';
import {
  CONNECT_ROLES,
  type FulfillmentRequestContext,
  type FulfillmentRequestInput,
  type Parameter,
  REQUEST_TYPES,
} from './request.types';

const requestId = nonEmptyString;

/** Payload fields of each request command (beside the envelope). */
export const requestPayloads = {
  'request.submit': { requestId },
  'request.update': { requestId, params: parameterEditsSchema },
  'request.validate': { requestId, params: parameterUpdatesSchema },
  'request.inquire': {
    requestId,
    params: optional(parameterUpdatesSchema),
    templateId: optional(nonEmptyString),
  },
  'request.answer': { requestId, params: parameterUpdatesSchema },
  'request.pend': { requestId },
  // A templateId or an activationTile: `checks` below asks for one of the two.
  'request.approve': {
    requestId,
    templateId: optional(nonEmptyString),
    activationTile: optional(nonEmptyString),
    params: optional(parameterUpdatesSchema),
    effectiveDate: optional(instant),
  },
  // A reason is checked by its rule (REASON_REQUIRED), so only its type is checked here.
  'request.fail': { requestId, reason: optional(string) },
  'request.schedule': { requestId, plannedDate: instant },
  'request.revoke': { requestId, reason: optional(string) },
  'request.confirmRevocation': { requestId },
  'tierConfig.require': { requestId },
  'tierConfig.approve': { requestId },
  'tierConfig.fail': { requestId, reason: optional(string) },
  'request.delete': { requestId },
} as const;

export type RequestCommandType = keyof typeof requestPayloads;

/** Checks across payload fields, at step 1 (`INVALID_COMMAND`). */
const requestChecks: Partial<Record<RequestCommandType, CommandSpec['check']>> = {
  // Connect's approve takes "either a template_id or an activation_tile" (Connect OpenAPI spec).
  'request.approve': (payload) =>
    payload.templateId === undefined && payload.activationTile === undefined
      ? 'templateId: is required, unless an activationTile is given'
      : null,
};

/** Who may send each request command (step 5). */
export const requestRoles: Readonly<
  Record<RequestCommandType, readonly ('buyer' | 'vendor' | 'system')[]>
> = {
  'request.submit': ['buyer'],
  'request.update': ['buyer'],
  'request.validate': ['vendor'],
  // The system inquires too, when required parameters are missing (connect-workflows t-8).
  'request.inquire': ['vendor', 'system'],
  'request.answer': ['buyer'],
  'request.pend': ['vendor'],
  'request.approve': ['vendor'],
  'request.fail': ['vendor'],
  'request.schedule': ['vendor'],
  'request.revoke': ['buyer'],
  'request.confirmRevocation': ['vendor'],
  'tierConfig.require': ['system'],
  'tierConfig.approve': ['system'],
  'tierConfig.fail': ['system'],
  'request.delete': ['system'],
};

/**
 * The guard a host overrides to add its own policy to each request command (`machine.provide`):
 * the request's own guard of that name judges the command on a request alone; on a subscription,
 * the guard of the same name is the host's hook, after the open request's own rules.
 */
export const requestPolicies: Readonly<Record<RequestCommandType, string>> = {
  'request.submit': 'canSubmit',
  'request.update': 'canUpdate',
  'request.validate': 'canValidate',
  'request.inquire': 'canInquire',
  'request.answer': 'canAnswer',
  'request.pend': 'canPend',
  'request.approve': 'canApprove',
  'request.fail': 'canFail',
  'request.schedule': 'canSchedule',
  'request.revoke': 'canRevoke',
  'request.confirmRevocation': 'canConfirmRevocation',
  'tierConfig.require': 'canRequireTierConfig',
  'tierConfig.approve': 'canApproveTierConfig',
  'tierConfig.fail': 'canFailTierConfig',
  'request.delete': 'canDelete',
};

/** What probes are made from: the time, and the parameters of the request they address. */
export interface ProbeContext {
  readonly updatedAt: string;
  readonly params?: readonly Parameter[];
}

/**
 * A well-formed probe of each request command, for `availableCommands` and graph paths: one that
 * succeeds where the request's state allows (an inquire shows an error, an approval fills the
 * required fulfillment parameters, an answer fixes the errors).
 */
function probeOf(
  type: RequestCommandType,
  id: string,
  context: ProbeContext,
): Record<string, unknown> {
  const params = context.params ?? [];
  const ordering = params.find((p) => p.phase === 'ordering')?.id ?? 'probe';
  const erroneous = params
    .filter((p) => p.phase === 'ordering' && (hasError(p) || (p.required && !hasValue(p))))
    .map((p) => ({ id: p.id, value: 'probe' }));
  const unfilled = params
    .filter((p) => p.phase === 'fulfillment' && p.required && !hasValue(p))
    .map((p) => ({ id: p.id, value: 'probe' }));
  switch (type) {
    case 'request.validate':
    case 'request.update':
      return { requestId: id, params: [] };
    case 'request.inquire':
      return { requestId: id, params: [{ id: ordering, valueError: 'probe' }] };
    case 'request.answer':
      return { requestId: id, params: erroneous };
    case 'request.approve':
      return { requestId: id, templateId: 'probe', params: unfilled };
    case 'request.schedule':
      return { requestId: id, plannedDate: dayAfter(context.updatedAt) };
    case 'request.fail':
    case 'request.revoke':
    case 'tierConfig.fail':
      return { requestId: id, reason: 'probe' };
    default:
      return { requestId: id };
  }
}

/**
 * The command specs of the request commands, for a machine whose open request id is given by
 * `openRequestId` (the request itself, or a subscription's pending request). `probeContext` gives
 * the time and parameters probes are made from (by default the context itself).
 */
export function requestCommandSpecs<Context extends { readonly updatedAt: string }>(
  openRequestId: (context: Context) => string | undefined,
  probeContext: (context: Context) => ProbeContext = (c) => c as ProbeContext,
): Record<RequestCommandType, CommandSpec<Context>> {
  const specs = {} as Record<RequestCommandType, CommandSpec<Context>>;
  for (const type of Object.keys(requestPayloads) as RequestCommandType[]) {
    const check = requestChecks[type];
    specs[type] = {
      payload: requestPayloads[type],
      ...(check ? { check } : {}),
      roles: requestRoles[type],
      probes: (context) => [
        probeOf(type, openRequestId(context) ?? '(none)', probeContext(context)),
      ],
    };
  }
  return specs;
}

/** The command specs of a fulfillment request on its own: its commands, and `clock.tick`. */
export const requestCommands: Readonly<Record<string, CommandSpec<FulfillmentRequestContext>>> = {
  ...requestCommandSpecs<FulfillmentRequestContext>((c) => c.id),
  'clock.tick': tickSpec,
};

const inputSchema = object({
  id: nonEmptyString,
  subscriptionId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  at: instant,
  by: object({ role: literal(...CONNECT_ROLES), id: optional(nonEmptyString) }),
  // Checked and resolved by defineCapabilities, which names the bad field.
  capabilities: optional(anObject),
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
  return contextOf(input, resolveCapabilities(input.capabilities, 'fulfillmentRequestMachine'));
}

/**
 * The context of a request the subscription opens from its own checked data and an admitted
 * command: its capabilities are already resolved, so they are taken as they are.
 */
export function trustedRequestContext(input: unknown): FulfillmentRequestContext {
  const trusted = input as FulfillmentRequestInput;
  return contextOf(trusted, trusted.capabilities as Capabilities);
}

function contextOf(
  input: FulfillmentRequestInput,
  capabilities: Capabilities,
): FulfillmentRequestContext {
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
    createdAt: input.at,
    ...created(input),
  };
}
