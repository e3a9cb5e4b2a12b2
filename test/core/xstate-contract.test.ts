/**
 * What the library reads of XState's internals, pinned: the shapes of built-in action objects and
 * state nodes the chart compiler and the evaluator read, the snapshot fields a result snapshot is
 * built from, and the system's relay a live actor messages its child through. An XState upgrade
 * that changes any of these fails here first, by name.
 */
import { describe, expect, it } from 'vitest';
import {
  assign,
  createActor,
  createMachine,
  emit,
  enqueueActions,
  StateMachine,
  sendTo,
  setup,
  spawnChild,
  stopChild,
} from 'xstate';

describe("XState's built-in action objects (read by src/core/evaluate.ts)", () => {
  it('assign carries type xstate.assign and its assignment', () => {
    const fn = () => ({});
    const action = assign(fn) as unknown as Record<string, unknown>;
    expect(action.type).toBe('xstate.assign');
    expect(action.assignment).toBe(fn);
  });
  it('emit carries type xstate.emit and its event', () => {
    const event = { type: 'x' };
    const action = emit(event) as unknown as Record<string, unknown>;
    expect(action.type).toBe('xstate.emit');
    expect(action.event).toBe(event);
  });
  it('enqueueActions carries type xstate.enqueueActions and its collect function', () => {
    const collect = () => {};
    const action = enqueueActions(collect) as unknown as Record<string, unknown>;
    expect(action.type).toBe('xstate.enqueueActions');
    expect(action.collect).toBe(collect);
  });
  it('spawnChild, stopChild and sendTo carry their type and arguments', () => {
    const fields = (action: unknown, ...keys: string[]) =>
      Object.fromEntries(keys.map((k) => [k, (action as Record<string, unknown>)[k]]));
    expect(
      fields(spawnChild('src', { id: 'child', input: 1 }), 'type', 'src', 'id', 'input'),
    ).toEqual({ type: 'xstate.spawnChild', src: 'src', id: 'child', input: 1 });
    expect(fields(stopChild('child'), 'type', 'actorRef')).toEqual({
      type: 'xstate.stopChild',
      actorRef: 'child',
    });
    expect(fields(sendTo('child', { type: 'x' }), 'type', 'to', 'event')).toEqual({
      type: 'xstate.sendTo',
      to: 'child',
      event: { type: 'x' },
    });
  });
});

describe("XState's state nodes (read by src/core/chart.ts)", () => {
  const machine = setup({ guards: { g: () => true }, actions: { a: () => {} } }).createMachine({
    id: 'm',
    initial: 'start',
    on: { root: { guard: 'g', actions: 'a' } },
    states: {
      start: { entry: 'a', always: [{ guard: 'g', target: 'b' }, { target: 'c' }] },
      b: {
        exit: 'a',
        on: { go: { guard: { type: 'g', params: { p: 1 } }, target: 'c', actions: ['a'] } },
      },
      c: { type: 'final', output: { done: true } },
    },
  });
  it('expose transitions, always, entry, exit, type, key, parent, initial and output', () => {
    const root = machine.root;
    expect(root.type).toBe('compound');
    expect(root.initial?.target?.[0]?.key).toBe('start');
    expect([...root.transitions.keys()]).toEqual(['root']);
    const { start, b, c } = root.states as Record<string, typeof root>;
    expect(start?.always?.map((t) => t.target?.[0]?.key)).toEqual(['b', 'c']);
    expect(start?.entry).toEqual(['a']);
    expect(b?.exit).toEqual(['a']);
    const go = b?.transitions.get('go')?.[0];
    expect(go?.guard).toEqual({ type: 'g', params: { p: 1 } });
    expect(go?.target?.[0]?.parent).toBe(root);
    expect(go?.actions).toEqual(['a']);
    expect(c?.type).toBe('final');
    expect(c?.output).toEqual({ done: true });
    expect(b?.invoke).toEqual([]);
    expect(b?.after).toEqual([]);
  });
});

describe('snapshots and actors', () => {
  const machine = createMachine({ id: 'm', initial: 'a', states: { a: {}, b: { type: 'final' } } });
  it('resolveState gives a plain object a result snapshot can be spread from', () => {
    const snapshot = machine.resolveState({ value: 'b', context: {} });
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype);
    expect(snapshot).toMatchObject({ value: 'b', status: 'done', children: {}, context: {} });
    const copy = { ...snapshot, context: { x: 1 } };
    expect(copy.matches('b')).toBe(true);
    expect(copy.machine).toBe(machine);
  });
  it("an actor's system relays events (what sendTo uses, and the inspector shows)", () => {
    const actor = createActor(machine);
    expect(typeof (actor.system as unknown as { _relay?: unknown })._relay).toBe('function');
  });
  it('StateMachine.prototype.transition and getInitialSnapshot are what a command machine overrides', () => {
    expect(typeof StateMachine.prototype.transition).toBe('function');
    expect(typeof StateMachine.prototype.getInitialSnapshot).toBe('function');
  });
});
