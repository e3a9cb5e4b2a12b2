/**
 * Runs commands through the pure API and through an actor, and checks that both agree on every step.
 */

import { type CommandOf, execute, initial, persist, type SnapshotOf } from 'subscription-machines';
import { expect } from 'vitest';
import { type AnyStateMachine, createActor, type InputFrom } from 'xstate';

export interface Agreed<M extends AnyStateMachine> {
  readonly snapshot: SnapshotOf<M>;
  /** Emitted by the pure API for the last command (creation when there were none). */
  readonly emitted: readonly { type: string }[];
  /** Every event the actor's listeners heard, across all commands. */
  readonly heard: readonly { type: string }[];
  /** The pure API's outcome of each command. */
  readonly outcomes: readonly ReturnType<typeof execute>[];
}

const text = (s: unknown) => JSON.stringify(persist(s as never));

/** Runs `commands` both ways; the persisted JSON of the two must be identical after each one. */
export function agree<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  commands: readonly CommandOf<M>[],
): Agreed<M> {
  const created = initial(machine, input);
  let snapshot = created.snapshot;
  let emitted: readonly { type: string }[] = created.emitted as never;
  const actor = createActor(machine, { input } as never);
  const heard: { type: string }[] = [];
  actor.on('*', (e: { type: string }) => heard.push(e));
  actor.start();
  expect(text(actor.getSnapshot())).toBe(text(snapshot));
  const outcomes: ReturnType<typeof execute>[] = [];
  for (const command of commands) {
    const before = heard.length;
    const result = execute(machine, snapshot, command);
    outcomes.push(result as never);
    // A done actor (a final status) is stopped: XState delivers nothing to it any more. And
    // XState's own actor.send throws for a value that is not an event object, before any machine.
    const done =
      (actor.getSnapshot() as { status: string }).status === 'done' ||
      typeof command !== 'object' ||
      command === null;
    if (!done) actor.send(command as never);
    const live = heard.slice(before);
    if (done) {
      expect(live).toEqual([]);
    } else if (result.ok) {
      snapshot = result.snapshot;
      emitted = result.emitted as never;
      if (!result.duplicate) expect(live).toEqual(result.emitted);
    } else {
      expect(live).toEqual([{ type: 'command.rejected', rejection: result.rejection }]);
    }
    expect(text(actor.getSnapshot())).toBe(text(snapshot));
  }
  actor.stop();
  return { snapshot, emitted, heard, outcomes };
}
