/**
 * The commands of a subscription: `request.create`, the request commands it forwards to its open
 * request, and `clock.tick` (SPEC.md, Connect commands).
 */

import { tickSpec } from '../core/command';
import { refuse } from '../core/rejection';
import { boolean, literal, nonEmptyString, optional } from '../core/schema';
import type { AnyCommand, CommandSpec } from '../core/spec';
import { itemsSchema, parameterUpdatesSchema } from './parameters';
import { requestCommandSpecs } from './request.commands';
import { REQUEST_TYPES, type RequestType } from './request.types';
import type { SubscriptionContext } from './subscription.types';

export const createPayload = {
  requestId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  items: optional(itemsSchema),
  params: optional(parameterUpdatesSchema),
  draft: optional(boolean),
  tierConfigRequired: optional(boolean),
} as const;

/**
 * Who may create which request: the buyer; the vendor for an adjustment (§1.2 "An adjustment is
 * created by the vendor"), and for any type on a preview subscription (seed 004).
 */
function createRole(context: SubscriptionContext, command: AnyCommand) {
  const type = (command as AnyCommand & { requestType: RequestType }).requestType;
  const role = command.by.role;
  if (type === 'adjustment') {
    return role === 'vendor'
      ? null
      : refuse('FORBIDDEN_ROLE', 'adjustment requests are created by the vendor');
  }
  if (role === 'vendor' && context.connection !== 'preview') {
    return refuse(
      'FORBIDDEN_ROLE',
      `the vendor creates ${type} requests only on a preview subscription`,
    );
  }
  return null;
}

/** One probe per request type, with an id no request has used, for `availableCommands`. */
function createProbes(context: SubscriptionContext) {
  const requestId = `PROBE-${context.version}-${context.requests.length}`;
  return REQUEST_TYPES.filter((t) => t !== 'purchase').map((requestType) => ({
    requestId,
    requestType,
  }));
}

export const subscriptionCommands: Record<string, CommandSpec<SubscriptionContext>> = {
  'request.create': {
    payload: createPayload,
    roles: ['buyer', 'vendor'],
    role: createRole,
    probes: createProbes,
  },
  // Probes of forwarded commands read the open request's own parameters.
  ...requestCommandSpecs<SubscriptionContext>(
    (c) => c.pendingRequest?.id,
    (c) => ({ updatedAt: c.updatedAt, params: c.request?.params ?? [] }),
  ),
  'clock.tick': tickSpec,
};
