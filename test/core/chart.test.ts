/**
 * The moves a compiled chart allows (src/core/chart.ts): what `restore` checks every audit entry
 * against. A transition's target counts as where the subject settles after the target's `always`
 * routing, and a state whose every `always` is guarded may also be where it rests.
 */
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, assign, setup } from 'xstate';
import { chartAllows, compileChart } from '../../src/core/chart';

const machine = setup({ actions: { note: assign({}) }, guards: { ok: () => true } }).createMachine({
  id: 'moves',
  initial: 'start',
  states: {
    // Routes at creation: to open when the guard holds, else to closed.
    start: { always: [{ guard: 'ok', target: 'open' }, { target: 'closed' }] },
    open: {
      on: { close: { target: 'review' }, note: { actions: 'note' }, loop: { target: 'a' } },
    },
    // Only guarded routing: the subject may rest here or move on.
    review: { always: { guard: 'ok', target: 'closed' } },
    // a always moves to b; b may route back to a.
    a: { always: { target: 'b' } },
    b: { always: { guard: 'ok', target: 'a' } },
    closed: { type: 'final' },
  },
}) as unknown as AnyStateMachine;

describe('chartAllows', () => {
  it.each<[string | null, string, string, boolean]>([
    [null, 'create', 'open', true],
    [null, 'create', 'closed', true],
    [null, 'create', 'start', false],
    ['open', 'close', 'review', true],
    ['open', 'close', 'closed', true],
    ['open', 'close', 'open', false],
    ['open', 'note', 'open', true],
    ['open', 'note', 'closed', false],
    ['open', 'loop', 'b', true],
    ['open', 'loop', 'a', false],
    ['review', 'close', 'closed', false],
    ['closed', 'note', 'closed', false],
  ])('from %s on %s to %s: %s', (from, command, to, allowed) => {
    // Compiled in the test, not when the file loads, so that mutation testing sees what it runs.
    expect(chartAllows(compileChart(machine), from, command, to)).toBe(allowed);
  });
});
