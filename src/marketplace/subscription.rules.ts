/**
 * The rules of a subscription (Marketplace docs, subscriptions) as pure functions, and the named
 * guards built from them. Within a guard, the command's own rules run in this order: order type,
 * open order, reason.
 */

import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import { guards } from '../core/spec';
import { commitmentEnded } from './commitment';
import { isOpenOrder, noOrderInProgress, orderTypeIn } from './open-order';
import type {
  MarketplaceSubscriptionCommand,
  MarketplaceSubscriptionContext,
  SubscriptionCommandOf,
} from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;
type Relayed = SubscriptionCommandOf<'order.placed' | 'order.completed' | 'order.failed'>;

/** An order id names one order: one that is over cannot be placed again (a replayed relay). */
const freshOrderId: Rule<Ctx, Relayed> = (context, { orderId }) => {
  const used = context.orders.find((o) => o.id === orderId);
  return used === undefined
    ? null
    : refuse('DUPLICATE_REQUEST', `order ${orderId} was placed before and is ${used.status}`, {
        orderId,
      });
};

/** A completion carries only what its order type changes: lines for Change, autoRenew for Configuration. */
const changesFitOrder: Rule<Ctx, SubscriptionCommandOf<'order.completed'>> = (_, command) => {
  const { orderType, lines, autoRenew } = command;
  const field =
    lines !== undefined && orderType !== 'Change'
      ? 'lines'
      : autoRenew !== undefined && orderType !== 'Configuration'
        ? 'autoRenew'
        : undefined;
  return field === undefined
    ? null
    : refuse('INVALID_COMMAND', `a completed ${orderType} order does not carry ${field}`, {
        field,
      });
};

/** The vendor's termination without an order needs a reason. */
const reasonGiven = reasonRequired();

const isTermination = (_: Ctx, command: Relayed) => command.orderType === 'Termination';
const due = (c: Ctx, command: { readonly at: string }) =>
  commitmentEnded(c.commitmentDate, command.at);

const { on, routing } = guards<Ctx, MarketplaceSubscriptionCommand>();

/** The named guards of the subscription chart. */
export const subscriptionGuards = {
  awaitsPurchase: routing((c) => c.openOrder?.orderType === 'Purchase'),
  placesTermination: on(['order.placed'], {
    when: isTermination,
    rules: [noOrderInProgress, freshOrderId],
  }),
  placesUpdate: on(['order.placed'], {
    when: (c, command) => !isTermination(c, command),
    // A Purchase order creates a subscription; it is never placed against one.
    rules: [
      orderTypeIn(['Change', 'Configuration'], 'a subscription'),
      noOrderInProgress,
      freshOrderId,
    ],
  }),
  noOrderInProgress: on(['order.placed'], { rules: [noOrderInProgress] }),
  completesOpenOrder: on(['order.completed'], { rules: [isOpenOrder, changesFitOrder] }),
  failsOpenOrder: on(['order.failed'], { rules: [isOpenOrder] }),
  canTerminate: on(['subscription.terminate'], { rules: [reasonGiven] }),
  renewalDue: on(['clock.tick'], { when: (c, command) => due(c, command) && c.autoRenew }),
  expiryDue: on(['clock.tick'], { when: (c, command) => due(c, command) && !c.autoRenew }),
};
