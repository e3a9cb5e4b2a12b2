/** `commandFactory`: well-formed commands, `at` from the clock, `by` the role that usually sends it. */
import { can, start, subscriptionMachine } from 'subscription-machines';
import { commandFactory, testClock } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { subscriptionInput, T0 } from '../support/connect';

describe('commandFactory', () => {
  it('fills `at` from the clock and `by` with the first role that may send the command', () => {
    const command = commandFactory(subscriptionMachine, testClock(T0));
    expect(command('request.approve', { requestId: 'PR-1', templateId: 'TL-1' })).toEqual({
      type: 'request.approve',
      at: '2026-01-05T09:01:00Z',
      by: { role: 'vendor' },
      requestId: 'PR-1',
      templateId: 'TL-1',
    });
    expect(command('clock.tick')).toEqual({
      type: 'clock.tick',
      at: '2026-01-05T09:02:00Z',
      by: { role: 'system' },
    });
    expect(command('request.create', { requestId: 'PR-2', requestType: 'change' }).by).toEqual({
      role: 'buyer',
    });
  });

  it('keeps an explicit `at` and `by`; a later `at` moves the clock, so the next stays in order', () => {
    const command = commandFactory(subscriptionMachine, testClock(T0));
    const late = command('clock.tick', {
      at: '2026-03-01T00:00:00Z',
      by: { role: 'system', id: 'cron' },
    });
    expect(late).toMatchObject({ at: '2026-03-01T00:00:00Z', by: { role: 'system', id: 'cron' } });
    expect(command('clock.tick').at).toBe('2026-03-01T00:01:00Z');
    expect(command.clock.now()).toBe('2026-03-01T00:01:00Z');
  });

  it('makes commands the machine accepts', () => {
    const command = commandFactory(subscriptionMachine, testClock(T0));
    const input = subscriptionInput();
    const approve = command('request.approve', {
      requestId: input.purchaseRequestId,
      templateId: 'TL',
      params: [{ id: 'subscription_id', value: 'S-1' }],
    });
    expect(can(subscriptionMachine, start(subscriptionMachine, input), approve)).toBe(true);
  });

  it('throws for a type the machine does not have', () => {
    const command = commandFactory(subscriptionMachine);
    expect(() => command('request.aprove' as never)).toThrow(/not a command of subscription/);
  });
});
