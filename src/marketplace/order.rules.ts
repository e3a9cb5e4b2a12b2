/**
 * The rules of an order (Marketplace docs, orders) as pure functions, and the named guards built
 * from them. The chart's guards, `explain`, `can` and `availableCommands` all run these. Guards
 * without rules are there so a host can add its own policy with `machine.provide({ guards })`.
 */

import { type Rule, refuse } from '../core/rejection';
import { reasonRequired } from '../core/rules';
import { guards } from '../core/spec';
import type {
  MarketplaceOrderCommand,
  MarketplaceOrderContext,
  OrderCommandOf,
} from './order.types';
import { applyQueries, applyValues, withErrors } from './parameters';

type Ctx = MarketplaceOrderContext;
type OrderRule<T extends MarketplaceOrderCommand['type']> = Rule<Ctx, OrderCommandOf<T>>;

/** Validation left an error on a parameter: the placed order goes straight to Querying. */
const hasParameterErrors = (context: Ctx): boolean => withErrors(context.parameters).length > 0;

/** A query must show the client at least one parameter error. */
const queryShowsErrors: OrderRule<'order.query'> = (context, command) =>
  withErrors(applyQueries(context.parameters, command.parameters)).length > 0
    ? null
    : refuse('NO_PARAMETER_ERRORS', 'a query needs at least one parameter with an error');

/** The client processes the order again once every queried parameter has a value. */
const queryAnswered: OrderRule<'order.process'> = (context, command) => {
  const left = withErrors(applyValues(context.parameters, command.parameters));
  return left.length === 0
    ? null
    : refuse(
        'REQUIRED_PARAMETERS_MISSING',
        `parameters still carry an error and need a value: ${left.join(', ')}`,
        { parameters: left },
      );
};

/** Failing an order needs `statusNotes`, the reason the client sees. */
const statusNotesGiven = reasonRequired('statusNotes');

const { on } = guards<Ctx, MarketplaceOrderCommand>();

/** The named guards of the order chart. */
export const orderGuards = {
  canValidate: on(['order.validate']),
  canQuote: on(['order.quote']),
  placesWithErrors: on(['order.place'], { when: hasParameterErrors }),
  canPlace: on(['order.place']),
  canDelete: on(['order.delete']),
  canQuery: on(['order.query'], { rules: [queryShowsErrors] }),
  canProcess: on(['order.process'], { rules: [queryAnswered] }),
  canComplete: on(['order.complete']),
  canFail: on(['order.fail'], { rules: [statusNotesGiven] }),
};
