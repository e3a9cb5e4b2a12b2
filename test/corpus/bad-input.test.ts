/**
 * Every case of the bad-input corpus, on every machine: the right code, a byte-identical snapshot,
 * `explain` and `can` agreeing, and a live actor that emits `command.rejected` and keeps running.
 */
import {
  can,
  execute,
  explain,
  fulfillmentRequestMachine,
  persist,
  restoreActor,
  type SnapshotOf,
  start,
  subscriptionMachine,
  tierConfigRequestMachine,
} from 'subscription-machines';
import {
  marketplaceAgreementMachine,
  marketplaceOrderMachine,
  marketplaceSubscriptionMachine,
} from 'subscription-machines/marketplace';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { BAD_INPUT, type BadInputCase, type CorpusMachine, commandOf } from './bad-input';

const MACHINES: Record<CorpusMachine, AnyStateMachine> = {
  connect: subscriptionMachine,
  'fulfillment-request': fulfillmentRequestMachine,
  'tier-config-request': tierConfigRequestMachine,
  'marketplace-order': marketplaceOrderMachine,
  'marketplace-subscription': marketplaceSubscriptionMachine,
  'marketplace-agreement': marketplaceAgreementMachine,
  opencell: opencellSubscriptionMachine,
};

function subjectOf(c: BadInputCase): {
  machine: AnyStateMachine;
  snapshot: SnapshotOf<AnyStateMachine>;
} {
  const machine = MACHINES[c.machine];
  let snapshot = start(machine, c.input as never);
  for (const command of c.setup) {
    const result = execute(machine, snapshot, command as never);
    if (!result.ok) throw new Error(`setup of ${c.name}: ${result.rejection.message}`);
    snapshot = result.snapshot;
  }
  return { machine, snapshot };
}

const text = (snapshot: unknown) => JSON.stringify(persist(snapshot as never));

describe('the bad-input corpus', () => {
  it('has at least 300 cases, over every machine', () => {
    expect(BAD_INPUT.length).toBeGreaterThanOrEqual(300);
    expect(new Set(BAD_INPUT.map((c) => c.machine))).toEqual(new Set(Object.keys(MACHINES)));
  });

  it.each(BAD_INPUT.map((c) => [`${c.machine}: ${c.name}`, c] as const))('%s', (_, c) => {
    const { machine, snapshot } = subjectOf(c);
    const before = text(snapshot);

    const result = execute(machine, snapshot, commandOf(c) as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code, result.rejection.message).toBe(c.code);
    expect(result.snapshot).toBe(snapshot);
    expect(text(snapshot)).toBe(before);
    const explained = explain(machine, snapshot, commandOf(c) as never);
    expect(explained?.code).toBe(c.code);
    expect(explained?.message).toBe(result.rejection.message);
    expect(can(machine, snapshot, commandOf(c) as never)).toBe(false);

    if (!c.actor) return;
    const actor = restoreActor(machine, persist(snapshot));
    const rejected: { code: string }[] = [];
    actor.on('command.rejected', (e: { rejection: { code: string } }) =>
      rejected.push(e.rejection),
    );
    actor.start();
    actor.send(commandOf(c) as never);
    expect(rejected.map((r) => r.code)).toEqual([c.code]);
    expect(actor.getSnapshot().status).toBe('active');
    expect(text(actor.getSnapshot())).toBe(before);
    // The actor keeps running: the command it accepts in this state still goes through.
    actor.send(c.good as never);
    expect(rejected).toHaveLength(1);
    expect(actor.getSnapshot().context.version).toBe(snapshot.context.version + 1);
    actor.stop();
  });
});

describe("values XState's own actor cannot take", () => {
  // xstate's Actor.send throws for a string, and its mailbox reads `event.type` after each step.
  // This pins that behaviour, so that an XState upgrade that changes it fails here first.
  it('throws from Actor.send, after the machine refused the value', () => {
    const c = BAD_INPUT.find((x) => x.machine === 'connect' && x.name === 'null') as BadInputCase;
    const { machine, snapshot } = subjectOf(c);
    for (const value of [null, undefined, 'request.approve']) {
      const actor = restoreActor(machine, persist(snapshot));
      const rejected: unknown[] = [];
      actor.on('command.rejected', (e) => rejected.push(e));
      actor.start();
      expect(() => actor.send(value as never)).toThrow();
      expect(rejected).toHaveLength(value === 'request.approve' ? 0 : 1);
    }
  });
});
