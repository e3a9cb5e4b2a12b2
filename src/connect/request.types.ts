/**
 * Types of CloudBlue Connect's fulfillment request (DOMAIN.md §1.2), e.g. `PR-3071-1051-2166-001`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, CommandShape } from '../core/command';
import type { CommandRejected } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Capabilities, CapabilitiesInput } from './capabilities';
import type { requestPayloads } from './request.commands';

/** The types of fulfillment request (DOMAIN.md §1.2). */
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

/** The statuses of a fulfillment request, in the order of Connect's diagram (DOMAIN.md §1.2). */
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

/** A product parameter on a request: ordering ones are the buyer's, fulfillment ones the vendor's. */
export interface Parameter {
  readonly id: string;
  readonly phase: 'ordering' | 'fulfillment';
  readonly value?: string;
  /** A non-empty `valueError` marks the value as invalid (shown to the buyer on inquire). */
  readonly valueError?: string;
  readonly required?: boolean;
}

/** A change to a parameter carried by a command. Omitted fields are left as they are. */
export interface ParameterUpdate {
  readonly id: string;
  readonly value?: string;
  readonly valueError?: string;
}

/** An item and its quantity. In a change request the quantity is the absolute target; 0 removes it. */
export interface Item {
  readonly id: string;
  readonly quantity: number;
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
  /** Set by the approval, when the vendor gave one. */
  readonly effectiveDate?: string;
  /** The template of the last inquire or approve. */
  readonly templateId?: string;
  /** Why it failed or was revoked. */
  readonly reason?: string;
}

type Payloads = typeof requestPayloads;

/** One command of the fulfillment request, by type. */
export type RequestCommandOf<T extends keyof Payloads> = CommandShape<T, ConnectRole, Payloads[T]>;

/** Every command a fulfillment request accepts. */
export type FulfillmentRequestCommand =
  | { [T in keyof Payloads]: RequestCommandOf<T> }[keyof Payloads]
  | ClockTick<ConnectRole>;

/** The Connect templates a request or subscription change sends. */
export type NotificationTemplate =
  | 'pending'
  | 'inquiring'
  | 'approved'
  | 'tier-config-approved'
  | 'revoking';

/** `{ type: 'notification', template, at, … }`: Connect sent a template email (SPEC.md, Notifications). */
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
  | CommandRejected<FulfillmentRequestCommand, RequestStatus>;

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
}
