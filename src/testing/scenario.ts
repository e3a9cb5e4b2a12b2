/**
 * Scenarios: run commands through the pure API and fail loudly, with the rejection, when one is refused.
 */
import type { AnyStateMachine, InputFrom } from 'xstate';
import {
  type CommandOf,
  type EmittedOf,
  execute,
  initial,
  type RejectionOf,
  type SnapshotOf,
  type StatusOf,
  statusOf,
} from '../core/api';

/**
 * Thrown by a scenario when a command it expected to succeed was refused. Its message names the
 * command, the status and the rejection; `rejection` holds all of it.
 *
 * @example
 * ```ts
 * // request.approve was refused in processing: REQUIRED_PARAMETERS_MISSING: request PR-1 (pending): …
 * expect(() => scenario(subscriptionMachine, input).run(approval)).toThrow(CommandRefusedError);
 * ```
 */
export class CommandRefusedError extends Error {
  override readonly name = 'CommandRefusedError';
  constructor(readonly rejection: RejectionOf<AnyStateMachine>) {
    const type = (rejection.command as { type?: unknown } | null)?.type;
    super(
      `${String(type)} was refused in ${rejection.status}: ${rejection.code}: ${rejection.message}`,
    );
  }
}

/** A subject under test, moved by commands through the pure API; made by {@link scenario}. */
export interface Scenario<M extends AnyStateMachine> {
  /** The machine it runs. */
  readonly machine: M;
  /** The current snapshot. */
  readonly snapshot: SnapshotOf<M>;
  /** The current status, e.g. `'active'`. */
  readonly status: StatusOf<M>;
  /** Everything emitted so far, creation included, in order. */
  readonly emitted: readonly EmittedOf<M>[];
  /** Runs each command; throws {@link CommandRefusedError} at the first refusal. */
  run(...commands: CommandOf<M>[]): Scenario<M>;
  /** Runs a command that must be refused and returns the rejection (throws if it succeeds). */
  refuse(command: CommandOf<M>): RejectionOf<M>;
}

/**
 * Creates a subject from `input` and returns a scenario to move it with commands. `run` throws a
 * {@link CommandRefusedError} whose message names the command, the status and the rejection, so a
 * refused setup step fails the test where it happened.
 *
 * @example
 * ```ts
 * const command = commandFactory(subscriptionMachine, testClock(input.at));
 * const s = scenario(subscriptionMachine, input).run(
 *   command('request.approve', { requestId: input.purchaseRequestId, templateId: 'TL-1' }),
 * );
 * expect(s.status).toBe('active');
 * expect(s.refuse(command('request.create', { requestId: 'PR-2', requestType: 'resume' })).code)
 *   .toBe('INVALID_STATE');
 * ```
 */
export function scenario<M extends AnyStateMachine>(machine: M, input: InputFrom<M>): Scenario<M> {
  const start = initial(machine, input);
  let snapshot = start.snapshot;
  const emitted: EmittedOf<M>[] = [...start.emitted];
  const self: Scenario<M> = {
    machine,
    get snapshot() {
      return snapshot;
    },
    get status() {
      return statusOf(snapshot as never) as StatusOf<M>;
    },
    get emitted() {
      return emitted;
    },
    run(...commands) {
      for (const command of commands) {
        const result = execute(machine, snapshot, command);
        if (!result.ok) throw new CommandRefusedError(result.rejection as never);
        snapshot = result.snapshot;
        emitted.push(...result.emitted);
      }
      return self;
    },
    refuse(command) {
      const result = execute(machine, snapshot, command);
      if (result.ok)
        throw new Error(
          `${String((command as { type: unknown }).type)} was expected to be refused in ${String(self.status)}, but succeeded`,
        );
      return result.rejection;
    },
  };
  return self;
}
