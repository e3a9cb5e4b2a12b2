/**
 * A chart with what the package's machines do not have (nested and parallel states, ids Mermaid
 * cannot read, combined and parameterised guards, root transitions with a target, a transient start
 * inside a composite, a final state inside one), drawn by the unit test and rendered by the browser
 * test.
 */
import { and, not, setup } from 'xstate';

export const edgeCaseMachine = setup({ guards: { a: () => true, b: () => true } }).createMachine({
  id: 'edge-cases',
  initial: 'default',
  on: { 'reset:all': { target: '.default' }, ping: {} },
  states: {
    default: {
      on: {
        'go.on': [{ guard: and(['a', not('b')]), target: 'state' }, { target: 'a-b' }],
        'stay.here': { guard: 'a' },
      },
    },
    state: {
      initial: 'start',
      on: { 'keep.going': {} },
      states: {
        start: { always: [{ guard: 'a', target: 'note' }, { target: '#xy' }] },
        note: { on: { next: '#xy' } },
        'x.y': { id: 'xy', type: 'final' },
      },
      onDone: 'par',
    },
    'a-b': { always: { guard: { type: 'a', params: { n: 1 } }, target: 'par' } },
    par: {
      type: 'parallel',
      states: {
        left: { initial: 'l1', states: { l1: {} } },
        right: { initial: 'l1', states: { l1: { on: { 'fin;ish': '#edge-cases.end' } } } },
      },
    },
    end: { type: 'final' },
    lonely: {},
  },
});
