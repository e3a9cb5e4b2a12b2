/**
 * `subscription-machines/testing`: helpers for testing your integration against the machines. A
 * monotonic {@link testClock}, {@link commandFactory} to fill in `at` and `by`, {@link scenario} to
 * run commands and fail with the rejection, {@link pathsTo} / {@link reachablePaths} for the
 * command sequences that reach each status, and {@link graphEvents} / {@link graphStateKey} for a
 * walk with `xstate/graph` itself, and {@link bothWays} to check that an actor agrees with the pure
 * API command by command. The package's `docs/testing.md` shows a whole test file.
 *
 * @example
 * ```ts
 * import { subscriptionMachine } from 'subscription-machines';
 * import { commandFactory, scenario, testClock } from 'subscription-machines/testing';
 *
 * const input = {
 *   id: 'AS-1', purchaseRequestId: 'PR-1', at: '2026-01-05T09:00:00Z', by: { role: 'buyer' },
 * } as const;
 * const command = commandFactory(subscriptionMachine, testClock(input.at));
 * const s = scenario(subscriptionMachine, input).run(
 *   command('request.approve', { requestId: 'PR-1', templateId: 'TL-1' }),
 * );
 * s.status; // 'active'
 * ```
 * @packageDocumentation
 */
export { type BothWays, bothWays, DisagreementError } from './both-ways';
export { type Duration, type TestClock, testClock, toMilliseconds } from './clock';
export { type CommandFactory, commandFactory, type PayloadOf } from './commands';
export { type ExampleOptions, exampleCommands } from './examples';
export { type CommandPath, type PathOptions, pathsTo, reachablePaths } from './graph';
export { CommandRefusedError, type Scenario, scenario } from './scenario';
export { graphEvents, graphStateKey } from './xstate-graph';
