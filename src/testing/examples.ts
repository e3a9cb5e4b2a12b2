/**
 * Example commands: a well-formed command of every type, from every role, for a snapshot. They
 * drive graph walks (`reachablePaths`, `graphEvents`) and property tests.
 */
import type { AnyStateMachine } from 'xstate';
import type { CommandOf, RoleOf, SnapshotOf } from '../core/api';
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
