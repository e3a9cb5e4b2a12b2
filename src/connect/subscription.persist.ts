/**
 * How a Connect subscription is persisted: its context's schema, its open request in the request's
 * own persisted form beside it, the live child a restored snapshot resumes, and the facts a
 * restored subscription must satisfy.
 */
import { bookkeepingShape } from '../core/bookkeeping';
import { compiledOf } from '../core/compiled';
import { persistSubject, readSubject } from '../core/persist';
import {
  array,
  instant,
  isPlainObject,
  literal,
  nonEmptyString,
  nullable,
  object,
  optional,
} from '../core/schema';
import type { Invariant, MachineSpec, PersistedChild, Subject } from '../core/spec';
import { compareInstants } from '../core/time';
import { checkCapabilities, sameCapabilities } from './capabilities';
import { itemsSchema, parametersSchema } from './parameters';
import { fulfillmentRequestMachine } from './request.machine';
import {
  CONNECT_ROLES,
  FINAL_REQUEST_STATUSES,
  type FulfillmentRequestContext,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from './request.types';
import { CLOSED_REQUESTS_WINDOW } from './subscription.commands';
import {
  CONNECTIONS,
  SUBSCRIPTION_STATUSES,
  type SubscriptionContext,
  type SubscriptionOutput,
} from './subscription.types';

type Ctx = SubscriptionContext;

/** The actor source name of the open request (`setup({ actors })`). */
export const REQUEST_ACTOR = 'fulfillmentRequest';

const requestCompiled = () => compiledOf(fulfillmentRequestMachine);
const requestSpec = (): MachineSpec => requestCompiled().spec;

const pendingRequestSchema = object({
  id: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  status: literal(...REQUEST_STATUSES),
  openedIn: literal(...SUBSCRIPTION_STATUSES),
});

const closedRequestSchema = object({
  id: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  status: literal(...FINAL_REQUEST_STATUSES),
  createdAt: instant,
  closedAt: instant,
  reason: optional(nonEmptyString),
  templateId: optional(nonEmptyString),
  activationTile: optional(nonEmptyString),
  effectiveDate: optional(instant),
});

/** The context, with the open request joined back from its own persisted form. */
export const subscriptionContextSchema = object({
  id: nonEmptyString,
  productId: optional(nonEmptyString),
  connection: literal(...CONNECTIONS),
  capabilities: checkCapabilities,
  items: itemsSchema,
  params: parametersSchema,
  pendingRequest: nullable(pendingRequestSchema),
  // The open request's context, already read and checked in its own persisted form (`join`).
  request: nullable((value, path) => (isPlainObject(value) ? null : `${path}: expected an object`)),
  requests: array(closedRequestSchema, { maxLength: CLOSED_REQUESTS_WINDOW }),
  ...bookkeepingShape(SUBSCRIPTION_STATUSES, CONNECT_ROLES),
});

/** Which request types each status may hold open; `required` when it must hold one. */
const OPEN_IN: Readonly<
  Record<string, { readonly types: readonly string[]; readonly required: boolean }>
> = {
  draft: { types: ['purchase'], required: true },
  processing: { types: ['purchase'], required: true },
  active: { types: ['change', 'suspend', 'adjustment', 'renew', 'transfer'], required: false },
  suspended: { types: ['resume', 'adjustment'], required: false },
  terminating: { types: ['cancel'], required: true },
  terminated: { types: [], required: false },
  deleted: { types: [], required: false },
};

/** Where the open request was opened, by the subscription's status now. */
const OPENED_IN: Readonly<Record<string, readonly string[]>> = {
  draft: ['draft'],
  processing: ['draft', 'processing'],
  active: ['active'],
  suspended: ['suspended'],
  terminating: ['active', 'suspended'],
};

const isFinal = (status: string) => (FINAL_REQUEST_STATUSES as readonly string[]).includes(status);

/**
 * The closed requests are the ones the audit shows closing, most recent last: the requests the
 * audit window names (but the open one) are the last closed ones, unless more closed since than the
 * closed-requests window keeps.
 */
function closedAgreeWithAudit({ context }: Subject<Ctx>): string | null {
  const named: string[] = [];
  const seen = new Set<string>([context.pendingRequest?.id ?? '']);
  for (let i = context.audit.length - 1; i >= 0; i--) {
    const id = context.audit[i]?.requestId;
    if (id !== undefined && !seen.has(id)) {
      seen.add(id);
      named.push(id);
    }
  }
  const kept = context.requests.map((r) => r.id).reverse();
  const shared = Math.min(named.length, kept.length);
  for (let i = 0; i < shared; i++) {
    if (named[i] !== kept[i])
      return `context.requests: ${kept[i]} is not the request the audit shows closing (${named[i]})`;
  }
  if (named.length > kept.length && kept.length < CLOSED_REQUESTS_WINDOW)
    return `context.requests: the audit shows ${named[kept.length]} closing, but it is not kept`;
  return null;
}

/** Facts of a restored subscription, each naming the field it checks. */
export const subscriptionInvariants: readonly Invariant<Ctx>[] = [
  ({ status, context }) =>
    status === 'suspended' && !context.capabilities.administrativeHold
      ? 'context.capabilities.administrativeHold: a suspended subscription needs it'
      : null,
  ({ status, context: { pendingRequest: open } }) => {
    const allowed = OPEN_IN[status] ?? { types: [], required: false };
    if (open === null)
      return allowed.required
        ? `context.pendingRequest: a ${status} subscription has an open request`
        : null;
    if (!allowed.types.includes(open.requestType))
      return `context.pendingRequest: a ${status} subscription cannot hold a ${open.requestType} request`;
    if (isFinal(open.status))
      return 'context.pendingRequest.status: an open request is never final';
    if (!(OPENED_IN[status] ?? []).includes(open.openedIn))
      return `context.pendingRequest.openedIn: a ${status} subscription's request was not opened in ${open.openedIn}`;
    if (open.requestType === 'purchase' && (status === 'draft') !== (open.status === 'draft'))
      return 'context.pendingRequest.status: a subscription is draft exactly while its purchase is';
    return null;
  },
  ({ context: { pendingRequest: open, request, id, capabilities } }) => {
    if (open === null || request === null) return null;
    if (
      open.id !== request.id ||
      open.requestType !== request.requestType ||
      request.subscriptionId !== id
    )
      return 'request.context: is not the request context.pendingRequest names';
    if (!sameCapabilities(request.capabilities, capabilities))
      return "request.context.capabilities: differ from the subscription's";
    return null;
  },
  ({ context: { pendingRequest: open, request } }) => {
    if (open?.requestType !== 'purchase' || request === null) return null;
    const asDraft = request.draft && request.capabilities.draftValidation;
    return (open.openedIn === 'draft') === asDraft
      ? null
      : 'context.pendingRequest.openedIn: a purchase opens in draft exactly when it started as one';
  },
  closedAgreeWithAudit,
  ({ context: { pendingRequest: open, request, updatedAt } }) =>
    open !== null && request !== null && compareInstants(request.updatedAt, updatedAt) > 0
      ? 'request.context.updatedAt: the request changed after its subscription'
      : null,
  ({ context: { pendingRequest: open, requests, updatedAt } }) => {
    const ids = new Set<string>();
    for (const [i, closed] of requests.entries()) {
      if (ids.has(closed.id)) return `context.requests[${i}].id: ${closed.id} is closed twice`;
      if (closed.id === open?.id)
        return `context.requests[${i}].id: ${closed.id} is also the open request`;
      const before = requests[i - 1];
      if (before !== undefined && compareInstants(closed.closedAt, before.closedAt) < 0)
        return `context.requests[${i}].closedAt: earlier than the request closed before it`;
      if (compareInstants(closed.closedAt, updatedAt) > 0)
        return `context.requests[${i}].closedAt: after the subscription's last change`;
      if (compareInstants(closed.createdAt, closed.closedAt) > 0)
        return `context.requests[${i}].createdAt: after the request closed`;
      ids.add(closed.id);
    }
    return null;
  },
];

/** The open request as a live child actor, in XState's persisted shape. */
export function subscriptionChildren({ context }: Subject<Ctx>): Record<string, PersistedChild> {
  const open = context.pendingRequest;
  if (!open || !context.request) return {};
  const snapshot = {
    status: 'active' as const,
    value: open.status,
    context: context.request,
    children: {},
    historyValue: {},
  };
  return { [open.id]: { src: REQUEST_ACTOR, snapshot, syncSnapshot: false } };
}

/** What a terminated or deleted subscription gives. */
export const subscriptionOutput = ({ status, context }: Subject<Ctx>): SubscriptionOutput => ({
  id: context.id,
  status: status as SubscriptionOutput['status'],
  items: context.items,
  params: context.params,
  requests: context.requests,
});

/** The open request is persisted in its own machine's format, beside the subscription's context. */
export const subscriptionPersisted: NonNullable<MachineSpec<Ctx>['persisted']> = {
  keys: ['request'],
  split: ({ context }) => {
    const { request, ...rest } = context;
    const open = context.pendingRequest;
    const persisted =
      open && request
        ? persistSubject(requestSpec(), { status: open.status, context: request as never })
        : null;
    return { context: rest, extra: { request: persisted } };
  },
  join: (json) => {
    const context = json.context;
    if (!isPlainObject(context)) return { error: 'context: expected an object' };
    const pending = context.pendingRequest;
    if (json.request === null) {
      return pending === null || pending === undefined
        ? { context: { ...context, request: null } }
        : { error: 'request: is null, but context.pendingRequest names an open request' };
    }
    if (!isPlainObject(pending))
      return { error: 'request: is present, but context.pendingRequest is null' };
    let request: Subject;
    try {
      request = readSubject(requestCompiled(), json.request, 'request.');
    } catch (error) {
      return { error: (error as Error).message };
    }
    if (pending.status !== request.status)
      return { error: 'request.status: does not match context.pendingRequest.status' };
    return {
      context: { ...context, request: request.context as unknown as FulfillmentRequestContext },
    };
  },
};
