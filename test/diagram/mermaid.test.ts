/**
 * `toMermaid`: every state and transition of every machine, read back from the text, in lines that
 * keep to Mermaid's stateDiagram-v2 grammar. The edge-case diagram below was rendered with Mermaid
 * 11 in a browser when this test was written.
 */
import { subscriptionMachine } from 'subscription-machines';
import { toMermaid } from 'subscription-machines/diagram';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, and, createMachine, not, setup } from 'xstate';
import { MACHINES, stateNodes } from '../support/machines';

const guardOf = (guard: unknown) =>
  guard === undefined
    ? ''
    : ` [${typeof guard === 'string' ? guard : (guard as { type: string }).type}]`;

/** `from|to|label` for every transition below the root, from the chart. */
function chartEdges(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  for (const node of stateNodes(machine.root)) {
    if (!node.parent) continue;
    for (const t of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      const event = t.eventType === '' ? 'always' : t.eventType;
      for (const target of t.target ?? [node])
        out.push(`${node.key}|${target.key}|${event}${guardOf(t.guard)}`);
    }
  }
  return out.sort();
}

/** `from|to|label` for every label line of every edge, read back from the diagram. */
function diagramEdges(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\w+) --> (\w+) : (.+)$/.exec(line);
    if (m) for (const label of (m[3] as string).split('<br>')) out.push(`${m[1]}|${m[2]}|${label}`);
  }
  return out.sort();
}

/** The statement forms of stateDiagram-v2 that toMermaid writes. */
const ID = '[A-Za-z_][A-Za-z0-9_]*';
const STATEMENTS = [
  /^stateDiagram-v2$/,
  new RegExp(`^\\s*state (${ID}|"[^"]+" as ${ID})( \\{)?$`),
  /^\s*\}$/,
  /^\s*--$/,
  new RegExp(`^\\s*${ID}$`),
  new RegExp(`^\\s*(\\[\\*\\]|${ID}) --> (\\[\\*\\]|${ID})$`),
  new RegExp(`^\\s*${ID} --> ${ID} : [^:;#%\\n]+$`),
];

/** Checks every line against the grammar; note bodies may hold any text but `end note`. */
function grammarProblems(text: string): string[] {
  const problems: string[] = [];
  let inNote = false;
  for (const line of text.trimEnd().split('\n')) {
    if (inNote) {
      if (/^\s*end note$/.test(line)) inNote = false;
      continue;
    }
    if (new RegExp(`^\\s*note right of ${ID}$`).test(line)) inNote = true;
    else if (!STATEMENTS.some((s) => s.test(line))) problems.push(line);
    if (/direction\s+(TB|BT|RL|LR)|%%|\bdefault/i.test(line)) problems.push(line);
  }
  if (inNote) problems.push('unclosed note');
  return problems;
}

describe.each(MACHINES.map((m) => [m.name, m.machine] as const))('toMermaid(%s)', (_, machine) => {
  const text = toMermaid(machine);

  it('keeps to the stateDiagram-v2 grammar, line by line', () => {
    expect(grammarProblems(text)).toEqual([]);
  });

  it('draws every state, the initial one and the final ones', () => {
    for (const node of stateNodes(machine.root)) {
      if (!node.parent) continue;
      expect(text).toMatch(new RegExp(`^\\s*(state )?${node.key}\\b`, 'm'));
      if (node.type === 'final') expect(text).toContain(`${node.key} --> [*]`);
    }
    expect(text).toContain(`[*] --> ${machine.root.initial.target[0]?.key}`);
  });

  it('draws every transition below the root as `from --> to : event [guard]`', () => {
    expect(diagramEdges(text)).toEqual(chartEdges(machine));
  });

  it('is deterministic, and the same for a provided machine', () => {
    expect(toMermaid(machine)).toBe(text);
    expect(toMermaid(machine.provide({}))).toBe(text);
  });
});

describe('toMermaid of the Connect subscription', () => {
  const text = toMermaid(subscriptionMachine);

  it('draws the transient start state with its labelled eventless transitions', () => {
    expect(text).toContain('    [*] --> start\n');
    expect(text).toContain('    start --> draft : always [startsAsDraft]\n');
    expect(text).toContain('    start --> processing : always\n');
  });

  it('labels each status change with the request command that causes it', () => {
    expect(text).toContain('    processing --> active : request.approve\n');
    expect(text).toContain('    active --> suspended : request.approve [approvesSuspend]\n');
    expect(text).toContain('    suspended --> active : request.approve [approvesResume]\n');
  });

  it('joins the transitions between the same two states on one edge, targetless ones as self-loops', () => {
    expect(text).toContain(
      '    active --> active : request.create [opensAutoApprovedTransfer]<br>request.create [opensActiveRequest]\n',
    );
  });

  it('lists the root-level transitions (forwarded to the open request) in a note on the machine', () => {
    const note = text.slice(text.indexOf('  note right of subscription'));
    const own = [...subscriptionMachine.root.transitions.values()].flat();
    expect(own.length).toBeGreaterThan(10);
    for (const t of own)
      expect(note).toContain(
        t.guard === undefined
          ? `    ${t.eventType}`
          : `    ${t.eventType} [${t.guard as string}]\n`,
      );
    expect(note).toContain('    request.approve [canApprove]\n');
    expect(note.endsWith('  end note\n')).toBe(true);
  });
});

describe('toMermaid of other charts', () => {
  it('draws nested and parallel states, and renames what Mermaid cannot read', () => {
    const machine = setup({ guards: { a: () => true, b: () => true } }).createMachine({
      id: 'edge-cases',
      initial: 'default',
      on: { 'reset:all': { target: '.default' }, ping: {} },
      states: {
        default: {
          on: { 'go.on': [{ guard: and(['a', not('b')]), target: 'state' }, { target: 'a-b' }] },
        },
        state: {
          initial: 'note',
          states: { note: { on: { next: '#xy' } }, 'x.y': { id: 'xy', type: 'final' } },
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
    expect(toMermaid(machine)).toBe(`stateDiagram-v2
  state "edge-cases" as edge_cases {
    [*] --> s_default
    state "default" as s_default
    s_default --> s_state : go.on [and(a, not(b))]
    s_default --> a_b : go.on
    state "state" as s_state {
      [*] --> state_note
      state "note" as state_note
      state_note --> state_x_y : next
      state "x.y" as state_x_y
      state_x_y --> [*]
    }
    s_state --> par : xstate.done.state.edge-cases.state
    state "a-b" as a_b
    a_b --> par : always [a]
    state par {
      state "left" as par_left {
        [*] --> par_left_l1
        state "l1" as par_left_l1
      }
      --
      state "right" as par_right {
        [*] --> par_right_l1
        state "l1" as par_right_l1
        par_right_l1 --> s_end : fin⁏ish
      }
    }
    state "end" as s_end
    s_end --> [*]
    lonely
  }
  note right of edge_cases
    In every state, on the machine itself:
    reset∶all → default
    ping
  end note
`);
  });

  it('draws a machine without states as its bare id', () => {
    expect(toMermaid(createMachine({ id: 'empty' }))).toBe('stateDiagram-v2\n  empty\n');
  });
});
