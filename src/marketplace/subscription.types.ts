/**
 * Types of a SoftwareOne Marketplace subscription (Marketplace docs: the
 * subscription object and its state diagram), e.g. `SUB-2119-4550-8674-5962`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { ClockTick, CommandShape } from '../core/command';
import type { StatusChanged } from '../core/step';
import type { Commitment } from './commitment';
import type { SubscriptionLine } from './lines';
import type { OpenOrder } from './open-order';
import type { Parameter } from './parameters';
import type { CommandRejected, MarketplaceRole, OrderType } from './platform';
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

/** Billing terms: how often it is billed, and how long each commitment runs. */
export interface SubscriptionTerms {
  readonly period: '1m' | '1y' | 'one-time';
  readonly commitment: Commitment;
}

/** The subscription's ids in the client's, the vendor's and operations' own systems. */
export interface ExternalIds {
  readonly client?: string;
  readonly vendor?: string;
  readonly operations?: string;
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
  /** Fulfillment parameters. */
  readonly parameters?: readonly Parameter[];
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
  readonly terminationDate?: string;
  /** The vendor's reason, when it terminated the subscription without an order. */
  readonly terminationReason?: string;
  readonly autoRenew: boolean;
  readonly lines: readonly SubscriptionLine[];
  /** Fulfillment parameters. */
  readonly parameters: readonly Parameter[];
  readonly externalIds?: ExternalIds;
  /** The order in progress: the Purchase in Draft, the placed order in Updating and Terminating. */
  readonly openOrder: OpenOrder | null;
  /** Orders that are over, oldest first: their ids cannot be placed again. */
  readonly orders: readonly ClosedOrder[];
}

type Payloads = typeof subscriptionPayloads;

/** One command of the subscription, by type. */
export type SubscriptionCommandOf<T extends keyof Payloads> = CommandShape<
  T,
  MarketplaceRole,
  Payloads[T]
>;

/** Every command a subscription accepts. */
export type MarketplaceSubscriptionCommand =
  | { [T in keyof Payloads]: SubscriptionCommandOf<T> }[keyof Payloads]
  | ClockTick<MarketplaceRole>;

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
  | CommandRejected<MarketplaceSubscriptionCommand, SubscriptionStatus>;
