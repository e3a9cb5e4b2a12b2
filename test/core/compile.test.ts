/**
 * A command machine's chart and spec are compiled when the module loads, and checked both ways: a
 * mismatch throws then, naming every problem, before any command runs.
 */
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, assign, setup } from 'xstate';
import { execute, start } from '../../src/core/api';
import { tickSpec } from '../../src/core/command';
import { commandMachine } from '../../src/core/machine';
import { literal, object } from '../../src/core/schema';
import type { MachineSpec } from '../../src/core/spec';

const bookkeeping = () => ({ version: 1, updatedAt: '2026-01-01T00:00:00Z', audit: [] });
const spec = (overrides: Partial<MachineSpec> = {}): MachineSpec => ({
  schema: 'test/machine',
  schemaVersion: 1,
  statuses: ['open', 'closed'],
  finalStatuses: ['closed'],
  roles: ['user', 'system'],
  commands: {
    close: { payload: {}, roles: ['user'] },
    'clock.tick': tickSpec,
  },
  guards: {},
  context: object({ kind: literal('test') }) as never,
  subjectIds: () => ({}),
  ...overrides,
});
const chart = (
  states: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): AnyStateMachine =>
  setup({ actions: { note: assign({}) }, guards: { ok: () => true } }).createMachine({
    id: 'test',
    description: 'A test machine.',
    context: bookkeeping,
    initial: 'open',
    states: states as never,
    ...extra,
  } as never) as unknown as AnyStateMachine;
const states = {
  open: { description: 'Open.', on: { close: { target: 'closed' }, 'clock.tick': {} } },
  closed: { type: 'final', description: 'Closed.' },
};
/** `states` with other transitions in `open`. */
const on = (transitions: Record<string, unknown>) => ({
  ...states,
  open: { description: 'Open.', on: { 'clock.tick': {}, ...transitions } },
});
const START = { description: 'Start.', always: { target: 'open' } };

describe('compile', () => {
  it('accepts a chart and a spec that agree', () => {
    expect(() => commandMachine(chart(states), spec())).not.toThrow();
  });

  it.each([
    [
      'a command the chart does not handle',
      spec({ commands: { ...spec().commands, reopen: { payload: {}, roles: ['user'] } } }),
      states,
      /command reopen has no handler/,
    ],
    [
      'a handler for a command the spec does not have',
      spec(),
      { ...states, open: { description: 'Open.', on: { ...states.open.on, poke: {} } } },
      /the chart handles unknown command poke/,
    ],
    [
      'a status without a state',
      spec({ statuses: ['open', 'closed', 'lost'] }),
      states,
      /status lost has no state/,
    ],
    [
      'a state that is not a status',
      spec(),
      { ...states, extra: { description: 'Extra.' } },
      /state extra is not a status/,
    ],
    [
      'a final status that is not a final state',
      spec({ finalStatuses: [] }),
      states,
      /status closed: final in the chart only/,
    ],
    [
      'a state without a description',
      spec(),
      { ...states, closed: { type: 'final' } },
      /state test\.closed has no description/,
    ],
    [
      'a command with an unknown role',
      spec({ commands: { ...spec().commands, close: { payload: {}, roles: ['admin'] } } }),
      states,
      /command close names unknown role admin/,
    ],
    [
      'a guard used on a command it does not judge',
      spec({ guards: { ok: { on: ['clock.tick'] } } }),
      {
        ...states,
        open: {
          description: 'Open.',
          on: { close: { guard: 'ok', target: 'closed' }, 'clock.tick': {} },
        },
      },
      /guard ok judges clock\.tick, not close/,
    ],
    [
      'an inline guard',
      spec(),
      {
        ...states,
        open: {
          description: 'Open.',
          on: { close: { guard: () => true, target: 'closed' }, 'clock.tick': {} },
        },
      },
      /an inline guard/,
    ],
    [
      'an unsupported feature (after)',
      spec(),
      { ...states, open: { ...states.open, after: { 1000: 'closed' } } },
      /after is not supported/,
    ],
    [
      'a routing guard used on a command',
      spec({ guards: { ok: { when: () => true } } }),
      on({ close: { guard: 'ok', target: 'closed' } }),
      /guard ok judges always routing, not close/,
    ],
    [
      'a guard of two other commands',
      spec({ guards: { ok: { on: ['clock.tick', 'reopen'] } } }),
      on({ close: { guard: 'ok', target: 'closed' } }),
      /guard ok judges clock\.tick, reopen, not close/,
    ],
    [
      'a guard the machine does not implement',
      spec({ guards: { nope: { on: ['close'] } } }),
      on({ close: { guard: 'nope', target: 'closed' } }),
      /guard nope is not implemented/,
    ],
    [
      'a guard the chart uses but the spec does not list',
      spec(),
      on({ close: { guard: 'ok', target: 'closed' } }),
      /guard ok is not in the spec's guard table/,
    ],
    [
      'a guard of the spec the chart never uses',
      spec({ guards: { ok: { on: ['close'] } } }),
      states,
      /guard ok is never used by the chart/,
    ],
    [
      'an action the machine does not implement',
      spec(),
      on({ close: { target: 'closed', actions: 'nope' } }),
      /action nope is not implemented/,
    ],
    [
      'a delegated command that is not a command',
      spec({ delegate: { commands: ['poke'] } as never }),
      states,
      /delegated command poke is not a command/,
    ],
    [
      'a final status that is not final in the chart',
      spec({ finalStatuses: ['closed', 'open'] }),
      states,
      /status open: final in the spec only/,
    ],
  ])('fails at load for %s', (_, s, st, message) => {
    expect(() => commandMachine(chart(st as never), s)).toThrow(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['handles a command', { ...START, on: { close: {} } }, 'start'],
    ['is not the initial state', START, 'open'],
    ['has no always', { description: 'Start.' }, 'start'],
  ])('fails at load for a start state that %s', (_, start, initial) => {
    expect(() => commandMachine(chart({ start, ...states }, { initial }), spec())).toThrow(
      'state start is not a status (only an initial "start" state routing with always may be)',
    );
  });

  it('accepts an initial start state that only routes with always', () => {
    const st = { start: START, ...states };
    expect(() => commandMachine(chart(st, { initial: 'start' }), spec())).not.toThrow();
  });

  it('accepts named guards and actions written as objects', () => {
    const st = on({
      close: { guard: { type: 'ok' }, target: 'closed', actions: { type: 'note' } },
    });
    const s = spec({ guards: { ok: { on: ['close'] } } });
    expect(() => commandMachine(chart(st), s)).not.toThrow();
  });

  it("puts a root handler after the state's own, for a command only the root handles", () => {
    const s = spec({ commands: { ...spec().commands, note: { payload: {}, roles: ['user'] } } });
    const machine = commandMachine(chart(states, { on: { note: { actions: 'note' } } }), s);
    const snapshot = start(machine, { at: '2026-01-01T00:00:00Z', by: { role: 'user' } } as never);
    const note = { type: 'note', at: '2026-01-02T00:00:00Z', by: { role: 'user' } };
    const result = execute(machine, snapshot, note as never);
    expect(result.ok && result.snapshot.value).toBe('open');
    expect(result.ok && result.snapshot.context.version).toBe(2);
  });

  it('names every problem, not only the first', () => {
    const s = spec({ statuses: ['open', 'closed', 'lost'], finalStatuses: [] });
    expect(() => commandMachine(chart(states), s)).toThrow(
      'machine test disagrees with its spec:\n- status lost has no state\n- status closed: final in the chart only',
    );
  });
});

describe('compile refuses the XState features the step does not evaluate', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
    [
      'invoke in a state',
      { ...states, open: { ...states.open, invoke: { src: 'x' } } },
      {},
      'test.open: invoke is not supported',
    ],
    ['invoke at the root', states, { invoke: { src: 'x' } }, 'test: invoke is not supported'],
    [
      'always at the root',
      states,
      { always: { actions: 'note' } },
      'test: root always is not supported',
    ],
    ['exit at the root', states, { exit: 'note' }, 'test: root exit is not supported'],
    [
      'initial actions',
      states,
      { initial: { target: 'open', actions: 'note' } },
      'test: initial actions are not supported',
    ],
    [
      'a root transition with a target',
      states,
      { on: { close: { target: '.closed' } } },
      'test on close[0]: a root transition with a target',
    ],
    [
      'reenter',
      on({ close: { target: 'closed', reenter: true } }),
      {},
      'test.open on close[0]: reenter is not supported',
    ],
    [
      'a transition to its own state',
      on({ close: { target: 'open' } }),
      {},
      'test.open on close[0]: targets its own state; leave the target out',
    ],
    [
      'a target that is not a status',
      on({ close: { target: '#test' } }),
      {},
      'test.open on close[0]: targets test, not a status',
    ],
    [
      'more than one target',
      on({ close: { target: ['closed', 'open'] } }),
      {},
      'test.open on close[0]: more than one target',
    ],
    [
      'a wildcard transition',
      on({ close: { target: 'closed' }, '*': {} }),
      {},
      'test.open: * transitions are not supported',
    ],
    [
      'a partial wildcard',
      on({ close: { target: 'closed' }, 'close.*': {} }),
      {},
      'test.open: close.* transitions are not supported',
    ],
    [
      'an xstate. event',
      on({ close: { target: 'closed' }, 'xstate.foo': {} }),
      {},
      'test.open: xstate.foo transitions are not supported',
    ],
    [
      'a compound state',
      { ...states, open: { ...states.open, initial: 'a', states: { a: {} } } },
      {},
      'test.open: compound states are not supported',
    ],
    [
      'an inline action',
      on({ close: { target: 'closed', actions: () => {} } }),
      {},
      'test.open on close[0]: an inline action; name it in setup({ actions })',
    ],
    [
      'an inline assign',
      on({ close: { target: 'closed', actions: assign({}) } }),
      {},
      'test.open on close[0]: an inline action; name it in setup({ actions })',
    ],
    [
      'an inline entry action',
      { ...states, closed: { ...states.closed, entry: () => {} } },
      {},
      'test.closed entry: an inline action',
    ],
    [
      'an inline exit action',
      { ...states, open: { ...states.open, exit: () => {} } },
      {},
      'test.open exit: an inline action',
    ],
  ])('%s', (_, st, extra, problem) => {
    expect(() => commandMachine(chart(st, extra), spec())).toThrow(
      `machine test uses XState features the library does not evaluate:\n- ${problem}`,
    );
  });

  it('an inline entry action at the root', () => {
    expect(() => commandMachine(chart(states, { entry: () => {} }), spec())).toThrow(
      'test entry: an inline action',
    );
  });
});
