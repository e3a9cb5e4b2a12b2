// A consumer's file: every entry point, the main types, and one call each. It must compile with
// `strict` and without `skipLibCheck` on every TypeScript a consumer may use (5.0 to 7).

import {
  execute,
  initial,
  persist,
  type Rejection,
  restore,
  type SubscriptionStatus,
  statusOf,
  subscriptionMachine,
} from 'subscription-machines';
import { toMermaid } from 'subscription-machines/diagram';
import { marketplaceSubscriptionMachine } from 'subscription-machines/marketplace';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import { addPeriods, type PeriodCode } from 'subscription-machines/terms';
import { commandFactory, graphEvents, graphStateKey, testClock } from 'subscription-machines/testing';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';

const input = {
  id: 'AS-1',
  purchaseRequestId: 'PR-1',
  at: '2026-01-01T00:00:00Z',
  by: { role: 'buyer' },
} as const;
const { snapshot } = initial(subscriptionMachine, input);
const status: SubscriptionStatus = statusOf(snapshot);
const result = execute(subscriptionMachine, snapshot, {
  type: 'request.approve',
  requestId: 'PR-1',
  templateId: 'TL',
  at: '2026-01-02T00:00:00Z',
  by: { role: 'vendor' },
});
const rejection: Rejection | null = result.ok ? null : result.rejection;
const again = restore(subscriptionMachine, persist(snapshot));
createActor(subscriptionMachine, { input }).start();
// @ts-expect-error an unknown command type does not compile
execute(subscriptionMachine, snapshot, { type: 'request.teleport', at: '2026-01-02T00:00:00Z', by: { role: 'vendor' } });
const code: PeriodCode = '1m';
const next: string = addPeriods('2026-01-31T00:00:00Z', code, 1);
const command = commandFactory(subscriptionMachine, testClock());
command('clock.tick');
const diagram: string = toMermaid(subscriptionMachine);
// Raw xstate/graph with the package's options, as docs/testing.md shows it: no cast.
const paths = getShortestPaths(subscriptionMachine, {
  input,
  events: graphEvents(subscriptionMachine),
  serializeState: graphStateKey(subscriptionMachine),
});
const reached: SubscriptionStatus[] = paths.map((path) => statusOf(path.state));

export {
  again,
  diagram,
  marketplaceSubscriptionMachine,
  next,
  opencellSubscriptionMachine,
  reached,
  rejection,
  status,
};
