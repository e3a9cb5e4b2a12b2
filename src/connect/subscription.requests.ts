/**
 * How a subscription holds its open request: as plain data in its context, advanced by the
 * fulfillment request machine's own pure API. So the pure API needs no child actor, and the child
 * actor an actor shows is a live view that always agrees with this data (XSTATE-NOTES.md).
 */
import { admit } from '../core/admit';
import { execute, initial } from '../core/api';
import type { AnyCommand, Verdict } from '../core/spec';
import { applyQuantities, applyUpdates } from './parameters';
import { fulfillmentRequestMachine } from './request.machine';
import type {
  FinalRequestStatus,
  FulfillmentRequestContext,
  FulfillmentRequestInput,
  Notification,
  Parameter,
  ParameterUpdate,
  RequestType,
} from './request.types';
import { FINAL_REQUEST_STATUSES } from './request.types';
import type {
  ClosedRequest,
  PendingRequest,
  SubscriptionContext,
  SubscriptionInput,
  SubscriptionStatus,
} from './subscription.types';

type RequestSnapshot = ReturnType<typeof fulfillmentRequestMachine.resolveState>;

/** The actor source name of the open request (`setup({ actors })`). */
export const REQUEST_ACTOR = 'fulfillmentRequest';

export const isFinalRequestStatus = (status: string): status is FinalRequestStatus =>
  (FINAL_REQUEST_STATUSES as readonly string[]).includes(status);

const snapshots = new WeakMap<FulfillmentRequestContext, RequestSnapshot>();

/** The open request as a snapshot of its own machine (cached per request context). */
export function requestSnapshot(context: SubscriptionContext): RequestSnapshot | undefined {
  const { pendingRequest, request } = context;
  if (!pendingRequest || !request) return undefined;
  let snapshot = snapshots.get(request);
  if (!snapshot || snapshot.value !== pendingRequest.status) {
    snapshot = fulfillmentRequestMachine.resolveState({
      value: pendingRequest.status,
      context: request,
    });
    snapshots.set(request, snapshot);
  }
  return snapshot;
}

/** The command as the request receives it: `expectedVersion` is the subscription's, not the request's. */
export function forwarded<C extends AnyCommand>(command: C): Omit<C, 'expectedVersion'> {
  const { expectedVersion: _subscriptionVersion, ...rest } = command;
  return rest;
}

/** What the open request's own checks say about a forwarded command. */
export function requestVerdict(context: SubscriptionContext, command: AnyCommand): Verdict {
  const snapshot = requestSnapshot(context);
  if (!snapshot)
    return {
      kind: 'rejected',
      refusal: { code: 'UNKNOWN_REQUEST', message: 'no request is open' },
    };
  return admit(fulfillmentRequestMachine, snapshot, forwarded(command));
}

interface Opened {
  readonly pendingRequest: PendingRequest;
  readonly request: FulfillmentRequestContext;
  readonly notifications: readonly Notification[];
}

/**
 * Opens a request from its input, in the subscription's current status (`null` for the purchase:
 * draft when the purchase starts as a draft, else processing).
 */
export function openRequest(
  input: FulfillmentRequestInput,
  openedIn: SubscriptionStatus | null,
): Opened {
  const { snapshot, emitted } = initial(fulfillmentRequestMachine, input);
  const request = snapshot.context;
  const status = snapshot.value as PendingRequest['status'];
  return {
    pendingRequest: {
      id: request.id,
      requestType: request.requestType,
      status,
      openedIn: openedIn ?? (status === 'draft' ? 'draft' : 'processing'),
    },
    request,
    notifications: emitted.filter((e): e is Notification => e.type === 'notification'),
  };
}

/** The request input of the purchase a subscription is born from. */
export function purchaseInput(
  input: SubscriptionInput,
  context: SubscriptionContext,
): FulfillmentRequestInput {
  return {
    id: input.purchaseRequestId,
    subscriptionId: input.id,
    requestType: 'purchase',
    at: input.at,
    by: input.by,
    capabilities: context.capabilities,
    draft: input.draft === true,
    tierConfigRequired: input.tierConfigRequired === true,
    items: context.items,
    params: context.params,
  };
}

/** The request input of a `request.create`: the subscription's parameters, with the command's on top. */
export function createInput(
  context: SubscriptionContext,
  command: AnyCommand,
): FulfillmentRequestInput {
  const c = command as AnyCommand & {
    requestId: string;
    requestType: RequestType;
    items?: FulfillmentRequestInput['items'];
    params?: readonly ParameterUpdate[];
    draft?: boolean;
    tierConfigRequired?: boolean;
  };
  return {
    id: c.requestId,
    subscriptionId: context.id,
    requestType: c.requestType,
    at: c.at,
    by: c.by as FulfillmentRequestInput['by'],
    capabilities: context.capabilities,
    draft: c.draft === true,
    tierConfigRequired: c.tierConfigRequired === true,
    items: c.items ?? [],
    // The buyer's values on top of the subscription's, by id; new ids join as ordering parameters.
    params: applyUpdates(context.params, c.params, 'validate'),
  };
}

/** The open request after a forwarded command, and the notifications it sent. */
export function advanceRequest(
  context: SubscriptionContext,
  command: AnyCommand,
): {
  readonly pendingRequest: PendingRequest;
  readonly request: FulfillmentRequestContext;
  readonly notifications: readonly Notification[];
} {
  const snapshot = requestSnapshot(context);
  const pending = context.pendingRequest;
  if (!snapshot || !pending) throw new Error('advanceRequest: no request is open');
  const result = execute(fulfillmentRequestMachine, snapshot, forwarded(command) as never);
  if (!result.ok)
    throw new Error(
      `advanceRequest: the open request refused an admitted command: ${result.rejection.message}`,
    );
  return {
    pendingRequest: { ...pending, status: result.snapshot.value as PendingRequest['status'] },
    request: result.snapshot.context,
    notifications: result.emitted.filter((e): e is Notification => e.type === 'notification'),
  };
}

/** Moves the ended open request to `requests`, with its final status and reason. */
export function closeRequest(
  context: SubscriptionContext,
  at: string,
): Pick<SubscriptionContext, 'pendingRequest' | 'request' | 'requests'> {
  const pending = context.pendingRequest;
  if (!pending || !isFinalRequestStatus(pending.status)) return context;
  const reason = context.request?.reason;
  const closed: ClosedRequest = {
    id: pending.id,
    requestType: pending.requestType,
    status: pending.status,
    closedAt: at,
    ...(reason === undefined ? {} : { reason }),
  };
  return { pendingRequest: null, request: null, requests: [...context.requests, closed] };
}

/** Parameters after an approved request: the request's values win, by id. */
function mergeParams(
  current: readonly Parameter[],
  approved: readonly Parameter[],
): readonly Parameter[] {
  const out = current.map((p) => approved.find((a) => a.id === p.id) ?? p);
  for (const a of approved) if (!current.some((p) => p.id === a.id)) out.push(a);
  return out;
}

/**
 * What an approved request does to the subscription's data (SPEC.md outcome table): a purchase
 * sets the items, others set absolute quantities (0 removes); parameters take the request's values.
 */
export function applyApproved(
  context: SubscriptionContext,
): Pick<SubscriptionContext, 'items' | 'params'> {
  const request = context.request;
  if (!request) return context;
  // A purchase's items are the whole set; any other request's are absolute targets.
  const items = applyQuantities(
    request.requestType === 'purchase' ? [] : context.items,
    request.items,
  );
  return { items, params: mergeParams(context.params, request.params) };
}
