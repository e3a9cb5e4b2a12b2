/**
 * `toMermaid`: a Mermaid `stateDiagram-v2` of an XState machine, drawn from its state nodes.
 *
 * Drawn from the nodes, not from `machine.toJSON()`, because XState's JSON leaves out eventless
 * (`always`) transitions, which carry the Connect subscription's whole status flow.
 */
import type { AnyStateMachine } from 'xstate';

type StateNode = AnyStateMachine['root'];
type Transition = NonNullable<StateNode['always']>[number];

/** Mermaid's state ids: no spaces, dashes, colons or braces, and none of its keywords. */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORD = /^(default.*|state|note|class|classdef|scale|direction|end|statediagram)$/i;

/**
 * Characters Mermaid reads in a transition label (`:` and `;` end it, `#` and `%%` start comments,
 * `<` and `>` are HTML): replaced by look-alikes so any event or guard name draws as written.
 */
const LABEL_ESCAPES: Readonly<Record<string, string>> = {
  ':': '∶',
  ';': '⁏',
  '#': '♯',
  '%': '٪',
  '<': '‹',
  '>': '›',
  '"': "'",
  '\n': ' ',
  '\r': ' ',
};

function text(value: string): string {
  return value.replace(/[:;#%<>"\r\n]/g, (c) => LABEL_ESCAPES[c] ?? c);
}

/** A guard's name: a named guard, its `{ type }`, or a combinator (`and(a, b)`, `not(a)`). */
function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const combined = (guard as { guards?: unknown }).guards;
    if (Array.isArray(combined)) return `${guard.name}(${combined.map(guardName).join(', ')})`;
    return guard.name || 'inline';
  }
  if (guard && typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string')
    return guard.type;
  return 'inline';
}

/** `event [guard]`; an eventless transition's event is drawn as `always`. */
function labelOf(transition: Transition): string {
  const event = transition.eventType === '' ? 'always' : String(transition.eventType);
  const guard = transition.guard === undefined ? '' : ` [${guardName(transition.guard)}]`;
  return text(`${event}${guard}`);
}

/** Event transitions in the chart's order, then the eventless ones. */
function transitionsOf(node: StateNode): Transition[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
}

/** Gives every state node a unique Mermaid id: its key when Mermaid accepts it. */
class Ids {
  private readonly byNode = new Map<StateNode, string>();
  private readonly taken = new Set<string>();

  constructor(root: StateNode) {
    this.assign(root, root.machine.id);
    const visit = (node: StateNode, path: readonly string[]) => {
      for (const child of Object.values(node.states)) {
        const childPath = [...path, child.key];
        this.assign(child, childPath.join('_'));
        visit(child, childPath);
      }
    };
    visit(root, []);
  }

  private assign(node: StateNode, wanted: string): void {
    let id = wanted.replace(/[^A-Za-z0-9_]/g, '_');
    if (!SAFE_ID.test(id) || KEYWORD.test(id)) id = `s_${id}`;
    const base = id;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    this.byNode.set(node, id);
  }

  of(node: StateNode): string {
    return this.byNode.get(node) as string;
  }
}

/** Edges from one state, one per target, with the labels of parallel edges joined by `<br>`. */
function edgesOf(node: StateNode, ids: Ids): string[] {
  const from = ids.of(node);
  const labels = new Map<string, string[]>();
  for (const transition of transitionsOf(node)) {
    // A targetless transition stays where it is: a self-loop.
    for (const target of transition.target ?? [node]) {
      const to = ids.of(target);
      labels.set(to, [...(labels.get(to) ?? []), labelOf(transition)]);
    }
  }
  return [...labels].map(([to, lines]) => `${from} --> ${to} : ${lines.join('<br>')}`);
}

/** The inside of a composite: `[*] -->` its initial state, then each child (regions of a parallel state). */
function bodyOf(node: StateNode, ids: Ids): string[] {
  const children = Object.values(node.states);
  if (node.type === 'parallel')
    return children.flatMap((child, i) => [...(i > 0 ? ['--'] : []), ...stateOf(child, ids)]);
  const initial = node.initial.target.map((target) => `[*] --> ${ids.of(target)}`);
  return [...initial, ...children.flatMap((child) => stateOf(child, ids))];
}

/** One state: a composite with its body, then its edges, then `--> [*]` when final. */
function stateOf(node: StateNode, ids: Ids): string[] {
  const id = ids.of(node);
  const alias = id === node.key ? id : `"${text(node.key)}" as ${id}`;
  const lines: string[] = [];
  if (Object.keys(node.states).length > 0) {
    lines.push(`state ${alias} {`, ...indent(bodyOf(node, ids)), '}');
  } else if (id !== node.key) {
    lines.push(`state ${alias}`);
  }
  // The root's own transitions apply in every state: toMermaid lists them in a note instead.
  if (node.parent) lines.push(...edgesOf(node, ids));
  if (node.type === 'final') lines.push(`${id} --> [*]`);
  // A state that draws nothing of its own is still declared, so that every state shows.
  if (lines.length === 0) lines.push(id);
  return lines;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/**
 * A Mermaid `stateDiagram-v2` of `machine`: every state, `[*] -->` the initial state, every
 * transition as `From --> To : event [guard]` (eventless ones as `always [guard]`, targetless ones
 * as self-loops, several between the same two states on one edge, a line each), and final states
 * `--> [*]`. The states sit in a composite named after the machine; the machine's own (root-level)
 * transitions, which apply in every state, are listed in a note beside it rather than drawn as
 * edges from every state. Deterministic: the same machine always gives the same text.
 *
 * @example
 * ```ts
 * import { subscriptionMachine } from 'subscription-machines';
 * import { toMermaid } from 'subscription-machines/diagram';
 *
 * const markdown = ['```mermaid', toMermaid(subscriptionMachine), '```'].join('\n');
 * // stateDiagram-v2
 * //   state subscription {
 * //     [*] --> start
 * //     start --> draft : always [startsAsDraft]
 * //     …
 * ```
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root;
  const ids = new Ids(root);
  const id = ids.of(root);
  const lines = ['stateDiagram-v2', ...indent(stateOf(root, ids))];
  const own = transitionsOf(root);
  if (own.length > 0) {
    const described = own.map((t) => {
      const targets = (t.target ?? []).map((target) => text(target.path.join('.')));
      return targets.length === 0 ? labelOf(t) : `${labelOf(t)} → ${targets.join(', ')}`;
    });
    lines.push(
      `  note right of ${id}`,
      '    In every state, on the machine itself:',
      ...indent(indent(described)),
      '  end note',
    );
  }
  return `${lines.join('\n')}\n`;
}
