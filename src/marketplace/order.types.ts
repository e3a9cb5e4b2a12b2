/**
 * Types of a SoftwareOne Marketplace order (the Marketplace docs' order state diagram),
 * e.g. `ORD-1234-5678-9012-3456`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { CommandShape } from '../core/command';
import type { StatusChanged } from '../core/step';
import type { OrderLine } from './lines';
import type { orderPayloads } from './order.commands';
import type { Parameter } from './parameters';
import type { CommandRejected, MarketplaceRole, OrderType } from './platform';

/** The order's statuses, in the diagram's order. New is the unsaved order. */
export const ORDER_STATUSES = [
  'New',
  'Draft',
  'Quoted',
  'Processing',
  'Querying',
  'Completed',
  'Failed',
  'Deleted',
] as const;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The statuses no command leaves. */
export const FINAL_ORDER_STATUSES = ['Completed', 'Failed', 'Deleted'] as const;
/** One of {@link FINAL_ORDER_STATUSES}. */
export type FinalOrderStatus = (typeof FINAL_ORDER_STATUSES)[number];

/**
 * What a new order is made from.
 *
 * @example
 * ```ts
 * const input: MarketplaceOrderInput = {
 *   id: 'ORD-1234-5678-9012-3456', orderType: 'Purchase', agreementId: 'AGR-1234-5678-9012-3456',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'client' },
 *   parameters: [{ id: 'PAR-1234-5678-0001', value: 'contoso.onmicrosoft.com' }],
 * };
 * ```
 */
export interface MarketplaceOrderInput {
  readonly id: string;
  readonly orderType: OrderType;
  readonly agreementId: string;
  readonly at: string;
  readonly by: { readonly role: MarketplaceRole; readonly id?: string };
  readonly lines?: readonly OrderLine[];
  /** Parameters as saved; one that carries an `error` sends a placed order to Querying. */
  readonly parameters?: readonly Parameter[];
}

/** What an order knows: its input as saved, and what the vendor and client added since. */
export interface MarketplaceOrderContext extends Bookkeeping<OrderStatus, MarketplaceRole> {
  readonly id: string;
  readonly orderType: OrderType;
  readonly agreementId: string;
  readonly lines: readonly OrderLine[];
  readonly parameters: readonly Parameter[];
  /** The template of the last query, or of the completion. */
  readonly templateId?: string;
  /** Why the order failed. */
  readonly statusNotes?: string;
}

type Payloads = typeof orderPayloads;

/** One command of the order, by type. */
export type OrderCommandOf<T extends keyof Payloads> = CommandShape<
  T,
  MarketplaceRole,
  Payloads[T]
>;

/** Every command an order accepts. */
export type MarketplaceOrderCommand = { [T in keyof Payloads]: OrderCommandOf<T> }[keyof Payloads];

/** What an order actor emits. */
export type MarketplaceOrderEmitted =
  | StatusChanged<OrderStatus>
  | AuditRecorded<OrderStatus, MarketplaceRole>
  | CommandRejected<MarketplaceOrderCommand, OrderStatus>;
