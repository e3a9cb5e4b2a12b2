/**
 * Command machines: XState machines whose events are commands.
 *
 * A command machine is an ordinary XState `StateMachine` (create actors from it, inspect it, provide
 * implementations) with one addition: before XState sees a command, the command runner checks it
 * (`admit.ts`). A refused command never reaches the chart: the actor emits `command.rejected` and
 * keeps its snapshot. An accepted command runs through the chart, and the shared bookkeeping
 * (`settle.ts`) records it. The pure API (`api.ts`) runs exactly the same two steps.
 */
import {
  type ActorScope,
  type AnyActorRef,
  type AnyStateMachine,
  type EventObject,
  type MachineContext,
  type MachineImplementationsSimplified,
  type MachineSnapshot,
  type MetaObject,
  type ParameterizedObject,
  type ProvidedActor,
  StateMachine,
  type StateSchema,
  type StateValue,
} from 'xstate';
import { admit, rejectionOf } from './admit';
import { attachSpec, type CompiledSpec, compile, specOf } from './compiled';
import { isInertScope } from './pure';
import { creationRecorded, settleCommand, settleCreation } from './settle';
import type { AnyCommand, EmittedBase, GuardSpec, MachineSpec } from './spec';

type Snapshot = MachineSnapshot<
  MachineContext,
  EventObject,
  Record<string, AnyActorRef | undefined>,
  StateValue,
  string,
  unknown,
  MetaObject,
  StateSchema
>;
type Scope = ActorScope<Snapshot, EventObject>;
type Implementations = MachineImplementationsSimplified<MachineContext, EventObject>;

/**
 * Commands that `execute` has already admitted against a given snapshot, so the chart's own
 * transition does not check them a second time.
 */
const admitted = new WeakMap<object, object>();

/** Lets the pure API hand an admitted command to XState without a second admission. */
export function markAdmitted(command: object, snapshot: object): void {
  admitted.set(command, snapshot);
}

/** The change events of each settled snapshot, for the pure API (an inert scope drops emits). */
const emissions = new WeakMap<object, readonly EmittedBase[]>();

/** The change events (`request.changed`, `status.changed`) that produced `snapshot`. */
export function settledEmissions(snapshot: object): readonly EmittedBase[] {
  return emissions.get(snapshot) ?? [];
}

/** XState's own events (`xstate.init`, `xstate.done.actor.*`, …) are not commands. */
function isInternal(event: EventObject): boolean {
  return typeof event.type === 'string' && event.type.startsWith('xstate.');
}

class CommandStateMachine extends StateMachine<
  MachineContext,
  EventObject,
  Record<string, AnyActorRef | undefined>,
  ProvidedActor,
  ParameterizedObject,
  ParameterizedObject,
  string,
  StateValue,
  string,
  unknown,
  unknown,
  EventObject,
  MetaObject,
  StateSchema
> {
  constructor(
    config: AnyStateMachine['config'],
    implementations: Implementations,
    spec: CompiledSpec,
  ) {
    super(config, implementations);
    attachSpec(this, spec);
  }

  override provide(implementations: Parameters<AnyStateMachine['provide']>[0]): never {
    const base = super.provide(implementations);
    return new CommandStateMachine(base.config, base.implementations, specOf(this)) as never;
  }

  override getInitialSnapshot(scope: Scope, input?: unknown): Snapshot {
    // The creation's `audit.recorded` is heard before what the chart's entry actions emit.
    const deferred: (() => void)[] = [];
    const inner: Scope = isInertScope(scope)
      ? scope
      : Object.create(scope, { defer: { value: (fn: () => void) => deferred.push(fn) } });
    const snapshot = super.getInitialSnapshot(inner, input);
    // XState turns a throwing context factory into an error snapshot: rethrow its own error.
    if (snapshot.status === 'error') throw snapshot.error;
    const settled = settleCreation(snapshot, input);
    if (!isInertScope(scope)) {
      const recorded = creationRecorded(settled);
      scope.defer(() => scope.emit(recorded));
      for (const fn of deferred) scope.defer(fn);
    }
    return settled;
  }

  override transition(snapshot: Snapshot, event: EventObject, scope: Scope): Snapshot {
    if (isInternal(event)) return super.transition(snapshot, event, scope);
    if (admitted.get(event) !== snapshot) {
      const verdict = admit(this, snapshot, event);
      if (verdict.kind === 'rejected') {
        const rejected = {
          type: 'command.rejected',
          rejection: rejectionOf(snapshot, event, verdict.refusal),
        };
        scope.defer(() => scope.emit(rejected));
        return snapshot;
      }
      if (verdict.kind !== 'accepted') return snapshot;
    }
    admitted.delete(event);
    if (isInertScope(scope)) {
      const next = super.transition(snapshot, event, scope);
      const settled = settleCommand(specOf(this), snapshot, next, event as AnyCommand);
      emissions.set(settled.snapshot, settled.emitted);
      return settled.snapshot;
    }
    // The chart's deferred effects (its `emit`s, messages to children) run after ours, so that
    // listeners hear `status.changed` before the notifications the change caused.
    const deferred: (() => void)[] = [];
    let flushed = false;
    const inner: Scope = Object.create(scope, {
      defer: { value: (fn: () => void) => (flushed ? scope.defer(fn) : deferred.push(fn)) },
    });
    const next = super.transition(snapshot, event, inner);
    const settled = settleCommand(specOf(this), snapshot, next, event as AnyCommand);
    emissions.set(settled.snapshot, settled.emitted);
    for (const emitted of settled.emitted) scope.defer(() => scope.emit(emitted));
    for (const fn of deferred) scope.defer(fn);
    flushed = true;
    return settled.snapshot;
  }
}

/**
 * Turns a machine made with `setup(...).createMachine(...)` into a command machine governed by
 * `spec`. The result has the same type and works everywhere an XState machine does.
 */
export function commandMachine<M extends AnyStateMachine>(machine: M, spec: MachineSpec<never>): M {
  const compiled = compile(machine, spec as unknown as MachineSpec);
  return new CommandStateMachine(machine.config, machine.implementations, compiled) as unknown as M;
}

/** XState guard implementations for named guards: `when` routes, then every rule must pass. */
export function guardImplementations<Context, Command>(
  guards: Readonly<Record<string, GuardSpec<Context, Command>>>,
): Record<string, (args: { context: Context; event: Command }) => boolean> {
  const out: Record<string, (args: { context: Context; event: Command }) => boolean> = {};
  for (const [name, { when, rules = [] }] of Object.entries(guards)) {
    out[name] = ({ context, event }) =>
      (when === undefined || when(context, event)) &&
      rules.every((rule) => rule(context, event) === null);
  }
  return out;
}
