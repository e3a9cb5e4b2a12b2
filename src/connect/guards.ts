/**
 * The named guards of the Connect machines, as pure functions, for hosts to reuse or wrap when
 * they add policy with `machine.provide({ guards })`.
 */
import { guardImplementations } from '../core/machine';
import type { AnyCommand } from '../core/spec';
import { requestGuards } from './request.rules';
import type { FulfillmentRequestCommand, FulfillmentRequestContext } from './request.types';
import { subscriptionGuards } from './subscription.rules';
import type { SubscriptionCommand, SubscriptionContext } from './subscription.types';
import { tierConfigGuards } from './tier-config.rules';
import type { TierConfigRequestCommand, TierConfigRequestContext } from './tier-config.types';

/** A guard as XState calls it. */
export type Guard<Context, Command> = (args: {
  readonly context: Context;
  readonly event: Command;
}) => boolean;

type Guards<Names extends string, Context, Command> = Readonly<
  Record<Names, Guard<Context, Command>>
>;

/**
 * The guards of {@link fulfillmentRequestMachine} (`request`), {@link subscriptionMachine}
 * (`subscription`) and {@link tierConfigRequestMachine} (`tierConfigRequest`). Request commands use the same guard names on both machines (`canApprove`,
 * `canFail`, …); on the subscription they ask the open request's own rules.
 *
 * @example
 * // "Approve only when the vendor's system confirmed."
 * const machine = subscriptionMachine.provide({
 *   guards: {
 *     canApprove: (args) => connectGuards.subscription.canApprove(args) && confirmed.has(args.event.requestId),
 *   },
 * });
 */
export const connectGuards = {
  request: guardImplementations<FulfillmentRequestContext, AnyCommand>(
    requestGuards,
  ) as unknown as Guards<
    keyof typeof requestGuards,
    FulfillmentRequestContext,
    FulfillmentRequestCommand
  >,
  subscription: guardImplementations<SubscriptionContext, AnyCommand>(
    subscriptionGuards,
  ) as unknown as Guards<keyof typeof subscriptionGuards, SubscriptionContext, SubscriptionCommand>,
  tierConfigRequest: guardImplementations<TierConfigRequestContext, AnyCommand>(
    tierConfigGuards,
  ) as unknown as Guards<
    keyof typeof tierConfigGuards,
    TierConfigRequestContext,
    TierConfigRequestCommand
  >,
};
