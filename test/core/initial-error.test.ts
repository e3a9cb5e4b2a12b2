/**
 * A machine whose input is invalid: the context factory's own TypeError reaches the caller,
 * not a later error about the missing bookkeeping.
 */

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { fulfillmentRequestMachine, start } from '../../src/index';

const bad = {
  id: '',
  subscriptionId: 'AS-3071-1051-2166',
  requestType: 'purchase',
  at: '2026-01-05T09:00:00Z',
  by: { role: 'buyer' },
} as const;
const message = 'fulfillmentRequestMachine input.id: expected a non-empty string, got ""';

describe('an invalid input', () => {
  it('makes start throw the TypeError naming the field', () => {
    expect(() => start(fulfillmentRequestMachine, bad)).toThrow(new TypeError(message));
  });

  it('gives an actor in status error carrying that TypeError, reported on start', () => {
    const actor = createActor(fulfillmentRequestMachine, { input: bad });
    const snapshot = actor.getSnapshot() as { status: string; error?: unknown };
    expect(snapshot.status).toBe('error');
    expect(snapshot.error).toEqual(new TypeError(message));
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    expect(errors).toEqual([new TypeError(message)]);
  });
});
