/**
 * Types of CloudBlue Connect's subscription, the API's "asset" (connect-workflows `subscriptions/`),
 * e.g. `AS-3071-1051-2166`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, Envelope } from '../core/command';
import type { CommandRejected, Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Capabilities, CapabilitiesInput } from './capabilities';
import type {
  ConnectRole,
  FinalRequestStatus,
  FulfillmentRequestContext,
  Item,
  Notification,
  Parameter,
  ParameterUpdate,
  RequestCommandOf,
  RequestCommandType,
  RequestStatus,
  RequestType,
} from './request.types';

/** The statuses of a Connect subscription, in the order of Connect's diagram (connect-workflows `subscriptions/`). */
export const SUBSCRIPTION_STATUSES = [
  'draft',
  'processing',
  'active',
  'suspended',
  'terminating',
  'terminated',
  'deleted',
] as const;
/** A Connect subscription's status, Connect's own string. */
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The final statuses: every command but `clock.tick` is refused in them. */
export const FINAL_SUBSCRIPTION_STATUSES = ['terminated', 'deleted'] as const;

/** `connection.type` in Connect: on a `preview` subscription the vendor acts for the buyer. */
export const CONNECTIONS = ['production', 'test', 'preview'] as const;
/** A subscription's `connection.type`. */
export type Connection = (typeof CONNECTIONS)[number];

/** What every subscription input has. */
interface SubscriptionInputBase {
  readonly id: string;
  readonly at: string;
  readonly by: { readonly role: ConnectRole; readonly id?: string };
  readonly capabilities?: CapabilitiesInput;
  /** Default `production`. */
  readonly connection?: Connection;
  readonly items?: readonly Item[];
  readonly params?: readonly Parameter[];
  readonly productId?: string;
}

/**
 * A new subscription: its purchase request opens with it.
 *
 * @example
 * ```ts
 * const input: NewSubscriptionInput = {
 *   id: 'AS-3071-1051-2166', purchaseRequestId: 'PR-3071-1051-2166-001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 *   capabilities: { administrativeHold: true }, items: [{ id: 'SKU-1', quantity: 10 }],
 * };
 * ```
 */
export interface NewSubscriptionInput extends SubscriptionInputBase {
  /** The id of the purchase request the subscription is born from. */
  readonly purchaseRequestId: string;
  /** Start as a draft: honoured with `draftValidation` (connect-workflows t-10-draft). */
  readonly draft?: boolean;
  /** The purchase waits in tiers_setup first: honoured with a Reseller Authorization Level. */
  readonly tierConfigRequired?: boolean;
  readonly status?: never;
}

/**
 * An existing Connect subscription taken over in its status, with no request open
 * ({@link fromConnectRequest} starts here).
 */
export interface ExistingSubscriptionInput extends SubscriptionInputBase {
  /** The asset's status: `active`, or `suspended` with Administrative Hold. */
  readonly status: 'active' | 'suspended';
  readonly purchaseRequestId?: never;
}

/**
 * What creates a Connect subscription (`createActor(subscriptionMachine, { input })`, or
 * `initial` / `start`): a new one with its purchase request, or an existing one in its status.
 */
export type SubscriptionInput = NewSubscriptionInput | ExistingSubscriptionInput;

/** The open request, as `asset.pending_request` shows it. */
export interface PendingRequest {
  readonly id: string;
  readonly requestType: RequestType;
  readonly status: RequestStatus;
  /** The subscription's status when the request was created (a failed cancel returns there). */
  readonly openedIn: SubscriptionStatus;
}

/** A request that ended, kept with its final status and what Connect's Request object shows of it. */
export interface ClosedRequest {
  readonly id: string;
  readonly requestType: RequestType;
  readonly status: FinalRequestStatus;
  readonly createdAt: string;
  readonly closedAt: string;
  readonly reason?: string;
  readonly templateId?: string;
  readonly activationTile?: string;
  readonly effectiveDate?: string;
}

export interface SubscriptionContext extends Bookkeeping<SubscriptionStatus, ConnectRole> {
  readonly id: string;
  readonly productId?: string;
  readonly connection: Connection;
  readonly capabilities: Capabilities;
  readonly items: readonly Item[];
  readonly params: readonly Parameter[];
  readonly pendingRequest: PendingRequest | null;
  /** The open request's own context, exactly as its fulfillment request machine holds it. */
  readonly request: FulfillmentRequestContext | null;
  readonly requests: readonly ClosedRequest[];
}

/** `request.create`: opens a request on the subscription (`POST /requests`). */
export interface RequestCreatePayload {
  readonly requestId: string;
  readonly requestType: RequestType;
  /** Absolute target quantities (a change); 0 removes an item. */
  readonly items?: readonly Item[];
  /** Values on top of the subscription's parameters, by id. */
  readonly params?: readonly ParameterUpdate[];
  /** Start as a draft, with draft validation on for its type. */
  readonly draft?: boolean;
  /** Wait in tiers_setup first, with tier configuration on. */
  readonly tierConfigRequired?: boolean;
}

/** `request.create`: opens a request on the subscription. */
export type CreateRequestCommand = Envelope<'request.create', ConnectRole> & RequestCreatePayload;

/** Every command a subscription accepts: `request.create`, the request commands, `clock.tick`. */
export type SubscriptionCommand =
  | CreateRequestCommand
  | { [T in RequestCommandType]: RequestCommandOf<T> }[RequestCommandType]
  | ClockTick<ConnectRole>;

/** One command of the subscription, by type, e.g. `SubscriptionCommandOf<'request.approve'>`. */
export type SubscriptionCommandOf<T extends SubscriptionCommand['type']> =
  T extends RequestCommandType
    ? RequestCommandOf<T>
    : T extends 'request.create'
      ? CreateRequestCommand
      : ClockTick<ConnectRole>;

/** The codes a subscription's rejections can have: every code of the package. */
export const SUBSCRIPTION_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'CAPABILITY_DISABLED',
  'REQUEST_IN_PROGRESS',
  'UNKNOWN_REQUEST',
  'DUPLICATE_REQUEST',
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
  'INVALID_DATE',
] as const satisfies readonly RejectionCode[];
/** One of {@link SUBSCRIPTION_REJECTION_CODES}. */
export type SubscriptionRejectionCode = (typeof SUBSCRIPTION_REJECTION_CODES)[number];

/** A refused subscription command: `{ code, message, command, status, details? }`. */
export type SubscriptionRejection = Rejection<
  SubscriptionCommand,
  SubscriptionStatus,
  SubscriptionRejectionCode
>;

/** `{ type: 'request.changed', requestId, requestType, from, to, at }`; `from` is `null` at creation. */
export interface RequestChanged {
  readonly type: 'request.changed';
  readonly requestId: string;
  readonly requestType: RequestType;
  readonly from: RequestStatus | null;
  readonly to: RequestStatus;
  readonly at: string;
}

/** Everything a subscription actor emits: listen with `actor.on(type, …)`. */
export type SubscriptionEmitted =
  | StatusChanged<SubscriptionStatus>
  | AuditRecorded<SubscriptionStatus, ConnectRole>
  | RequestChanged
  | Notification
  | CommandRejected<SubscriptionCommand, SubscriptionStatus, SubscriptionRejectionCode>;

/** What a terminated or deleted subscription gives. */
export interface SubscriptionOutput {
  readonly id: string;
  readonly status: 'terminated' | 'deleted';
  readonly items: readonly Item[];
  readonly params: readonly Parameter[];
  readonly requests: readonly ClosedRequest[];
}
