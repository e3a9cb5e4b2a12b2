/**
 * Types of a SoftwareOne Marketplace subscription (Marketplace docs: the subscription object and
 * its state diagram), e.g. `SUB-2119-4550-8674-5962`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, CommandShape } from '../core/command';
import type { Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { Commitment } from './commitment';
import type { SubscriptionLine } from './lines';
import type { OpenOrder } from './open-order';
import type { Parameters, ParametersInput } from './parameters';
import type {
  CommandRejected,
  ExternalIds,
  MarketplaceRole,
  OrderType,
  Requiring,
} from './platform';
import type { AuditStamps } from './stamps';
import type { subscriptionPayloads } from './subscription.commands';

/** The subscription's statuses, in the diagram's order. There is no Suspended. */
export const SUBSCRIPTION_STATUSES = [
  'Draft',
  'Active',
  'Updating',
  'Terminating',
  'Terminated',
  'Expired',
  'Deleted',
] as const;
/** One of {@link SUBSCRIPTION_STATUSES}. */
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** The statuses no command leaves (a tick there is a no-op). */
export const FINAL_SUBSCRIPTION_STATUSES = ['Terminated', 'Expired', 'Deleted'] as const;
/** One of {@link FINAL_SUBSCRIPTION_STATUSES}. */
export type FinalSubscriptionStatus = (typeof FINAL_SUBSCRIPTION_STATUSES)[number];

/** The rejection codes a subscription gives; no other code ever comes from it. */
export const SUBSCRIPTION_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'REQUEST_IN_PROGRESS',
  'UNKNOWN_REQUEST',
  'DUPLICATE_REQUEST',
  'REASON_REQUIRED',
  'INVALID_DATE',
] as const satisfies readonly RejectionCode[];
/** One of {@link SUBSCRIPTION_REJECTION_CODES}. */
export type MarketplaceSubscriptionRejectionCode = (typeof SUBSCRIPTION_REJECTION_CODES)[number];

/**
 * The audit events of a subscription's API object: the five of the subscription object page
 * (created, updated, activated, terminated, failed), and the four the API adds.
 */
export const SUBSCRIPTION_AUDIT_EVENTS = [
  'created',
  'updated',
  'activated',
  'terminated',
  'failed',
  'updating',
  'terminating',
  'expired',
  'renewed',
] as const;
/** One of {@link SUBSCRIPTION_AUDIT_EVENTS}, a key of the API object's `audit`. */
export type SubscriptionAuditEvent = (typeof SUBSCRIPTION_AUDIT_EVENTS)[number];

/** How many closed orders a subscription keeps: the most recent ones. */
export const CLOSED_ORDERS_WINDOW = 20;

/** Billing terms: how often it is billed, and how long each commitment runs. */
export interface SubscriptionTerms {
  readonly period: '1m' | '1y' | 'one-time';
  readonly commitment: Commitment;
}

/**
 * What a new subscription is made from. `createdBy: 'order'` starts it in Draft while its Purchase
 * order (`orderId`, checked when given) is fulfilled; `'vendor'` starts it Active.
 *
 * @example
 * ```ts
 * const input: MarketplaceSubscriptionInput = {
 *   id: 'SUB-2119-4550-8674-5962', agreementId: 'AGR-2119-4550-8674-0001',
 *   productId: 'PRD-1111-2222', at: '2026-01-31T00:00:00Z', by: { role: 'vendor' },
 *   terms: { period: '1m', commitment: '1y' }, createdBy: 'vendor',
 *   lines: [{ id: 'ALI-2119-4550-8674-5962-0001', item: { id: 'ITM-1111-2222-0001' }, quantity: 10 }],
 *   parameters: { fulfillment: [{ externalId: 'tenantId', value: 'contoso' }] },
 * };
 * ```
 */
export interface MarketplaceSubscriptionInput {
  readonly id: string;
  readonly agreementId: string;
  readonly productId: string;
  readonly name?: string;
  readonly at: string;
  readonly by: { readonly role: MarketplaceRole; readonly id?: string };
  readonly terms: SubscriptionTerms;
  /** Default: `at` for a vendor's subscription; the Purchase order's completion for a Draft. */
  readonly startDate?: string;
  /** Default: one commitment term after `startDate`. Needs `startDate`, and must be after it. */
  readonly commitmentDate?: string;
  /** Default `true`. */
  readonly autoRenew?: boolean;
  readonly lines: readonly SubscriptionLine[];
  readonly parameters?: ParametersInput;
  readonly externalIds?: ExternalIds;
  readonly createdBy: 'order' | 'vendor';
  /** The Purchase order that creates a Draft subscription; only with `createdBy: 'order'`. */
  readonly orderId?: string;
}

/** An order that touched the subscription and is over. */
export interface ClosedOrder {
  readonly id: string;
  readonly orderType: OrderType;
  readonly status: 'Completed' | 'Failed';
}

/** What a subscription knows: the API object's fields it models, its open order and its history. */
export interface MarketplaceSubscriptionContext
  extends Bookkeeping<SubscriptionStatus, MarketplaceRole> {
  readonly id: string;
  readonly agreementId: string;
  readonly productId: string;
  readonly name?: string;
  readonly terms: SubscriptionTerms;
  /** Absent only in a Draft (or Deleted) subscription whose order gave none. */
  readonly startDate?: string;
  /** When the current commitment ends and the subscription renews or expires. */
  readonly commitmentDate?: string;
  /** Where commitment terms are counted from: `startDate`, or a given off-grid `commitmentDate`. */
  readonly renewalAnchor?: string;
  /**
   * The date by which the subscription must be terminated: set ahead by its Termination order, or
   * the day it was terminated. Only while Terminating, and once Terminated.
   */
  readonly terminationDate?: string | undefined;
  /** The vendor's reason, when it terminated the subscription without an order. */
  readonly terminationReason?: string;
  readonly autoRenew: boolean;
  readonly lines: readonly SubscriptionLine[];
  readonly parameters: Parameters;
  readonly externalIds?: ExternalIds;
  /** The order in progress: the Purchase in Draft, the placed order in Updating and Terminating. */
  readonly openOrder: OpenOrder | null;
  /**
   * The last {@link CLOSED_ORDERS_WINDOW} orders that are over, oldest first: their ids cannot be
   * placed again. Older ones are in the host's history (`audit.recorded`).
   */
  readonly orders: readonly ClosedOrder[];
  /** The latest `{ at, by }` of each audit event, as the API object's `audit` shows them. */
  readonly stamps: AuditStamps<SubscriptionAuditEvent>;
}

type Payloads = typeof subscriptionPayloads;
type Shape<T extends keyof Payloads> = CommandShape<T, MarketplaceRole, Payloads[T]>;

/**
 * One command of the subscription, by type. `subscription.terminate` requires `reason` in its type;
 * at run time a missing or blank one is `REASON_REQUIRED`.
 */
export type MarketplaceSubscriptionCommandOf<T extends keyof Payloads | 'clock.tick'> =
  T extends 'clock.tick'
    ? ClockTick<MarketplaceRole>
    : T extends 'subscription.terminate'
      ? Requiring<Shape<'subscription.terminate'>, 'reason'>
      : T extends keyof Payloads
        ? Shape<T>
        : never;

/** Every command a subscription accepts. */
export type MarketplaceSubscriptionCommand = {
  [T in keyof Payloads | 'clock.tick']: MarketplaceSubscriptionCommandOf<T>;
}[keyof Payloads | 'clock.tick'];

/** The payload of each subscription command (beside the envelope), by type. */
export type MarketplaceSubscriptionPayload<T extends keyof Payloads> = Omit<
  MarketplaceSubscriptionCommandOf<T>,
  'type' | 'at' | 'by' | 'commandId' | 'expectedVersion'
>;

/** A refused subscription command: `{ code, message, command, status, details? }`. */
export type MarketplaceSubscriptionRejection = Rejection<
  MarketplaceSubscriptionCommand,
  SubscriptionStatus,
  MarketplaceSubscriptionRejectionCode
>;

/** Emitted when a tick renewed the subscription: its commitment moved on. */
export interface SubscriptionRenewed {
  readonly type: 'subscription.renewed';
  readonly subscriptionId: string;
  readonly previousCommitmentDate: string;
  readonly commitmentDate: string;
  readonly at: string;
}

/** What a subscription actor emits. */
export type MarketplaceSubscriptionEmitted =
  | StatusChanged<SubscriptionStatus>
  | AuditRecorded<SubscriptionStatus, MarketplaceRole>
  | SubscriptionRenewed
  | CommandRejected<
      MarketplaceSubscriptionCommand,
      SubscriptionStatus,
      MarketplaceSubscriptionRejectionCode
    >;
