/**
 * Every machine the package exports, one line each. The inspector-readiness test, the diagram
 * check and `npm run diagrams` all read this list, and a test fails while an exported machine is
 * missing from it: a new machine is one more line here.
 */
import {
  fulfillmentRequestMachine,
  subscriptionMachine,
  tierConfigRequestMachine,
} from 'subscription-machines';
import {
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from 'subscription-machines/marketplace';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import type { AnyStateMachine } from 'xstate';

export interface ListedMachine {
  /** The export's name. */
  readonly name: string;
  /** The entry point that exports it. */
  readonly from: string;
  /** Its generated diagram: `docs/diagrams/<diagram>.md`. */
  readonly diagram: string;
  readonly machine: AnyStateMachine;
}

/** A state node of a machine. */
export type StateNode = AnyStateMachine['root'];

/** `node` and every state below it, parents before their children. */
export function* stateNodes(node: StateNode): Generator<StateNode> {
  yield node;
  for (const child of Object.values(node.states)) yield* stateNodes(child);
}

// biome-ignore format: one line per machine
export const MACHINES: readonly ListedMachine[] = [
  { name: 'subscriptionMachine', from: 'subscription-machines', diagram: 'connect-subscription', machine: subscriptionMachine },
  { name: 'fulfillmentRequestMachine', from: 'subscription-machines', diagram: 'connect-fulfillment-request', machine: fulfillmentRequestMachine },
  { name: 'tierConfigRequestMachine', from: 'subscription-machines', diagram: 'connect-tier-config-request', machine: tierConfigRequestMachine },
  { name: 'marketplaceOrderMachine', from: 'subscription-machines/marketplace', diagram: 'marketplace-order', machine: marketplaceOrderMachine },
  { name: 'marketplaceSubscriptionMachine', from: 'subscription-machines/marketplace', diagram: 'marketplace-subscription', machine: marketplaceSubscriptionMachine },
  { name: 'marketplaceAgreementMachine', from: 'subscription-machines/marketplace', diagram: 'marketplace-agreement', machine: marketplaceAgreementMachine },
  { name: 'opencellSubscriptionMachine', from: 'subscription-machines/opencell', diagram: 'opencell-subscription', machine: opencellSubscriptionMachine },
];
