/**
 * The two moves of the rules tests: walk a machine to a snapshot through accepted commands, and
 * read a refusal, checking on the way that `explain` words it exactly as `execute` refused it.
 */

import { type CommandOf, execute, explain, type SnapshotOf } from 'subscription-machines';
import { expect } from 'vitest';
import type { AnyStateMachine } from 'xstate';

/** The snapshot after `commands`, each of which must be accepted. */
export function reachFrom<M extends AnyStateMachine>(
  machine: M,
  start: SnapshotOf<M>,
  commands: readonly CommandOf<M>[],
): SnapshotOf<M> {
  let snapshot = start;
  for (const command of commands) {
    const result = execute(machine, snapshot, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

/** The refusal of `command` (which must be refused), as `{ code, message, details? }`. */
export function refusalOf<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  command: CommandOf<M>,
) {
  const result = execute(machine, snapshot, command);
  if (result.ok) throw new Error(`${command.type} was accepted`);
  expect(explain(machine, snapshot, command)).toEqual(result.rejection);
  const { code, message, details } = result.rejection;
  return details === undefined ? { code, message } : { code, message, details };
}
