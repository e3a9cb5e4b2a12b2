/**
 * Both ways: the same commands through the pure API and through a live actor, compared after every
 * command. For a test of a machine provided with the host's own guards, or of a long story.
 */
import { type AnyStateMachine, createActor, type InputFrom } from 'xstate';
import {
  type CommandOf,
  type EmittedOf,
  type ExecuteResult,
  execute,
  initial,
  type SnapshotOf,
} from '../core/api';
import { persist } from '../core/persist';

/** Thrown by {@link bothWays} when the actor and the pure API disagree; the message says where. */
export class DisagreementError extends Error {
  override readonly name = 'DisagreementError';
}

/** What {@link bothWays} saw. */
export interface BothWays<M extends AnyStateMachine> {
  /** The pure API's last snapshot (the actor's persists to the same JSON). */
  readonly snapshot: SnapshotOf<M>;
  /** The pure API's result of each command, in order. */
  readonly outcomes: readonly ExecuteResult<M>[];
  /** Everything the actor's listeners heard, creation included, in order. */
  readonly heard: readonly { readonly type: string }[];
  /** What the creation emitted. */
  readonly created: readonly EmittedOf<M>[];
}

const text = (snapshot: unknown) => JSON.stringify(persist(snapshot as never));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs `commands` through `execute` and through an actor created from the same input, and throws
 * a {@link DisagreementError} at the first command after which they differ: in the persisted
 * snapshot, in what was emitted, or in the rejection (`command.rejected` from the actor). Refused
 * commands are part of the comparison, not failures. A done actor (a final status) hears nothing
 * more, as in XState; the pure API then refuses with `INVALID_STATE`. A value that is not an object
 * goes to the pure API only: XState's `actor.send` does not take one.
 *
 * @example
 * ```ts
 * const { snapshot, outcomes } = bothWays(subscriptionMachine, input, [approval, cancel]);
 * expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
 * ```
 */
export function bothWays<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  commands: readonly CommandOf<M>[],
): BothWays<M> {
  const created = initial(machine, input);
  let snapshot = created.snapshot;
  const actor = createActor(machine, { input } as never);
  const heard: { type: string }[] = [];
  actor.on('*', (event: { type: string }) => heard.push(event));
  actor.start();
  const check = (what: string, a: unknown, b: unknown) => {
    if (!same(a, b))
      throw new DisagreementError(
        `${what}: the pure API has ${JSON.stringify(a)}, the actor ${JSON.stringify(b)}`,
      );
  };
  check('on creation, the snapshot', text(snapshot), text(actor.getSnapshot()));
  check('on creation, the events', created.emitted, heard);
  const outcomes: ExecuteResult<M>[] = [];
  for (const [i, command] of commands.entries()) {
    const before = heard.length;
    const result = execute(machine, snapshot, command);
    outcomes.push(result);
    // XState's own actor.send cannot take a value that is not an object: only the pure API sees it.
    const done =
      (actor.getSnapshot() as { status: string }).status === 'done' ||
      typeof command !== 'object' ||
      command === null;
    if (!done) actor.send(command as never);
    const live = heard.slice(before);
    const where = `after command ${i + 1} (${String((command as { type?: unknown } | null)?.type)})`;
    if (done) check(`${where}, the events of a done actor`, [], live);
    else if (!result.ok)
      check(
        `${where}, the rejection`,
        [{ type: 'command.rejected', rejection: result.rejection }],
        live,
      );
    else
      check(
        `${where}, the events`,
        result.duplicate ? [] : (result.emitted as EmittedOf<M>[]),
        live,
      );
    if (result.ok) snapshot = result.snapshot;
    check(`${where}, the snapshot`, text(snapshot), text(actor.getSnapshot()));
  }
  actor.stop();
  return { snapshot, outcomes, heard, created: created.emitted };
}
