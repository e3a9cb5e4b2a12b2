/**
 * Types of CloudBlue Connect's fulfillment request (connect-workflows `subscriptions-fulfillment-request/`), e.g. `PR-3071-1051-2166-001`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, Envelope } from '../core/command';
import type { CommandRejected, Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Capabilities, CapabilitiesInput } from './capabilities';
import type { JsonObject } from './json';
import type { RequestPayloads } from './request.payloads';

/** The types of fulfillment request (Connect OpenAPI spec, Request `type`). */
export const REQUEST_TYPES = [
  'purchase',
  'change',
  'suspend',
  'resume',
  'cancel',
  'adjustment',
  'renew',
  'transfer',
] as const;
/** A type of fulfillment request: `purchase`, `change`, `suspend`, … */
export type RequestType = (typeof REQUEST_TYPES)[number];

/** The statuses of a fulfillment request, in the order of Connect's diagram (connect-workflows). */
export const REQUEST_STATUSES = [
  'draft',
  'tiers_setup',
  'pending',
  'inquiring',
  'scheduled',
  'revoking',
  'approved',
  'failed',
  'revoked',
  'deleted',
] as const;
/** A fulfillment request's status, Connect's own string (`tiers_setup`, `pending`, …). */
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses a request ends in; the subscription then closes it. */
export const FINAL_REQUEST_STATUSES = ['approved', 'failed', 'revoked', 'deleted'] as const;
/** A status a request ends in. */
export type FinalRequestStatus = (typeof FINAL_REQUEST_STATUSES)[number];

/** Connect's roles. `buyer` stands for the customer, reseller or distributor. */
export const CONNECT_ROLES = ['buyer', 'vendor', 'system'] as const;
/** Who sends a Connect command: `buyer`, `vendor` or `system` (`by.role`). */
export type ConnectRole = (typeof CONNECT_ROLES)[number];

/** A parameter's phase: ordering ones are the buyer's, fulfillment ones the vendor's. */
export type ParameterPhase = 'ordering' | 'fulfillment' | 'configuration';

/**
 * A product parameter on a request. Ordering ones are the buyer's, fulfillment ones the vendor's;
 * configuration ones (Connect's `asset.configuration.params`) are the product's and no command
 * writes them. `type`, `scope`, `structuredValue` and `constraints` are kept as Connect gives them.
 */
export interface Parameter {
  readonly id: string;
  readonly phase: ParameterPhase;
  /** Absent for no value (Connect writes `""`). */
  readonly value?: string;
  /** A non-empty `valueError` marks the value as invalid (shown to the buyer on inquire). */
  readonly valueError?: string;
  /** Connect's `constraints.required`. */
  readonly required?: boolean;
  /** Connect's parameter `type`: `text`, `email`, `address`, `phone`, `checkbox`, … */
  readonly type?: string;
  /** Connect's parameter `scope`: `asset`, `tier1`, `tier2`, … */
  readonly scope?: string;
  /** Connect's `structured_value`: an address, a phone number, checkbox choices, … */
  readonly structuredValue?: JsonObject;
  /** Connect's other `constraints` (`hidden`, `readonly`, `unique`, …), kept as given. */
  readonly constraints?: JsonObject;
}

/** A change to a parameter carried by a vendor's command. Omitted fields are left as they are. */
export interface ParameterUpdate {
  readonly id: string;
  readonly value?: string;
  readonly valueError?: string;
  readonly structuredValue?: JsonObject;
}

/** The buyer's edit of an ordering parameter (`request.update`): a value, never an error. */
export interface ParameterEdit {
  readonly id: string;
  readonly value?: string;
  readonly structuredValue?: JsonObject;
}

/**
 * An item quantity: an integer from 0, or unlimited, written `-1` or `'unlimited'` as Connect
 * writes it (the two are kept as given, so a JSON round trip is exact).
 */
export type Quantity = number | 'unlimited';

/** An item and its quantity. In a change request the quantity is the absolute target; 0 removes it. */
export interface Item {
  readonly id: string;
  readonly quantity: Quantity;
  /** The item's manufacturer part number, as Connect gives it. */
  readonly mpn?: string;
}

/**
 * What creates a fulfillment request (`createActor(fulfillmentRequestMachine, { input })`). A
 * subscription builds it from its own `request.create` command.
 *
 * @example
 * ```ts
 * const input: FulfillmentRequestInput = {
 *   id: 'PR-3071-1051-2166-001', subscriptionId: 'AS-3071-1051-2166', requestType: 'purchase',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'buyer' }, items: [{ id: 'SKU-1', quantity: 10 }],
 * };
 * ```
 */
export interface FulfillmentRequestInput {
  readonly id: string;
  readonly subscriptionId: string;
  readonly requestType: RequestType;
  readonly at: string;
  readonly by: { readonly role: ConnectRole; readonly id?: string };
  readonly capabilities?: CapabilitiesInput;
  /** Start as a draft, when draft validation is on for this request type. */
  readonly draft?: boolean;
  /** Wait in tiers_setup for a tier configuration request, when tier configuration is on. */
  readonly tierConfigRequired?: boolean;
  readonly items?: readonly Item[];
  readonly params?: readonly Parameter[];
}

export interface FulfillmentRequestContext extends Bookkeeping<RequestStatus, ConnectRole> {
  readonly id: string;
  readonly subscriptionId: string;
  readonly requestType: RequestType;
  readonly capabilities: Capabilities;
  /** The buyer asked for a draft; it starts as one when draft validation is on for its type. */
  readonly draft: boolean;
  /** A tier configuration request must complete first, when tier configuration is on. */
  readonly tierConfigRequired: boolean;
  readonly items: readonly Item[];
  readonly params: readonly Parameter[];
  /** Set while scheduled: when the request returns to pending. */
  readonly plannedDate?: string;
  /** When the request was created (Connect's `created`). */
  readonly createdAt: string;
  /** Set by the approval, when the vendor gave one. */
  readonly effectiveDate?: string;
  /** The template of the last inquire or approve. */
  readonly templateId?: string;
  /** The activation tile (Markdown) an approval gave instead of, or beside, a template. */
  readonly activationTile?: string;
  /** Why it failed or was revoked. */
  readonly reason?: string;
}

/** A request command type: `request.approve`, `tierConfig.fail`, … (not `clock.tick`). */
export type RequestCommandType = keyof RequestPayloads;

/** One command of the fulfillment request, by type: the envelope and that command's payload. */
export type RequestCommandOf<T extends RequestCommandType> = Envelope<T, ConnectRole> &
  RequestPayloads[T];

/** {@link RequestCommandOf}, named after its machine. */
export type FulfillmentRequestCommandOf<T extends FulfillmentRequestCommand['type']> =
  T extends RequestCommandType ? RequestCommandOf<T> : ClockTick<ConnectRole>;

/** Every command a fulfillment request accepts. */
export type FulfillmentRequestCommand =
  | { [T in RequestCommandType]: RequestCommandOf<T> }[RequestCommandType]
  | ClockTick<ConnectRole>;

/** The codes a fulfillment request's rejections can have: every code but the subscription's own. */
export const FULFILLMENT_REQUEST_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'CAPABILITY_DISABLED',
  'UNKNOWN_REQUEST',
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
  'INVALID_DATE',
] as const satisfies readonly RejectionCode[];
/** One of {@link FULFILLMENT_REQUEST_REJECTION_CODES}. */
export type FulfillmentRequestRejectionCode = (typeof FULFILLMENT_REQUEST_REJECTION_CODES)[number];

/** A refused fulfillment request command: `{ code, message, command, status, details? }`. */
export type FulfillmentRequestRejection = Rejection<
  FulfillmentRequestCommand,
  RequestStatus,
  FulfillmentRequestRejectionCode
>;

/** The Connect templates a request or subscription change sends. */
export type NotificationTemplate =
  | 'pending'
  | 'inquiring'
  | 'approved'
  | 'tier-config-approved'
  | 'revoking';

/** `{ type: 'notification', template, at, … }`: Connect sent a template email (its pending, inquire and fulfillment templates). */
export interface Notification {
  readonly type: 'notification';
  readonly template: NotificationTemplate;
  readonly at: string;
  readonly subscriptionId?: string;
  readonly requestId?: string;
}

/** Everything a fulfillment request actor emits: listen with `actor.on(type, …)`. */
export type FulfillmentRequestEmitted =
  | StatusChanged<RequestStatus>
  | AuditRecorded<RequestStatus, ConnectRole>
  | Notification
  | CommandRejected<FulfillmentRequestCommand, RequestStatus, FulfillmentRequestRejectionCode>;

/** What a request gives its parent when it ends. */
export interface FulfillmentRequestOutput {
  readonly id: string;
  readonly subscriptionId: string;
  readonly requestType: RequestType;
  readonly status: FinalRequestStatus;
  readonly items: readonly Item[];
  readonly params: readonly Parameter[];
  readonly reason?: string;
  readonly effectiveDate?: string;
  readonly templateId?: string;
  readonly activationTile?: string;
}
