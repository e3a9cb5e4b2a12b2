/**
 * The evaluator: runs a compiled chart (`chart.ts`) the way XState's `macrostep` would, for the
 * subset the library's machines use, reading every guard and action from
 * `machine.implementations` so that `machine.provide()` is honoured.
 *
 * It creates no actor and runs no effect: spawning, stopping and messaging children, and custom
 * actions, come back as {@link Effect}s for a live actor to carry out. XState's own built-in action
 * objects (`assign`, `emit`, `enqueueActions`, `spawnChild`, `stopChild`, `sendTo`) are read
 * through the properties XState gives them; `test/core/xstate-contract.test.ts` pins those, and a
 * differential property test compares this evaluator with XState's own `transition`.
 */
import type { AnyStateMachine } from 'xstate';
import { type Candidate, type Chart, type Ref, refOf } from './chart';

/** What a step asks a live actor to do; a pure step only returns these. */
export type Effect =
  | { readonly kind: 'spawn'; readonly id: string; readonly src: string; readonly input: unknown }
  | { readonly kind: 'stop'; readonly id: string }
  | { readonly kind: 'send'; readonly to: string; readonly event: unknown }
  | {
      readonly kind: 'exec';
      readonly type: string;
      readonly exec: (info: unknown, params: unknown) => void;
      readonly info: unknown;
      readonly params: unknown;
    };

/** A live actor's `self` and `system`, when the step runs inside one. */
export interface Live {
  readonly self: unknown;
  readonly system: unknown;
}

/** Where a step is: the status, the context, and what it has emitted and asked for so far. */
export interface Evaluation {
  status: string;
  context: Record<string, unknown>;
  readonly emitted: unknown[];
  readonly effects: Effect[];
  done: boolean;
  output?: unknown;
}

type Impl = ((...args: unknown[]) => unknown) & Record<string, unknown>;
/** An action to run: a named one, an inline function, or a built-in an `enqueueActions` queued. */
type Queued = Ref | Impl | { readonly builtin: Impl };

/** A feature outside the library's subset met at run time (a provided implementation, say). */
export class UnsupportedFeature extends Error {}

/** Evaluates guards and actions of one machine within one step; guard results are memoized. */
export class Evaluator {
  private readonly memo = new Map<string, boolean>();
  private readonly self: unknown;
  private readonly system: unknown;

  constructor(
    readonly machine: AnyStateMachine,
    readonly chart: Chart,
    live: Live | undefined,
  ) {
    this.self = live?.self;
    this.system = live?.system;
  }

  private params(ref: Ref, context: unknown, event: unknown): unknown {
    return typeof ref.params === 'function' ? ref.params({ context, event }) : ref.params;
  }

  /** Runs a named guard; memoized within the step when it has no params (guards are pure). */
  guard(ref: Ref, context: unknown, event: unknown): boolean {
    const cached = ref.params === undefined ? this.memo.get(ref.name) : undefined;
    if (cached !== undefined) return cached;
    const impl = this.machine.implementations.guards[ref.name] as Impl | undefined;
    if (typeof impl !== 'function')
      throw new UnsupportedFeature(`guard ${ref.name} is not implemented`);
    if ('check' in impl)
      throw new UnsupportedFeature(
        `guard ${ref.name}: built-in guards (and, or, not, stateIn) are not supported`,
      );
    const result = impl({ context, event }, this.params(ref, context, event)) === true;
    if (ref.params === undefined) this.memo.set(ref.name, result);
    return result;
  }

  /** The first candidate whose guard passes, as XState selects it. */
  select(
    candidates: readonly Candidate[],
    context: unknown,
    event: unknown,
  ): Candidate | undefined {
    for (const candidate of candidates) {
      if (candidate.guard === undefined || this.guard(candidate.guard, context, event))
        return candidate;
    }
    return undefined;
  }

  private args(state: Evaluation, event: unknown) {
    return { context: state.context, event, self: this.self, system: this.system };
  }

  /** Runs one action (a name, or an action object an `enqueueActions` queued). */
  private run(action: Queued, state: Evaluation, event: unknown, params: unknown): void {
    let impl: Impl;
    if (typeof action === 'function') impl = action;
    else if ('builtin' in action) impl = action.builtin;
    else {
      const found = this.machine.implementations.actions[action.name] as Impl | undefined;
      if (typeof found !== 'function')
        throw new UnsupportedFeature(`action ${action.name} is not implemented`);
      impl = found;
      params = this.params(action, state.context, event);
    }
    const args = this.args(state, event);
    switch (impl.type) {
      case 'xstate.assign': {
        const assignment = impl.assignment as Impl | Record<string, unknown>;
        const assignArgs = {
          context: args.context,
          event,
          self: this.self,
          system: this.system,
          spawn: unsupportedSpawn,
        };
        let partial: Record<string, unknown>;
        if (typeof assignment === 'function')
          partial = assignment(assignArgs, params) as Record<string, unknown>;
        else {
          partial = {};
          for (const key of Object.keys(assignment)) {
            const value = assignment[key];
            partial[key] = typeof value === 'function' ? value(assignArgs, params) : value;
          }
        }
        state.context = { ...state.context, ...partial };
        return;
      }
      case 'xstate.emit': {
        const emitted = impl.event as Impl | unknown;
        state.emitted.push(typeof emitted === 'function' ? emitted(args, params) : emitted);
        return;
      }
      case 'xstate.enqueueActions': {
        const queued: Queued[] = [];
        const collectArgs = {
          context: args.context,
          event,
          self: this.self,
          system: this.system,
          enqueue: this.enqueue(queued),
          check: (g: unknown) => this.check(g, state, event),
        };
        (impl.collect as Impl)(collectArgs, params);
        for (const next of queued) this.run(next, state, event, undefined);
        return;
      }
      case 'xstate.spawnChild': {
        const resolve = <T>(v: unknown) =>
          (typeof v === 'function'
            ? (v as Impl)({ context: state.context, event, self: this.self })
            : v) as T;
        const id = resolve<string>(impl.id);
        const src = impl.src;
        if (typeof id !== 'string' || typeof src !== 'string')
          throw new UnsupportedFeature('spawnChild needs a string id and a named src');
        state.effects.push({ kind: 'spawn', id, src, input: resolve(impl.input) });
        return;
      }
      case 'xstate.stopChild': {
        const ref =
          typeof impl.actorRef === 'function'
            ? (impl.actorRef as Impl)(args, params)
            : impl.actorRef;
        const id = typeof ref === 'string' ? ref : (ref as { id?: unknown } | undefined)?.id;
        if (typeof id !== 'string') throw new UnsupportedFeature('stopChild needs a child id');
        state.effects.push({ kind: 'stop', id });
        return;
      }
      case 'xstate.sendTo': {
        const to = typeof impl.to === 'function' ? (impl.to as Impl)(args, params) : impl.to;
        const sent =
          typeof impl.event === 'function' ? (impl.event as Impl)(args, params) : impl.event;
        if (typeof to !== 'string') throw new UnsupportedFeature('sendTo needs a child id');
        state.effects.push({ kind: 'send', to, event: sent });
        return;
      }
      default:
        if (typeof impl.type === 'string' && impl.type.startsWith('xstate.'))
          throw new UnsupportedFeature(`action ${impl.type} is not supported`);
        // A custom action: an effect for a live actor, never run by a pure step.
        state.effects.push({
          kind: 'exec',
          type: typeof action === 'function' || 'builtin' in action ? impl.name : action.name,
          exec: impl as (info: unknown, params: unknown) => void,
          info: args,
          params,
        });
    }
  }

  /** `check` inside `enqueueActions`: a named guard (`'name'` or `{ type, params }`) or an inline one. */
  private check(guard: unknown, state: Evaluation, event: unknown): boolean {
    if (typeof guard === 'function') {
      if ('check' in guard)
        throw new UnsupportedFeature(
          'check: built-in guards (and, or, not, stateIn) are not supported',
        );
      return guard({ context: state.context, event }, undefined) === true;
    }
    const ref = refOf(guard);
    if (ref === undefined) throw new UnsupportedFeature('check needs a guard');
    return this.guard(ref, state.context, event);
  }

  /** `enqueue` as `enqueueActions` hands it out, queuing XState action objects it builds itself. */
  private enqueue(queued: Queued[]) {
    const builtin = (type: string, props: Record<string, unknown>) => {
      props.type = type;
      queued.push({ builtin: props as Impl });
    };
    const enqueue = (action: unknown) => {
      const ref =
        typeof action === 'function'
          ? (action as Impl)
          : typeof action === 'string'
            ? { name: action }
            : (action as Ref);
      queued.push(ref);
    };
    return Object.assign(enqueue, {
      assign: (assignment: unknown) => builtin('xstate.assign', { assignment }),
      emit: (event: unknown) => builtin('xstate.emit', { event }),
      spawnChild: (src: unknown, options: { id?: unknown; input?: unknown } = {}) =>
        builtin('xstate.spawnChild', { src, id: options.id, input: options.input }),
      stopChild: (actorRef: unknown) => builtin('xstate.stopChild', { actorRef }),
      sendTo: (to: unknown, event: unknown) => builtin('xstate.sendTo', { to, event }),
      raise: () => {
        throw new UnsupportedFeature('raise is not supported');
      },
      cancel: () => {
        throw new UnsupportedFeature('cancel is not supported');
      },
      sendParent: () => {
        throw new UnsupportedFeature('sendParent is not supported');
      },
    });
  }

  /** Runs a list of named actions in order, threading the context through. */
  actions(refs: readonly Ref[], state: Evaluation, event: unknown): void {
    for (const ref of refs) this.run(ref, state, event, undefined);
  }

  /** One microstep: exit, the transition's actions, entry (and done, for a final target). */
  microstep(candidate: Candidate, state: Evaluation, event: unknown): void {
    const target = candidate.target;
    if (target !== undefined) this.actions(this.state(state.status).exit, state, event);
    this.actions(candidate.actions, state, event);
    if (target !== undefined) this.enter(target, state, event);
  }

  /** Enters `status`: its entry actions, and the machine's output when it is final. */
  enter(status: string, state: Evaluation, event: unknown): void {
    const node = this.state(status);
    state.status = status;
    this.actions(node.entry, state, event);
    if (!node.final) return;
    state.done = true;
    if (this.chart.output === undefined) return;
    const self = this.self;
    const own =
      node.output === undefined
        ? undefined
        : resolveOutput(node.output, state.context, event, self);
    const doneEvent = { type: `xstate.done.state.${node.id}`, output: own };
    state.output = resolveOutput(this.chart.output, state.context, doneEvent, self);
  }

  /** Takes enabled `always` transitions until none is, as XState's macrostep does. */
  settle(state: Evaluation, event: unknown): void {
    for (let guardRail = 0; !state.done; guardRail++) {
      if (guardRail > 100)
        throw new UnsupportedFeature(`${this.chart.id}: always transitions loop`);
      const always = this.state(state.status).always;
      if (always.length === 0) return;
      this.memo.clear();
      const next = this.select(always, state.context, event);
      if (next === undefined) return;
      this.microstep(next, state, event);
    }
  }

  private state(status: string) {
    const node = this.chart.states.get(status);
    if (node === undefined) throw new UnsupportedFeature(`${this.chart.id} has no state ${status}`);
    return node;
  }
}

function resolveOutput(mapper: unknown, context: unknown, event: unknown, self: unknown): unknown {
  return typeof mapper === 'function' ? mapper({ context, event, self }) : mapper;
}

function unsupportedSpawn(): never {
  throw new UnsupportedFeature('spawn inside assign is not supported; use enqueue.spawnChild');
}
