/**
 * docs/inspector.md: Stately Studio gets `JSON.stringify(machine.config)`, which keeps every state
 * and transition; `machine.toJSON()` leaves out the eventless ones (XState 5.33).
 */
import { subscriptionMachine } from 'subscription-machines';
import { toMermaid } from 'subscription-machines/diagram';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { MACHINES } from '../support/machines';

describe.each(MACHINES.map((m) => [m.name, m.machine] as const))('%s into Studio', (_, machine) => {
  it('keeps every state and transition in JSON.stringify(machine.config)', () => {
    const config = JSON.parse(JSON.stringify(machine.config));
    expect(toMermaid(createMachine(config))).toBe(toMermaid(machine));
  });
});

describe('machine.toJSON()', () => {
  it('leaves out eventless transitions, so docs/inspector.md does not import it into Studio', () => {
    const json = JSON.stringify(subscriptionMachine.toJSON());
    expect(json).not.toContain('startsAsDraft');
    expect(JSON.stringify(subscriptionMachine.config)).toContain('startsAsDraft');
  });
});
