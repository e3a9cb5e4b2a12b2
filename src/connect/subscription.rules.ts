/**
 * The rules of a Connect subscription (DOMAIN.md §1.1, SPEC.md outcome table) and its named guards.
 * Request commands are the open request's business: their guards ask the request's own rules.
 */
import { type Rule, refuse } from '../core/rejection';
import type { AnyCommand, GuardSpec } from '../core/spec';
import { requestTypeEnabled } from './request.rules';
import type { RequestType } from './request.types';
import { isFinalRequestStatus, requestVerdict } from './subscription.requests';
import type { SubscriptionContext } from './subscription.types';

type Ctx = SubscriptionContext;
type SubscriptionRule = Rule<Ctx, AnyCommand>;

const field = <T>(command: AnyCommand, name: string) =>
  (command as unknown as Record<string, T>)[name] as T;

/** The command names the open request (`UNKNOWN_REQUEST` otherwise). */
const requestIsOpen: SubscriptionRule = (context, command) => {
  const requestId = field<string>(command, 'requestId');
  const open = context.pendingRequest;
  if (open?.id === requestId) return null;
  return open
    ? refuse('UNKNOWN_REQUEST', `${requestId} is not the open request (${open.id})`, {
        requestId: open.id,
      })
    : refuse('UNKNOWN_REQUEST', `${requestId} is not open: the subscription has no open request`);
};

/** The open request's own checks, reported with the request's id and status. */
const requestAccepts: SubscriptionRule = (context, command) => {
  const verdict = requestVerdict(context, command);
  if (verdict.kind !== 'rejected') return null;
  const { code, message, details } = verdict.refusal;
  const open = context.pendingRequest;
  return refuse(code, `request ${open?.id} (${open?.status}): ${message}`, {
    ...details,
    requestId: open?.id,
    requestStatus: open?.status,
  });
};

/** `a` or `an`, for messages. */
const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** Request types a status allows (SPEC.md `request.create`; §1.1 rules). */
function typeAllowed(types: readonly RequestType[], status: string): SubscriptionRule {
  return (_, command) => {
    const type = field<RequestType>(command, 'requestType');
    return types.includes(type)
      ? null
      : refuse(
          'INVALID_STATE',
          `${article(type)} ${type} request cannot be created on ${article(status)} ${status} subscription (allowed: ${types.join(', ')})`,
        );
  };
}

const capabilityOn: SubscriptionRule = (context, command) =>
  requestTypeEnabled(context.capabilities, field<RequestType>(command, 'requestType'));

/** At most one open request (`asset.pending_request`). */
const noRequestInProgress: SubscriptionRule = (context) =>
  context.pendingRequest
    ? refuse(
        'REQUEST_IN_PROGRESS',
        `request ${context.pendingRequest.id} is still ${context.pendingRequest.status}`,
        {
          requestId: context.pendingRequest.id,
        },
      )
    : null;

const freshRequestId: SubscriptionRule = (context, command) => {
  const requestId = field<string>(command, 'requestId');
  return context.requests.some((r) => r.id === requestId)
    ? refuse('DUPLICATE_REQUEST', `request id ${requestId} was used before`)
    : null;
};

const createRules = [capabilityOn, noRequestInProgress, freshRequestId];
const forwardRules = [requestIsOpen, requestAccepts];

const open = (c: Ctx) => c.pendingRequest;
const ended = (c: Ctx) => open(c) !== null && isFinalRequestStatus(open(c)?.status ?? '');
const approved = (type?: RequestType) => (c: Ctx) =>
  open(c)?.status === 'approved' && (type === undefined || open(c)?.requestType === type);

export const subscriptionGuards = {
  startsAsDraft: { when: (c) => open(c)?.status === 'draft' },
  // request.create (SPEC.md: active allows change, suspend, cancel, adjustment, renew, transfer;
  // suspended allows resume, cancel, adjustment)
  opensCancel: { when: (_, cmd) => field(cmd, 'requestType') === 'cancel', rules: createRules },
  opensActiveRequest: {
    rules: [
      typeAllowed(['change', 'suspend', 'adjustment', 'renew', 'transfer'], 'active'),
      ...createRules,
    ],
  },
  opensSuspendedRequest: {
    rules: [typeAllowed(['resume', 'adjustment'], 'suspended'), ...createRules],
  },
  // commands forwarded to the open request, one guard per command so a host can add policy to any
  canSubmit: { rules: forwardRules },
  canValidate: { rules: forwardRules },
  canInquire: { rules: forwardRules },
  canAnswer: { rules: forwardRules },
  canPend: { rules: forwardRules },
  canApprove: { rules: forwardRules },
  canFail: { rules: forwardRules },
  canSchedule: { rules: forwardRules },
  canRevoke: { rules: forwardRules },
  canConfirmRevocation: { rules: forwardRules },
  canRequireTierConfig: { rules: forwardRules },
  canApproveTierConfig: { rules: forwardRules },
  canFailTierConfig: { rules: forwardRules },
  canDelete: { rules: forwardRules },
  isDue: { when: (c, cmd) => requestVerdict(c, cmd).kind === 'accepted' },
  // how the open request's end moves the subscription
  purchaseSubmitted: { when: (c) => open(c)?.status !== 'draft' && !ended(c) },
  purchaseDeleted: { when: (c) => open(c)?.status === 'deleted' },
  purchaseApproved: { when: approved('purchase') },
  suspendApproved: { when: approved('suspend') },
  resumeApproved: { when: approved('resume') },
  cancelApproved: { when: approved('cancel') },
  requestApproved: { when: approved() },
  requestEnded: { when: ended },
  requestEndedFromSuspended: { when: (c) => ended(c) && open(c)?.openedIn === 'suspended' },
} satisfies Record<string, GuardSpec<Ctx, AnyCommand>>;
