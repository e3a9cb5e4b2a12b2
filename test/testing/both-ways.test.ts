import { subscriptionMachine } from 'subscription-machines';
import { bothWays, DisagreementError } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { commands, input } from '../../bench/busy-year';

describe('bothWays', () => {
  it('runs a story through the pure API and an actor, and returns what both saw', () => {
    const run = bothWays(subscriptionMachine, input, commands);
    expect(run.outcomes.every((o) => o.ok)).toBe(true);
    expect(run.snapshot.value).toBe('active');
    expect(run.created.map((e) => e.type)).toEqual(['audit.recorded', 'notification']);
    expect(run.heard.filter((e) => e.type === 'audit.recorded')).toHaveLength(commands.length + 1);
  });

  it('compares refusals too: the actor emits the same rejection', () => {
    const refused = { ...commands[1], by: { role: 'vendor' } } as (typeof commands)[number];
    const run = bothWays(subscriptionMachine, input, [commands[0], refused] as never);
    expect(run.outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(run.heard.at(-1)).toMatchObject({ type: 'command.rejected' });
  });

  it('throws a DisagreementError naming the command when they differ', () => {
    // A host guard with a memory of its own: it says yes once, so the actor (second) is refused.
    let calls = 0;
    const forgetful = subscriptionMachine.provide({
      guards: { canApprove: () => calls++ % 2 === 0 },
    });
    expect(() => bothWays(forgetful, input, [commands[0]] as never)).toThrow(DisagreementError);
    expect(() => bothWays(forgetful, input, [commands[0]] as never)).toThrow(
      /after command 1 \(request\.approve\)/,
    );
  });
});
