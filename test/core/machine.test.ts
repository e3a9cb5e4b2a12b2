/**
 * A command machine as a live actor carries out the effects a step returns: it spawns and starts
 * children, sends to them, stops them, and stops them all when the subject reaches a final status.
 * Effects on a child that is not there are ignored; a child whose logic is not in
 * `setup({ actors })` is an error of the machine, named.
 */
import { describe, expect, it } from 'vitest';
import {
  type AnyStateMachine,
  assign,
  createActor,
  enqueueActions,
  sendTo,
  setup,
  stopChild,
} from 'xstate';
import { tickSpec } from '../../src/core/command';
import { commandMachine } from '../../src/core/machine';
import { literal, object } from '../../src/core/schema';
import type { MachineSpec } from '../../src/core/spec';

const kid = setup({
  types: { context: {} as { heard: string[] }, input: {} as { name: string } },
}).createMachine({
  id: 'kid',
  context: ({ input }) => ({ heard: [`born ${input.name}`] }),
  on: {
    '*': { actions: assign({ heard: ({ context, event }) => [...context.heard, event.type] }) },
  },
});

const COMMANDS = ['spawn', 'poke', 'shut', 'ghost', 'bad', 'close'] as const;
const spec: MachineSpec = {
  schema: 'test/parent',
  schemaVersion: 1,
  statuses: ['open', 'closed'],
  finalStatuses: ['closed'],
  roles: ['user', 'system'],
  commands: {
    ...Object.fromEntries(COMMANDS.map((type) => [type, { payload: {}, roles: ['user'] }])),
    'clock.tick': tickSpec,
  },
  guards: {},
  context: object({ kind: literal('test') }) as never,
  subjectIds: () => ({}),
};
const parent = commandMachine(
  setup({
    actors: { kid },
    actions: {
      open: enqueueActions(({ enqueue }) => {
        enqueue.spawnChild('kid', { id: 'k1', input: { name: 'one' } });
        enqueue.spawnChild('kid', { id: 'k2', input: { name: 'two' } });
      }),
      poke: sendTo('k1', { type: 'poke' }),
      shut: stopChild('k1'),
      ghost: enqueueActions(({ enqueue }) => {
        enqueue.stopChild('k9');
        enqueue.sendTo('k9', { type: 'boo' });
      }),
      bad: enqueueActions(({ enqueue }) =>
        enqueue.spawnChild('nobody' as never, { id: 'k3' } as never),
      ),
    },
  }).createMachine({
    id: 'parent',
    description: 'A parent with children.',
    context: () => ({ version: 1, updatedAt: '2026-01-01T00:00:00Z', audit: [] }),
    initial: 'open',
    states: {
      open: {
        description: 'Open.',
        on: {
          spawn: { actions: 'open' },
          poke: { actions: 'poke' },
          shut: { actions: 'shut' },
          ghost: { actions: 'ghost' },
          bad: { actions: 'bad' },
          close: { target: 'closed' },
          'clock.tick': {},
        },
      },
      closed: { type: 'final', description: 'Closed.' },
    },
  }) as unknown as AnyStateMachine,
  spec,
);

let minute = 0;
const command = (type: string) => ({
  type,
  at: `2026-01-01T00:${String(++minute).padStart(2, '0')}:00Z`,
  by: { role: 'user' },
});
function live() {
  minute = 0;
  const actor = createActor(parent, {
    input: { at: '2026-01-01T00:00:00Z', by: { role: 'user' } },
  } as never).start();
  const children = () =>
    actor.getSnapshot().children as Record<string, ReturnType<typeof createActor> | undefined>;
  const heard = (id: string) =>
    (children()[id]?.getSnapshot() as { context: { heard: string[] } } | undefined)?.context.heard;
  return { actor, children, heard };
}

describe('a command machine as a live actor', () => {
  it('spawns and starts the children a step asks for, with their input', () => {
    const { actor, children, heard } = live();
    actor.send(command('spawn'));
    expect(Object.keys(children())).toEqual(['k1', 'k2']);
    expect(children().k1?.getSnapshot().status).toBe('active');
    expect(heard('k2')).toEqual(['born two']);
  });

  it('sends to a child, through the system', () => {
    const { actor, heard } = live();
    actor.send(command('spawn'));
    actor.send(command('poke'));
    expect(heard('k1')).toEqual(['born one', 'poke']);
    expect(heard('k2')).toEqual(['born two']);
  });

  it('stops a child and forgets it', () => {
    const { actor, children } = live();
    actor.send(command('spawn'));
    const k1 = children().k1;
    actor.send(command('shut'));
    expect(Object.keys(children())).toEqual(['k2']);
    expect(k1?.getSnapshot().status).toBe('stopped');
    expect(children().k2?.getSnapshot().status).toBe('active');
  });

  it('ignores a stop or a send to a child that is not there', () => {
    const { actor, children } = live();
    actor.send(command('spawn'));
    actor.send(command('ghost'));
    expect(actor.getSnapshot().status).toBe('active');
    expect(actor.getSnapshot().context.version).toBe(3);
    expect(Object.keys(children())).toEqual(['k1', 'k2']);
  });

  it('stops every child when the subject reaches a final status', () => {
    const { actor, children } = live();
    actor.send(command('spawn'));
    const { k1, k2 } = children();
    actor.send(command('close'));
    expect(actor.getSnapshot().status).toBe('done');
    expect(children()).toEqual({});
    expect([k1?.getSnapshot().status, k2?.getSnapshot().status]).toEqual(['stopped', 'stopped']);
  });

  it('names a child whose logic is not in setup({ actors })', () => {
    const { actor } = live();
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.send(command('bad'));
    expect(errors).toEqual([new Error('actor nobody is not in setup({ actors })')]);
  });
});
