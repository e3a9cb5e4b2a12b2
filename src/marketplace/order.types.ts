/**
 * Types of a SoftwareOne Marketplace order (the Marketplace docs' order object and state diagram),
 * e.g. `ORD-1234-5678-9012-3456`.
 */
import type { AuditRecorded, Bookkeeping } from '../core/bookkeeping';
import type { CommandShape } from '../core/command';
import type { Rejection, RejectionCode } from '../core/rejection';
import type { StatusChanged } from '../core/step';
import type { OrderLine } from './lines';
import type { orderPayloads } from './order.commands';
import type { Parameters, ParametersInput } from './parameters';
import type {
  CommandRejected,
  ExternalIds,
  MarketplaceRole,
  Message,
  OrderType,
  Requiring,
} from './platform';
import type { AuditStamps } from './stamps';

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

/** The rejection codes an order gives; no other code ever comes from it. */
export const ORDER_REJECTION_CODES = [
  'INVALID_COMMAND',
  'STALE_VERSION',
  'OUT_OF_ORDER',
  'FORBIDDEN_ROLE',
  'INVALID_STATE',
  'REASON_REQUIRED',
  'REQUIRED_PARAMETERS_MISSING',
  'NO_PARAMETER_ERRORS',
] as const satisfies readonly RejectionCode[];
/** One of {@link ORDER_REJECTION_CODES}. */
export type MarketplaceOrderRejectionCode = (typeof ORDER_REJECTION_CODES)[number];

/** The audit events an order's API object shows. */
export const ORDER_AUDIT_EVENTS = ['created', 'updated'] as const;
/** One of {@link ORDER_AUDIT_EVENTS}. */
export type OrderAuditEvent = (typeof ORDER_AUDIT_EVENTS)[number];

/**
 * What a new order is made from.
 *
 * @example
 * ```ts
 * const input: MarketplaceOrderInput = {
 *   id: 'ORD-1234-5678-9012-3456', orderType: 'Purchase', agreementId: 'AGR-1234-5678-9012-3456',
 *   at: '2026-01-05T09:00:00Z', by: { role: 'client' },
 *   parameters: { ordering: [{ externalId: 'tenantDomain', value: 'contoso.onmicrosoft.com' }] },
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
  /** Parameters as saved; an ordering one that carries an `error` sends a placed order to Querying. */
  readonly parameters?: ParametersInput;
  readonly externalIds?: ExternalIds;
}

/** What an order knows: its input as saved, and what the vendor and client added since. */
export interface MarketplaceOrderContext extends Bookkeeping<OrderStatus, MarketplaceRole> {
  readonly id: string;
  readonly orderType: OrderType;
  readonly agreementId: string;
  readonly lines: readonly OrderLine[];
  readonly parameters: Parameters;
  readonly externalIds?: ExternalIds;
  /** The template of the last query, or of the completion. */
  readonly templateId?: string;
  /** What the validation found wrong with the order as a whole; placing it then goes to Querying. */
  readonly error?: Message | undefined;
  /** Why the order failed. */
  readonly statusNotes?: Message;
  /** The latest `{ at, by }` of each audit event, as the API object's `audit` shows them. */
  readonly stamps: AuditStamps<OrderAuditEvent>;
}

type Payloads = typeof orderPayloads;
type Shape<T extends keyof Payloads> = CommandShape<T, MarketplaceRole, Payloads[T]>;

/**
 * One command of the order, by type. `order.fail` requires `statusNotes` in its type; at run time
 * a missing or blank one is `REASON_REQUIRED`.
 */
export type MarketplaceOrderCommandOf<T extends keyof Payloads> = T extends 'order.fail'
  ? Requiring<Shape<'order.fail'>, 'statusNotes'>
  : Shape<T>;

/** Every command an order accepts. */
export type MarketplaceOrderCommand = {
  [T in keyof Payloads]: MarketplaceOrderCommandOf<T>;
}[keyof Payloads];

/** The payload of each order command (beside the envelope), by type. */
export type MarketplaceOrderPayload<T extends keyof Payloads> = Omit<
  MarketplaceOrderCommandOf<T>,
  'type' | 'at' | 'by' | 'commandId' | 'expectedVersion'
>;

/** A refused order command: `{ code, message, command, status, details? }`. */
export type MarketplaceOrderRejection = Rejection<
  MarketplaceOrderCommand,
  OrderStatus,
  MarketplaceOrderRejectionCode
>;

/** What an order actor emits. */
export type MarketplaceOrderEmitted =
  | StatusChanged<OrderStatus>
  | AuditRecorded<OrderStatus, MarketplaceRole>
  | CommandRejected<MarketplaceOrderCommand, OrderStatus, MarketplaceOrderRejectionCode>;
