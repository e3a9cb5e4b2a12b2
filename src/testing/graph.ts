/**
 * Graph paths through a machine (`xstate/graph`): the command sequences that reach each status.
 */
import type { AnyStateMachine, InputFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  type CommandOf,
  execute,
  type RoleOf,
  type SnapshotOf,
  type StatusOf,
  start,
  statusOf,
} from '../core/api';
import { specOf } from '../core/compiled';
import { formatInstant, parseInstant } from '../core/time';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far the example ticks jump: a day, past a year, past a three-year commitment. */
const TICK_JUMPS = [DAY, 400 * DAY, 3 * 366 * DAY];

/** Options of {@link exampleCommands}. */
export interface ExampleOptions<M extends AnyStateMachine> {
  /** Only commands from these roles (default: every role of the machine). */
  readonly roles?: readonly RoleOf<M>[];
}

/**
 * A representative command of every type, from every role that may send it, a minute after the
 * snapshot's last change (`clock.tick` also jumps a day, 400 days and three years). Built from the
 * same probes `availableCommands` asks the rules with; many will be refused, which is the point.
 *
 * @example
 * ```ts
 * // Whatever arrives, your handler answers without throwing.
 * for (const command of exampleCommands(subscriptionMachine, snapshot)) handle(snapshot, command);
 * ```
 */
export function exampleCommands<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  options: ExampleOptions<M> = {},
): CommandOf<M>[] {
  const spec = specOf(machine);
  const context = (snapshot as { context: { updatedAt: string } }).context;
  const last = parseInstant(context.updatedAt) ?? 0;
  const out: Record<string, unknown>[] = [];
  for (const [type, command] of Object.entries(spec.commands)) {
    const roles = command.roles.filter(
      (r) => !options.roles || (options.roles as readonly string[]).includes(r),
    );
    const jumps = command.tick ? TICK_JUMPS : [MINUTE];
    for (const role of roles) {
      for (const payload of command.probes?.(context as never) ?? [{}]) {
        for (const jump of jumps)
          out.push({ ...payload, type, at: formatInstant(last + jump), by: { role } });
      }
    }
  }
  return out as CommandOf<M>[];
}

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
  const spec = specOf(machine);
  const key =
    options.key ??
    ((s: SnapshotOf<M>) => {
      const { value, context } = s as { value: string; context: never };
      return spec.graphKey?.({ status: value, context }) ?? value;
    });
  const commands = options.commands ?? ((s: SnapshotOf<M>) => exampleCommands(machine, s, options));
  // xstate/graph's types do not accept machines that declare emitted events (XSTATE-NOTES.md).
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
