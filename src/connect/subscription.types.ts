/**
 * Types of CloudBlue Connect's subscription, the API's "asset" (DOMAIN.md §1.1), e.g. `AS-3071-1051-2166`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, CommandShape } from '../core/command';
import type { CommandRejected } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Capabilities, CapabilitiesInput } from './capabilities';
import type { RequestCommandType } from './request.commands';
import type {
  ConnectRole,
  FinalRequestStatus,
  FulfillmentRequestContext,
  Item,
  Notification,
  Parameter,
  RequestCommandOf,
  RequestStatus,
  RequestType,
} from './request.types';
import type { createPayload } from './subscription.commands';

/** The statuses of a Connect subscription, in the order of Connect's diagram (DOMAIN.md §1.1). */
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

/**
 * What creates a Connect subscription: its purchase request opens with it
 * (`createActor(subscriptionMachine, { input })`, or `initial` / `start`).
 *
 * @example
 * ```ts
 * const input: SubscriptionInput = {
 *   id: 'AS-3071-1051-2166', purchaseRequestId: 'PR-3071-1051-2166-001',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 *   capabilities: { administrativeHold: true }, items: [{ id: 'SKU-1', quantity: 10 }],
 * };
 * ```
 */
export interface SubscriptionInput {
  readonly id: string;
  readonly at: string;
  readonly by: { readonly role: ConnectRole; readonly id?: string };
  /** The id of the purchase request the subscription is born from. */
  readonly purchaseRequestId: string;
  readonly capabilities?: CapabilitiesInput;
  /** Default `production`. */
  readonly connection?: Connection;
  /** Start as a draft: honoured with `draftValidation` (§1.1 row 10). */
  readonly draft?: boolean;
  /** The purchase waits in tiers_setup first: honoured with a Reseller Authorization Level. */
  readonly tierConfigRequired?: boolean;
  readonly items?: readonly Item[];
  readonly params?: readonly Parameter[];
  readonly productId?: string;
}

/** The open request, as `asset.pending_request` shows it. */
export interface PendingRequest {
  readonly id: string;
  readonly requestType: RequestType;
  readonly status: RequestStatus;
  /** The subscription's status when the request was created (a failed cancel returns there). */
  readonly openedIn: SubscriptionStatus;
}

/** A request that ended, kept with its final status. */
export interface ClosedRequest {
  readonly id: string;
  readonly requestType: RequestType;
  readonly status: FinalRequestStatus;
  readonly closedAt: string;
  readonly reason?: string;
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

/** `request.create`: opens a request on the subscription. */
export type CreateRequestCommand = CommandShape<
  'request.create',
  ConnectRole,
  typeof createPayload
>;

/** Every command a subscription accepts: `request.create`, the request commands, `clock.tick`. */
export type SubscriptionCommand =
  | CreateRequestCommand
  | { [T in RequestCommandType]: RequestCommandOf<T> }[RequestCommandType]
  | ClockTick<ConnectRole>;

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
  | CommandRejected<SubscriptionCommand, SubscriptionStatus>;

/** What a terminated or deleted subscription gives. */
export interface SubscriptionOutput {
  readonly id: string;
  readonly status: 'terminated' | 'deleted';
  readonly items: readonly Item[];
  readonly params: readonly Parameter[];
  readonly requests: readonly ClosedRequest[];
}
