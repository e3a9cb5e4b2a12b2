/**
 * A machine-agnostic property test: random command sequences, materialised against the current
 * snapshot from the spec's own example commands, then mutated into every kind of bad input.
 */
import fc from 'fast-check';
import {
  AUDIT_WINDOW,
  can,
  execute,
  persist,
  restore,
  type SnapshotOf,
  start,
} from 'subscription-machines';
import { exampleCommands } from 'subscription-machines/testing';
import { expect } from 'vitest';
import { type AnyStateMachine, createActor, type InputFrom } from 'xstate';
import { formatInstant, parseInstant } from '../../src/core/time';
import { runs } from './runs';

const MUTATIONS = [
  'none',
  'none',
  'none',
  'none',
  'none',
  'none',
  'none',
  'none',
  'dropField',
  'otherRequest',
  'blankReason',
  'unknownRole',
  'badTime',
  'earlier',
  'notAnObject',
  'extraField',
  'staleVersion',
  'retry',
] as const;

export const intent = fc.record({
  pick: fc.nat(),
  /**
   * `explore` picks among the commands that would be accepted and keep the subject alive, so
   * sequences go deep; `valid` among all that would be accepted; `any` among every example.
   */
  mode: fc.constantFrom('explore', 'explore', 'explore', 'explore', 'valid', 'any', 'any'),
  mutation: fc.constantFrom(...MUTATIONS),
  delta: fc.integer({ min: 1, max: 45 * 86_400_000 }),
  withId: fc.boolean(),
});
export type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

/** Turns an intent into a command (or a non-command) against `snapshot`. */
export function materialise<M extends AnyStateMachine>(
  machine: M,
  snapshot: SnapshotOf<M>,
  i: Intent,
  seen: string[],
  n: number,
): unknown {
  const all = exampleCommands(machine, snapshot) as unknown as Record<string, unknown>[];
  const accepted =
    i.mode === 'any'
      ? []
      : all.filter((c) => c.type !== 'clock.tick' && can(machine, snapshot, c as never));
  const alive = (c: Record<string, unknown>) => {
    const next = execute(machine, snapshot, c as never).snapshot as { status: string };
    return next.status === 'active';
  };
  const good = i.mode === 'explore' ? accepted.filter(alive) : accepted;
  const examples = good.length > 0 ? good : accepted.length > 0 ? accepted : all;
  const base = examples[i.pick % examples.length] ?? { type: 'clock.tick' };
  const context = (snapshot as { context: { updatedAt: string; version: number } }).context;
  const last = parseInstant(context.updatedAt) ?? 0;
  const at = base.type === 'clock.tick' ? base.at : formatInstant(last + i.delta);
  const command: Record<string, unknown> = {
    ...base,
    at,
    ...(i.withId ? { commandId: `cmd-${n}` } : {}),
  };
  switch (i.mutation) {
    case 'dropField': {
      const keys = Object.keys(command).filter((k) => k !== 'type');
      delete command[keys[i.pick % keys.length] as string];
      return command;
    }
    case 'otherRequest':
      return 'requestId' in command ? { ...command, requestId: 'PR-9999-9999-9999-999' } : command;
    case 'blankReason':
      return { ...command, reason: ['', '   ', '\t'][i.pick % 3] };
    case 'unknownRole':
      return { ...command, by: { role: 'intruder' } };
    case 'badTime':
      return {
        ...command,
        at: ['2026-02-30T00:00:00Z', '2026-01-01', 'yesterday', 1_700_000_000_000][i.pick % 4],
      };
    case 'earlier':
      return { ...command, at: formatInstant(last - i.delta) };
    case 'notAnObject':
      return [null, 'clock.tick', 42, [command]][i.pick % 4];
    case 'extraField':
      return { ...command, surprise: true };
    case 'staleVersion':
      return { ...command, expectedVersion: context.version + 1 + (i.pick % 3) };
    case 'retry':
      return seen.length > 0 ? { ...command, commandId: seen[i.pick % seen.length] } : command;
    default:
      return command;
  }
}

export interface InvariantOptions<M extends AnyStateMachine> {
  readonly input: InputFrom<M>;
  readonly finalStatuses: readonly string[];
  readonly numRuns?: number;
  readonly maxCommands?: number;
  /** Also run the sequence through an actor and compare the end state. */
  readonly actor?: boolean;
}

/**
 * Nothing throws; version and audit grow together; a final status never changes; a rejected or
 * duplicate command leaves the persisted snapshot byte-identical; persist → restore is exact.
 */
export function assertInvariants<M extends AnyStateMachine>(
  machine: M,
  options: InvariantOptions<M>,
): { readonly visited: ReadonlySet<string>; readonly accepted: number } {
  const visited = new Set<string>();
  let accepted = 0;
  fc.assert(
    // size 'max': lengths spread over the whole range, not fast-check's default of short arrays.
    fc.property(
      fc.array(intent, { minLength: 1, maxLength: options.maxCommands ?? 30, size: 'max' }),
      (intents) => {
        let snapshot = start(machine, options.input);
        const actor = options.actor
          ? createActor(machine, { input: options.input } as never).start()
          : undefined;
        const seen: string[] = [];
        intents.forEach((i, n) => {
          const command = materialise(machine, snapshot, i, seen, n);
          const before = JSON.stringify(persist(snapshot as never));
          const status = (snapshot as { value: string }).value;
          const result = execute(machine, snapshot, command as never);
          const live = actor && (actor.getSnapshot() as { status: string }).status === 'active';
          if (live && typeof command === 'object' && command !== null && !Array.isArray(command))
            actor.send(command as never);
          if (result.ok && !result.duplicate) accepted += 1;
          visited.add((result.snapshot as { value: string }).value);
          const after = JSON.stringify(persist(result.snapshot as never));
          const context = (result.snapshot as { context: { version: number; audit: unknown[] } })
            .context;
          expect(context.audit.length).toBe(Math.min(context.version, AUDIT_WINDOW));
          if (!result.ok || result.duplicate) {
            expect(result.snapshot).toBe(snapshot);
            expect(after).toBe(before);
          }
          if (options.finalStatuses.includes(status)) expect(after).toBe(before);
          if (result.ok && !result.duplicate && after !== before) {
            const id = (command as { commandId?: string }).commandId;
            if (id) seen.push(id);
          }
          expect(JSON.stringify(persist(restore(machine, JSON.parse(after)) as never))).toBe(after);
          snapshot = result.snapshot;
        });
        if (actor) {
          expect(JSON.stringify(persist(actor.getSnapshot() as never))).toBe(
            JSON.stringify(persist(snapshot as never)),
          );
          actor.stop();
        }
      },
    ),
    { numRuns: runs(options.numRuns ?? 500) },
  );
  return { visited, accepted };
}
