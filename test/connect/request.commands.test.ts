/**
 * A request the subscription opens is created from the subscription's own, already checked data
 * (`trustedContext`, which skips the input checks): it must be the request that the machine's own
 * context factory makes of the same input.
 */
import {
  type CreateRequestCommand,
  execute,
  fulfillmentRequestMachine,
  initial,
  start,
  subscriptionMachine,
} from 'subscription-machines';
import { describe, expect, it } from 'vitest';
import { commands, input } from '../../bench/busy-year';
import { createInput, purchaseInput } from '../../src/connect/subscription.commands';

describe('a request the subscription opens', () => {
  it('is the request the machine makes of the same input: the purchase', () => {
    const subscription = start(subscriptionMachine, input);
    const made = initial(
      fulfillmentRequestMachine,
      purchaseInput(input, subscription.context as never),
    );
    expect(subscription.context.request).toEqual(made.snapshot.context);
  });

  it('is the request the machine makes of the same input: every request.create of a busy year', () => {
    let snapshot = start(subscriptionMachine, input);
    let created = 0;
    for (const command of commands) {
      const before = snapshot;
      const result = execute(subscriptionMachine, snapshot, command);
      expect(result.ok, command.type).toBe(true);
      if (!result.ok) return;
      snapshot = result.snapshot;
      if (command.type !== 'request.create') continue;
      const made = initial(
        fulfillmentRequestMachine,
        createInput(before.context as never, command as CreateRequestCommand),
      );
      expect(snapshot.context.request).toEqual(made.snapshot.context);
      created++;
    }
    expect(created).toBeGreaterThan(10);
  });

  it('is still refused when its type needs a capability the subscription lacks', () => {
    const snapshot = execute(
      subscriptionMachine,
      start(subscriptionMachine, input),
      commands[0] as never,
    );
    expect(snapshot.ok).toBe(true);
    if (!snapshot.ok) return;
    const result = execute(subscriptionMachine, snapshot.snapshot, {
      type: 'request.create',
      requestId: 'PR-3071-1051-2166-900',
      requestType: 'renew',
      at: '2026-03-01T09:00:00Z',
      by: { role: 'buyer' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('CAPABILITY_DISABLED');
    expect(result.snapshot).toBe(snapshot.snapshot);
  });
});
