/**
 * The subscription's spec for the command runner: input, persisted form (with the open request in
 * its own persisted form), change events and invariants.
 */
import { bookkeepingShape, created } from '../core/bookkeeping';
import { persist } from '../core/persist';
import {
  array,
  boolean,
  instant,
  isPlainObject,
  literal,
  nonEmptyString,
  nullable,
  object,
  optional,
} from '../core/schema';
import type { AnyCommand, MachineSpec, PersistedChild, Subject } from '../core/spec';
import { type CapabilitiesInput, checkCapabilities, defineCapabilities } from './capabilities';
import { itemsSchema, parametersSchema } from './parameters';
import { requestContextSchema, requestInvariants, requestSpec } from './request.spec';
import {
  CONNECT_ROLES,
  FINAL_REQUEST_STATUSES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestStatus,
} from './request.types';
import { subscriptionCommands } from './subscription.commands';
import { REQUEST_ACTOR, requestSnapshot } from './subscription.requests';
import { subscriptionGuards } from './subscription.rules';
import {
  CONNECTIONS,
  FINAL_SUBSCRIPTION_STATUSES,
  type RequestChanged,
  SUBSCRIPTION_STATUSES,
  type SubscriptionContext,
  type SubscriptionInput,
  type SubscriptionOutput,
} from './subscription.types';

const inputSchema = object({
  id: nonEmptyString,
  at: instant,
  by: object({ role: literal(...CONNECT_ROLES), id: optional(nonEmptyString) }),
  purchaseRequestId: nonEmptyString,
  capabilities: optional((v: unknown, path: string) =>
    isPlainObject(v) ? null : `${path}: expected an object`,
  ),
  connection: optional(literal(...CONNECTIONS)),
  draft: optional(boolean),
  tierConfigRequired: optional(boolean),
  items: optional(itemsSchema),
  params: optional(parametersSchema),
  productId: optional(nonEmptyString),
});

/** The context of a new subscription; its purchase request is opened by the chart's start state. */
export function subscriptionContext(input: SubscriptionInput): SubscriptionContext {
  const error = inputSchema(input, 'input');
  if (error) throw new TypeError(`subscriptionMachine ${error}`);
  return {
    id: input.id,
    ...(input.productId === undefined ? {} : { productId: input.productId }),
    connection: input.connection ?? 'production',
    capabilities: defineCapabilities(input.capabilities as CapabilitiesInput | undefined),
    items: input.items ?? [],
    params: input.params ?? [],
    pendingRequest: null,
    request: null,
    requests: [],
    ...created(input),
  };
}

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
  closedAt: instant,
  reason: optional(nonEmptyString),
});

const contextSchema = object({
  id: nonEmptyString,
  productId: optional(nonEmptyString),
  connection: literal(...CONNECTIONS),
  capabilities: checkCapabilities,
  items: itemsSchema,
  params: parametersSchema,
  pendingRequest: nullable(pendingRequestSchema),
  request: nullable(requestContextSchema),
  requests: array(closedRequestSchema),
  ...bookkeepingShape(SUBSCRIPTION_STATUSES, CONNECT_ROLES),
});

/** Which open request (if any) each status may hold. */
const OPEN_IN: Record<string, readonly string[] | null> = {
  draft: ['purchase'],
  processing: ['purchase'],
  active: ['change', 'suspend', 'adjustment', 'renew', 'transfer'],
  suspended: ['resume', 'adjustment'],
  terminating: ['cancel'],
  terminated: [],
  deleted: [],
};

function invariants({ status, context }: Subject<SubscriptionContext>): string | null {
  const { pendingRequest: open, request } = context;
  if ((open === null) !== (request === null))
    return 'context.request: must be present exactly when pendingRequest is';
  const allowed = OPEN_IN[status] ?? [];
  const required = status === 'draft' || status === 'processing' || status === 'terminating';
  if (open === null || request === null)
    return required ? `context.pendingRequest: a ${status} subscription has an open request` : null;
  if (!allowed.includes(open.requestType))
    return `context.pendingRequest: a ${status} subscription cannot hold a ${open.requestType} request`;
  if (
    open.id !== request.id ||
    open.requestType !== request.requestType ||
    request.subscriptionId !== context.id
  ) {
    return 'context.request: does not match pendingRequest';
  }
  if ((FINAL_REQUEST_STATUSES as readonly string[]).includes(open.status))
    return 'context.pendingRequest: an open request is never final';
  if (status === 'draft' && open.status !== 'draft')
    return 'context.pendingRequest: a draft subscription holds a draft purchase';
  const problem = requestInvariants(open.status, request);
  return problem === null ? null : `request: ${problem.replace(/^context\./, 'context.')}`;
}

/** `request.changed` for each request whose status the command moved (created ones from `null`). */
function changes(
  before: Subject<SubscriptionContext>,
  after: Subject<SubscriptionContext>,
  command: AnyCommand,
) {
  const statusOf = (s: Subject<SubscriptionContext>, id: string): RequestStatus | null =>
    s.context.pendingRequest?.id === id
      ? s.context.pendingRequest.status
      : (s.context.requests.find((r) => r.id === id)?.status ?? null);
  const touched = new Map<string, RequestChanged['requestType']>();
  for (const r of [
    before.context.pendingRequest,
    after.context.pendingRequest,
    ...after.context.requests.slice(before.context.requests.length),
  ]) {
    if (r) touched.set(r.id, r.requestType);
  }
  const emitted: RequestChanged[] = [];
  for (const [requestId, requestType] of touched) {
    const from = statusOf(before, requestId);
    const to = statusOf(after, requestId);
    if (to !== null && from !== to)
      emitted.push({ type: 'request.changed', requestId, requestType, from, to, at: command.at });
  }
  return { emitted };
}

/** The open request as a live child actor, in XState's persisted shape. */
function children({ context }: Subject<SubscriptionContext>): Record<string, PersistedChild> {
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

const output = ({ status, context }: Subject<SubscriptionContext>): SubscriptionOutput => ({
  id: context.id,
  status: status as SubscriptionOutput['status'],
  items: context.items,
  params: context.params,
  requests: context.requests,
});

export { output as subscriptionOutput };

export const subscriptionSpec: MachineSpec<SubscriptionContext> = {
  schema: 'subscription-machines/connect.subscription',
  schemaVersion: 1,
  statuses: SUBSCRIPTION_STATUSES,
  finalStatuses: FINAL_SUBSCRIPTION_STATUSES,
  roles: CONNECT_ROLES,
  commands: subscriptionCommands,
  guards: subscriptionGuards,
  context: contextSchema,
  invariants,
  subjectIds: (c) => ({ subscriptionId: c.id }),
  changes,
  output,
  // A status is reached through the request open in it: `active` with a pending suspend request
  // is one step from `suspended`, `active` with a pending change is not.
  graphKey: ({ status, context: { pendingRequest: open } }) =>
    open ? `${status}/${open.requestType}/${open.status}` : status,
  children,
  persisted: {
    keys: ['request'],
    // The open request is persisted in its own machine's format, beside the subscription's context.
    split: (context) => {
      const { request: _request, ...rest } = context;
      const snapshot = requestSnapshot(context);
      return { context: rest, extra: { request: snapshot ? persist(snapshot) : null } };
    },
    join: (json) => {
      const context = json.context;
      if (!isPlainObject(context)) return { error: 'context: expected an object' };
      if (json.request === undefined)
        return { error: 'request: is required (null when no request is open)' };
      if (json.request === null) return { context: { ...context, request: null } };
      const request = json.request as Record<string, unknown>;
      if (
        !isPlainObject(request) ||
        request.schema !== requestSpec.schema ||
        request.schemaVersion !== requestSpec.schemaVersion
      ) {
        return {
          error: `request: expected a ${requestSpec.schema} snapshot of schemaVersion ${requestSpec.schemaVersion}`,
        };
      }
      const extra = Object.keys(request).find(
        (k) => !['schema', 'schemaVersion', 'status', 'context'].includes(k),
      );
      if (extra !== undefined)
        return { error: `request.${extra}: is not a field of a ${requestSpec.schema} snapshot` };
      const pending = context.pendingRequest as { status?: unknown } | null;
      if (pending?.status !== request.status)
        return { error: 'request.status: does not match context.pendingRequest.status' };
      return { context: { ...context, request: request.context } };
    },
  },
};
