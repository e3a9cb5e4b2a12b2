/**
 * Graph paths through a machine (`xstate/graph`): the command sequences that reach each status.
 */
import type { AnyStateMachine, InputFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  type CommandOf,
  execute,
  type SnapshotOf,
  type StatusOf,
  start,
  statusOf,
} from '../core/api';
import { type ExampleOptions, exampleCommands } from './examples';
import { graphEvents, graphStateKey } from './xstate-graph';

/** Options of {@link reachablePaths} and {@link pathsTo}. */
export interface PathOptions<M extends AnyStateMachine> extends ExampleOptions<M> {
  /** The machine's input: where every path starts. */
  readonly input: InputFrom<M>;
  /**
   * What makes two snapshots the same node of the graph. The default is the status, refined where
   * the machine needs it: the Connect subscription adds its open request's type and status, since
   * `active` with a pending suspend request is one step from `suspended`. A finer key visits more
   * states and takes longer.
   */
  readonly key?: (snapshot: SnapshotOf<M>) => string;
  /** Commands to try from each snapshot (default: {@link exampleCommands}). */
  readonly commands?: (snapshot: SnapshotOf<M>) => readonly CommandOf<M>[];
}

/** A way to a state: the commands from creation, and the snapshot they lead to. */
export interface CommandPath<M extends AnyStateMachine> {
  readonly status: StatusOf<M>;
  readonly commands: readonly CommandOf<M>[];
  readonly snapshot: SnapshotOf<M>;
}

/**
 * The shortest command sequence to every state reachable from `input`, one per graph key
 * (`xstate/graph`'s shortest paths over {@link exampleCommands}). The commands are timed a minute
 * apart from the input's `at`; each path's `snapshot` is where they lead.
 *
 * @example
 * ```ts
 * // Every reachable state survives persist → restore.
 * for (const { snapshot } of reachablePaths(subscriptionMachine, { input }))
 *   expect(persist(restore(subscriptionMachine, persist(snapshot)))).toEqual(persist(snapshot));
 * ```
 */
export function reachablePaths<M extends AnyStateMachine>(
  machine: M,
  options: PathOptions<M>,
): CommandPath<M>[] {
  const key = options.key ?? graphStateKey(machine);
  const commands = options.commands ?? graphEvents(machine, options);
  // A local cast: for a generic M, TypeScript cannot tell SnapshotOf<M> from xstate/graph's own
  // snapshot type (for a concrete machine they are the same).
  const paths = getShortestPaths(machine as AnyStateMachine, {
    input: options.input,
    events: (s) => commands(s as SnapshotOf<M>) as never,
    serializeState: (s) => key(s as SnapshotOf<M>),
  });
  // Snapshots that share a key are one node of the graph, so a path's own end state may come from
  // another route to that node: replay the commands through the pure API for the exact snapshot.
  return paths.map((path) => {
    const steps = path.steps.map((step) => step.event);
    const commands = steps.filter((e) => !String(e.type).startsWith('xstate.')) as CommandOf<M>[];
    let snapshot = start(machine, options.input);
    for (const command of commands) {
      const result = execute(machine, snapshot, command);
      if (!result.ok) {
        throw new Error(
          `reachablePaths: ${command.type} was refused on replay: ${result.rejection.message}`,
        );
      }
      snapshot = result.snapshot;
    }
    return { status: statusOf(snapshot as never) as StatusOf<M>, commands, snapshot };
  });
}

/**
 * The command sequences that reach `status` from `input`, shortest first; none when the input
 * cannot get there (a draft status without draft validation, say).
 *
 * @example
 * ```ts
 * const [path] = pathsTo(subscriptionMachine, 'suspended', { input });
 * // path.commands: request.approve (the purchase), request.create (suspend), request.approve
 * const suspended = scenario(subscriptionMachine, input).run(...path.commands);
 * // Later commands must come after the path's last one:
 * const command = commandFactory(subscriptionMachine, testClock(suspended.snapshot.context.updatedAt));
 * ```
 */
export function pathsTo<M extends AnyStateMachine>(
  machine: M,
  status: StatusOf<M>,
  options: PathOptions<M>,
): CommandPath<M>[] {
  return reachablePaths(machine, options)
    .filter((p) => p.status === status)
    .sort((a, b) => a.commands.length - b.commands.length);
}
