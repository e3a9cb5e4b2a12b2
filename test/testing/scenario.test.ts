/** `scenario`: runs commands and fails with the rejection when one is refused. */
import { subscriptionMachine } from 'subscription-machines';
import { CommandRefusedError, scenario } from 'subscription-machines/testing';
import { describe, expect, it } from 'vitest';
import { subscriptionCommands, subscriptionInput } from '../support/connect';

const input = subscriptionInput();
const approve = (params = [{ id: 'subscription_id', value: 'S-1' }]) =>
  ({ requestId: input.purchaseRequestId, templateId: 'TL', params }) as const;

describe('scenario', () => {
  it('runs commands in order, keeping the snapshot, the status and everything emitted', () => {
    const c = subscriptionCommands();
    const s = scenario(subscriptionMachine, input);
    expect(s.status).toBe('processing');
    expect(s.emitted.map((e) => e.type)).toEqual(['audit.recorded', 'notification']);
    expect(s.run(c('request.approve', approve()))).toBe(s);
    expect(s.status).toBe('active');
    expect(s.snapshot.context.version).toBe(2);
    expect(s.emitted.map((e) => e.type)).toEqual([
      'audit.recorded',
      'notification',
      'audit.recorded',
      'request.changed',
      'status.changed',
      'notification',
    ]);
  });

  it('throws CommandRefusedError, with the rejection, at the first refused command', () => {
    const c = subscriptionCommands();
    const s = scenario(subscriptionMachine, input);
    let error: unknown;
    try {
      s.run(c('request.approve', approve([])), c('request.fail', { requestId: 'x', reason: 'r' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandRefusedError);
    const refused = error as CommandRefusedError;
    expect(refused.rejection.code).toBe('REQUIRED_PARAMETERS_MISSING');
    expect(refused.message).toMatch(
      /^request\.approve was refused in processing: REQUIRED_PARAMETERS_MISSING: /,
    );
    expect(s.status).toBe('processing');
  });

  it('returns the rejection of a command that must be refused, and throws if it succeeds', () => {
    const c = subscriptionCommands();
    const s = scenario(subscriptionMachine, input);
    expect(s.refuse(c('request.approve', approve([]))).code).toBe('REQUIRED_PARAMETERS_MISSING');
    expect(s.status).toBe('processing');
    expect(() => s.refuse(c('request.approve', approve()))).toThrow(
      'request.approve was expected to be refused in processing, but succeeded',
    );
  });
});
