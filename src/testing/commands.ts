/**
 * Command factories: `at` from a monotonic clock, `by` the role that normally sends the command.
 */
import type { AnyStateMachine } from 'xstate';
import type { CommandOf, RoleOf } from '../core/api';
import { specOf } from '../core/compiled';
import { parseInstant } from '../core/time';
import { type TestClock, testClock } from './clock';

type Of<M extends AnyStateMachine, T> = Extract<CommandOf<M>, { type: T }>;

/** A command's payload, with `at` and `by` optional (the factory fills them in). */
export type PayloadOf<M extends AnyStateMachine, T extends CommandOf<M>['type']> = Payload<
  M,
  Of<M, T>
>;
// Distributes over a command whose payload is a union (e.g. a template or an activation tile).
type Payload<M extends AnyStateMachine, C> = [C] extends [never]
  ? Record<never, never>
  : C extends unknown
    ? Omit<C, 'type' | 'at' | 'by'> & {
        readonly at?: string;
        readonly by?: { readonly role: RoleOf<M>; readonly id?: string };
      }
    : never;

/** Builds well-formed commands of one machine. */
export interface CommandFactory<M extends AnyStateMachine> {
  <T extends CommandOf<M>['type']>(
    type: T,
    ...payload: Record<never, never> extends PayloadOf<M, T>
      ? [PayloadOf<M, T>?]
      : [PayloadOf<M, T>]
  ): Of<M, T>;
  /** The clock the factory reads `at` from. */
  readonly clock: TestClock;
}

/**
 * A factory of commands for `machine`. `at` defaults to the clock's next reading, and `by` to the
 * first role the machine lets send the command (the vendor approves, the buyer submits, the system
 * ticks). An explicit later `at` moves the clock there, so the commands after it stay in order.
 * Throws a `TypeError` for a command type the machine does not have.
 *
 * @example
 * ```ts
 * const command = commandFactory(subscriptionMachine, testClock('2026-01-05T09:00:00Z'));
 * command('request.approve', { requestId: 'PR-1', templateId: 'TL-1' });
 * // { type: 'request.approve', at: '2026-01-05T09:01:00Z', by: { role: 'vendor' },
 * //   requestId: 'PR-1', templateId: 'TL-1' }
 * command('clock.tick', { at: '2026-04-01T00:00:00Z' }); // by: { role: 'system' }
 * ```
 */
export function commandFactory<M extends AnyStateMachine>(
  machine: M,
  clock: TestClock = testClock(),
): CommandFactory<M> {
  const spec = specOf(machine);
  const make = (type: string, payload: Record<string, unknown> = {}) => {
    const command = spec.commands[type];
    if (!command)
      throw new TypeError(
        `commandFactory: ${JSON.stringify(type)} is not a command of ${machine.id}`,
      );
    const { at, by, ...rest } = payload;
    // A valid explicit time later than the clock moves the clock there, so later commands stay in order.
    const explicit = parseInstant(at);
    if (explicit !== null && explicit > (parseInstant(clock.now()) ?? 0)) clock.set(at as string);
    return { type, at: at ?? clock.next(), by: by ?? { role: command.roles[0] }, ...rest };
  };
  return Object.assign(make, { clock }) as unknown as CommandFactory<M>;
}
