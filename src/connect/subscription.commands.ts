/**
 * The commands of a Connect subscription: `request.create`, the request commands it hands to its
 * open request, and `clock.tick`; the input that creates one; and what a request's life does to
 * the subscription's data (opening, applying, closing).
 */
import { created } from '../core/bookkeeping';
import { tickSpec } from '../core/command';
import { refuse } from '../core/rejection';
import {
  anObject,
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
} from '../core/schema';
import type { CommandSpec } from '../core/spec';
import { create } from '../core/step';
import { resolveCapabilities } from './capabilities';
import {
  applyQuantities,
  applyUpdates,
  itemsSchema,
  parametersSchema,
  parameterUpdatesSchema,
} from './parameters';
import { requestCommandSpecs } from './request.commands';
import { fulfillmentRequestMachine } from './request.machine';
import {
  CONNECT_ROLES,
  type FulfillmentRequestContext,
  type FulfillmentRequestInput,
  type Notification,
  type Parameter,
  REQUEST_TYPES,
} from './request.types';
import {
  type ClosedRequest,
  CONNECTIONS,
  type CreateRequestCommand,
  type NewSubscriptionInput,
  type PendingRequest,
  type SubscriptionContext,
  type SubscriptionInput,
  type SubscriptionStatus,
} from './subscription.types';

type Ctx = SubscriptionContext;

/** How many closed requests a subscription keeps: the most recent ones (the host's log has all). */
export const CLOSED_REQUESTS_WINDOW = 20;

export const createPayload = {
  requestId: nonEmptyString,
  requestType: literal(...REQUEST_TYPES),
  items: optional(itemsSchema),
  params: optional(parameterUpdatesSchema),
  draft: optional(boolean),
  tierConfigRequired: optional(boolean),
} as const;

/**
 * Who may create which request: the buyer (customer, reseller or distributor); the vendor for an
 * adjustment, for a cancel on any subscription ("emulated from Vendor or Distributor portals":
 * connect-workflows s-c-terminating), and for any type on a preview subscription.
 */
function createRole(context: Ctx, command: CreateRequestCommand) {
  const { requestType: type, by } = command;
  if (type === 'adjustment') {
    return by.role === 'vendor'
      ? null
      : refuse('FORBIDDEN_ROLE', 'adjustment requests are created by the vendor');
  }
  if (by.role === 'vendor' && type !== 'cancel' && context.connection !== 'preview') {
    return refuse(
      'FORBIDDEN_ROLE',
      `the vendor creates ${type} requests only on a preview subscription`,
    );
  }
  return null;
}

/** One probe per request type, with an id no request has used, for `availableCommands`. */
function createProbes(context: Ctx) {
  const requestId = `PROBE-${context.version}`;
  return REQUEST_TYPES.filter((t) => t !== 'purchase').map((requestType) => ({
    requestId,
    requestType,
  }));
}

export const subscriptionCommands: Readonly<Record<string, CommandSpec<Ctx>>> = {
  'request.create': {
    payload: createPayload,
    roles: ['buyer', 'vendor'],
    role: createRole,
    probes: createProbes,
  },
  // Probes of request commands read the open request's own parameters.
  ...requestCommandSpecs<Ctx>(
    (c) => c.pendingRequest?.id,
    (c) => ({ updatedAt: c.updatedAt, params: c.request?.params ?? [] }),
  ),
  'clock.tick': tickSpec,
};

const inputSchema = object({
  id: nonEmptyString,
  at: instant,
  by: object({ role: literal(...CONNECT_ROLES), id: optional(nonEmptyString) }),
  purchaseRequestId: optional(nonEmptyString),
  status: optional(literal('active', 'suspended')),
  // Checked and resolved by defineCapabilities, which names the bad field.
  capabilities: optional(anObject),
  connection: optional(literal(...CONNECTIONS)),
  draft: optional(boolean),
  tierConfigRequired: optional(boolean),
  items: optional(itemsSchema),
  params: optional(parametersSchema),
  productId: optional(nonEmptyString),
});

/**
 * The context of a new subscription; its purchase request is opened by the chart's start state.
 * An existing one (`status`) opens none.
 */
export function subscriptionContext(input: SubscriptionInput): Ctx {
  const error = inputSchema(input, 'input') ?? existingProblem(input);
  if (error) throw new TypeError(`subscriptionMachine ${error}`);
  return {
    id: input.id,
    ...(input.productId === undefined ? {} : { productId: input.productId }),
    connection: input.connection ?? 'production',
    capabilities: resolveCapabilities(input.capabilities, 'subscriptionMachine'),
    items: input.items ?? [],
    params: input.params ?? [],
    pendingRequest: null,
    request: null,
    requests: [],
    ...created(input),
  };
}

/** What an input of an existing subscription may not say, or `null`. */
function existingProblem(input: SubscriptionInput): string | null {
  if (input.status === undefined)
    return input.purchaseRequestId === undefined
      ? 'input.purchaseRequestId: is required, unless input.status names an existing subscription'
      : null;
  if (input.purchaseRequestId !== undefined)
    return 'input.purchaseRequestId: an existing subscription (input.status) opens no purchase';
  const extra = (['draft', 'tierConfigRequired'] as const).find((k) => Object.hasOwn(input, k));
  if (extra) return `input.${extra}: an existing subscription (input.status) opens no purchase`;
  if (
    input.status === 'suspended' &&
    !resolveCapabilities(input.capabilities, 'subscriptionMachine').administrativeHold
  )
    return 'input.status: a suspended subscription needs the administrativeHold capability';
  return null;
}

/** The request input of the purchase a new subscription is born from. */
export function purchaseInput(input: NewSubscriptionInput, context: Ctx): FulfillmentRequestInput {
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
export function createInput(context: Ctx, command: CreateRequestCommand): FulfillmentRequestInput {
  return {
    id: command.requestId,
    subscriptionId: context.id,
    requestType: command.requestType,
    at: command.at,
    by: command.by,
    capabilities: context.capabilities,
    draft: command.draft === true,
    tierConfigRequired: command.tierConfigRequired === true,
    items: command.items ?? [],
    // The buyer's values on top of the subscription's, by id; new ids join as ordering parameters.
    params: applyUpdates(context.params, command.params, 'validate'),
  };
}

/** A request opened on the subscription: its data, and the notifications its creation sent. */
export interface Opened {
  readonly pendingRequest: PendingRequest;
  readonly request: FulfillmentRequestContext;
  readonly notifications: readonly Notification[];
}

/**
 * Opens a request from its input, in the subscription's current status (`null` for the purchase:
 * draft when the purchase starts as a draft, else processing), with the request's own `initial`.
 */
export function openRequest(
  input: FulfillmentRequestInput,
  openedIn: SubscriptionStatus | null,
): Opened {
  // The input is built from the subscription's own (validated) data and the admitted command.
  const { subject, emitted } = create(fulfillmentRequestMachine, input, undefined, {
    trusted: true,
  });
  const request = subject.context as unknown as FulfillmentRequestContext;
  const status = subject.status as PendingRequest['status'];
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

/** Moves the ended open request to the closed ones (a window), with its final status and reason. */
export function closeRequest(
  context: Ctx,
  at: string,
): Pick<Ctx, 'pendingRequest' | 'request' | 'requests'> {
  const pending = context.pendingRequest;
  if (!pending) return context;
  const request = context.request;
  const closed: ClosedRequest = {
    id: pending.id,
    requestType: pending.requestType,
    status: pending.status as ClosedRequest['status'],
    createdAt: request?.createdAt ?? at,
    closedAt: at,
    ...(request?.reason === undefined ? {} : { reason: request.reason }),
    ...(request?.templateId === undefined ? {} : { templateId: request.templateId }),
    ...(request?.activationTile === undefined ? {} : { activationTile: request.activationTile }),
    ...(request?.effectiveDate === undefined ? {} : { effectiveDate: request.effectiveDate }),
  };
  const kept = context.requests.slice(
    Math.max(0, context.requests.length - CLOSED_REQUESTS_WINDOW + 1),
  );
  return { pendingRequest: null, request: null, requests: [...kept, closed] };
}

/** Parameters after an approved request: the request's values win, by id. */
function mergeParams(current: readonly Parameter[], approved: readonly Parameter[]): Parameter[] {
  const byId = new Map(approved.map((a) => [a.id, a]));
  const out = current.map((p) => byId.get(p.id) ?? p);
  const known = new Set(current.map((p) => p.id));
  for (const a of approved) if (!known.has(a.id)) out.push(a);
  return out;
}

/**
 * What an approved request does to the subscription's data: a purchase sets the items, others set
 * absolute quantities (0 removes); parameters take the request's values.
 */
export function applyApproved(context: Ctx): Pick<Ctx, 'items' | 'params'> {
  const request = context.request;
  if (!request) return context;
  const items = applyQuantities(
    request.requestType === 'purchase' ? [] : context.items,
    request.items,
  );
  return { items, params: mergeParams(context.params, request.params) };
}
