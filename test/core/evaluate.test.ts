/**
 * The evaluator on small charts of its own, feature by feature: what each built-in action does to
 * the context, what comes back as an effect for a live actor, how guards are memoized, and the
 * message for each XState feature outside the subset. The differential property test compares it
 * with XState on the library's machines; these charts reach what those machines do not use.
 */
import { describe, expect, it } from 'vitest';
import {
  type AnyStateMachine,
  and,
  assign,
  cancel,
  createActor,
  emit,
  enqueueActions,
  raise,
  sendTo,
  setup,
  spawnChild,
  stopChild,
  transition,
} from 'xstate';
import { compileChart } from '../../src/core/chart';
import { type Evaluation, Evaluator, UnsupportedFeature } from '../../src/core/evaluate';

interface Ctx {
  n: number;
  log: string[];
  last?: string;
}

/** Runs `event` from the machine's initial state through the evaluator, as a step does. */
function evaluate(
  machine: AnyStateMachine,
  event: { type: string; [field: string]: unknown },
  live?: { self: unknown },
) {
  const chart = compileChart(machine);
  const evaluator = new Evaluator(machine, chart, live && { ...live, system: undefined });
  const start = createActor(machine).getSnapshot();
  const state: Evaluation = {
    status: start.value as string,
    context: start.context,
    emitted: [],
    effects: [],
    done: false,
  };
  const candidates = chart.states.get(state.status)?.on.get(event.type) ?? [];
  const candidate = evaluator.select(candidates, state.context, event);
  if (candidate === undefined) throw new Error(`nothing handles ${event.type}`);
  evaluator.microstep(candidate, state, event);
  evaluator.settle(state, event);
  return state;
}

/** What XState itself makes of the same event, for comparison. */
function xstate(machine: AnyStateMachine, event: { type: string; [field: string]: unknown }) {
  const [next] = transition(machine, createActor(machine).getSnapshot(), event);
  return {
    status: next.value,
    context: next.context,
    done: next.status === 'done',
    output: next.output,
  };
}

const context = (): Ctx => ({ n: 0, log: [] });

describe('the built-in actions, as XState runs them', () => {
  const machine = setup({
    types: { context: {} as Ctx, events: {} as { type: 'go'; by?: number } | { type: 'stay' } },
    guards: {
      small: ({ context }) => context.n < 10,
      atLeast: ({ context }, params: { min: number }) => context.n >= params.min,
    },
    actions: {
      note: assign({
        log: ({ context }, params: { text: string }) => [...context.log, params.text],
      }),
      add: assign(({ context, event }) => ({
        n: context.n + ('by' in event ? (event.by ?? 1) : 1),
      })),
      double: assign({ n: ({ context }) => context.n * 2, last: 'doubled' }),
      leave: assign({ log: ({ context }) => [...context.log, 'exit'] }),
      arrive: assign({ log: ({ context }) => [...context.log, 'entry'] }),
      tell: emit(({ context }) => ({ type: 'told', n: context.n })),
      ping: emit({ type: 'ping' }),
      queued: enqueueActions(({ enqueue, check }) => {
        enqueue('double' as never);
        enqueue.assign({ log: ({ context }: { context: Ctx }) => [...context.log, 'queued'] });
        if (check('small' as never)) enqueue.emit({ type: 'small' });
        if (check({ type: 'atLeast', params: { min: 100 } } as never))
          enqueue.emit({ type: 'big' });
      }),
    },
  }).createMachine({
    id: 'features',
    context,
    initial: 'idle',
    states: {
      idle: {
        exit: 'leave',
        on: {
          go: [
            { guard: { type: 'atLeast', params: { min: 1 } }, target: 'never' },
            {
              target: 'busy',
              actions: [
                'add',
                { type: 'note', params: ({ event }) => ({ text: `by ${event.by ?? 1}` }) },
                'tell',
                'ping',
                'queued',
              ],
            },
          ],
          stay: { actions: { type: 'note', params: { text: 'stayed' } } },
        },
      },
      never: {},
      busy: {
        entry: 'arrive',
        always: [{ guard: 'small', target: 'done' }],
      },
      done: { type: 'final', output: ({ context }) => context.n },
    },
    output: ({ event }) => ({ result: event.output }),
  });

  it('agrees with XState on status, context, completion and output', () => {
    for (const event of [{ type: 'go', by: 3 }, { type: 'go' }, { type: 'stay' }] as const) {
      const ours = evaluate(machine, event);
      expect({
        status: ours.status,
        context: ours.context,
        done: ours.done,
        output: ours.output,
      }).toEqual(xstate(machine, event));
    }
  });

  it('threads the context through assign, params, exit, entry and enqueued actions, in order', () => {
    const state = evaluate(machine, { type: 'go', by: 3 });
    expect(state.context).toEqual({
      n: 6,
      log: ['exit', 'by 3', 'queued', 'entry'],
      last: 'doubled',
    });
    expect(state.status).toBe('done');
    expect(state.output).toEqual({ result: 6 });
    expect(state.emitted).toEqual([{ type: 'told', n: 3 }, { type: 'ping' }, { type: 'small' }]);
    expect(state.effects).toEqual([]);
  });

  it('a targetless transition runs no exit or entry', () => {
    const state = evaluate(machine, { type: 'stay' });
    expect(state).toMatchObject({
      status: 'idle',
      context: { n: 0, log: ['stayed'] },
      done: false,
    });
  });
});

describe('guards', () => {
  const counting = () => {
    const calls: string[] = [];
    const machine = setup({
      types: { context: {} as Ctx },
      guards: {
        plain: () => {
          calls.push('plain');
          return false;
        },
        withParams: (_, params: { ok: boolean }) => {
          calls.push(`withParams ${params.ok}`);
          return params.ok;
        },
      },
    }).createMachine({
      id: 'guards',
      context,
      initial: 'a',
      states: {
        a: {
          on: {
            go: [
              { guard: 'plain', target: 'b' },
              { guard: 'plain', target: 'b' },
              { guard: { type: 'withParams', params: { ok: false } }, target: 'b' },
              { guard: { type: 'withParams', params: { ok: false } }, target: 'b' },
              { guard: { type: 'withParams', params: { ok: true } }, target: 'c' },
            ],
          },
        },
        b: {},
        c: {},
      },
    });
    return { machine, calls };
  };

  it('one without params runs once per step; one with params runs each time it is asked', () => {
    const { machine, calls } = counting();
    expect(evaluate(machine, { type: 'go' }).status).toBe('c');
    expect(calls).toEqual(['plain', 'withParams false', 'withParams false', 'withParams true']);
  });

  it('a guard that is not implemented, or a built-in combinator, is outside the subset', () => {
    const missing = setup({}).createMachine({
      id: 'missing',
      initial: 'a',
      states: { a: { on: { go: { guard: 'nowhere' as never, target: 'b' } } }, b: {} },
    });
    expect(() => evaluate(missing, { type: 'go' })).toThrow(
      new UnsupportedFeature('guard nowhere is not implemented'),
    );
    const combined = setup({
      guards: { yes: () => true, both: and(['yes', 'yes']) },
    }).createMachine({
      id: 'combined',
      initial: 'a',
      states: { a: { on: { go: { guard: 'both', target: 'b' } } }, b: {} },
    });
    expect(() => evaluate(combined, { type: 'go' })).toThrow(
      'guard both: built-in guards (and, or, not, stateIn) are not supported',
    );
  });
});

describe('check inside enqueueActions', () => {
  const checking = (guard: unknown) =>
    setup({
      types: { context: {} as Ctx },
      guards: { zero: ({ context }) => context.n === 0 },
      actions: {
        act: enqueueActions(({ enqueue, check }) => {
          if (check(guard as never)) enqueue.emit({ type: 'passed' });
        }),
      },
    }).createMachine({
      id: 'checking',
      context,
      initial: 'a',
      states: { a: { on: { go: { actions: 'act' } } } },
    });

  it('takes a name, a { type, params } object or an inline guard, as XState does', () => {
    for (const guard of [
      'zero',
      { type: 'zero' },
      ({ context }: { context: Ctx }) => context.n === 0,
    ])
      expect(evaluate(checking(guard), { type: 'go' }).emitted).toEqual([{ type: 'passed' }]);
    expect(
      evaluate(
        checking(() => false),
        { type: 'go' },
      ).emitted,
    ).toEqual([]);
  });

  it('refuses a built-in combinator and what is not a guard', () => {
    expect(() => evaluate(checking(and(['zero' as never])), { type: 'go' })).toThrow(
      new UnsupportedFeature('check: built-in guards (and, or, not, stateIn) are not supported'),
    );
    expect(() => evaluate(checking(42), { type: 'go' })).toThrow(
      new UnsupportedFeature('check needs a guard'),
    );
  });
});

describe('effects for a live actor', () => {
  const child = setup({}).createMachine({ id: 'child' });
  const notify = (_: unknown, params: { channel: string }) => params;
  const machine = setup({
    types: { context: {} as Ctx },
    actors: { child },
    actions: {
      notify,
      start: spawnChild('child', { id: 'kid', input: ({ context }) => ({ n: context.n }) }),
      startNamed: enqueueActions(({ enqueue, context }) => {
        enqueue.spawnChild('child', { id: `kid-${context.n}`, input: { fixed: true } });
      }),
      end: stopChild('kid'),
      endByRef: enqueueActions(({ enqueue }) => enqueue.stopChild({ id: 'kid' } as never)),
      tellKid: sendTo('kid', ({ context }) => ({ type: 'hello', n: context.n })),
      tellQueued: enqueueActions(({ enqueue }) => enqueue.sendTo('kid', { type: 'hi' })),
    },
  }).createMachine({
    id: 'effects',
    context,
    initial: 'a',
    states: {
      a: {
        on: {
          spawn: { actions: ['start', 'startNamed'] },
          stop: { actions: ['end', 'endByRef'] },
          send: { actions: ['tellKid', 'tellQueued'] },
          exec: { actions: { type: 'notify', params: { channel: 'ops' } } },
        },
      },
    },
  });

  it('spawning, stopping and sending come back as effects, never run', () => {
    expect(evaluate(machine, { type: 'spawn' }).effects).toEqual([
      { kind: 'spawn', id: 'kid', src: 'child', input: { n: 0 } },
      { kind: 'spawn', id: 'kid-0', src: 'child', input: { fixed: true } },
    ]);
    expect(evaluate(machine, { type: 'stop' }).effects).toEqual([
      { kind: 'stop', id: 'kid' },
      { kind: 'stop', id: 'kid' },
    ]);
    expect(evaluate(machine, { type: 'send' }).effects).toEqual([
      { kind: 'send', to: 'kid', event: { type: 'hello', n: 0 } },
      { kind: 'send', to: 'kid', event: { type: 'hi' } },
    ]);
  });

  it('a custom action is an exec effect with its name, params and the arguments it would get', () => {
    const self = { id: 'live' };
    const [effect] = evaluate(machine, { type: 'exec' }, { self }).effects;
    expect(effect).toMatchObject({
      kind: 'exec',
      type: 'notify',
      params: { channel: 'ops' },
      info: { context: { n: 0, log: [] }, event: { type: 'exec' }, self },
    });
  });
});

describe('features outside the subset are named when they run', () => {
  const outside = (actions: Record<string, unknown>) =>
    setup({ actions: actions as never }).createMachine({
      id: 'outside',
      initial: 'a',
      states: { a: { on: { go: { actions: Object.keys(actions) as never } } } },
    });

  it.each([
    [
      'raise',
      enqueueActions(({ enqueue }) => enqueue.raise({ type: 'x' })),
      'raise is not supported',
    ],
    ['cancel', enqueueActions(({ enqueue }) => enqueue.cancel('x')), 'cancel is not supported'],
    [
      'sendParent',
      enqueueActions(({ enqueue }) => enqueue.sendParent({ type: 'x' })),
      'sendParent is not supported',
    ],
    ['a raise action', raise({ type: 'x' }), 'action xstate.raise is not supported'],
    ['a cancel action', cancel('x'), 'action xstate.cancel is not supported'],
    [
      'spawn inside assign',
      assign(({ spawn }) => ({ kid: spawn('x' as never) })),
      'spawn inside assign is not supported; use enqueue.spawnChild',
    ],
    [
      'sendTo without a child id',
      sendTo(() => undefined as never, { type: 'x' } as never),
      'sendTo needs a child id',
    ],
    [
      'stopChild without a child id',
      stopChild(() => undefined as never),
      'stopChild needs a child id',
    ],
    [
      'spawnChild of an inline actor',
      spawnChild(setup({}).createMachine({}) as never, { id: 'kid' }),
      'spawnChild needs a string id and a named src',
    ],
  ])('%s', (_, action, message) => {
    expect(() => evaluate(outside({ act: action }), { type: 'go' })).toThrow(
      new UnsupportedFeature(message),
    );
  });

  it('an action that is not implemented', () => {
    const machine = setup({}).createMachine({
      id: 'missing',
      initial: 'a',
      states: { a: { on: { go: { actions: 'nowhere' as never } } } },
    });
    expect(() => evaluate(machine, { type: 'go' })).toThrow('action nowhere is not implemented');
  });

  it('always transitions that never settle', () => {
    const machine = setup({}).createMachine({
      id: 'loop',
      initial: 'a',
      states: { a: { on: { go: 'b' } }, b: { always: 'c' }, c: { always: 'b' } },
    });
    expect(() => evaluate(machine, { type: 'go' })).toThrow('loop: always transitions loop');
  });
});
