/**
 * One command, one admission: on the Connect subscription, every guard of the subscription and of
 * its open request runs at most once per command, and a request command runs the request's own
 * guard exactly once (the request is advanced once, not re-admitted).
 */
import {
  execute,
  fulfillmentRequestMachine,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, input } from '../../bench/busy-year';

type Guard = (args: unknown, params: unknown) => boolean;
const counts = new Map<string, number>();
const originals: [Record<string, Guard>, string, Guard][] = [];

/** Wraps every guard implementation of `machine` with a counter (restored after each test). */
function count(machine: { implementations: { guards: Record<string, unknown> } }, prefix: string) {
  const guards = machine.implementations.guards as Record<string, Guard>;
  for (const [name, guard] of Object.entries(guards)) {
    originals.push([guards, name, guard]);
    guards[name] = (args, params) => {
      counts.set(`${prefix}.${name}`, (counts.get(`${prefix}.${name}`) ?? 0) + 1);
      return guard(args, params);
    };
  }
}

afterEach(() => {
  for (const [guards, name, guard] of originals.splice(0)) guards[name] = guard;
  counts.clear();
});

describe('guard evaluations per command', () => {
  it('a busy year: no guard runs twice for one command; each request command runs its own once', () => {
    count(subscriptionMachine, 'subscription');
    count(fulfillmentRequestMachine, 'request');
    let snapshot = start(subscriptionMachine, input);
    for (const command of commands) {
      counts.clear();
      const result = execute(subscriptionMachine, snapshot, command);
      expect(result.ok, command.type).toBe(true);
      if (!result.ok) return;
      for (const [guard, n] of counts) expect(n, `${command.type}: ${guard}`).toBe(1);
      if (command.type === 'request.approve') {
        expect(counts.get('request.canApprove')).toBe(1);
        expect(counts.get('subscription.canApprove')).toBe(1);
      }
      snapshot = result.snapshot;
    }
  });
});
