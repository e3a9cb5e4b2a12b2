/**
 * The machines the service hosts, by the name they have in a URL. Everything else in the service
 * is the same code for all of them: that is the point of the command API.
 */
import { subscriptionMachine } from 'subscription-machines';
import {
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from 'subscription-machines/marketplace';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import type { AnyStateMachine } from 'xstate';

export interface Hosted {
  /** The name in the URL, and in the `machine` column. */
  readonly name: string;
  readonly machine: AnyStateMachine;
  /** The subject's id, read from a valid starting context. */
  readonly idOf: (context: Readonly<Record<string, unknown>>) => string;
}

const byId = (context: Readonly<Record<string, unknown>>) => String(context.id);

const HOSTED: readonly Hosted[] = [
  { name: 'connect', machine: subscriptionMachine, idOf: byId },
  { name: 'marketplace-subscription', machine: marketplaceSubscriptionMachine, idOf: byId },
  { name: 'marketplace-order', machine: marketplaceOrderMachine, idOf: byId },
  // An Opencell subscription is known by its code.
  { name: 'opencell', machine: opencellSubscriptionMachine, idOf: (c) => String(c.code) },
];

// A Map, so a path segment such as `__proto__` or `constructor` finds nothing.
const REGISTRY: ReadonlyMap<string, Hosted> = new Map(HOSTED.map((h) => [h.name, h]));

export const hostedMachine = (name: string): Hosted | undefined => REGISTRY.get(name);
export const hostedNames = (): string[] => [...REGISTRY.keys()];
