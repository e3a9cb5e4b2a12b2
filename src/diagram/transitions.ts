/**
 * What `toMermaid` reads from a chart: each transition's label, which transitions stay in their
 * state, and which initial states are only a routing step.
 */
import type { AnyStateMachine } from 'xstate';

export type StateNode = AnyStateMachine['root'];
export type Transition = NonNullable<StateNode['always']>[number];

/**
 * Characters Mermaid reads in a label (`:` and `;` end it, `#` and `%%` start comments, `<` and `>`
 * are HTML): replaced by look-alikes so any event or guard name draws as written.
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

/** `value` as Mermaid label text. */
export function text(value: string): string {
  return value.replace(/[:;#%<>"\r\n]/g, (c) => LABEL_ESCAPES[c] ?? c);
}

/** A guard's name: a named guard, its `{ type }`, or a combinator (`and(a, b)`, `not(a)`). */
export function guardName(guard: unknown): string {
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

/** `[guard]`, or nothing for an unguarded transition. */
export function guardOf(transition: Transition): string {
  return transition.guard === undefined ? '' : `[${text(guardName(transition.guard))}]`;
}

/** `event [guard]`; an eventless transition's event is drawn as `always`. */
export function labelOf(transition: Transition): string {
  const event = transition.eventType === '' ? 'always' : text(String(transition.eventType));
  const guard = guardOf(transition);
  return guard ? `${event} ${guard}` : event;
}

/** Event transitions in the chart's order, then the eventless ones. */
export function transitionsOf(node: StateNode): Transition[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
}

/**
 * A transition that stays in `node`: no target, or `node` itself without re-entering it. It runs
 * its actions and changes the context only, so it is written inside the state's box.
 */
export function staysIn(node: StateNode, transition: Transition): boolean {
  const targets = transition.target ?? [];
  return targets.length === 0 || (!transition.reenter && targets.every((t) => t === node));
}

/** `node` and every state below it, parents first. */
export function* descendants(node: StateNode): Generator<StateNode> {
  yield node;
  for (const child of Object.values(node.states)) yield* descendants(child);
}

/**
 * An initial state that only routes: atomic, eventless transitions only, the last one unguarded (so
 * the machine never rests there), and no transition into it. Such a state (`start` in the Connect
 * machines) is drawn as `[*]` pointing at each state it routes to; its entry actions, like every
 * action, are not drawn.
 */
export function isTransientStart(node: StateNode): boolean {
  const parent = node.parent;
  const always = node.always ?? [];
  if (!parent || parent.type === 'parallel' || parent.initial.target[0] !== node) return false;
  if (node.type !== 'atomic' || node.transitions.size > 0 || always.length === 0) return false;
  if (always.at(-1)?.guard !== undefined) return false;
  if (!always.every((t) => t.target?.length === 1 && t.target[0] !== node)) return false;
  for (const other of descendants(node.machine.root))
    for (const t of transitionsOf(other)) if (t.target?.includes(node)) return false;
  return true;
}

/**
 * The machine's own (root-level) events, which it handles in every state, grouped by prefix
 * (`request.submit, validate, …`) in lines of about `width` characters. An event that moves to a
 * state says where (`reset → idle`).
 */
export function rootEventLines(root: StateNode, width = 48): string[] {
  // Each group's first word is a whole event name, the others the rest of an event after the prefix.
  const groups = new Map<string, string[]>();
  for (const t of transitionsOf(root)) {
    const event = t.eventType === '' ? 'always' : String(t.eventType);
    const targets = (t.target ?? []).map((target) => target.path.join('.'));
    const dot = event.lastIndexOf('.');
    if (targets.length > 0) {
      const moving = `${event} → ${targets.join(', ')}`;
      groups.set(`→${moving}`, [moving]);
    } else if (dot < 0) {
      groups.set(`=${event}`, [event]);
    } else {
      const words = groups.get(event.slice(0, dot));
      const rest = event.slice(dot + 1);
      if (!words) groups.set(event.slice(0, dot), [event]);
      else if (words[0] !== event && !words.includes(rest)) words.push(rest);
    }
  }
  const lines: string[] = [];
  for (const words of groups.values()) {
    let line = '';
    for (const word of words) {
      if (line && line.length + word.length + 2 > width) {
        lines.push(`${line},`);
        line = word;
      } else line = line ? `${line}, ${word}` : word;
    }
    lines.push(line);
  }
  return lines.map(text);
}
