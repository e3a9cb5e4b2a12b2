/**
 * The commands of a tier configuration request: payloads, roles and probes, and the input that
 * creates one (connect-workflows `tier-config-request/`; the `/tier/config-requests` endpoints of
 * the Connect OpenAPI spec).
 */
import { created } from '../core/bookkeeping';
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
import { resolveCapabilities } from './capabilities';
import { hasError, hasValue, parametersSchema, parameterUpdatesSchema } from './parameters';
import { CONNECT_ROLES } from './request.types';
import {
  TIER_CONFIG_REQUEST_TYPES,
  type TierConfigRequestContext,
  type TierConfigRequestInput,
  type TierConfigRequestPayloads,
} from './tier-config.types';

type Ctx = TierConfigRequestContext;
type CommandType = keyof TierConfigRequestPayloads;
const requestId = nonEmptyString;

/** Payload fields of each command (beside the envelope). */
export const tierConfigPayloads = {
  'tcr.submit': { requestId },
  'tcr.validate': { requestId, params: parameterUpdatesSchema },
  'tcr.inquire': {
    requestId,
    params: optional(parameterUpdatesSchema),
    templateId: optional(nonEmptyString),
  },
  'tcr.answer': { requestId, params: parameterUpdatesSchema },
  'tcr.pend': { requestId },
  'tcr.approve': {
    requestId,
    templateId: nonEmptyString,
    params: optional(parameterUpdatesSchema),
  },
  // A reason is checked by its rule (REASON_REQUIRED), so only its type is checked here.
  'tcr.fail': { requestId, reason: optional(string) },
  'tcr.delete': { requestId },
  'tierConfig.approve': { requestId },
  'tierConfig.fail': { requestId, reason: optional(string) },
} as const satisfies Record<CommandType, unknown>;

/** Who may send each command (step 5). */
const roles: Readonly<Record<CommandType, readonly ('buyer' | 'vendor' | 'system')[]>> = {
  // "Once a tier request is successfully validated" by the distributor (tier-config-request s-b-pending).
  'tcr.submit': ['buyer'],
  'tcr.validate': ['vendor'],
  // The system inquires too, for an ordering value nobody gave (tier-config-request t-9-new-inquiring).
  'tcr.inquire': ['vendor', 'system'],
  'tcr.answer': ['buyer'],
  'tcr.pend': ['vendor'],
  'tcr.approve': ['vendor'],
  // "In case Vendors or Distributors reject a tier configuration request" (tier-config-request s-f-failed).
  'tcr.fail': ['vendor', 'buyer'],
  'tcr.delete': ['system'],
  'tierConfig.approve': ['system'],
  'tierConfig.fail': ['system'],
};

/** A probe of each command that succeeds where the status allows, for `availableCommands`. */
function probeOf(type: CommandType, context: Ctx): Record<string, unknown> {
  const { id, params } = context;
  const ordering = params.find((p) => p.phase === 'ordering')?.id ?? 'probe';
  switch (type) {
    case 'tcr.validate':
      return { requestId: id, params: [] };
    case 'tcr.inquire':
      return { requestId: id, params: [{ id: ordering, valueError: 'probe' }] };
    case 'tcr.answer':
      return {
        requestId: id,
        params: params
          .filter((p) => p.phase === 'ordering' && (hasError(p) || (p.required && !hasValue(p))))
          .map((p) => ({ id: p.id, value: 'probe' })),
      };
    case 'tcr.approve':
      return {
        requestId: id,
        templateId: 'probe',
        params: params
          .filter((p) => p.phase === 'fulfillment' && p.required && !hasValue(p))
          .map((p) => ({ id: p.id, value: 'probe' })),
      };
    case 'tcr.fail':
    case 'tierConfig.fail':
      return { requestId: id, reason: 'probe' };
    default:
      return { requestId: id };
  }
}

/** The command specs of a tier configuration request (nothing in it is due at a time). */
export const tierConfigCommands: Readonly<Record<string, CommandSpec<Ctx>>> = Object.fromEntries(
  (Object.keys(tierConfigPayloads) as CommandType[]).map((type) => [
    type,
    {
      payload: tierConfigPayloads[type],
      roles: roles[type],
      probes: (context: Ctx) => [probeOf(type, context)],
    },
  ]),
);

const inputSchema = object({
  id: nonEmptyString,
  requestType: literal(...TIER_CONFIG_REQUEST_TYPES),
  configuration: object({
    id: optional(nonEmptyString),
    tierLevel: literal(1, 2),
    accountId: nonEmptyString,
    productId: nonEmptyString,
  }),
  at: instant,
  by: object({ role: literal(...CONNECT_ROLES), id: optional(nonEmptyString) }),
  // Checked and resolved by defineCapabilities, which names the bad field.
  capabilities: optional(anObject),
  draft: optional(boolean),
  waitsForTier2: optional(boolean),
  params: optional(parametersSchema),
});

/** The context of a new request. Throws a `TypeError` naming the bad input field. */
export function tierConfigContext(input: TierConfigRequestInput): Ctx {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`tierConfigRequestMachine ${error}`);
  if (input.waitsForTier2 === true && input.configuration.tierLevel !== 1)
    throw new TypeError(
      'tierConfigRequestMachine input.waitsForTier2: only a tier-1 request waits for its tier-2 request',
    );
  return {
    id: input.id,
    requestType: input.requestType,
    configuration: input.configuration,
    capabilities: resolveCapabilities(input.capabilities, 'tierConfigRequestMachine'),
    draft: input.draft === true,
    waitsForTier2: input.waitsForTier2 === true,
    params: input.params ?? [],
    createdAt: input.at,
    ...created(input),
  };
}
