/**
 * Runs commands through the pure API and through an actor, and checks that both agree on every
 * step: the public `bothWays` of `subscription-machines/testing`, with the shape the tests use.
 */
import type { CommandOf, execute, SnapshotOf } from 'subscription-machines';
import { bothWays } from 'subscription-machines/testing';
import type { AnyStateMachine, InputFrom } from 'xstate';

export interface Agreed<M extends AnyStateMachine> {
  readonly snapshot: SnapshotOf<M>;
  /** Emitted by the pure API for the last accepted command (creation when there were none). */
  readonly emitted: readonly { type: string }[];
  /** Every event the actor's listeners heard, across all commands. */
  readonly heard: readonly { type: string }[];
  /** The pure API's outcome of each command. */
  readonly outcomes: readonly ReturnType<typeof execute>[];
}

/** Runs `commands` both ways; throws at the first command after which they disagree. */
export function agree<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  commands: readonly CommandOf<M>[],
): Agreed<M> {
  const run = bothWays(machine, input, commands);
  const last = run.outcomes.filter((o) => o.ok).at(-1);
  const emitted = (last?.ok ? last.emitted : run.created) as readonly { type: string }[];
  return { snapshot: run.snapshot, heard: run.heard, emitted, outcomes: run.outcomes as never };
}
