/**
 * The rules of an order (Marketplace docs, orders) as pure functions, and the named guards built
 * from them. The chart's guards, `explain`, `can` and `availableCommands` all run these. Guards
 * without rules are there so a host can add its own policy with `machine.provide({ guards })`.
 */

import { type Rule, refuse } from '../core/rejection';
import { guards } from '../core/spec';
import type {
  MarketplaceOrderCommand,
  MarketplaceOrderCommandOf,
  MarketplaceOrderContext,
} from './order.types';
import { applyQueries, applyValues, withErrors } from './parameters';

type Ctx = MarketplaceOrderContext;
type OrderRule<T extends MarketplaceOrderCommand['type']> = Rule<Ctx, MarketplaceOrderCommandOf<T>>;

/**
 * Validation left an error, on an ordering parameter or on the order itself: the placed order goes
 * straight to Querying (the diagram's "Order placed" junction).
 */
const hasErrors = (c: Ctx): boolean =>
  c.error !== undefined || withErrors(c.parameters.ordering).length > 0;

/** A query must show the client at least one parameter error. */
const queryShowsErrors: OrderRule<'order.query'> = (c, command) =>
  withErrors(applyQueries(c.parameters.ordering, command.parameters.ordering)).length > 0
    ? null
    : refuse('NO_PARAMETER_ERRORS', 'a query needs at least one ordering parameter with an error');

/** The client processes the order again once every queried parameter has a value. */
const queryAnswered: OrderRule<'order.process'> = (c, command) => {
  const left = withErrors(applyValues(c.parameters.ordering, command.parameters?.ordering));
  return left.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `ordering parameters still carry an error and need a value: ${left.join(', ')}`,
        { parameters: left },
      );
};

/**
 * Failing an order needs `statusNotes`, the reason the client sees (mpt-extension-sdk
 * `OrderService.fail`): a message whose text is not blank, or that text alone.
 */
const statusNotesGiven: OrderRule<'order.fail'> = (_, { statusNotes }) => {
  const text: unknown = typeof statusNotes === 'string' ? statusNotes : statusNotes?.message;
  return typeof text === 'string' && text.trim() !== ''
    ? null
    : refuse('REASON_REQUIRED', 'order.fail needs statusNotes with a message');
};

const { on } = guards<Ctx, MarketplaceOrderCommand>();

/** The named guards of the order chart. */
export const orderGuards = {
  canValidate: on(['order.validate']),
  canQuote: on(['order.quote']),
  placesWithErrors: on(['order.place'], { when: hasErrors }),
  canPlace: on(['order.place']),
  canDelete: on(['order.delete']),
  canQuery: on(['order.query'], { rules: [queryShowsErrors] }),
  canProcess: on(['order.process'], { rules: [queryAnswered] }),
  canComplete: on(['order.complete']),
  canFail: on(['order.fail'], { rules: [statusNotesGiven] }),
};
