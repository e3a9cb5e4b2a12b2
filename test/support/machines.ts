/**
 * Every machine the package exports, one line each. The inspector-readiness test, the diagram
 * check and `npm run diagrams` all read this list, and a test fails while an exported machine is
 * missing from it: a new machine is one more line here.
 */
import { fulfillmentRequestMachine, subscriptionMachine } from 'subscription-machines';
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

// biome-ignore format: one line per machine
export const MACHINES: readonly ListedMachine[] = [
  { name: 'subscriptionMachine', from: 'subscription-machines', diagram: 'connect-subscription', machine: subscriptionMachine },
  { name: 'fulfillmentRequestMachine', from: 'subscription-machines', diagram: 'connect-fulfillment-request', machine: fulfillmentRequestMachine },
  { name: 'opencellSubscriptionMachine', from: 'subscription-machines/opencell', diagram: 'opencell-subscription', machine: opencellSubscriptionMachine },
];
