/**
 * `toMermaid`: a Mermaid `stateDiagram-v2` of an XState machine, drawn from its state nodes.
 *
 * Drawn from the nodes, not from `machine.toJSON()`, because XState's JSON leaves out eventless
 * (`always`) transitions.
 */
import type { AnyStateMachine } from 'xstate';
import {
  descendants,
  guardOf,
  isTransientStart,
  labelOf,
  rootEventLines,
  type StateNode,
  staysIn,
  type Transition,
  text,
  transitionsOf,
} from './transitions';

/** Mermaid's state ids: no spaces, dashes, colons or braces, and none of its keywords. */
const SAFE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORD = /^(default.*|state|note|class|classdef|scale|direction|end|statediagram)$/i;

/** Final states: a bold border, rather than edges from all over the chart to one `[*]`. */
const FINAL_STYLE = 'finalState stroke-width:3px';
/** The box that lists the machine's own transitions: a note's colours, and a dashed border. */
const LEGEND_STYLE = 'inEveryState fill:#fff5ad,stroke:#aaaa33,stroke-dasharray:4 2,color:#333';

/** Gives every state node below the root a unique Mermaid id: its key when Mermaid accepts it. */
class Ids {
  private readonly byNode = new Map<StateNode, string>();
  private readonly taken = new Set<string>();

  constructor(root: StateNode) {
    const visit = (node: StateNode, path: readonly string[]) => {
      for (const child of Object.values(node.states)) {
        const childPath = [...path, child.key];
        this.assign(child, childPath.join('_'));
        visit(child, childPath);
      }
    };
    visit(root, []);
  }

  /** A new unique id, `wanted` when free and readable by Mermaid. */
  reserve(wanted: string): string {
    let id = wanted.replace(/[^A-Za-z0-9_]/g, '_');
    if (!SAFE_ID.test(id) || KEYWORD.test(id)) id = `s_${id}`;
    const base = id;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }

  assign(node: StateNode, wanted: string): void {
    this.byNode.set(node, this.reserve(wanted));
  }

  of(node: StateNode): string {
    return this.byNode.get(node) as string;
  }
}

/** `from --> to : label` per target, the labels of several transitions joined by `<br>`. */
function edges(from: string, labelled: readonly (readonly [string, string])[]): string[] {
  const byTarget = new Map<string, string[]>();
  for (const [to, label] of labelled) byTarget.set(to, [...(byTarget.get(to) ?? []), label]);
  return [...byTarget].map(([to, labels]) => {
    const label = labels.filter(Boolean).join('<br>');
    return label ? `${from} --> ${to} : ${label}` : `${from} --> ${to}`;
  });
}

/**
 * `[*] -->` the initial state; when that state only routes (a transient `start`), `[*] -->` each
 * state it routes to instead, labelled with the guard (`[else]` for the fallback).
 */
function initialOf(node: StateNode, ids: Ids): string[] {
  const initial = node.initial.target[0];
  if (!initial) return [];
  if (!isTransientStart(initial)) return [`[*] --> ${ids.of(initial)}`];
  const routes = initial.always ?? [];
  const guarded = routes.some((t) => t.guard !== undefined);
  return edges(
    '[*]',
    routes.map((t) => [
      ids.of(t.target?.[0] as StateNode),
      guardOf(t) || (guarded ? '[else]' : ''),
    ]),
  );
}

/** The inside of a composite: its initial arrows, then each child (regions of a parallel state). */
function bodyOf(node: StateNode, ids: Ids): string[] {
  const children = Object.values(node.states);
  if (node.type === 'parallel')
    return children.flatMap((child, i) => [...(i > 0 ? ['--'] : []), ...stateOf(child, ids)]);
  return [
    ...initialOf(node, ids),
    ...children.filter((child) => !isTransientStart(child)).flatMap((c) => stateOf(c, ids)),
  ];
}

/**
 * One state: its declaration (a composite with its body), the transitions that stay in it as lines
 * in its box, and its edges to other states.
 */
function stateOf(node: StateNode, ids: Ids): string[] {
  const id = ids.of(node);
  const composite = Object.keys(node.states).length > 0;
  const transitions = transitionsOf(node);
  // A composite's box holds its children: what stays in it is drawn as a self-loop instead.
  const stays = composite ? [] : transitions.filter((t) => staysIn(node, t));
  const lines: string[] = [];
  // Declared with its name, which Mermaid would otherwise replace with the first line under it.
  const declaration = `state "${text(node.key)}" as ${id}`;
  if (composite) lines.push(`${declaration} {`, ...indent(bodyOf(node, ids)), '}');
  else if (id !== node.key || stays.length > 0) lines.push(declaration);
  for (const t of stays) lines.push(`${id} : ${labelOf(t)}`);
  const targets = (t: Transition) => (t.target?.length ? t.target : [node]);
  const moves = transitions.filter((t) => !stays.includes(t));
  lines.push(
    ...edges(
      id,
      moves.flatMap((t) => targets(t).map((to) => [ids.of(to), labelOf(t)] as const)),
    ),
  );
  // A state that draws nothing of its own is still declared, so that every state shows.
  if (lines.length === 0) lines.push(id);
  return lines;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/**
 * A Mermaid `stateDiagram-v2` of `machine`, titled with its id:
 *
 * - every state, and `[*] -->` the initial one; when the initial state only routes on eventless
 *   transitions (a transient `start`), `[*] -->` each state it routes to instead, labelled
 *   `[guard]` (`[else]` for the fallback). Final states have a bold border;
 * - every transition to another state as `From --> To : event [guard]` (eventless ones as
 *   `always [guard]`; several between the same two states share one edge, a line each);
 * - every transition that stays in its state (no target) as a line `event [guard]` inside that
 *   state's box, under its name, rather than as a self-loop;
 * - the machine's own (root-level) transitions, which apply in every state, not as edges but as
 *   their events, grouped by prefix, in one box of their own, styled as a note: "In every state".
 *
 * Deterministic: the same machine always gives the same text.
 *
 * @example
 * ```ts
 * import { subscriptionMachine } from 'subscription-machines';
 * import { toMermaid } from 'subscription-machines/diagram';
 *
 * const markdown = ['```mermaid', toMermaid(subscriptionMachine), '```'].join('\n');
 * // ---
 * // title: subscription
 * // ---
 * // stateDiagram-v2
 * //   [*] --> draft : [startsAsDraft]
 * //   [*] --> processing : [else]
 * //   …
 * ```
 */
export function toMermaid(machine: AnyStateMachine): string {
  const root = machine.root;
  const ids = new Ids(root);
  const title = /^[\w.-]+$/.test(machine.id) ? machine.id : JSON.stringify(machine.id);
  let body = bodyOf(root, ids);
  // A machine without states is drawn as one state, named after it.
  if (body.length === 0) {
    ids.assign(root, machine.id);
    const id = ids.of(root);
    body = [id === machine.id ? id : `state "${text(machine.id)}" as ${id}`];
  }
  const lines = ['---', `title: ${title}`, '---', 'stateDiagram-v2', ...indent(body)];
  const events = rootEventLines(root, 40);
  if (events.length > 0) {
    // Not a state: a box of its own, styled as a note, that no edge reaches.
    const legend = ids.reserve('in_every_state');
    lines.push(
      `  state "In every state" as ${legend}`,
      ...events.map((line) => `  ${legend} : ${line}`),
      `  classDef ${LEGEND_STYLE}`,
      `  class ${legend} inEveryState`,
    );
  }
  const finals = [...descendants(root)].filter((node) => node.parent && node.type === 'final');
  if (finals.length > 0)
    lines.push(
      `  classDef ${FINAL_STYLE}`,
      `  class ${finals.map((n) => ids.of(n)).join(',')} finalState`,
    );
  return `${lines.join('\n')}\n`;
}
