/**
 * A new subscription's context from its input, validated: a bad field throws a `TypeError` that
 * names it, e.g. `marketplaceSubscriptionMachine input.id: expected SUB-dddd-dddd-dddd-dddd, got "SUB-1"`.
 */
import { created } from '../core/bookkeeping';
import {
  boolean,
  instant,
  literal,
  nonEmptyString,
  object,
  optional,
  string,
} from '../core/schema';
import { compareInstants } from '../core/time';
import { commitmentOf } from './commitment';
import { agreementIdSchema, orderIdSchema, subscriptionIdSchema } from './ids';
import { subscriptionLinesSchema } from './lines';
import { parametersSchema } from './parameters';
import { MARKETPLACE_ROLES } from './platform';
import type {
  MarketplaceSubscriptionContext,
  MarketplaceSubscriptionInput,
} from './subscription.types';

export const termsSchema = object({
  period: literal('1m', '1y', 'one-time'),
  commitment: literal('1m', '1y', '3y'),
});
export const externalIdsSchema = object({
  client: optional(string),
  vendor: optional(string),
  operations: optional(string),
});

const inputSchema = object({
  id: subscriptionIdSchema,
  agreementId: agreementIdSchema,
  productId: nonEmptyString,
  name: optional(string),
  at: instant,
  by: object({ role: literal(...MARKETPLACE_ROLES), id: optional(nonEmptyString) }),
  terms: termsSchema,
  startDate: optional(instant),
  commitmentDate: optional(instant),
  autoRenew: optional(boolean),
  lines: subscriptionLinesSchema,
  parameters: optional(parametersSchema),
  externalIds: optional(externalIdsSchema),
  createdBy: literal('order', 'vendor'),
  orderId: optional(orderIdSchema),
});

/** Facts across fields that the field schemas cannot see. */
function crossFieldError(input: MarketplaceSubscriptionInput): string | null {
  const { startDate, commitmentDate } = input;
  if (commitmentDate !== undefined && startDate === undefined)
    return 'input.commitmentDate: needs input.startDate';
  if (commitmentDate !== undefined && startDate !== undefined) {
    if (compareInstants(commitmentDate, startDate) <= 0)
      return `input.commitmentDate: ${commitmentDate} must be after input.startDate ${startDate}`;
  }
  if (input.orderId !== undefined && input.createdBy !== 'order')
    return "input.orderId: only a subscription with createdBy 'order' has a Purchase order";
  return null;
}

/** The context of a new subscription. Throws a `TypeError` naming the bad input field. */
export function subscriptionContext(
  input: MarketplaceSubscriptionInput,
): MarketplaceSubscriptionContext {
  const error = inputSchema(input, 'input') ?? crossFieldError(input);
  if (error) throw new TypeError(`marketplaceSubscriptionMachine ${error}`);
  const byOrder = input.createdBy === 'order';
  const startDate = input.startDate ?? (byOrder ? undefined : input.at);
  return {
    id: input.id,
    agreementId: input.agreementId,
    productId: input.productId,
    ...(input.name === undefined ? {} : { name: input.name }),
    terms: { period: input.terms.period, commitment: input.terms.commitment },
    ...(startDate === undefined
      ? {}
      : { startDate, ...commitmentOf(startDate, input.terms.commitment, input.commitmentDate) }),
    autoRenew: input.autoRenew ?? true,
    lines: input.lines,
    parameters: input.parameters ?? [],
    ...(input.externalIds === undefined ? {} : { externalIds: input.externalIds }),
    openOrder: byOrder
      ? { ...(input.orderId === undefined ? {} : { id: input.orderId }), orderType: 'Purchase' }
      : null,
    orders: [],
    ...created(input),
  };
}
