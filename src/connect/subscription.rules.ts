/**
 * The rules of a Connect subscription and its named guards (connect-workflows, `subscriptions/`).
 * Request commands are the open request's business: its own step judges them first; the
 * subscription's guard of the same name (`canApprove`, …) is where a host adds its policy, and the
 * routing guards read how the request ended.
 */
import { type Rule, refuse } from '../core/rejection';
import { isPlainObject } from '../core/schema';
import { guards, type NamedGuard } from '../core/spec';
import { requestPolicies } from './request.commands';
import { requestTypeEnabled } from './request.rules';
import type { RequestType } from './request.types';
import type {
  CreateRequestCommand,
  SubscriptionCommand,
  SubscriptionContext,
} from './subscription.types';

type Ctx = SubscriptionContext;
type CreateRule = Rule<Ctx, CreateRequestCommand>;

/** `a` or `an`, for messages. */
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** Request types a status allows (connect-workflows s-b-active, s-e-suspended). */
function typeAllowed(types: readonly RequestType[], status: string): CreateRule {
  return (_, { requestType: type }) =>
    types.includes(type)
      ? null
      : refuse(
          'INVALID_STATE',
          `${article(type)} ${type} request cannot be created on ${article(status)} ${status} subscription (allowed: ${types.join(', ')})`,
        );
}

const capabilityOn: CreateRule = (context, command) =>
  requestTypeEnabled(context.capabilities, command.requestType);

/** At most one open request (`asset.pending_request`). */
const noRequestInProgress: CreateRule = (context) =>
  context.pendingRequest
    ? refuse(
        'REQUEST_IN_PROGRESS',
        `request ${context.pendingRequest.id} is still ${context.pendingRequest.status}`,
        { requestId: context.pendingRequest.id },
      )
    : null;

/** A request id is used once: neither a closed request (within the window) nor the open one. */
const freshRequestId: CreateRule = (context, { requestId }) =>
  context.requests.some((r) => r.id === requestId)
    ? refuse('DUPLICATE_REQUEST', `request id ${requestId} was used before`)
    : null;

const createRules = [capabilityOn, noRequestInProgress, freshRequestId];

const open = (c: Ctx) => c.pendingRequest;
const opening = (type: RequestType) => (_: Ctx, cmd: CreateRequestCommand) =>
  cmd.requestType === type;

const { on, routing } = guards<Ctx, SubscriptionCommand>();

/** Guards a host overrides to add its policy to request commands; they allow by default. */
const policies: Record<string, NamedGuard<Ctx>> = Object.fromEntries(
  Object.entries(requestPolicies).map(([type, name]) => [name, { on: [type] }]),
);

/** The status an existing subscription is taken over in (its input, on XState's init event). */
const existingIn =
  (status: 'active' | 'suspended') =>
  (_: Ctx, event?: unknown): boolean => {
    const input = isPlainObject(event) ? event.input : undefined;
    return isPlainObject(input) && input.status === status;
  };

export const subscriptionGuards = {
  ...policies,
  isExistingActive: routing(existingIn('active')),
  isExistingSuspended: routing(existingIn('suspended')),
  startsAsDraft: routing((c) => open(c)?.status === 'draft'),
  opensCancel: on(['request.create'], { when: opening('cancel'), rules: createRules }),
  opensAutoApprovedTransfer: on(['request.create'], {
    when: (c, cmd) => cmd.requestType === 'transfer' && c.capabilities.transferAutoApprove,
    rules: createRules,
  }),
  opensActiveRequest: on(['request.create'], {
    rules: [
      typeAllowed(['change', 'suspend', 'adjustment', 'renew', 'transfer'], 'active'),
      ...createRules,
    ],
  }),
  opensSuspendedRequest: on(['request.create'], {
    rules: [typeAllowed(['resume', 'adjustment'], 'suspended'), ...createRules],
  }),
  // How the request that just ended moves the subscription (the request's own step ran first).
  approvesSuspend: on(['request.approve'], { when: (c) => open(c)?.requestType === 'suspend' }),
  approvesResume: on(['request.approve'], { when: (c) => open(c)?.requestType === 'resume' }),
  endsCancelFromSuspended: on(['request.fail', 'tierConfig.fail', 'request.confirmRevocation'], {
    when: (c) => open(c)?.openedIn === 'suspended',
  }),
};
