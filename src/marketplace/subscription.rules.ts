/**
 * The rules of a subscription (Marketplace docs, subscriptions) as pure functions, and the named
 * guards built from them. Within a guard, the command's own rules run in this order: order type,
 * open order, payload, reason, dates.
 */

import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import { guards } from '../core/spec';
import { compareInstants } from '../core/time';
import { commitmentEnded } from './commitment';
import { newLineWithoutItem } from './lines';
import { isOpenOrder, noOrderInProgress, orderTypeIn } from './open-order';
import type {
  MarketplaceSubscriptionCommand,
  MarketplaceSubscriptionCommandOf,
  MarketplaceSubscriptionContext,
} from './subscription.types';

type Ctx = MarketplaceSubscriptionContext;
type Relayed = MarketplaceSubscriptionCommandOf<
  'order.placed' | 'order.completed' | 'order.failed'
>;
type SubscriptionRule<T extends MarketplaceSubscriptionCommand['type']> = Rule<
  Ctx,
  MarketplaceSubscriptionCommandOf<T>
>;

/**
 * An order id names one order: one that is over cannot be placed again (a replayed relay). The
 * closed orders are a window, so a replay older than it is for the host's history to catch.
 */
const freshOrderId: Rule<Ctx, Relayed> = (context, { orderId }) => {
  const used = context.orders.find((o) => o.id === orderId);
  return used === undefined
    ? null
    : refuse('DUPLICATE_REQUEST', `order ${orderId} was placed before and is ${used.status}`, {
        orderId,
      });
};

/** Only a Termination order dates the end ahead. */
const onlyTerminationDated: SubscriptionRule<'order.placed'> = (_, command) =>
  command.terminationDate === undefined || command.orderType === 'Termination'
    ? null
    : refuse('INVALID_COMMAND', `a ${command.orderType} order does not carry terminationDate`, {
        field: 'terminationDate',
      });

/**
 * `terminationDate` is "the date by which the subscription must be terminated" (Marketplace docs,
 * subscription object): set ahead, so not before the order is placed.
 */
const terminationAhead: SubscriptionRule<'order.placed'> = (_, { terminationDate, at }) =>
  terminationDate === undefined || compareInstants(terminationDate, at) >= 0
    ? null
    : refuse('INVALID_DATE', `terminationDate ${terminationDate} is before the order (${at})`);

/** A completion carries only what its order type changes: lines for Change, autoRenew for Configuration. */
const changesFitOrder: SubscriptionRule<'order.completed'> = (_, command) => {
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

/** A Change names an existing line by its id alone; a new line names its item too. */
const newLinesNameItems: SubscriptionRule<'order.completed'> = (c, { lines }) => {
  const i = lines === undefined ? -1 : newLineWithoutItem(c.lines, lines);
  return i === -1
    ? null
    : refuse('INVALID_COMMAND', `lines[${i}]: a new line names its item`, {
        field: `lines[${i}].item`,
      });
};

/** The vendor's termination without an order needs a reason. */
const reasonGiven = reasonRequired();

const isTermination = (_: Ctx, command: { readonly orderType: string }) =>
  command.orderType === 'Termination';
const due = (c: Ctx, command: { readonly at: string }) =>
  commitmentEnded(c.commitmentDate, command.at);

const { on, routing } = guards<Ctx, MarketplaceSubscriptionCommand>();

/** The named guards of the subscription chart. */
export const subscriptionGuards = {
  awaitsPurchase: routing((c) => c.openOrder?.orderType === 'Purchase'),
  placesTermination: on(['order.placed'], {
    when: isTermination,
    rules: [noOrderInProgress, freshOrderId, terminationAhead],
  }),
  placesUpdate: on(['order.placed'], {
    when: (c, command) => !isTermination(c, command),
    // A Purchase order creates a subscription; it is never placed against one.
    rules: [
      orderTypeIn(['Change', 'Configuration'], 'a subscription'),
      noOrderInProgress,
      freshOrderId,
      onlyTerminationDated,
    ],
  }),
  noOrderInProgress: on(['order.placed'], { rules: [noOrderInProgress] }),
  completesOpenOrder: on(['order.completed'], {
    rules: [isOpenOrder, changesFitOrder, newLinesNameItems],
  }),
  failsOpenOrder: on(['order.failed'], { rules: [isOpenOrder] }),
  canTerminate: on(['subscription.terminate'], { rules: [reasonGiven] }),
  canDelete: on(['subscription.delete']),
  renewalDue: on(['clock.tick'], { when: (c, command) => due(c, command) && c.autoRenew }),
  expiryDue: on(['clock.tick'], { when: (c, command) => due(c, command) && !c.autoRenew }),
};
