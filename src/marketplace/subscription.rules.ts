/**
 * The rules of a subscription (Marketplace docs, subscriptions) as pure functions, and the named
 * guards built from them. Within a guard, the command's own rules run in this order: order type,
 * open order, reason.
 */

import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import type { AnyCommand, GuardSpec } from '../core/spec';
import { commitmentEnded } from './commitment';
import { isOpenOrder, noOrderInProgress, orderTypeIn, relayed } from './open-order';
import type { MarketplaceSubscriptionContext, SubscriptionCommandOf } from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;
type SubscriptionRule = Rule<Ctx, AnyCommand>;

/** An order id names one order: one that is over cannot be placed again (a replayed relay). */
const freshOrderId: SubscriptionRule = (context, command) => {
  const { orderId } = relayed(command);
  const used = context.orders.find((o) => o.id === orderId);
  return used === undefined
    ? null
    : refuse('DUPLICATE_REQUEST', `order ${orderId} was placed before and is ${used.status}`, {
        orderId,
      });
};

/** A completion carries only what its order type changes: lines for Change, autoRenew for Configuration. */
const changesFitOrder: SubscriptionRule = (_, command) => {
  const { orderType, lines, autoRenew } =
    command as unknown as SubscriptionCommandOf<'order.completed'>;
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
const reasonGiven: SubscriptionRule = reasonRequired();

const isTermination = (_: Ctx, command: AnyCommand) => relayed(command).orderType === 'Termination';
const due = (c: Ctx, command: AnyCommand) => commitmentEnded(c.commitmentDate, command.at);

/** The named guards of the subscription chart. */
export const subscriptionGuards = {
  awaitsPurchase: { when: (c) => c.openOrder?.orderType === 'Purchase' },
  placesTermination: { when: isTermination, rules: [noOrderInProgress, freshOrderId] },
  placesUpdate: {
    when: (c, command) => !isTermination(c, command),
    // A Purchase order creates a subscription; it is never placed against one.
    rules: [
      orderTypeIn(['Change', 'Configuration'], 'a subscription'),
      noOrderInProgress,
      freshOrderId,
    ],
  },
  noOrderInProgress: { rules: [noOrderInProgress] },
  completesOpenOrder: { rules: [isOpenOrder, changesFitOrder] },
  failsOpenOrder: { rules: [isOpenOrder] },
  canTerminate: { rules: [reasonGiven] },
  renewalDue: { when: (c, command) => due(c, command) && c.autoRenew },
  expiryDue: { when: (c, command) => due(c, command) && !c.autoRenew },
} satisfies Record<string, GuardSpec<Ctx, AnyCommand>>;
