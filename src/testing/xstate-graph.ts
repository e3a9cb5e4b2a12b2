/**
 * What `xstate/graph` needs to walk a machine of this package: commands it can send, and a key
 * that tells snapshots apart by what matters. Without them, `getShortestPaths(machine, { input })`
 * sends bare `{ type }` events, which are refused as malformed, and finds only the initial state;
 * with commands but XState's default key (the whole context, version and audit included) every
 * accepted command makes a new state and the walk never ends.
 */
import type { AnyStateMachine } from 'xstate';
import type { CommandOf, SnapshotOf } from '../core/api';
import { specOf } from '../core/compiled';
import { type ExampleOptions, exampleCommands } from './examples';

/**
 * The `events` option of `xstate/graph`'s `getShortestPaths`, `getSimplePaths` and
 * `getAdjacencyMap` for `machine`: from each snapshot, {@link exampleCommands} (a well-formed
 * command of every type, from every role, timed a minute after the snapshot's last change).
 * Pass `roles` to send only some roles' commands. Throws a `TypeError` for a machine that is not
 * one of this package's.
 *
 * @example
 * ```ts
 * import { getShortestPaths } from 'xstate/graph';
 * import { subscriptionMachine } from 'subscription-machines';
 * import { graphEvents, graphStateKey } from 'subscription-machines/testing';
 *
 * const paths = getShortestPaths(subscriptionMachine, {
 *   input,
 *   events: graphEvents(subscriptionMachine),
 *   serializeState: graphStateKey(subscriptionMachine),
 * });
 * paths.map((path) => path.state.value); // ['processing', 'active', 'terminated', …]
 * ```
 */
export function graphEvents<M extends AnyStateMachine>(
  machine: M,
  options: ExampleOptions<M> = {},
): (snapshot: SnapshotOf<M>) => CommandOf<M>[] {
  specOf(machine); // fail now, not in the middle of a walk
  return (snapshot) => exampleCommands(machine, snapshot, options);
}

/**
 * The `serializeState` option of `xstate/graph` for `machine`: two snapshots are one node of the
 * graph when their status matches, refined where the machine needs it (the Connect subscription
 * adds the type and status of its open request, since `active` with a suspend request pending is
 * one step from `suspended`). Version, timestamps and audit are left out, so a walk ends. Throws a
 * `TypeError` for a machine that is not one of this package's.
 *
 * @example
 * ```ts
 * const key = graphStateKey(subscriptionMachine);
 * key(snapshot); // 'active' or, with a request open, e.g. 'active suspend:pending'
 * getShortestPaths(subscriptionMachine, {
 *   input,
 *   events: graphEvents(subscriptionMachine),
 *   serializeState: key,
 * });
 * ```
 */
export function graphStateKey<M extends AnyStateMachine>(
  machine: M,
): (snapshot: SnapshotOf<M>) => string {
  const { graphKey } = specOf(machine);
  return (snapshot) => {
    const { value, context } = snapshot as unknown as { value: string; context: never };
    return graphKey?.({ status: value, context }) ?? String(value);
  };
}
