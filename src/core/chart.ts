/**
 * A machine's chart, compiled once: for each status and command type, the candidate transitions
 * in the order XState tries them, and each state's `always`, entry and exit actions.
 *
 * The library's machines use a small subset of XState: one level of states under the root (the
 * status), optionally a transient start state, named guards and actions, `on` in states and at
 * the root, `always`, `entry`, `exit`, and final states with an output. `compileChart` refuses
 * anything else, so the evaluator (`evaluate.ts`) never meets a feature it does not implement.
 */
import type { AnyStateMachine } from 'xstate';

/** A named guard or action, with its static or dynamic params. */
export interface Ref {
  readonly name: string;
  readonly params?: unknown;
}

/** One transition of the chart. */
export interface Candidate {
  readonly guard?: Ref;
  /** The status it leads to; `undefined` for a targetless transition. */
  readonly target?: string;
  readonly actions: readonly Ref[];
  /** The status that declares it, or `null` for a root-level transition. */
  readonly source: string | null;
  /** XState's own transition object, for the inspector and `getTransitionData`. */
  readonly definition: unknown;
}

/** One state of the chart. */
export interface ChartState {
  readonly id: string;
  /** Candidates by command type: the state's own first, then the root's. */
  readonly on: ReadonlyMap<string, readonly Candidate[]>;
  /** The command types the state itself handles (not through the root). */
  readonly own: ReadonlySet<string>;
  readonly always: readonly Candidate[];
  readonly entry: readonly Ref[];
  readonly exit: readonly Ref[];
  readonly final: boolean;
  /** A final state's own `output` mapper. */
  readonly output: unknown;
}

export interface Chart {
  readonly id: string;
  readonly initial: string;
  readonly states: ReadonlyMap<string, ChartState>;
  /** The root's own entry actions (run once, at creation). */
  readonly entry: readonly Ref[];
  /** The machine's `output` mapper. */
  readonly output: unknown;
  /** Every command type some transition handles. */
  readonly handled: ReadonlySet<string>;
  /** Every guard and action name the chart refers to. */
  readonly guards: ReadonlySet<string>;
  readonly actions: ReadonlySet<string>;
  /** Every move the chart can make, as `from\0command\0to` (`create` from ''). */
  readonly moves: ReadonlySet<string>;
}

type AnyNode = AnyStateMachine['root'];

interface XTransition {
  readonly target?: readonly AnyNode[];
  readonly actions: readonly unknown[];
  readonly guard?: unknown;
  readonly reenter?: boolean;
  readonly source: AnyNode;
}

/** The name and params of a named guard or action; `undefined` for an inline function. */
export function refOf(value: unknown): Ref | undefined {
  if (typeof value === 'string') return { name: value };
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'type') === 'string'
  ) {
    const name = Reflect.get(value, 'type') as string;
    return Object.hasOwn(value, 'params')
      ? { name, params: Reflect.get(value, 'params') }
      : { name };
  }
  return undefined;
}

/**
 * Compiles the chart of `machine`, collecting every use of a feature outside the subset. Throws
 * an `Error` listing them all.
 */
export function compileChart(machine: AnyStateMachine): Chart {
  const problems: string[] = [];
  const root = machine.root as AnyNode;
  const guards = new Set<string>();
  const actions = new Set<string>();
  const refs = (list: readonly unknown[], where: string): Ref[] =>
    list.flatMap((action) => {
      const ref = refOf(action);
      if (ref === undefined) {
        problems.push(`${where}: an inline action; name it in setup({ actions })`);
        return [];
      }
      actions.add(ref.name);
      return [ref];
    });
  const candidate = (t: XTransition, where: string, source: string | null): Candidate => {
    let guard: Ref | undefined;
    if (t.guard !== undefined) {
      guard = refOf(t.guard);
      if (guard === undefined)
        problems.push(`${where}: an inline guard; name it in setup({ guards })`);
      else guards.add(guard.name);
    }
    const targets = t.target ?? [];
    if (targets.length > 1) problems.push(`${where}: more than one target`);
    const to = targets[0];
    if (to !== undefined && to.parent !== root)
      problems.push(`${where}: targets ${to.id}, not a status`);
    if (to !== undefined && source === null)
      problems.push(`${where}: a root transition with a target`);
    if (to !== undefined && to.key === source)
      problems.push(`${where}: targets its own state; leave the target out`);
    if (t.reenter) problems.push(`${where}: reenter is not supported`);
    return {
      ...(guard === undefined ? {} : { guard }),
      ...(to === undefined ? {} : { target: to.key }),
      actions: refs(t.actions, where),
      source,
      definition: t,
    };
  };
  const transitionsOf = (node: AnyNode, source: string | null) => {
    const on = new Map<string, Candidate[]>();
    for (const [type, list] of node.transitions as Map<string, XTransition[]>) {
      if (type === '*' || type.startsWith('xstate.') || type.includes('*'))
        problems.push(`${node.id}: ${type} transitions are not supported`);
      on.set(
        type,
        list.map((t, i) => candidate(t, `${node.id} on ${type}[${i}]`, source)),
      );
    }
    return on;
  };
  const plain = (node: AnyNode) => {
    if (node.invoke.length > 0) problems.push(`${node.id}: invoke is not supported`);
    if (node.after.length > 0) problems.push(`${node.id}: after is not supported`);
  };

  plain(root);
  if (root.type !== 'compound') problems.push(`${root.id}: the root must have child states`);
  if ((root.always ?? []).length > 0) problems.push(`${root.id}: root always is not supported`);
  if (root.exit.length > 0) problems.push(`${root.id}: root exit is not supported`);
  const rootOn = transitionsOf(root, null);
  const handled = new Set<string>(rootOn.keys());
  const states = new Map<string, ChartState>();
  for (const node of Object.values(root.states) as AnyNode[]) {
    plain(node);
    if (node.type !== 'atomic' && node.type !== 'final')
      problems.push(`${node.id}: ${node.type} states are not supported`);
    const own = transitionsOf(node, node.key);
    const on = new Map<string, readonly Candidate[]>();
    for (const type of new Set([...own.keys(), ...rootOn.keys()])) {
      handled.add(type);
      on.set(type, [...(own.get(type) ?? []), ...(rootOn.get(type) ?? [])]);
    }
    states.set(node.key, {
      id: node.id,
      on,
      own: new Set(own.keys()),
      always: (node.always ?? []).map((t, i) =>
        candidate(t as XTransition, `${node.id} always[${i}]`, node.key),
      ),
      entry: refs(node.entry, `${node.id} entry`),
      exit: refs(node.exit, `${node.id} exit`),
      final: node.type === 'final',
      output: node.output,
    });
  }
  const initialTarget = root.initial?.target?.[0] as AnyNode | undefined;
  if (initialTarget === undefined || initialTarget.parent !== root)
    problems.push(`${root.id}: needs an initial status`);
  if ((root.initial?.actions ?? []).length > 0)
    problems.push(`${root.id}: initial actions are not supported`);
  // Read before the check, so that an inline entry action is refused, not dropped.
  const entry = refs(root.entry, `${root.id} entry`);
  if (problems.length > 0)
    throw new Error(
      `machine ${machine.id} uses XState features the library does not evaluate:\n- ${problems.join('\n- ')}`,
    );
  return {
    id: root.id,
    initial: (initialTarget as AnyNode).key,
    states,
    entry,
    output: root.output,
    handled,
    guards,
    actions,
    moves: movesOf(states, (initialTarget as AnyNode).key),
  };
}

/**
 * Whether the chart can move a subject from `from` to `to` on `command` (for `create`, whether `to`
 * is a status a new subject can start in): the check restore runs on every audit entry.
 */
export function chartAllows(
  chart: Chart,
  from: string | null,
  command: string,
  to: string,
): boolean {
  return chart.moves.has(`${from ?? ''}\u0000${command}\u0000${to}`);
}

/** Every `from, command, to` the chart can make, as keys for {@link chartAllows}. */
function movesOf(states: ReadonlyMap<string, ChartState>, initial: string): Set<string> {
  const moves = new Set<string>();
  for (const to of settlesIn(states, initial)) moves.add(`\u0000create\u0000${to}`);
  for (const [from, state] of states) {
    for (const [command, candidates] of state.on) {
      for (const c of candidates) {
        const ends = c.target === undefined ? [from] : settlesIn(states, c.target);
        for (const to of ends) moves.add(`${from}\u0000${command}\u0000${to}`);
      }
    }
  }
  return moves;
}

/** The statuses entering `state` may end in, through its `always` transitions. */
function settlesIn(
  states: ReadonlyMap<string, ChartState>,
  state: string,
  seen = new Set<string>(),
): Set<string> {
  const node = states.get(state);
  if (node === undefined || seen.has(state)) return new Set();
  seen.add(state);
  if (node.always.length === 0) return new Set([state]);
  const out = new Set<string>();
  // A guarded always may not be taken: the state itself is then where it rests.
  if (node.always.every((c) => c.guard !== undefined)) out.add(state);
  for (const c of node.always) {
    for (const s of c.target === undefined ? [state] : settlesIn(states, c.target, seen))
      out.add(s);
  }
  return out;
}
