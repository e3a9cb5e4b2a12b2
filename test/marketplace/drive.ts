/**
 * Test helpers: run commands through the pure API and through an actor, and a clock for `at`.
 */

import { expect } from 'vitest';
import { type AnyStateMachine, createActor, type InputFrom } from 'xstate';
import { formatInstant, parseInstant } from '../../src/core/time';
import {
  type CommandOf,
  execute,
  explain,
  persist,
  restore,
  type SnapshotOf,
  start,
} from '../../src/index';

/** `base` plus some minutes, as canonical UTC. */
export const minutesAfter = (base: string, minutes: number) =>
  formatInstant((parseInstant(base) ?? 0) + minutes * 60_000);

/** Applies every command with `execute`, failing the test on the first rejection. */
export function runPure<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  commands: readonly CommandOf<M>[],
): SnapshotOf<M> {
  let snapshot = start(machine, input);
  for (const command of commands) {
    const result = execute(machine, snapshot, command);
    if (!result.ok) throw new Error(`${command.type} refused: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

/** Sends every command to a started actor; returns its snapshot and everything it emitted. */
export function runActor<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  commands: readonly CommandOf<M>[],
): { snapshot: SnapshotOf<M>; emitted: { type: string }[] } {
  const actor = createActor(machine, { input } as never);
  const emitted: { type: string }[] = [];
  actor.on('*', (event: { type: string }) => emitted.push(event));
  actor.start();
  for (const command of commands) actor.send(command as never);
  const snapshot = actor.getSnapshot() as SnapshotOf<M>;
  actor.stop();
  return { snapshot, emitted };
}

/** One arrow of a diagram: the commands that lead to its tail, then the one that draws it. */
export interface Arrow<M extends AnyStateMachine> {
  readonly arrow: string;
  readonly input: InputFrom<M>;
  readonly before: readonly CommandOf<M>[];
  readonly command: CommandOf<M>;
  readonly from: string;
  readonly to: string;
}

type Settled = { value: unknown; context: { version: number; audit: unknown[] } };

/** Runs one arrow through both APIs: the same status, version, audit and persisted JSON. */
export function expectArrow<M extends AnyStateMachine>(machine: M, row: Arrow<M>): SnapshotOf<M> {
  const commands = [...row.before, row.command];
  const before = runPure(machine, row.input, row.before) as { value: unknown };
  expect(before.value).toBe(row.from);
  const pure = runPure(machine, row.input, commands);
  const actor = runActor(machine, row.input, commands).snapshot as unknown as Settled;
  expectSettled(pure as unknown as Settled, actor, row, commands.length);
  expect(persist(actor as never)).toEqual(persist(pure as never));
  return pure;
}

function expectSettled(
  pure: Settled,
  actor: Settled,
  row: {
    readonly command: { readonly type: string; readonly at: string };
    readonly from: string;
    readonly to: string;
  },
  count: number,
): void {
  expect(pure.value).toBe(row.to);
  expect(actor.value).toBe(row.to);
  expect(pure.context.version).toBe(count + 1);
  expect(actor.context.version).toBe(pure.context.version);
  expect(actor.context.audit).toEqual(pure.context.audit);
  expect(pure.context.audit.at(-1)).toMatchObject({
    command: row.command.type,
    from: row.from,
    to: row.to,
    at: row.command.at,
  });
}

/**
 * Expects `command` to be refused with `code`: by `execute` (snapshot unchanged, byte for byte),
 * by `explain` (the same rejection), and by an actor restored from the snapshot, which emits
 * `command.rejected` with it (an actor in a final status ignores commands instead).
 */
export function expectRefusal<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  command: unknown,
  code: string,
): unknown {
  const before = JSON.stringify(persist(snapshot as never));
  const result = execute(machine, snapshot, command as CommandOf<M>);
  if (result.ok) throw new Error(`${String((command as { type?: unknown }).type)} was accepted`);
  expect(result.rejection.code).toBe(code);
  expect(result.rejection.command).toBe(command);
  expect(JSON.stringify(persist(result.snapshot as never))).toBe(before);
  expect(explain(machine, snapshot, command as CommandOf<M>)).toEqual(result.rejection);
  const actor = createActor(machine, { snapshot: restore(machine, before) } as never);
  const rejected: unknown[] = [];
  actor.on('command.rejected', (event: { rejection: unknown }) => rejected.push(event.rejection));
  actor.start();
  // XState's final states ignore events (and warn), so the actor is only asked in the others.
  if ((actor.getSnapshot() as { status: string }).status === 'active') {
    actor.send(command as never);
    expect(rejected).toEqual([result.rejection]);
  }
  expect(JSON.stringify(persist(actor.getSnapshot() as never))).toBe(before);
  actor.stop();
  return result.rejection;
}
