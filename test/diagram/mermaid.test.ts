/**
 * `toMermaid`: every state and transition of every machine, read back from the text, in lines that
 * keep to Mermaid's stateDiagram-v2 grammar. test/diagram/render.test.ts renders the same text with
 * Mermaid in a browser.
 */
import { subscriptionMachine } from 'subscription-machines';
import { toMermaid } from 'subscription-machines/diagram';
import { opencellSubscriptionMachine } from 'subscription-machines/opencell';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, createMachine, setup } from 'xstate';
import { MACHINES, type StateNode, stateNodes } from '../support/machines';
import { edgeCaseMachine } from './edge-cases';

const guardOf = (guard: unknown) =>
  guard === undefined
    ? ''
    : ` [${typeof guard === 'string' ? guard : (guard as { type: string }).type}]`;

const transitionsOf = (node: StateNode) => [
  ...[...node.transitions.values()].flat(),
  ...(node.always ?? []),
];

/** `from|to|event [guard]` for every transition below the root, from the chart. */
function chartEdges(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  for (const node of stateNodes(machine.root)) {
    if (!node.parent) continue;
    for (const t of transitionsOf(node)) {
      const event = t.eventType === '' ? 'always' : t.eventType;
      for (const target of t.target ?? [node])
        out.push(`${node.key}|${target.key}|${event}${guardOf(t.guard)}`);
    }
  }
  return out.sort();
}

/**
 * `from|to|event [guard]` read back from the diagram: each line of each edge, each line inside a
 * state's box (a transition that stays), and each arrow from `[*]` (a transient `start`'s eventless
 * routes, `[else]` being the unguarded one).
 */
function diagramEdges(text: string, start = 'start'): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const edge = /^\s*(\w+|\[\*\]) --> (\w+)(?: : (.+))?$/.exec(line);
    const inBox = /^\s*(\w+) : (.+)$/.exec(line);
    if (edge?.[1] === '[*]') {
      if (edge[3])
        out.push(`${start}|${edge[2]}|always${edge[3] === '[else]' ? '' : ` ${edge[3]}`}`);
    } else if (edge) {
      for (const label of (edge[3] ?? '').split('<br>')) out.push(`${edge[1]}|${edge[2]}|${label}`);
    } else if (inBox && inBox[1] !== 'in_every_state') {
      out.push(`${inBox[1]}|${inBox[1]}|${inBox[2]}`);
    }
  }
  return out.sort();
}

/** The statement forms of stateDiagram-v2 that toMermaid writes. */
const ID = '[A-Za-z_][A-Za-z0-9_]*';
const LABEL = '[^:;#%\\n]+';
const STATEMENTS = [
  /^---$/,
  /^title: ([\w.-]+|"[^"\n]+")$/,
  /^stateDiagram-v2$/,
  new RegExp(`^\\s*state "[^"]+" as ${ID}( \\{)?$`),
  /^\s*\}$/,
  /^\s*--$/,
  new RegExp(`^\\s*${ID}$`),
  new RegExp(`^\\s*(\\[\\*\\]|${ID}) --> ${ID}( : ${LABEL})?$`),
  new RegExp(`^\\s*${ID} : ${LABEL}$`),
  /^\s*classDef (inEveryState|finalState) [\w:#,. -]+$/,
  new RegExp(`^\\s*class ${ID}(,${ID})* (inEveryState|finalState)$`),
];

/** Lines outside the grammar, and what Mermaid would read as a directive or a comment. */
function grammarProblems(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .filter(
      (line) =>
        !STATEMENTS.some((s) => s.test(line)) ||
        /direction\s+(TB|BT|RL|LR)|%%|\bdefault/i.test(line),
    );
}

describe.each(MACHINES.map((m) => [m.name, m.machine] as const))('toMermaid(%s)', (_, machine) => {
  const text = toMermaid(machine);

  it('keeps to the stateDiagram-v2 grammar, line by line', () => {
    expect(grammarProblems(text)).toEqual([]);
  });

  it('draws every state but a transient start, with a bold border for the final ones', () => {
    const finals: string[] = [];
    for (const node of stateNodes(machine.root)) {
      if (!node.parent || node.key === 'start') continue;
      expect(text).toMatch(new RegExp(`^\\s*(state "${node.key}" as )?${node.key}\\b`, 'm'));
      if (node.type === 'final') finals.push(node.key);
    }
    if (finals.length > 0) expect(text).toContain(`  class ${finals.join(',')} finalState\n`);
    expect(text).not.toContain('--> [*]');
  });

  it('draws every transition below the root: edges, lines in a box, arrows from [*]', () => {
    expect(diagramEdges(text)).toEqual(chartEdges(machine));
  });

  it('lists every root-level event in the "In every state" box, and draws none as an edge', () => {
    const box = text
      .split('\n')
      .filter((line) => line.startsWith('  in_every_state : '))
      .map((line) => line.slice('  in_every_state : '.length))
      .join(' ');
    for (const t of transitionsOf(machine.root)) {
      const dot = t.eventType.lastIndexOf('.');
      const [prefix, name] = [t.eventType.slice(0, dot), t.eventType.slice(dot + 1)];
      expect(box).toMatch(new RegExp(`\\b${prefix}\\.([\\w.]+, )*${name}\\b`));
    }
    if (transitionsOf(machine.root).length === 0) expect(text).not.toContain('in_every_state');
  });

  it('is deterministic, and the same for a provided machine', () => {
    expect(toMermaid(machine)).toBe(text);
    expect(toMermaid(machine.provide({}))).toBe(text);
  });
});

describe('toMermaid of the Connect subscription', () => {
  const text = toMermaid(subscriptionMachine);

  it('labels each status change with the request command that causes it', () => {
    expect(text).toContain('  processing --> active : request.approve\n');
    expect(text).toContain('  active --> suspended : request.approve [approvesSuspend]\n');
    expect(text).toContain('  suspended --> active : request.approve [approvesResume]\n');
    expect(text).not.toContain('always');
  });

  it('draws the transient start as [*] pointing at each first status', () => {
    expect(text).toContain('  [*] --> draft : [startsAsDraft]\n  [*] --> processing : [else]\n');
    expect(text).not.toMatch(/^\s*(state "start"|start\b)/m);
  });

  it('puts the request and tier-config commands handled in every state in one short box', () => {
    const box = text.split('\n').filter((line) => line.startsWith('  in_every_state : '));
    const own = transitionsOf(subscriptionMachine.root);
    expect(own.length).toBeGreaterThan(10);
    expect(box.length).toBeLessThanOrEqual(Math.ceil(own.length / 2));
    expect(text).toContain('  in_every_state : tierConfig.require, approve, fail\n');
    expect(text).toContain('  class in_every_state inEveryState\n');
  });
});

describe('toMermaid of a chart whose statuses move on the commands that cause them', () => {
  // The shape the Connect subscription is moving to: `request.approve` changes the status when a
  // guard says which request it approves, and otherwise falls through to the machine's forward.
  const machine = setup({
    guards: { approvesSuspend: () => true, approvesChange: () => true, canApprove: () => true },
  }).createMachine({
    id: 'moving',
    initial: 'active',
    on: { 'request.approve': { guard: 'canApprove' }, 'request.fail': { guard: 'canApprove' } },
    states: {
      active: {
        on: {
          'request.approve': [
            { guard: 'approvesSuspend', target: 'suspended' },
            { guard: 'approvesChange' },
          ],
        },
      },
      suspended: {},
    },
  });
  const text = toMermaid(machine);

  it('draws a guarded event transition as one readable edge, and what stays inside the box', () => {
    expect(text).toContain('  active --> suspended : request.approve [approvesSuspend]\n');
    expect(text).toContain(
      '  state "active" as active\n  active : request.approve [approvesChange]\n',
    );
  });

  it('keeps the root-level transitions out of the graph', () => {
    expect(text).toContain('  in_every_state : request.approve, fail\n');
    expect(text.match(/-->/g)).toHaveLength(2);
  });
});

describe('toMermaid of the Opencell subscription', () => {
  it("writes ACTIVE's eleven transitions that stay inside its box, and draws no self-loop", () => {
    const text = toMermaid(opencellSubscriptionMachine);
    const lines = text.split('\n').filter((line) => line.startsWith('  ACTIVE : '));
    expect(lines).toHaveLength(11);
    expect(lines).toContain('  ACTIVE : offer.change [canChangeOffer]');
    expect(lines).toContain('  ACTIVE : clock.tick [termRenews]');
    expect(text).toContain('  state "ACTIVE" as ACTIVE\n');
    expect(text).not.toMatch(/(\w+) --> \1\b/);
  });
});

describe('toMermaid of other charts', () => {
  it('draws nested and parallel states, and renames what Mermaid cannot read', () => {
    expect(toMermaid(edgeCaseMachine)).toBe(`---
title: edge-cases
---
stateDiagram-v2
  [*] --> s_default
  state "default" as s_default
  s_default : stay.here [a]
  s_default --> s_state : go.on [and(a, not(b))]
  s_default --> a_b : go.on
  state "state" as s_state {
    [*] --> state_note : [a]
    [*] --> state_x_y : [else]
    state "note" as state_note
    state_note --> state_x_y : next
    state "x.y" as state_x_y
  }
  s_state --> s_state : keep.going
  s_state --> par : xstate.done.state.edge-cases.state
  state "a-b" as a_b
  a_b --> par : always [a]
  state "par" as par {
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
  lonely
  state "In every state" as in_every_state
  in_every_state : reset∶all → default
  in_every_state : ping
  classDef inEveryState fill:#fff5ad,stroke:#aaaa33,stroke-dasharray:4 2,color:#333
  class in_every_state inEveryState
  classDef finalState stroke-width:3px
  class state_x_y,s_end finalState
`);
  });

  it('draws a machine without states as its bare id', () => {
    expect(toMermaid(createMachine({ id: 'empty' }))).toBe(
      '---\ntitle: empty\n---\nstateDiagram-v2\n  empty\n',
    );
    expect(toMermaid(createMachine({ id: 'no states' }))).toContain(
      'title: "no states"\n---\nstateDiagram-v2\n  state "no states" as no_states\n',
    );
  });

  it('keeps a start state that something returns to, or that may rest, as a box', () => {
    const chart = setup({ guards: { ready: () => true } });
    const returnedTo = chart.createMachine({
      id: 'loop',
      initial: 'start',
      states: { start: { always: { target: 'a' } }, a: { on: { back: 'start' } } },
    });
    expect(toMermaid(returnedTo)).toContain('  [*] --> start\n  start --> a : always\n');
    const mayRest = chart.createMachine({
      id: 'rest',
      initial: 'start',
      states: { start: { always: { guard: 'ready', target: 'a' } }, a: {} },
    });
    expect(toMermaid(mayRest)).toContain('  [*] --> start\n  start --> a : always [ready]\n');
  });
});
