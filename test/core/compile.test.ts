/**
 * A command machine's chart and spec are compiled when the module loads, and checked both ways: a
 * mismatch throws then, naming every problem, before any command runs.
 */
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, assign, setup } from 'xstate';
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
  ])('fails at load for %s', (_, s, st, message) => {
    expect(() => commandMachine(chart(st as never), s)).toThrow(message);
  });
});
