/**
 * The order a subscription or an agreement waits for, and the rules of orders relayed to it by the
 * platform (`order.placed`, `order.completed`, `order.failed`): one order at a time (the
 * Marketplace's order workflow, softwareone-platform/docs commerce API).
 */
import { type Rule, refuse } from '../core/rejection';
import { literal, nullable, object, optional, type Schema } from '../core/schema';
import type { AnyCommand } from '../core/spec';
import { orderIdSchema } from './ids';
import { ORDER_TYPES, type OrderType } from './platform';

/**
 * The order in progress. Its `id` is absent only for a Draft subscription created by a Purchase
 * order whose id was not given: then any Purchase order's completion or failure is taken as its.
 */
export interface OpenOrder {
  readonly id?: string;
  readonly orderType: OrderType;
}

export const openOrderSchema: Schema<OpenOrder | null> = nullable(
  object({ id: optional(orderIdSchema), orderType: literal(...ORDER_TYPES) }),
);

/** The payload every relayed order command carries. */
export const relayPayload = { orderId: orderIdSchema, orderType: literal(...ORDER_TYPES) } as const;

/** A relayed order command, as rules read it. */
export interface Relayed {
  readonly type: string;
  readonly orderId: string;
  readonly orderType: OrderType;
}

/** A context that waits for at most one order. */
export interface WithOpenOrder {
  readonly openOrder: OpenOrder | null;
}

const named = (order: OpenOrder) => `${order.id ?? 'the Purchase order'} (${order.orderType})`;

/** Only one order is processed at a time (`REQUEST_IN_PROGRESS`). */
export const noOrderInProgress: Rule<WithOpenOrder, unknown> = ({ openOrder }) =>
  openOrder === null
    ? null
    : refuse('REQUEST_IN_PROGRESS', `order ${named(openOrder)} is in progress: one at a time`, {
        ...(openOrder.id === undefined ? {} : { orderId: openOrder.id }),
        orderType: openOrder.orderType,
      });

/** The command names the open order, by id (when known) and type (`UNKNOWN_REQUEST` otherwise). */
export const isOpenOrder: Rule<WithOpenOrder, Relayed> = ({ openOrder }, command) => {
  const { orderId, orderType } = command;
  if (openOrder === null)
    return refuse('UNKNOWN_REQUEST', `${orderId} is not open: no order is in progress`);
  if ((openOrder.id ?? orderId) === orderId && openOrder.orderType === orderType) return null;
  return refuse(
    'UNKNOWN_REQUEST',
    `${orderId} (${orderType}) is not the open order ${named(openOrder)}`,
    {
      ...(openOrder.id === undefined ? {} : { orderId: openOrder.id }),
      orderType: openOrder.orderType,
    },
  );
};

/** Order types a status accepts (`INVALID_STATE` for another, as Connect's request types). */
export function orderTypeIn(types: readonly OrderType[], what: string): Rule<unknown, Relayed> {
  return (_, command) => {
    const { orderType } = command;
    return types.includes(orderType)
      ? null
      : refuse('INVALID_STATE', `a ${orderType} order is not placed against ${what}`);
  };
}

/** The audit entry's `requestId` for a relayed order command: the order's id. */
export function orderAudit(command: AnyCommand): { readonly requestId?: string } {
  const { orderId } = command as { orderId?: unknown };
  return typeof orderId === 'string' ? { requestId: orderId } : {};
}

/** A probe's order id: the first of `ORD-0000-0000-0000-0001`, … not in `taken`. */
export function unusedOrderId(taken: readonly (string | undefined)[]): string {
  for (let n = 1; ; n++) {
    const id = `ORD-0000-0000-0000-${String(n).padStart(4, '0')}`;
    if (!taken.includes(id)) return id;
  }
}
