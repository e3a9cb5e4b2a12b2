/**
 * XState's pure step, without its per-call cost.
 *
 * `transition()` and `initialTransition()` from xstate build an inert actor *of the machine itself*
 * on every call, which computes (and here, refuses) an initial snapshot without input: about
 * three quarters of the cost of a command. These do the same step through the public `ActorLogic`
 * contract (`machine.transition`, `machine.getInitialSnapshot`) with an inert `ActorScope` whose
 * `self` is an empty actor. Effects are collected, never executed; child actors spawned during the
 * step live in that throwaway actor's system and are garbage with it.
 */
import {
  type ActorScope,
  type AnyStateMachine,
  createEmptyActor,
  type ExecutableActionObject,
} from 'xstate';

type Step<S> = [snapshot: S, actions: ExecutableActionObject[]];

/** Scopes made here: their effects are collected, never run, so their order does not matter. */
const inert = new WeakSet<object>();

/** True for a scope of {@link pureTransition} or {@link pureInitial}. */
export function isInertScope(scope: object): boolean {
  return inert.has(scope);
}

function inertScope(actions: ExecutableActionObject[]): ActorScope<never, never> {
  const self = createEmptyActor();
  const scope: ActorScope<never, never> = {
    self: self as never,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (action) => {
      actions.push(action);
    },
  };
  inert.add(scope);
  return scope;
}

/** `machine.transition(snapshot, event)` with effects collected, as xstate's `transition()`. */
export function pureTransition<S>(machine: AnyStateMachine, snapshot: S, event: unknown): Step<S> {
  const actions: ExecutableActionObject[] = [];
  const next = machine.transition(snapshot as never, event as never, inertScope(actions) as never);
  return [next as S, actions];
}

/** `machine.getInitialSnapshot(input)` with effects collected, as xstate's `initialTransition()`. */
export function pureInitial<S>(machine: AnyStateMachine, input: unknown): Step<S> {
  const actions: ExecutableActionObject[] = [];
  const next = machine.getInitialSnapshot(inertScope(actions) as never, input);
  return [next as S, actions];
}
