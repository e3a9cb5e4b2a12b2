/**
 * Shared fixtures of the Opencell tests: an input, instants by day, and `both`, which runs
 * commands through the pure API and an actor side by side and checks that they agree.
 */
import {
  type ExecuteResult,
  execute,
  persist,
  type SnapshotOf,
  start,
} from 'subscription-machines';
import {
  type OpencellCommand,
  type OpencellSubscriptionInput,
  opencellSubscriptionMachine,
} from 'subscription-machines/opencell';
import { expect } from 'vitest';
import { createActor } from 'xstate';

export const machine = opencellSubscriptionMachine;
export const operator = { role: 'operator', id: 'jane' } as const;
export const system = { role: 'system' } as const;

/** Midnight UTC, `n` days after 2026-01-01 (day 0). */
export function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + n)).toISOString().replace('.000Z', 'Z');
}

export const input: OpencellSubscriptionInput = {
  code: 'SUB-42',
  offerCode: 'OF_BASIC',
  consumerId: 'CUST-1',
  at: day(0),
  by: operator,
  products: [
    { code: 'PR_DATA', quantity: 1, attributes: { speed: '100M' } },
    { code: 'PR_VOICE', quantity: 2 },
  ],
  accessPoints: [{ code: 'AP-0612345678' }],
};

export type Snapshot = SnapshotOf<typeof machine>;
export type Result = ExecuteResult<typeof machine>;

/** The pure API's results, checked step by step against an actor fed the same commands. */
export function both(
  commands: readonly OpencellCommand[],
  from: OpencellSubscriptionInput = input,
): { snapshot: Snapshot; results: Result[] } {
  let snapshot = start(machine, from);
  const actor = createActor(machine, { input: from });
  const rejected: unknown[] = [];
  const emitted: unknown[] = [];
  actor.on('*', (event) => (event.type === 'command.rejected' ? rejected : emitted).push(event));
  actor.start();
  expect(persist(actor.getSnapshot())).toEqual(persist(snapshot));
  const results: Result[] = [];
  for (const command of commands) {
    const result = execute(machine, snapshot, command);
    const heard = emitted.length;
    actor.send(command);
    const live = actor.getSnapshot();
    expect(live.value, command.type).toBe(result.snapshot.value);
    expect(live.context.version, command.type).toBe(result.snapshot.context.version);
    expect(live.context.audit, command.type).toEqual(result.snapshot.context.audit);
    expect(persist(live), command.type).toEqual(persist(result.snapshot));
    if (result.ok) expect(emitted.slice(heard)).toEqual(result.emitted);
    else expect(rejected.pop()).toEqual({ type: 'command.rejected', rejection: result.rejection });
    results.push(result);
    snapshot = result.snapshot;
  }
  actor.stop();
  return { snapshot, results };
}

/** `both`, expecting every command to be accepted. */
export function accepted(
  commands: readonly OpencellCommand[],
  from?: OpencellSubscriptionInput,
): Snapshot {
  const { snapshot, results } = both(commands, from);
  for (const [i, r] of results.entries()) {
    expect(r.ok ? null : r.rejection, `command ${i} (${commands[i]?.type})`).toBeNull();
  }
  return snapshot;
}

/** The product with `code` that is not TERMINATED, or the last one with that code. */
export function product(snapshot: Snapshot, code: string) {
  const all = snapshot.context.products.filter((p) => p.code === code);
  return all.find((p) => p.status !== 'TERMINATED') ?? all[all.length - 1];
}

export const activate = (n: number): OpencellCommand => ({
  type: 'subscription.activate',
  at: day(n),
  by: operator,
});
export const suspend = (n: number): OpencellCommand => ({
  type: 'subscription.suspend',
  at: day(n),
  by: operator,
  reason: 'unpaid invoice',
});
export const reactivate = (n: number): OpencellCommand => ({
  type: 'subscription.reactivate',
  at: day(n),
  by: operator,
});
export const tick = (n: number): OpencellCommand => ({
  type: 'clock.tick',
  at: day(n),
  by: system,
});
